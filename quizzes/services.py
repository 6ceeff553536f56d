"""Attempts: start, autosave, submit, grade and review. The browser and the API both call these."""

import datetime
import secrets

from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import page_cache
from courses.models import CoursePage
from lms.core import audit, roles
from lms.core.converters import as_id
from lms.core.exceptions import Conflict, Forbidden, LMSError, NotFound
from lms.core.names import display_name
from lms.core.notifications import announce

from . import grading, question_types, rules, selectors
from .models import Answer, AssessmentPage, Attempt, Review
from .questions import build_snapshot

# Sent once, after commit, when an attempt has its final result (certificates listen for it).
attempt_graded = Signal()


def assessment_for(course: CoursePage) -> AssessmentPage:
    """The course's live assessment, without its questions (``questions.build_snapshot`` reads those
    only when it has not converted them already): kept until pages change (``courses.page_cache``)."""
    assessment = page_cache.cached(
        "assessment",
        (course.pk,),
        lambda: AssessmentPage.objects.live().child_of(course).defer_streamfields().first(),
    )
    if assessment is None:
        raise NotFound(
            _("“%(title)s” has no assessment yet.") % {"title": course.title}, code="no_assessment"
        )
    return assessment


def own_attempt(*, user, attempt_id, lock: bool = False, related: bool = True) -> Attempt:
    """The caller's attempt; ``related=False`` skips loading the course and assessment pages (the
    assessment carries every question of the live version, which autosave never needs)."""
    qs = Attempt.objects.select_related("course", "assessment") if related else Attempt.objects.all()
    if lock:
        qs = qs.select_for_update(of=("self",))
    attempt = qs.filter(pk=attempt_id, learner=user).first() if as_id(attempt_id) is not None else None
    if attempt is None:
        # Somebody else's attempt looks exactly like a missing one.
        raise NotFound(_("You have no attempt with id %(id)s.") % {"id": attempt_id}, code="not_your_attempt")
    return attempt


# Starting


def start_attempt(*, user, course: CoursePage) -> tuple[Attempt, bool]:
    """Return the open attempt, or start a new one. Parallel starts still leave exactly one open."""
    assessment = assessment_for(course)
    attempts = list(Attempt.objects.filter(learner=user, assessment=assessment))
    for attempt in [a for a in attempts if a.is_open]:
        if not rules.is_past_deadline(attempt):
            return attempt, False
        submit(user=user, attempt_id=attempt.pk)
        attempts = None  # read again below, with that attempt's result
    state = selectors.assessment_state_for(user=user, assessment=assessment, course=course, attempts=attempts)
    refusal = state.refusal
    if refusal:
        code, message, status = refusal
        raise LMSError(message, code=code, status=status)
    now = timezone.now()
    seed = secrets.randbits(48)
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                learner=user,
                assessment=assessment,
                course=course,
                number=len(state.attempts) + 1,
                seed=seed,
                snapshot=build_snapshot(assessment, seed=seed),
                revision_id=assessment.live_revision_id,
                started_at=now,
                expires_at=(
                    now + datetime.timedelta(minutes=assessment.time_limit_minutes)
                    if assessment.time_limit_minutes
                    else None
                ),
            )
    except IntegrityError:
        # Another request started one at the same moment: hand back that one.
        attempt = Attempt.objects.filter(
            learner=user, assessment=assessment, state=Attempt.State.OPEN
        ).first()
        if attempt is None:
            raise Conflict(
                _("Another attempt was started at the same moment; try again."), code="conflict"
            ) from None
        return attempt, False
    return attempt, True


# Answering


def clean_response(question: dict, response):
    """Check a response has the right shape for its question; returns it normalised."""
    if response is None:
        return None
    try:
        kind = question_types.of(question)
    except question_types.UnknownQuestionType:
        raise question_types.invalid_answer(question, _("unknown question type.")) from None
    return kind.clean(question, response)


def _close_for_time(user, attempt) -> None:
    submit(user=user, attempt_id=attempt.pk)
    raise Conflict(
        _("Time is up for this attempt. The answers you saved in time have been submitted."), code="time_up"
    )


def save_answers(*, user, attempt_id, answers: dict) -> Attempt:
    """Autosave: store the given responses, all or none, in one round trip."""
    if not isinstance(answers, dict):
        raise LMSError(_("Send answers as an object of question id to response."), code="invalid_answer")
    attempt = own_attempt(user=user, attempt_id=attempt_id, related=False)
    if not attempt.is_open:
        raise Conflict(
            _("This attempt has been submitted; answers can no longer change."), code="attempt_closed"
        )
    if rules.is_past_deadline(attempt):
        _close_for_time(user, attempt)
    questions = {q["id"]: q for q in attempt.snapshot["questions"]}
    unknown = [qid for qid in answers if qid not in questions]
    if unknown:
        raise LMSError(
            _("Not a question in this attempt: %(ids)s.") % {"ids": ", ".join(map(str, unknown))},
            code="invalid_answer",
        )
    cleaned = {qid: clean_response(questions[qid], response) for qid, response in answers.items()}
    with transaction.atomic():
        # Lock the row and re-read only its state: a submit that got in first wins, and the snapshot
        # (which never changes) need not be read twice.
        state = (
            Attempt.objects.select_for_update().filter(pk=attempt.pk).values_list("state", flat=True).first()
        )
        if state != Attempt.State.OPEN:
            raise Conflict(
                _("This attempt has been submitted; answers can no longer change."), code="attempt_closed"
            )
        now = timezone.now()
        Answer.objects.bulk_create(
            [
                Answer(attempt=attempt, question_id=qid, response=value, saved_at=now)
                for qid, value in cleaned.items()
            ],
            update_conflicts=True,
            unique_fields=["attempt", "question_id"],
            update_fields=["response", "saved_at"],
        )
    return attempt


def saved_answers(attempt: Attempt) -> dict:
    return dict(attempt.answers.values_list("question_id", "response"))


# Submitting and grading


def submit(*, user, attempt_id) -> Attempt:
    """Submit once. A repeat, or a parallel submit, returns the same result without grading again."""
    with transaction.atomic():
        attempt = own_attempt(user=user, attempt_id=attempt_id, lock=True)
        if not attempt.is_open:
            return attempt
        now = timezone.now()
        attempt.timed_out = rules.is_past_deadline(attempt, now)
        answers = {a.question_id: a for a in attempt.answers.all()}
        to_update, reviews = [], []
        for question in attempt.snapshot["questions"]:
            answer = answers.get(question["id"])
            if question_types.of(question).needs_review:
                # A leader grades it on its rubric, through a review of the written-reply kind; an empty
                # reply is still graded (zero), so the attempt can finish.
                if answer is None:
                    answer = Answer.objects.create(attempt=attempt, question_id=question["id"], response="")
                    answers[question["id"]] = answer
                reviews.append(Review(attempt=attempt, kind=Review.Kind.WRITTEN, question_id=question["id"]))
            elif answer is not None:
                answer.credit = grading.credit_for(question, answer.response)
                to_update.append(answer)
        Answer.objects.bulk_update(to_update, ["credit"])
        if attempt.snapshot.get("observation") and not _observation_signed_before(attempt):
            reviews.append(Review(attempt=attempt, kind=Review.Kind.OBSERVATION))
        Review.objects.bulk_create(reviews)
        attempt.submitted_at = now
        attempt.state = Attempt.State.AWAITING_REVIEW if reviews else Attempt.State.GRADED
        attempt.save(update_fields=["submitted_at", "state", "timed_out"])
        if not reviews:
            _finalise(attempt, list(answers.values()))
    return attempt


def _observation_signed_before(attempt: Attempt) -> bool:
    """A practical observation signed off on an earlier attempt still counts: it watched real work."""
    return Review.objects.filter(
        attempt__learner_id=attempt.learner_id,
        attempt__course_id=attempt.course_id,
        kind=Review.Kind.OBSERVATION,
        state=Review.State.DONE,
    ).exists()


def _finalise(attempt: Attempt, answers: list[Answer]) -> None:
    credits = {a.question_id: a.credit for a in answers}
    assessment = attempt.assessment
    result = grading.score(
        attempt.snapshot["questions"],
        credits,
        awareness_threshold=assessment.awareness_threshold,
        skill_threshold=assessment.skill_threshold,
        skill_minimum=assessment.skill_minimum,
    )
    attempt.awareness_score = result.awareness_score
    attempt.skill_score = result.skill_score
    attempt.skill_scores = result.skills
    attempt.passed = result.passed
    attempt.state = Attempt.State.GRADED
    attempt.graded_at = timezone.now()
    attempt.save(
        update_fields=["awareness_score", "skill_score", "skill_scores", "passed", "state", "graded_at"]
    )
    transaction.on_commit(lambda: attempt_graded.send(sender=Attempt, attempt=attempt))


def _finalise_if_reviewed(attempt: Attempt) -> None:
    if attempt.reviews.filter(state=Review.State.PENDING).exists():
        return
    _finalise(attempt, list(attempt.answers.all()))


# Reviews


def reviewable(*, reviewer, review_id, lock: bool = False) -> Review:
    qs = Review.objects.select_related("attempt__learner", "attempt__course", "attempt__assessment")
    if lock:
        qs = qs.select_for_update(of=("self",))
    review = qs.filter(pk=review_id).first() if as_id(review_id) is not None else None
    if review is None or not (
        roles.leads(reviewer, review.attempt.learner) or reviewer.pk == review.attempt.learner_id
    ):
        raise NotFound(
            _("There is no review with id %(id)s for you.") % {"id": review_id}, code="review_not_found"
        )
    refusal = rules.review_refusal(reviewer, review.attempt)
    if refusal:
        raise Forbidden(refusal[1], code=refusal[0])
    return review


def question_of(review: Review) -> dict | None:
    return next((q for q in review.attempt.snapshot["questions"] if q["id"] == review.question_id), None)


@transaction.atomic
def grade_written(
    *, reviewer, review_id, marks: dict, comment: str, origin: audit.Origin | None = None
) -> Review:
    review = reviewable(reviewer=reviewer, review_id=review_id, lock=True)
    if review.kind != Review.Kind.WRITTEN:
        raise LMSError(_("This review is an observation: sign it off instead."), code="wrong_review_kind")
    if review.state == Review.State.DONE:
        raise Conflict(_("This reply has already been graded."), code="already_reviewed")
    question = question_of(review)
    if not isinstance(marks, dict):
        raise LMSError(_("Send marks as an object of criterion id to points."), code="invalid_marks")
    criteria = {c["id"]: c for c in question["rubric"]}
    problems = [
        _("“%(criterion)s” needs a mark") % {"criterion": c["criterion"]}
        for cid, c in criteria.items()
        if cid not in marks
    ]
    problems += [
        _("“%(id)s” is not a criterion of this rubric") % {"id": cid} for cid in marks if cid not in criteria
    ]
    for cid, value in marks.items():
        if cid in criteria and (
            not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= criteria[cid]["points"]
        ):
            problems.append(
                _("“%(criterion)s” takes a whole number from 0 to %(points)d")
                % {"criterion": criteria[cid]["criterion"], "points": criteria[cid]["points"]}
            )
    if not (comment or "").strip():
        problems.append(_("add a comment the learner can act on"))
    if problems:
        raise LMSError(
            _("Not graded: %(problems)s.") % {"problems": "; ".join(problems)}, code="invalid_marks"
        )
    review.marks = {cid: int(v) for cid, v in marks.items()}
    review.comment = comment.strip()
    review.reviewer = reviewer
    review.state = Review.State.DONE
    review.completed_at = timezone.now()
    review.save()
    credit = grading.written_credit(question, review.marks)
    Answer.objects.filter(attempt=review.attempt, question_id=review.question_id).update(credit=credit)
    audit.record(
        actor=reviewer,
        verb="review.grade",
        subject=review.attempt.learner,
        obj=review,
        reason=review.comment,
        data={"marks": review.marks, "credit": round(credit, 3), "course": review.attempt.course.title},
        origin=origin,
    )
    _finalise_if_reviewed(review.attempt)
    announce.reply_graded(
        learner=review.attempt.learner,
        reviewer=reviewer,
        review_id=review.pk,
        course_title=review.attempt.course.title,
        attempt_link=_attempt_link(review.attempt),
        points=sum(review.marks.values()),
        out_of=sum(c["points"] for c in question["rubric"]),
        comment=review.comment,
        finished=review.attempt.state == Attempt.State.GRADED,
    )
    return review


@transaction.atomic
def sign_off(
    *, reviewer, review_id, items: list, note: str = "", origin: audit.Origin | None = None
) -> Review:
    """Sign off observed behaviours, one or several at a time; done when every item is signed."""
    review = reviewable(reviewer=reviewer, review_id=review_id, lock=True)
    if review.kind != Review.Kind.OBSERVATION:
        raise LMSError(_("This review is a written reply: grade it instead."), code="wrong_review_kind")
    if review.state == Review.State.DONE:
        raise Conflict(_("This observation has already been signed off."), code="already_reviewed")
    checklist = {i["id"]: i for i in review.attempt.snapshot.get("observation", [])}
    if not isinstance(items, list) or not items:
        raise LMSError(_("Choose at least one behaviour you saw."), code="invalid_items")
    unknown = [str(i) for i in items if i not in checklist]
    if unknown:
        raise LMSError(
            _("Not on this checklist: %(items)s.") % {"items": ", ".join(unknown)}, code="invalid_items"
        )
    now = timezone.now().isoformat()
    marks = dict(review.marks)
    for item in items:
        marks[item] = {
            "by": reviewer.pk,
            "by_name": display_name(reviewer),
            "at": now,
            "note": (note or "").strip(),
        }
    review.marks = marks
    review.reviewer = reviewer
    if set(marks) >= set(checklist):
        review.state = Review.State.DONE
        review.completed_at = timezone.now()
        review.comment = (note or "").strip()
    review.save()
    audit.record(
        actor=reviewer,
        verb="review.sign_off",
        subject=review.attempt.learner,
        obj=review,
        reason=(note or "").strip(),
        data={"items": [checklist[i]["behaviour"] for i in items], "course": review.attempt.course.title},
        origin=origin,
    )
    if review.state == Review.State.DONE:
        _finalise_if_reviewed(review.attempt)
        announce.observation_signed_off(
            learner=review.attempt.learner,
            reviewer=reviewer,
            review_id=review.pk,
            course_title=review.attempt.course.title,
            attempt_link=_attempt_link(review.attempt),
            behaviours=[item["behaviour"] for item in checklist.values()],
            note=review.comment,
            finished=review.attempt.state == Attempt.State.GRADED,
        )
    return review


def _attempt_link(attempt: Attempt) -> str:
    """Where the learner reads their result and the feedback."""
    return reverse("lms:attempt", kwargs={"attempt_id": attempt.pk})
