"""Single choice (awareness): one right option among several."""

from ..blocks import SingleChoiceBlock
from .choices import KeyedOptions, PickOne, keyed_options
from .registry import register


@register
class SingleChoice(PickOne, KeyedOptions):
    name = "single_choice"
    block = SingleChoiceBlock

    def snapshot_fields(self, value, qid, rng):
        return {"options": keyed_options(value, qid, rng)}

    def score(self, question, response):
        chosen = next((o for o in question["options"] if o["id"] == response), {})
        return 1.0 if chosen.get("correct") else 0.0
