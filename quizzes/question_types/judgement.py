"""Situational judgement (skill): plausible replies graded best to worst; credit follows quality."""

from django.utils.translation import gettext as _

from ..blocks import JudgementBlock
from .base import item_ids
from .choices import PickOne
from .registry import register


def quality_label(quality: int) -> str:
    if quality >= 100:
        return _("best reply")
    if quality >= 50:
        return _("acceptable")
    return _("weak") if quality > 0 else _("harmful")


@register
class Judgement(PickOne):
    name = "judgement"
    block = JudgementBlock

    def snapshot_fields(self, value, qid, rng):
        ids = item_ids(value["options"], qid)
        options = [
            {"id": i, "text": o["text"], "quality": int(o["quality"])}
            for i, o in zip(ids, value["options"], strict=True)
        ]
        rng.shuffle(options)
        return {"options": options}

    def score(self, question, response):
        best = max(o["quality"] for o in question["options"]) or 1
        chosen = next((o for o in question["options"] if o["id"] == response), None)
        return (chosen["quality"] / best) if chosen else 0.0

    def explain(self, question):
        return {"option_quality": {o["id"]: o["quality"] for o in question["options"]}}

    def option_feedback(self, option):
        return {"quality": option["quality"], "quality_label": quality_label(option["quality"])}
