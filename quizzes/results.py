"""What a learner sees after submitting: scores, plain-words verdicts, their own answers, the next step,
and, when the assessment's review options allow it, the keys.

``result_for`` is the one place that decides what of an attempt's keys leaves the server: the result
page, ``GET /api/v1/attempts/{id}/result/`` and ``POST /api/v1/attempts/{id}/submit/`` all call it, and
a key it leaves out is in neither the HTML nor the JSON (DESIGN §4 rules 2 and 7).
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from courses.hooks import course_standings

from . import grading, question_types
from .models import Attempt, Review
from .models.assessment import ReviewTiming

# What a type's ``explain`` returns that counts as an explanation rather than a key: it follows the
# "explanations" review option. Everything else ``explain`` and ``option_feedback`` add is a key.
EXPLANATION_KEYS = ("model_answer",)
# What the learner's own view of an option keeps while the keys are hidden.
OPTION_KEYS = ("id", "text", "chosen")


# Review options: what the learner may see


@dataclass(frozen=True)
class ReviewOptions:
    """What of the keys a learner sees on one attempt's result, and why the rest is hidden."""

    answers: bool  # right answers, reply qualities, the right order, rubric, the mark per question
    explanations: bool  # explanations and model answers
    note: str = ""  # plain words: what is hidden and when it shows

    def as_dict(self) -> dict:
        return {"answers": self.answers, "explanations": self.explanations, "note": self.note}


def _timing(value) -> ReviewTiming:
    try:
        return ReviewTiming(value)
    except ValueError:
        return ReviewTiming.PASS_OR_LAST  # the safe default for a value no longer offered


ANSWERS, EXPLANATIONS = "answers", "explanations"


def _hidden_note(hidden: dict[str, ReviewTiming], *, limited: bool, another_open: bool) -> str:
    """One sentence per timing for the parts still hidden (``hidden``: part → its timing)."""
    if not hidden:
        return ""
    if another_open:
        return _("%(what)s stay hidden while you have another attempt in progress.") % {"what": _what(hidden)}
    by_timing: dict[ReviewTiming, list[str]] = {}
    for part, timing in hidden.items():
        by_timing.setdefault(timing, []).append(part)
    sentences = []
    for timing, parts in by_timing.items():
        what = _what(parts)
        if timing == ReviewTiming.NEVER:
            sentence = _(
                "%(what)s are not shown for this assessment, so it keeps measuring what people can do."
            )
        elif timing == ReviewTiming.PASS_OR_LAST and limited:
            sentence = _(
                "%(what)s appear once you pass or have used your last attempt, so another attempt shows "
                "what you can do, not what you remember."
            )
        else:
            sentence = _("%(what)s appear once you pass.")
        sentences.append(sentence % {"what": what})
    return " ".join(sentences)


def _what(parts) -> str:
    """The hidden parts, in words that start a sentence."""
    if ANSWERS in parts and EXPLANATIONS in parts:
        return _("The right answers and the explanations")
    return _("The right answers") if ANSWERS in parts else _("The explanations")


def review_options(attempt: Attempt, attempts: list[tuple[str, bool | None]] | None = None) -> ReviewOptions:
    """What the learner may see of ``attempt``'s keys now, under its assessment's review options.

    "Passed" and "the last attempt" are about the learner's attempts at the assessment, not only this one:
    once they have passed or used every attempt, no retake is left for a key to help with. While any
    attempt is still open, nothing is shown. ``attempts``: (state, passed) of each of the learner's
    attempts at the assessment, read here when not given.
    """
    assessment = attempt.assessment
    if attempts is None:
        attempts = list(
            Attempt.objects.filter(
                learner_id=attempt.learner_id, assessment_id=attempt.assessment_id
            ).values_list("state", "passed")
        )
    another_open = any(state == Attempt.State.OPEN for state, _passed in attempts)
    passed = any(passed for _state, passed in attempts) and not another_open
    limit = assessment.attempt_limit
    last = bool(limit) and len(attempts) >= limit and not another_open
    timings = {
        ANSWERS: _timing(assessment.review_answers),
        EXPLANATIONS: _timing(assessment.review_explanations),
    }
    shown = {
        part: (not another_open) and timing.allows(passed=passed, last=last)
        for part, timing in timings.items()
    }
    hidden = {part: timings[part] for part, show in shown.items() if not show}
    return ReviewOptions(
        answers=shown[ANSWERS],
        explanations=shown[EXPLANATIONS],
        note=_hidden_note(hidden, limited=bool(limit), another_open=another_open),
    )


# The learner's next step


def standing_of(attempt: Attempt):
    """The learner's standing in the attempt's course (``courses.hooks.course_standings``), or None when
    no app answers for standings."""
    return course_standings(attempt.learner, [attempt.course]).get(attempt.course_id)


def certificate_url(attempt: Attempt, standing) -> str | None:
    """The learner's certificate page, as the moment it is issued when this attempt's pass earned it."""
    if standing is None or not standing.certificate_id:
        return None
    try:
        url = reverse("lms:certificate", kwargs={"certificate_id": standing.certificate_id})
    except NoReverseMatch:  # a host site without the certificates app
        return None
    return f"{url}?issued=1" if attempt.passed and standing.is_done else url


def standing_data(attempt: Attempt, standing) -> dict | None:
    """The standing as the API gives it everywhere (``as_dict``), plus where its next step happens."""
    if standing is None:
        return None
    target = getattr(standing, "target", None)
    url = certificate_url(attempt, standing)
    next_url = url if standing.is_done else (target.url if target is not None else attempt.course.url)
    return {**standing.as_dict(), "next_url": next_url, "certificate_url": url}


# The result


def _question(question: dict, answer, review, options: ReviewOptions) -> dict:
    kind = question_types.of(question)
    response = answer.response if answer else None
    item = {
        "id": question["id"],
        "type": question["type"],
        "dimension": question["dimension"],
        "skills": [s["name"] for s in question["skills"]],
        "scenario": question["scenario"],
        "prompt": question["prompt"],
        "response": response,
    }
    shown = kind.result_options(question, response)
    explained = kind.explain(question)
    explanations = {key: explained.pop(key) for key in EXPLANATION_KEYS if key in explained}
    if options.answers:
        item["options"] = shown
        item["credit"] = None if answer is None or answer.credit is None else round(answer.credit * 100)
        item.update(explained)
    else:
        # The learner's own choices, and nothing that says which option was right or how good.
        item["options"] = [{key: option[key] for key in OPTION_KEYS if key in option} for option in shown]
    if options.explanations:
        item["explanation"] = question["explanation"]
        item.update(explanations)
    if review is not None:
        # A leader's marks and comment are the learner's feedback: shown once given, whatever the options.
        done = review.state == Review.State.DONE
        item["review"] = {
            "state": review.state,
            "marks": review.marks,
            "comment": review.comment,
            "criteria": [
                {
                    "id": c["id"],
                    "criterion": c["criterion"],
                    "points": c["points"],
                    "awarded": review.marks.get(c["id"], 0),
                }
                for c in question.get("rubric", [])
            ]
            if done
            else [],
        }
    return item


def score_so_far(attempt: Attempt, answers: dict | None = None) -> dict:
    """An attempt's scores from what is marked so far: the automatic questions and the written replies a
    leader has graded (a reply still waiting counts for nothing yet). ``pending_replies``: replies still
    to grade; ``can_pass``: whether full marks on those could still make the attempt pass, and
    ``passes_anyway``: whether it passes even with none, so a reviewer knows what their grade decides.
    ``answers``: question id → Answer, read here when not given."""
    if answers is None:
        answers = {a.question_id: a for a in attempt.answers.all()}
    credits = {question_id: a.credit for question_id, a in answers.items()}
    questions = attempt.snapshot["questions"]
    pending = {
        q["id"] for q in questions if question_types.of(q).needs_review and credits.get(q["id"]) is None
    }
    assessment = attempt.assessment
    thresholds = {
        "awareness_threshold": assessment.awareness_threshold,
        "skill_threshold": assessment.skill_threshold,
        "skill_minimum": assessment.skill_minimum,
    }
    marked = grading.score([q for q in questions if q["id"] not in pending], credits, **thresholds)
    best = grading.score(questions, {**credits, **dict.fromkeys(pending, 1.0)}, **thresholds)
    worst = grading.score(questions, {**credits, **dict.fromkeys(pending, 0.0)}, **thresholds)
    return {
        "awareness_score": marked.awareness_score,
        "skill_score": marked.skill_score,
        "skills": marked.skills,
        "pending_replies": len(pending),
        "can_pass": best.passed,
        "passes_anyway": worst.passed,
    }


_NO_STANDING = object()


def result_for(attempt: Attempt, *, standing=_NO_STANDING) -> dict:
    """The result of a submitted attempt, as far as the assessment's review options let the learner see
    it. Never call this for an open attempt. ``standing``: the learner's standing in the course when the
    caller already has it (see ``standing_of``)."""
    assert not attempt.is_open, "results exist only after submission"  # noqa: S101 - programming error
    options = review_options(attempt)
    if standing is _NO_STANDING:
        standing = standing_of(attempt)
    answers = {a.question_id: a for a in attempt.answers.all()}
    reviews = {(r.kind, r.question_id): r for r in attempt.reviews.all()}
    questions = [
        _question(
            question, answers.get(question["id"]), reviews.get((Review.Kind.WRITTEN, question["id"])), options
        )
        for question in attempt.snapshot["questions"]
    ]
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
        # Until every review is done, show what the marked questions (automatic, and written replies a
        # leader has already graded) say so far.
        partial = score_so_far(attempt, answers)
        provisional = {"awareness_score": partial["awareness_score"], "skill_score": partial["skill_score"]}
        skills = partial["skills"]
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
        "review": options.as_dict(),
        "standing": standing_data(attempt, standing),
    }


# How a question looks to a learner, for the result page and the author's preview


def input_view(question: dict, saved) -> dict:
    """The question as the attempt page shows it (public fields only, so no key can reach the type's
    input template), with ``saved`` as the answer and ``input_template`` to render it with."""
    kind = question_types.of(question)
    view = kind.public(question)
    view.update(saved=saved, error=None, input_template=kind.input_template)
    view.update(kind.input_context(view, saved))
    return view


# The author's preview: the learner's view, and the keys only when asked

# Keys the preview sets out itself; what a type's ``explain`` adds beyond these is listed by name.
_KEYS_SHOWN_ON_OPTIONS = ("correct_options", "option_quality")  # already on each option
_KEYS_SET_OUT = ("correct_order", "rubric", "model_answer")
_FEEDBACK_OPTION_KEYS = frozenset(OPTION_KEYS)


def type_label(question: dict) -> str:
    """A question type in the author's words ("Single choice"), from its block's label."""
    kind = question_types.of(question)
    label = str(getattr(getattr(kind.block, "_meta_class", None), "label", "") or "")
    label = label.split(" (", 1)[0].strip()
    return label or kind.name.replace("_", " ").capitalize()


def preview_question(question: dict, *, with_keys: bool) -> dict:
    """One snapshot question for the author's preview: the learner's view of it (``view``, for the
    type's input template), and with ``with_keys`` everything a learner may see only after submitting."""
    item = {
        "id": question["id"],
        "dimension": question["dimension"],
        "skills": [s["name"] for s in question["skills"]],
        "scenario": question["scenario"],
        "prompt": question["prompt"],
        "view": input_view(question, None),
    }
    if not with_keys:
        return item
    kind = question_types.of(question)
    options = kind.result_options(question, None)
    explained = kind.explain(question)
    item.update(
        kind_label=type_label(question),
        points=question.get("points", 1),
        # Options only when the type marks them (right or wrong, how good): a sequence's steps are
        # set out in their right order instead.
        option_keys=options if any(set(o) - _FEEDBACK_OPTION_KEYS for o in options) else [],
        explanation=question.get("explanation", ""),
        **{key: explained[key] for key in _KEYS_SET_OUT if key in explained},
        other_keys=[
            (
                key.replace("_", " ").capitalize(),
                ", ".join(map(str, value)) if isinstance(value, list) else value,
            )
            for key, value in explained.items()
            if key not in _KEYS_SET_OUT and key not in _KEYS_SHOWN_ON_OPTIONS
        ],
    )
    return item
