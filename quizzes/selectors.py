"""Reads that feed pages and the API: a person's standing on an assessment, and a leader's review queue.
Nothing here writes."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.access import course_access
from courses.models import Enrolment, ModulePage
from courses.progress import progress_for
from lms.core.models import Profile
from lms.core.teams import led_team_ids_sql

from . import hooks, rules
from .models import AssessmentPage, Attempt, Review


@dataclass
class AssessmentState:
    assessment: AssessmentPage
    enrolled: bool
    attempts: list[Attempt]
    open_attempt: Attempt | None
    remaining: int | None
    cooldown_until: object
    passed: bool
    refusal: tuple[str, str, int] | None = None
    reviews_pending: list = field(default_factory=list)
    # Required modules still to finish before the assessment opens (0 when the course opens it early),
    # and the first of them.
    modules_left: int = 0
    modules_done: int = 0
    next_module: ModulePage | None = None

    @property
    def refusal_code(self) -> str:
        return self.refusal[0] if self.refusal else ""


def _modules_left(course, enrolment) -> tuple[int, int, ModulePage | None]:
    """Required modules of ``course`` not yet done and those done, and the next one, unless the course
    lets people take its assessment before finishing them."""
    if enrolment is None or course.assessment_opens_early:
        return 0, 0, None
    progress = progress_for(enrolment)
    return len(progress.required) - progress.required_done, progress.required_done, progress.next_module


def assessment_state_for(
    *, user, assessment: AssessmentPage, course=None, attempts: list[Attempt] | None = None
) -> AssessmentState:
    """``course`` (the assessment's parent) and ``attempts`` (all of the user's on it) when the caller
    has read them already, which saves a start three queries."""
    course = course if course is not None else assessment.get_parent().specific
    if attempts is None:
        attempts = list(Attempt.objects.filter(learner=user, assessment=assessment))
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is not None:
        enrolment.course = course  # progress reads the course's modules; no need to load it again
    modules_left, modules_done, next_module = _modules_left(course, enrolment)
    state = AssessmentState(
        assessment=assessment,
        enrolled=enrolment is not None,
        modules_left=modules_left,
        modules_done=modules_done,
        next_module=next_module,
        attempts=attempts,
        open_attempt=next((a for a in attempts if a.is_open), None),
        remaining=(assessment.attempt_limit - len(attempts)) if assessment.attempt_limit else None,
        cooldown_until=rules.cooldown_until(assessment, attempts),
        passed=any(a.passed for a in attempts),
    )
    state.refusal = start_refusal(user=user, course=course, state=state)
    return state


def start_refusal(*, user, course, state: AssessmentState) -> tuple[str, str, int] | None:
    """Why ``user`` may not start an attempt now, as (code, message, HTTP status), or None if they may.

    In the order a person's standing in the course (``courses.hooks.course_standings``) puts the same
    facts, so the assessment page, the API and every screen showing the standing say the same thing:
    a pass or a pending review first, then the modules, then who may start at all, then attempts.
    """
    if not state.enrolled:
        return (
            "not_enrolled",
            _("Enrol in “%(title)s” before taking its assessment.") % {"title": course.title},
            403,
        )
    if state.passed:
        return "already_passed", _("You have already passed this assessment."), 409
    if any(a.state == Attempt.State.AWAITING_REVIEW for a in state.attempts):
        return (
            "awaiting_review",
            _("Your last attempt is waiting for your team leader's review; you will hear when it is done."),
            409,
        )
    if state.modules_left:
        # DESIGN §4 rule 7: the assessment checks what the course taught, so it opens after the modules.
        return (
            "modules_incomplete",
            ngettext(
                "Finish %(count)d more module first: the assessment opens once the required modules "
                "are done.",
                "Finish %(count)d more modules first: the assessment opens once the required modules "
                "are done.",
                state.modules_left,
            )
            % {"count": state.modules_left},
            403,
        )
    access = course_access(user=user, course=course)
    if not access.is_open:
        return access.code, access.detail, 403
    if state.remaining is not None and state.remaining <= 0:
        return (
            "attempt_limit",
            _("You have used all %(limit)d attempts. Ask your team leader about next steps.")
            % {"limit": state.assessment.attempt_limit},
            403,
        )
    if state.cooldown_until:
        local = timezone.localtime(state.cooldown_until)
        return (
            "cooldown",
            _("Take a break and revisit the modules: you can try again after %(time)s on %(day)s.")
            % {"time": time_format(local, "H:i"), "day": date_format(local, "d M")},
            403,
        )
    return None


def _pending_reviews(user):
    """Pending reviews the caller may do: their teams and those below, courses the review rules allow
    (a valid certificate, by default), never their own."""
    # The teams as one recursive subquery: the count on every leader's page costs one query, not one per
    # level of the tree.
    members = Profile.objects.filter(team_id__in=led_team_ids_sql(user)).exclude(user=user).values("user_id")
    reviews = Review.objects.filter(state=Review.State.PENDING, attempt__learner__in=members)
    allowed = hooks.reviewable_course_ids(user)
    return reviews if allowed is None else reviews.filter(attempt__course_id__in=allowed)


def review_queue(*, user) -> list[Review]:
    """The caller's pending reviews, oldest first, with what the page and the API show of each."""
    return list(
        _pending_reviews(user)
        .select_related("attempt__learner", "attempt__course")
        .prefetch_related("attempt__answers")
        .order_by("created_at")
    )


def review_list(*, user):
    """The caller's pending reviews for a listing, oldest first: who, which course, what kind, when.
    Leaves out the attempt's snapshot and answers, which only the review itself needs."""
    return (
        _pending_reviews(user)
        .select_related("attempt__learner", "attempt__course")
        .only(
            "kind",
            "state",
            "created_at",
            "attempt__submitted_at",
            "attempt__learner__username",
            "attempt__learner__first_name",
            "attempt__learner__last_name",
            "attempt__course__title",
        )
        .order_by("created_at", "pk")
    )


def review_count(*, user) -> int:
    """How many reviews wait for the caller, counted by the database."""
    return _pending_reviews(user).count()
