"""Written reply (skill): the learner writes what they would say; a certified leader grades it on the
rubric, so submitting opens a review rather than scoring it."""

from django.utils.translation import gettext as _

from lms.core import conf

from ..blocks import WrittenReplyBlock
from .base import QuestionType, invalid_answer, item_ids
from .registry import register


@register
class Written(QuestionType):
    name = "written"
    block = WrittenReplyBlock
    needs_review = True

    def snapshot_fields(self, value, qid, rng):
        ids = item_ids(value["rubric"], qid)
        rubric = [
            {
                "id": i,
                "criterion": c["criterion"],
                "description": c["description"],
                "points": int(c["points"]),
            }
            for i, c in zip(ids, value["rubric"], strict=True)
        ]
        return {"rubric": rubric, "model_answer": value.get("model_answer", "") or ""}

    def from_post(self, question, data, name):
        # An emptied textarea is an answer too: it replaces the text saved before.
        return data[name] if name in data else None

    def clean(self, question, response):
        if not isinstance(response, str):
            raise invalid_answer(question, _("write your reply as text."))
        limit = conf.get("LMS_WRITTEN_REPLY_MAX_CHARS")
        if len(response) > limit:
            raise invalid_answer(
                question,
                _("keep your reply under %(limit)d characters (it has %(length)d).")
                % {"limit": limit, "length": len(response)},
            )
        return response

    def score(self, question, response):
        # Never reached: ``credit`` returns None for a type that needs review, and a leader's marks
        # give the credit (credit_from_marks).
        raise TypeError("A written reply is graded by a leader, never scored automatically.")

    def credit_from_marks(self, question, marks):
        total = sum(c["points"] for c in question["rubric"])
        awarded = sum(min(int(marks.get(c["id"], 0)), c["points"]) for c in question["rubric"])
        return awarded / total if total else 0.0

    def explain(self, question):
        return {"rubric": question["rubric"], "model_answer": question.get("model_answer", "")}
