"""Turning an assessment page into the exact questions one attempt asks, and the learner-safe view of them.

The snapshot holds the keys and lives only on the server; ``public_question`` is all a browser or API
client ever sees before submission. What each kind of question holds is up to its type in
``quizzes.question_types``.
"""

import random

from . import question_types
from .blocks import PoolBlock


def question_from_block(block, rng: random.Random) -> dict:
    return question_types.get(block.block_type).snapshot(block, rng)


def build_snapshot(assessment, *, seed: int) -> dict:
    """Draw pools and shuffle options, reproducibly from ``seed``."""
    rng = random.Random(seed)  # noqa: S311 - reproducible shuffling, not security
    questions = []
    for block in assessment.questions:
        if isinstance(block.block, PoolBlock):
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


def public_question(question: dict) -> dict:
    """What a learner may see before submitting: no correctness, quality, order, rubric or explanation."""
    return question_types.of(question).public(question)
