"""True or false (awareness): a single choice between two fixed options, "true" and "false"."""

from ..blocks import TrueFalseBlock
from .registry import register
from .single_choice import SingleChoice


@register
class TrueFalse(SingleChoice):
    name = "true_false"
    block = TrueFalseBlock

    def prompt_of(self, value):
        return value.get("statement", "") or ""

    def snapshot_fields(self, value, qid, rng):
        # Never shuffled: True comes first on every attempt.
        return {
            "options": [
                {"id": "true", "text": "True", "correct": bool(value["answer"])},
                {"id": "false", "text": "False", "correct": not value["answer"]},
            ]
        }
