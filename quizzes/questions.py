"""Turning an assessment page into the exact questions one attempt asks, and the learner-safe view of them.

The snapshot holds the keys and lives only on the server; ``public_question`` is all a browser or API
client ever sees before submission. What each kind of question holds is up to its type in
``quizzes.question_types``.
"""

import random
from collections import OrderedDict

from courses import page_cache
from lms.core import versions

from . import question_types
from .blocks import PoolBlock

# An assessment's questions as blocks, converted once per process: converting them reads every question's
# skills (a query per pool and question type) and builds every block's value, about half of starting an
# attempt. Keyed by the page version (``courses.page_cache``: any page saved, published or moved bumps it)
# and a version that any change to a skill bumps, so an edit or a renamed skill is never served from here;
# the blocks are only read. The assessment may come without its StreamFields (``services.assessment_for``
# defers them): they are read from the database only when this process has not converted them yet.
_CONVERTED: OrderedDict = OrderedDict()
_CONVERTED_MAX = 32
SKILLS_VERSION_KEY = "lms:skills:version"
STREAM_FIELDS = ("questions", "observation")


def skills_changed(**kwargs) -> None:
    """A skill was saved or deleted: questions converted before now name it as it was."""
    versions.bump_keys([SKILLS_VERSION_KEY])


def _skills_version() -> int:
    return versions.read_key(SKILLS_VERSION_KEY)


def _convert(assessment) -> tuple:
    deferred = assessment.get_deferred_fields() & set(STREAM_FIELDS)
    if deferred:
        assessment.refresh_from_db(fields=sorted(deferred))  # one query for both
    return list(assessment.questions), list(assessment.observation)


def _blocks(assessment) -> tuple:
    if not page_cache.enabled():  # per-process caches only where a shared cache carries the versions
        return _convert(assessment)
    key = (assessment.pk, page_cache.version(), _skills_version())
    converted = _CONVERTED.get(key)
    if converted is None:
        converted = _convert(assessment)
        _CONVERTED[key] = converted
        while len(_CONVERTED) > _CONVERTED_MAX:
            _CONVERTED.popitem(last=False)
    return converted


def question_from_block(block, rng: random.Random) -> dict:
    return question_types.get(block.block_type).snapshot(block, rng)


def build_snapshot(assessment, *, seed: int) -> dict:
    """Draw pools and shuffle options, reproducibly from ``seed``."""
    rng = random.Random(seed)  # noqa: S311 - reproducible shuffling, not security
    question_blocks, observation_blocks = _blocks(assessment)
    questions = []
    for block in question_blocks:
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
        for block in observation_blocks
    ]
    return {"questions": questions, "observation": observation}


def public_question(question: dict) -> dict:
    """What a learner may see before submitting: no correctness, quality, order, rubric or explanation."""
    return question_types.of(question).public(question)
