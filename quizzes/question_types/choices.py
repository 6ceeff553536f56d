"""What the option-picking types share: single choice, true/false and judgement pick one option;
single choice, multiple response and true/false mark each option right or wrong."""

from django.utils.translation import gettext as _

from .base import QuestionType, invalid_answer, item_ids


def keyed_options(value, qid: str, rng) -> list[dict]:
    """The author's options with their right/wrong key, shuffled for this attempt."""
    ids = item_ids(value["options"], qid)
    options = [
        {"id": i, "text": o["text"], "correct": bool(o["correct"])}
        for i, o in zip(ids, value["options"], strict=True)
    ]
    rng.shuffle(options)
    return options


class OptionsQuestion(QuestionType):
    """The learner picks from options; the result lists them all, marking the ones chosen."""

    feedback_template = "lms_quizzes/questions/options_feedback.html"


class PickOne(OptionsQuestion):
    """Exactly one option, sent as its id (radio buttons on the page)."""

    input_template = "lms_quizzes/questions/pick_one_input.html"

    def from_post(self, question, data, name):
        return data[name] if data.get(name) else None

    def clean(self, question, response):
        if not isinstance(response, str) or response not in [o["id"] for o in question["options"]]:
            raise invalid_answer(question, _("choose one of the options given."))
        return response


class KeyedOptions(OptionsQuestion):
    """Each option is right or wrong."""

    def explain(self, question):
        return {"correct_options": [o["id"] for o in question["options"] if o["correct"]]}

    def option_feedback(self, option):
        return {"correct": option["correct"]}
