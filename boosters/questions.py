"""Which of a course's assessment questions make boosters, and how one is shown, checked and explained:
all through the quizzes' question-type registry, exactly as the assessment does."""

import random

from quizzes import question_types
from quizzes.blocks import PoolBlock
from quizzes.questions import public_question, question_from_block


def _blocks(assessment):
    """Every question block of the assessment, a pool's questions included (a booster asks them all)."""
    for block in assessment.questions:
        if isinstance(block.block, PoolBlock):
            yield from block.value["questions"]
        else:
            yield block


def booster_questions(course) -> list[dict]:
    """The course's awareness and scenario questions that score themselves (no written replies; the
    practical observation is not a question), as snapshots with their keys. Options are shuffled once per
    question, seeded by its id, so a question looks the same every time it comes back."""
    assessment = course.assessment()
    if assessment is None:
        return []
    questions = []
    for block in _blocks(assessment):
        try:
            kind = question_types.get(block.block_type)
        except question_types.UnknownQuestionType:
            continue
        if kind.needs_review:
            continue
        rng = random.Random(str(block.id))  # noqa: S311 - a stable shuffle, not security
        questions.append(question_from_block(block, rng))
    return questions


def learner_view(question: dict) -> dict:
    """What may be shown before an answer: the public question, nothing that reveals a key."""
    return public_question(question)


def clean(question: dict, response):
    """The response normalised by its type; a wrong shape raises ``invalid_answer`` (400)."""
    return question_types.of(question).clean(question, response)


def credit(question: dict, response) -> float:
    return question_types.of(question).credit(question, response) or 0.0


def feedback(question: dict, response) -> dict:
    """Everything the learner sees once they have answered: their choices beside the right ones (or each
    reply's quality), and the explanation."""
    kind = question_types.of(question)
    return {
        "options": kind.result_options(question, response),
        "explanation": question.get("explanation", ""),
        **kind.explain(question),
    }


def input_template(question: dict) -> str:
    return question_types.of(question).input_template


def feedback_template(question: dict) -> str:
    return question_types.of(question).feedback_template
