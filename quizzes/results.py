"""What a learner sees after submitting: per-question feedback, scores and plain-words verdicts."""

from . import grading, question_types
from .models import Attempt, Review


def result_for(attempt: Attempt) -> dict:
    """The full result of a submitted attempt. Never call this for an open attempt."""
    assert not attempt.is_open, "results exist only after submission"  # noqa: S101 - programming error
    answers = {a.question_id: a for a in attempt.answers.all()}
    reviews = {(r.kind, r.question_id): r for r in attempt.reviews.all()}
    questions = []
    for question in attempt.snapshot["questions"]:
        kind = question_types.of(question)
        answer = answers.get(question["id"])
        review = reviews.get((Review.Kind.WRITTEN, question["id"]))
        item = {
            "id": question["id"],
            "type": question["type"],
            "dimension": question["dimension"],
            "skills": [s["name"] for s in question["skills"]],
            "scenario": question["scenario"],
            "prompt": question["prompt"],
            "options": kind.result_options(question, answer.response if answer else None),
            "response": answer.response if answer else None,
            "credit": None if answer is None or answer.credit is None else round(answer.credit * 100),
            "explanation": question["explanation"],
            **kind.explain(question),
        }
        if review is not None:
            item["review"] = {
                "state": review.state,
                "marks": review.marks,
                "comment": review.comment,
            }
        questions.append(item)
    observation_review = reviews.get((Review.Kind.OBSERVATION, ""))
    observation = [
        {
            "id": item["id"],
            "skill": item["skill"],
            "behaviour": item["behaviour"],
            "signed_off": bool(observation_review and item["id"] in observation_review.marks),
            "note": (
                observation_review.marks.get(item["id"], {}).get("note", "") if observation_review else ""
            ),
        }
        for item in attempt.snapshot.get("observation", [])
    ]
    threshold = attempt.assessment.skill_threshold
    skills, verdicts = attempt.skill_scores, []
    provisional = None
    if attempt.state == Attempt.State.AWAITING_REVIEW:
        # Until a leader grades the written replies, show what the automatic questions already say.
        automatic = [q for q in attempt.snapshot["questions"] if not question_types.of(q).needs_review]
        partial = grading.score(
            automatic,
            {a.question_id: a.credit for a in answers.values()},
            awareness_threshold=attempt.assessment.awareness_threshold,
            skill_threshold=threshold,
            skill_minimum=attempt.assessment.skill_minimum,
        )
        provisional = {"awareness_score": partial.awareness_score, "skill_score": partial.skill_score}
        skills = partial.skills
    if skills:
        verdicts = grading.skill_verdicts(skills, threshold=threshold)
    return {
        "id": attempt.pk,
        "state": attempt.state,
        "passed": attempt.passed,
        "timed_out": attempt.timed_out,
        "awareness_score": attempt.awareness_score,
        "skill_score": attempt.skill_score,
        "skills": skills,
        "verdicts": verdicts,
        "provisional": provisional,
        "questions": questions,
        "observation": observation,
        "thresholds": {
            "awareness": attempt.assessment.awareness_threshold,
            "skill": attempt.assessment.skill_threshold,
            "per_skill": attempt.assessment.skill_minimum,
        },
    }
