"""Multiple response (awareness): tick every right option; partial credit, wrong ticks cost."""

from django.utils.translation import gettext as _

from ..blocks import MultipleResponseBlock
from .base import invalid_answer
from .choices import KeyedOptions, keyed_options
from .registry import register


@register
class MultipleResponse(KeyedOptions):
    name = "multiple_response"
    block = MultipleResponseBlock

    def snapshot_fields(self, value, qid, rng):
        return {"options": keyed_options(value, qid, rng)}

    def from_post(self, question, data, name):
        # Unticking every box posts nothing, so the template adds "<name>-present" to tell
        # "ticked none" apart from "never answered".
        return data.getlist(name) if data.get(f"{name}-present") else None

    def clean(self, question, response):
        if not isinstance(response, list) or not all(isinstance(r, str) for r in response):
            raise invalid_answer(question, _("send a list of option ids."))
        if len(set(response)) != len(response) or not set(response) <= {o["id"] for o in question["options"]}:
            raise invalid_answer(question, _("choose each option at most once, from the options given."))
        return response

    def score(self, question, response):
        correct = {o["id"] for o in question["options"] if o["correct"]}
        chosen = set(response)
        # Each right pick earns a share; each wrong pick takes one away, never below zero.
        return max(0.0, (len(chosen & correct) - len(chosen - correct)) / len(correct))
