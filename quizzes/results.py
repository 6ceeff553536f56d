"""What a learner sees after submitting: per-question feedback, scores and plain-words verdicts."""

from . import grading
from .models import Attempt, Review


def _correct_view(question: dict) -> dict:
    kind = question["type"]
    if kind in ("single_choice", "multiple_response", "true_false"):
        return {"correct_options": [o["id"] for o in question["options"] if o["correct"]]}
    if kind == "judgement":
        return {"option_quality": {o["id"]: o["quality"] for o in question["options"]}}
    if kind == "sequencing":
        text = {o["id"]: o["text"] for o in question["options"]}
        return {"correct_order": [{"id": i, "text": text[i]} for i in question["key_order"]]}
    if kind == "written":
        return {"rubric": question["rubric"], "model_answer": question.get("model_answer", "")}
    return {}


def _quality_label(quality: int) -> str:
    if quality >= 100:
        return "best reply"
    if quality >= 50:
        return "acceptable"
    return "weak" if quality > 0 else "harmful"


def _options(question: dict, response) -> list[dict]:
    chosen = set(response) if isinstance(response, list) else {response}
    options = []
    for o in question["options"]:
        option = {"id": o["id"], "text": o["text"], "chosen": o["id"] in chosen}
        if "correct" in o:
            option["correct"] = o["correct"]
        if "quality" in o:
            option["quality"] = o["quality"]
            option["quality_label"] = _quality_label(o["quality"])
        options.append(option)
    return options


def result_for(attempt: Attempt) -> dict:
    """The full result of a submitted attempt. Never call this for an open attempt."""
    assert not attempt.is_open, "results exist only after submission"  # noqa: S101 - programming error
    answers = {a.question_id: a for a in attempt.answers.all()}
    reviews = {(r.kind, r.question_id): r for r in attempt.reviews.all()}
    questions = []
    for question in attempt.snapshot["questions"]:
        answer = answers.get(question["id"])
        review = reviews.get((Review.Kind.WRITTEN, question["id"]))
        item = {
            "id": question["id"],
            "type": question["type"],
            "dimension": question["dimension"],
            "skills": [s["name"] for s in question["skills"]],
            "scenario": question["scenario"],
            "prompt": question["prompt"],
            "options": _options(question, answer.response if answer else None),
            "response": answer.response if answer else None,
            "credit": None if answer is None or answer.credit is None else round(answer.credit * 100),
            "explanation": question["explanation"],
            **_correct_view(question),
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
        automatic = [q for q in attempt.snapshot["questions"] if q["type"] != "written"]
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
