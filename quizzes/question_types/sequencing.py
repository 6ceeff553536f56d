"""Sequencing (skill): put the steps in order; credit is the share of step pairs in the right order."""

from itertools import combinations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..blocks import SequencingBlock
from .base import QuestionType, UnreadableAnswer, invalid_answer, item_ids
from .registry import register


@register
class Sequencing(QuestionType):
    name = "sequencing"
    block = SequencingBlock

    def snapshot_fields(self, value, qid, rng):
        ids = item_ids(value["steps"], qid)
        steps = [{"id": i, "text": str(t)} for i, t in zip(ids, value["steps"], strict=True)]
        key_order = [s["id"] for s in steps]
        shown = steps[:]
        for _try in range(5):  # a shuffle that happens to be the answer would give it away
            rng.shuffle(shown)
            if [s["id"] for s in shown] != key_order:
                break
        else:
            shown = shown[1:] + shown[:1]  # still the answer after five tries: rotate it one step
        return {"options": shown, "key_order": key_order}

    def input_context(self, question, saved):
        # The steps in the learner's saved order, each with its position; until they have arranged
        # them, in the order shown with no positions at all, so an untouched question reads as
        # unanswered (see from_post).
        steps = {o["id"]: o for o in question["options"]}
        if isinstance(saved, list) and sorted(map(str, saved)) == sorted(steps):
            positions = [(steps[str(step)], n) for n, step in enumerate(saved, start=1)]
        else:
            positions = [(o, None) for o in question["options"]]
        return {"positions": positions, "position_choices": range(1, len(steps) + 1)}

    def from_post(self, question, data, name):
        """The order from the position <select>s ("<name>-pos-<step id>"): a step per position, 1 first.

        Untouched is unanswered: the page gives the steps no position until the learner arranges them
        (by dragging, the move buttons or a <select>; the script then numbers every step, and without
        JavaScript the learner numbers each one), so a form with no positions at all holds no answer,
        even though the steps are on the page in some order. Some positions but not all, or one
        position twice, cannot be read."""
        steps = [o["id"] for o in question["options"]]
        posted = {step: (data.get(f"{name}-pos-{step}") or "").strip() for step in steps}
        given = {step: value for step, value in posted.items() if value}
        if not given:
            return None
        if len(given) != len(steps):
            missing = len(steps) - len(given)
            raise UnreadableAnswer(
                ngettext(
                    "Give every step a position: %(missing)d of %(total)d still needs one.",
                    "Give every step a position: %(missing)d of %(total)d still need one.",
                    missing,
                )
                % {"missing": missing, "total": len(steps)}
            )
        if not all(
            value.isascii() and value.isdigit() and 1 <= int(value) <= len(steps) for value in given.values()
        ):
            raise UnreadableAnswer(
                _("Give each step a position from 1 to %(total)d.") % {"total": len(steps)}
            )
        if len({int(value) for value in given.values()}) != len(steps):
            raise UnreadableAnswer(_("Give each step its own position."))
        return sorted(steps, key=lambda step: int(given[step]))

    def clean(self, question, response):
        if not isinstance(response, list) or sorted(map(str, response)) != sorted(
            o["id"] for o in question["options"]
        ):
            raise invalid_answer(question, _("put every step in order, each exactly once."))
        return response

    def score(self, question, response):
        key = question["key_order"]
        position = {step: i for i, step in enumerate(response)}
        pairs = list(combinations(key, 2))
        agreeing = sum(1 for a, b in pairs if position.get(a, -1) < position.get(b, -1))
        return agreeing / len(pairs) if pairs else 1.0

    def explain(self, question):
        text = {o["id"]: o["text"] for o in question["options"]}
        return {"correct_order": [{"id": i, "text": text[i]} for i in question["key_order"]]}
