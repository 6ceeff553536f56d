"""Reading a submitted attempt form back into answers, and the review forms."""

from .questions import CHOICE_TYPES


def answers_from_post(snapshot: dict, data) -> tuple[dict, dict]:
    """Answers from the attempt form, and a message per question that could not be read."""
    answers, errors = {}, {}
    for question in snapshot["questions"]:
        qid, kind, name = question["id"], question["type"], f"q-{question['id']}"
        if kind in CHOICE_TYPES - {"multiple_response"}:
            if data.get(name):
                answers[qid] = data[name]
        elif kind == "multiple_response":
            if data.get(f"{name}-present"):
                answers[qid] = data.getlist(name)
        elif kind == "sequencing":
            positions = {}
            for option in question["options"]:
                value = data.get(f"{name}-pos-{option['id']}")
                if value:
                    positions[option["id"]] = value
            if len(positions) == len(question["options"]):
                if len(set(positions.values())) != len(positions):
                    errors[qid] = "Give each step its own position."
                else:
                    answers[qid] = sorted(positions, key=lambda step: int(positions[step]))
        elif kind == "written":
            if name in data:
                answers[qid] = data[name]
    return answers, errors
