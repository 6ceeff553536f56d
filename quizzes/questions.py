"""Turning an assessment page into the exact questions one attempt asks, and the learner-safe view of them.

The snapshot holds the keys and lives only on the server; ``public_question`` is all a browser or API
client ever sees before submission.
"""

import random

from .blocks import AWARENESS, SKILL

CHOICE_TYPES = {"single_choice", "multiple_response", "true_false", "judgement"}
DIMENSIONS = {
    "single_choice": AWARENESS,
    "multiple_response": AWARENESS,
    "true_false": AWARENESS,
    "judgement": SKILL,
    "sequencing": SKILL,
    "written": SKILL,
}


def _item_ids(list_value, prefix: str) -> list[str]:
    """Stable ids of a ListBlock's items (Wagtail gives each one a UUID); fall back to positions."""
    bound = getattr(list_value, "bound_blocks", None)
    if bound is None:
        return [f"{prefix}-{i}" for i in range(len(list_value))]
    return [b.id or f"{prefix}-{i}" for i, b in enumerate(bound)]


def _skills(value) -> list[dict]:
    return [{"slug": s.slug, "name": s.name} for s in value["skills"] if s is not None]


def question_from_block(block, rng: random.Random) -> dict:
    kind, value, qid = block.block_type, block.value, str(block.id)
    question = {
        "id": qid,
        "type": kind,
        "dimension": DIMENSIONS[kind],
        "skills": _skills(value),
        "points": value.get("points") or 1,
        "scenario": value.get("scenario", "") or "",
        "prompt": value.get("prompt", "") or value.get("statement", ""),
        "explanation": value.get("explanation", "") or "",
        "options": [],
    }
    if kind in ("single_choice", "multiple_response"):
        ids = _item_ids(value["options"], qid)
        question["options"] = [
            {"id": i, "text": o["text"], "correct": bool(o["correct"])}
            for i, o in zip(ids, value["options"], strict=True)
        ]
        rng.shuffle(question["options"])
    elif kind == "true_false":
        question["options"] = [
            {"id": "true", "text": "True", "correct": bool(value["answer"])},
            {"id": "false", "text": "False", "correct": not value["answer"]},
        ]
    elif kind == "judgement":
        ids = _item_ids(value["options"], qid)
        question["options"] = [
            {"id": i, "text": o["text"], "quality": int(o["quality"])}
            for i, o in zip(ids, value["options"], strict=True)
        ]
        rng.shuffle(question["options"])
    elif kind == "sequencing":
        ids = _item_ids(value["steps"], qid)
        steps = [{"id": i, "text": str(t)} for i, t in zip(ids, value["steps"], strict=True)]
        question["key_order"] = [s["id"] for s in steps]
        shown = steps[:]
        for _ in range(5):  # a shuffle that happens to be the answer would give it away
            rng.shuffle(shown)
            if [s["id"] for s in shown] != question["key_order"]:
                break
        question["options"] = shown
    elif kind == "written":
        ids = _item_ids(value["rubric"], qid)
        question["rubric"] = [
            {
                "id": i,
                "criterion": c["criterion"],
                "description": c["description"],
                "points": int(c["points"]),
            }
            for i, c in zip(ids, value["rubric"], strict=True)
        ]
        question["model_answer"] = value.get("model_answer", "") or ""
    return question


def build_snapshot(assessment, *, seed: int) -> dict:
    """Draw pools and shuffle options, reproducibly from ``seed``."""
    rng = random.Random(seed)  # noqa: S311 - reproducible shuffling, not security
    questions = []
    for block in assessment.questions:
        if block.block_type == "pool":
            children = list(block.value["questions"])
            drawn = set(rng.sample(range(len(children)), min(block.value["draw"], len(children))))
            questions += [question_from_block(c, rng) for i, c in enumerate(children) if i in drawn]
        else:
            questions.append(question_from_block(block, rng))
    observation = [
        {
            "id": str(block.id),
            "skill": block.value["skill"].name if block.value["skill"] else "",
            "behaviour": block.value["behaviour"],
        }
        for block in assessment.observation
    ]
    return {"questions": questions, "observation": observation}


PUBLIC_KEYS = ("id", "type", "dimension", "skills", "scenario", "prompt")


def public_question(question: dict) -> dict:
    """What a learner may see before submitting: no correctness, quality, order, rubric or explanation."""
    data = {key: question[key] for key in PUBLIC_KEYS}
    data["skills"] = [s["name"] for s in question["skills"]]
    data["options"] = [{"id": o["id"], "text": o["text"]} for o in question["options"]]
    return data
