"""Reading a submitted attempt form back into answers."""

from . import question_types


def answers_from_post(snapshot: dict, data) -> tuple[dict, dict]:
    """Answers from the attempt form, and a message per question that could not be read."""
    answers, errors = {}, {}
    for question in snapshot["questions"]:
        qid = question["id"]
        try:
            response = question_types.of(question).from_post(question, data, f"q-{qid}")
        except question_types.UnreadableAnswer as error:
            errors[qid] = str(error)
            continue
        if response is not None:
            answers[qid] = response
    return answers, errors
