"""True or false (awareness): a single choice between two fixed options, "true" and "false"."""

from django.utils.translation import gettext_lazy

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

    # Snapshots keep the English words (they are data, kept for years); each page shows them in its own
    # language.
    LABELS = {"true": gettext_lazy("True"), "false": gettext_lazy("False")}

    def _in_words(self, options: list[dict]) -> list[dict]:
        return [{**o, "text": str(self.LABELS.get(o["id"], o["text"]))} for o in options]

    def public(self, question):
        data = super().public(question)
        data["options"] = self._in_words(data["options"])
        return data

    def result_options(self, question, response):
        return self._in_words(super().result_options(question, response))
