"""Sequencing (skill): put the steps in order; credit is the share of step pairs in the right order."""

from itertools import combinations

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
        for _ in range(5):  # a shuffle that happens to be the answer would give it away
            rng.shuffle(shown)
            if [s["id"] for s in shown] != key_order:
                break
        return {"options": shown, "key_order": key_order}

    def input_context(self, question, saved):
        # One <select> of positions per step, preset to the saved order (or the order shown).
        order = saved or [o["id"] for o in question["options"]]
        position = {step: i + 1 for i, step in enumerate(order)}
        return {
            "positions": [(o, position.get(o["id"])) for o in question["options"]],
            "position_choices": range(1, len(question["options"]) + 1),
        }

    def from_post(self, question, data, name):
        positions = {}
        for option in question["options"]:
            value = data.get(f"{name}-pos-{option['id']}")
            if value:
                positions[option["id"]] = value
        if len(positions) != len(question["options"]):
            return None
        if len(set(positions.values())) != len(positions):
            raise UnreadableAnswer("Give each step its own position.")
        return sorted(positions, key=lambda step: int(positions[step]))

    def clean(self, question, response):
        if not isinstance(response, list) or sorted(map(str, response)) != sorted(
            o["id"] for o in question["options"]
        ):
            raise invalid_answer(question, "put every step in order, each exactly once.")
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
