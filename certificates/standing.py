"""A person's standing in a course: one state and one next step, worked out here and nowhere else.

My training, the course page, the catalogue, the team matrix, every spreadsheet and the API show what
this module says, so no two screens can disagree. It reads enrolments and modules (courses), attempts
and reviews (assessments), certificates and leaders first; it lives in the certificates layer because
that is the lowest layer that can see all of them. Lower layers reach it through the
``lms_course_standing`` hook.

Every function asks a fixed number of queries, however many people or courses.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import CoursePage, Enrolment, ModuleCompletion
from courses.progress import modules_by_course
from courses.selectors import STANDING_STATE_LABELS
from lms.core.models import Profile
from lms.core.names import display_name
from lms.core.teams import all_teams
from quizzes.models import AssessmentPage, Attempt, Review
from quizzes.rules import cooldown_until

from . import leaders_first, standing_cache
from .models import Certificate, status_of

NOT_STARTED, IN_PROGRESS, ASSESSMENT = "not_started", "in_progress", "assessment"
AWAITING_REVIEW, CERTIFIED, EXPIRING, EXPIRED, LOCKED = (
    "awaiting_review",
    "certified",
    "expiring",
    "expired",
    "locked",
)
STATE_LABELS = STANDING_STATE_LABELS  # state → label (lazy: read in the active language)
# What a next step links to.
GO_MODULE, GO_ASSESSMENT, GO_COURSE, GO_CERTIFICATE = "module", "assessment", "course", "certificate"


@dataclass(slots=True)
class Standing:
    """Where one person stands in one course, and the one thing to do next."""

    state: str
    next_step: str
    percent: int = 0
    due_date: datetime.date | None = None
    overdue: bool = False
    expires_on: datetime.date | None = None
    blocked_by: str = ""  # the leader whose certificate this person waits for
    modules_left: int = 0
    reviews_waiting: int = 0
    enrolled: bool = False
    certificate_id: int | None = None
    # Where the next step happens: one of GO_*, with the page when the caller asked for detail.
    go: str = GO_COURSE
    target: object = None
    # When the wording turns by the clock rather than by an event (a cool-down ending); caches keep the
    # standing no longer than that.
    changes_at: datetime.datetime | None = None

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])  # in the language active when it is read

    @property
    def is_done(self) -> bool:
        return self.state in (CERTIFIED, EXPIRING)

    def as_dict(self) -> dict:
        return {
            "state": self.state,
            "label": self.label,
            "next_step": self.next_step,
            "progress": self.percent,
            "modules_left": self.modules_left,
            "reviews_waiting": self.reviews_waiting,
            "due_date": self.due_date,
            "overdue": self.overdue,
            "expires_on": self.expires_on,
            "waiting_for": self.blocked_by or None,
            "certificate": self.certificate_id,
        }


@dataclass
class _Facts:
    """Everything the rules need, read in one pass for many people and courses."""

    courses: list
    today: datetime.date
    detail: bool
    enrolments: dict = field(default_factory=dict)  # (user, course) → (pk, due_date, state)
    done: dict = field(default_factory=dict)  # enrolment pk → live modules done (count)
    done_ids: dict = field(default_factory=dict)  # enrolment pk → set of module ids (detail only)
    modules: dict = field(default_factory=dict)  # course id → live modules in order
    attempts: dict = field(default_factory=lambda: defaultdict(list))  # (user, course) → [Attempt]
    pending: dict = field(default_factory=dict)  # (user, course) → reviews waiting
    assessments: dict = field(default_factory=dict)  # course id → AssessmentPage
    certificates: dict = field(default_factory=dict)  # (user, course) → (pk, expires_on), newest current
    waits_for: dict = field(default_factory=dict)  # (user, course) → leader
    refreshers: dict = field(default_factory=dict)  # course id → a live refresher course that renews it


def _gather(people, courses, *, members, today, detail: bool) -> _Facts:
    """``members``: the people's user ids, as a list or (for a team) a subquery, which costs less than
    binding a thousand ids."""
    facts = _Facts(courses=courses, today=today, detail=detail)
    facts.enrolments = {
        (u, c): (pk, due, state)
        for u, c, pk, due, state in Enrolment.objects.filter(
            user_id__in=members, course__in=courses
        ).values_list("user_id", "course_id", "pk", "due_date", "state")
    }
    facts.modules = modules_by_course(courses)
    live_modules = [m.pk for mods in facts.modules.values() for m in mods]
    completions = ModuleCompletion.objects.filter(
        enrolment__user_id__in=members, enrolment__course__in=courses, module_id__in=live_modules
    )
    if detail:
        ids = defaultdict(set)
        for enrolment_id, module_id in completions.values_list("enrolment_id", "module_id"):
            ids[enrolment_id].add(module_id)
        facts.done_ids = dict(ids)
        facts.done = {pk: len(done) for pk, done in ids.items()}
    else:
        facts.done = dict(
            completions.values_list("enrolment_id").annotate(n=Count("id")).values_list("enrolment_id", "n")
        )
    for attempt in Attempt.objects.filter(learner_id__in=members, course__in=courses).only(
        "learner_id", "course_id", "state", "passed", "submitted_at", "number"
    ):
        facts.attempts[(attempt.learner_id, attempt.course_id)].append(attempt)
    facts.pending = {
        (u, c): n
        for u, c, n in Review.objects.filter(
            state=Review.State.PENDING, attempt__learner_id__in=members, attempt__course__in=courses
        )
        .values_list("attempt__learner_id", "attempt__course_id")
        .annotate(n=Count("id"))
    }
    course_by_path = {c.path: c.pk for c in courses}
    for assessment in AssessmentPage.objects.live().filter(depth__in={c.depth + 1 for c in courses}):
        course_id = course_by_path.get(assessment.path[: -AssessmentPage.steplen])
        if course_id is not None:
            facts.assessments.setdefault(course_id, assessment)
    for holder_id, course_id, pk, expires_on in (
        Certificate.objects.current()
        .filter(holder_id__in=members, course__in=courses)
        .order_by("issued_on", "pk")
        .values_list("holder_id", "course_id", "pk", "expires_on")
    ):
        facts.certificates[(holder_id, course_id)] = (pk, expires_on)  # ordered: the newest wins
    facts.waits_for = leaders_first.blockers_many(people, courses, teams=all_teams(), on=today)
    for refresher in CoursePage.objects.live().filter(renews__in=courses).order_by("path"):
        facts.refreshers.setdefault(refresher.renews_id, refresher)
    return facts


def _day(value: datetime.date) -> str:
    return date_format(value, "DATE_FORMAT")


def _decide(facts: _Facts, user_id: int, course: CoursePage) -> Standing:
    key, today = (user_id, course.pk), facts.today
    enrolment = facts.enrolments.get(key)
    modules = facts.modules.get(course.pk, [])
    required = [m for m in modules if m.required]
    done = facts.done.get(enrolment[0], 0) if enrolment else 0
    done_ids = facts.done_ids.get(enrolment[0], set()) if enrolment else set()
    required_done = sum(1 for m in required if m.pk in done_ids) if facts.detail else min(done, len(required))
    left = len(required) - required_done
    percent = round(100 * required_done / len(required)) if required else (100 if done else 0)
    attempts = facts.attempts.get(key, [])
    leader = facts.waits_for.get(key)
    standing = Standing(
        state=NOT_STARTED,
        next_step="",
        percent=percent,
        due_date=enrolment[1] if enrolment else None,
        modules_left=left,
        reviews_waiting=facts.pending.get(key, 0),
        enrolled=enrolment is not None,
        blocked_by=display_name(leader) if leader else "",
    )
    certificate = facts.certificates.get(key)
    status = (
        status_of(revoked=False, replaced=False, expires_on=certificate[1], day=today)
        if certificate
        else None
    )
    next_module = _next_module(modules, done_ids) if facts.detail else None
    started = bool(enrolment and (done or enrolment[2] != Enrolment.State.NOT_STARTED or attempts))

    if status in (Certificate.Status.VALID, Certificate.Status.EXPIRING):
        standing.certificate_id, standing.expires_on = certificate
        standing.go = GO_CERTIFICATE
        if status == Certificate.Status.EXPIRING:
            standing.state, standing.next_step = (
                EXPIRING,
                _("Renew by %(day)s.") % {"day": _day(certificate[1])},
            )
        elif certificate[1]:
            standing.state = CERTIFIED
            standing.next_step = _("Certified until %(day)s.") % {"day": _day(certificate[1])}
        else:
            standing.state, standing.next_step = CERTIFIED, _("Certified.")
    elif standing.reviews_waiting:
        standing.state = AWAITING_REVIEW
        standing.next_step = ngettext(
            "Wait for a team leader's review of %(count)d item; you will hear when it is done.",
            "Wait for a team leader's review of %(count)d items; you will hear when it is done.",
            standing.reviews_waiting,
        ) % {"count": standing.reviews_waiting}
        standing.go = GO_ASSESSMENT
    elif any(a.passed for a in attempts) and left:
        standing.state = IN_PROGRESS
        standing.next_step = ngettext(
            "Assessment passed: finish %(count)d more module for your certificate.",
            "Assessment passed: finish %(count)d more modules for your certificate.",
            left,
        ) % {"count": left}
        standing.go, standing.target = GO_MODULE, next_module
    elif certificate:
        standing.state, standing.expires_on = EXPIRED, certificate[1]
        refresher = facts.refreshers.get(course.pk)
        if refresher is not None:
            standing.go, standing.target = GO_COURSE, refresher
            standing.next_step = _("Expired on %(day)s: take the refresher “%(title)s” to renew.") % {
                "day": _day(certificate[1]),
                "title": refresher.title,
            }
        else:
            standing.next_step = _("Expired on %(day)s: ask your team leader how to renew it.") % {
                "day": _day(certificate[1])
            }
    elif started:
        _while_learning(standing, facts, course, attempts, left, next_module)
    elif leader:
        standing.state = LOCKED
        standing.next_step = _("Opens when your team leader, %(leader)s, is certified.") % {
            "leader": standing.blocked_by
        }
    else:
        standing.go, standing.target = (GO_MODULE, next_module) if enrolment else (GO_COURSE, None)
        first = next_module or (modules[0] if modules else None)
        if first and enrolment:
            standing.next_step = _("Start with “%(title)s”.") % {"title": first.title}
        elif first:
            standing.next_step = _("Enrol, then start with “%(title)s”.") % {"title": first.title}
        else:
            standing.next_step = _("Start.") if enrolment else _("Enrol, then start.")
    standing.overdue = bool(standing.due_date and standing.due_date < today and not standing.is_done)
    if not facts.detail:
        # Pages to link to only for one person's screens: a team's matrix, reminders and exports show
        # the words, and a page in each of hundreds of cached rows costs more to read back than the rest.
        standing.target = None
    return standing


def _while_learning(standing: Standing, facts: _Facts, course, attempts, left: int, next_module) -> None:
    """Enrolled and started, not certified, nothing waiting for review: modules, then the assessment."""
    assessment = facts.assessments.get(course.pk)
    if left and not course.assessment_opens_early:
        standing.state = IN_PROGRESS
        if assessment:
            standing.next_step = ngettext(
                "Finish %(count)d more module, then take the assessment.",
                "Finish %(count)d more modules, then take the assessment.",
                left,
            ) % {"count": left}
        else:
            standing.next_step = ngettext(
                "Finish %(count)d more module.", "Finish %(count)d more modules.", left
            ) % {"count": left}
        standing.go, standing.target = GO_MODULE, next_module
        return
    if assessment is None:
        standing.state, standing.percent = IN_PROGRESS, max(standing.percent, 100 if not left else 0)
        standing.next_step = _("Every module is done; this course has no assessment yet.")
        return
    standing.state, standing.go, standing.target = ASSESSMENT, GO_ASSESSMENT, assessment
    open_attempt = any(a.state == Attempt.State.OPEN for a in attempts)
    failed = [a for a in attempts if a.passed is False]
    limit = assessment.attempt_limit
    wait_until = cooldown_until(assessment, attempts)
    if open_attempt:
        standing.next_step = _("Continue your assessment; your answers are saved.")
    elif standing.blocked_by:
        standing.next_step = _("The assessment opens when your team leader, %(leader)s, is certified.") % {
            "leader": standing.blocked_by
        }
    elif limit and len(attempts) >= limit:
        standing.next_step = _(
            "You have used all %(limit)d attempts: talk to your team leader about next steps."
        ) % {"limit": limit}
    elif wait_until:
        standing.changes_at = wait_until
        local = timezone.localtime(wait_until)
        standing.next_step = _(
            "Revisit the modules; you can try the assessment again after %(time)s on %(day)s."
        ) % {"time": time_format(local, "H:i"), "day": date_format(local, "j M")}
    elif failed:
        standing.next_step = _("Try the assessment again.")
    else:
        standing.next_step = _("Take the assessment.")


def _next_module(modules, done_ids: set):
    required = [m for m in modules if m.required and m.pk not in done_ids]
    return required[0] if required else next((m for m in modules if m.pk not in done_ids), None)


@dataclass(frozen=True)
class _Person:
    user_id: int
    team_id: int | None


def standings_for(user, courses, *, today: datetime.date | None = None) -> dict[int, Standing]:
    """course id → ``user``'s standing, with the module or assessment page of each next step."""
    courses = list(courses)
    if not courses or not getattr(user, "is_authenticated", False):
        return {}
    today = today or timezone.localdate()

    def compute(user_ids):
        team_id = Profile.objects.filter(user=user).values_list("team_id", flat=True).first()
        facts = _gather([_Person(user.pk, team_id)], courses, members=[user.pk], today=today, detail=True)
        return {(user.pk, course.pk): _decide(facts, user.pk, course) for course in courses}

    standings = standing_cache.cached_standings([user.pk], courses, today=today, detail=True, compute=compute)
    return {course.pk: standings[(user.pk, course.pk)] for course in courses}


def standing_for(user, course, *, today: datetime.date | None = None) -> Standing:
    return standings_for(user, [course], today=today)[course.pk]


def standings_many(
    people, courses, *, members=None, today: datetime.date | None = None
) -> dict[tuple[int, int], Standing]:
    """(user id, course id) → standing, for a whole team: ``people`` carry ``user_id`` and ``team_id``;
    ``members`` may give their ids as a subquery."""
    today = today or timezone.localdate()
    courses = list(courses)

    def compute(user_ids):
        wanted = set(user_ids)
        some = [p for p in people if p.user_id in wanted]
        # Everyone missing: the caller's subquery is cheaper to send than a list of a thousand ids.
        asked = members if len(some) == len(people) and members is not None else [p.user_id for p in some]
        facts = _gather(some, courses, members=asked, today=today, detail=False)
        return {(p.user_id, c.pk): _decide(facts, p.user_id, c) for p in some for c in courses}

    return standing_cache.cached_standings(
        [p.user_id for p in people], courses, today=today, detail=False, compute=compute
    )
