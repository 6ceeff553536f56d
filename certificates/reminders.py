"""The daily jobs: reminders before a certificate expires (DESIGN: "said once"), due-date and overdue
notices, and each leader's digest of reviews waiting and people overdue.

They announce through the core's notification service, so each person chooses which of them also come by
email. Every notice is once-only (per person, kind and occasion, by a unique constraint), so running a
job twice, or cron and the worker on the same day, sends nothing twice. They live here, in the
certificates layer, because it is the lowest layer that sees enrolments, reviews and certificates.

The task worker runs them once a day by itself (``daily_jobs`` plans its own next run); ``manage.py
lms_daily`` runs them from cron, and ``manage.py lms_send_reminders`` the expiry reminders alone.
"""

import datetime
import logging
from collections import defaultdict
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django_tasks import task
from wagtail import hooks

from courses.models import CoursePage, Enrolment
from lms.core import conf, roles
from lms.core.models import Notification, Profile
from lms.core.names import display_name
from lms.core.notifications import announce, schedule
from lms.core.notifications.kinds import Kind
from lms.core.notifications.tasks import resend_stalled
from quizzes.selectors import review_list

from . import standing
from .leaders_first import responsible_leader
from .models import Certificate, ExpiryReminder

logger = logging.getLogger(__name__)

JOB = "lms_daily"


# --- Expiry reminders ---------------------------------------------------------------------------------------


def _threshold(days_left: int, thresholds) -> int | None:
    """The nearest threshold already reached: at 25 days left with (60, 30, 7) that is 30."""
    reached = [d for d in thresholds if days_left <= d]
    return min(reached) if reached else None


def due_reminders(today: datetime.date | None = None):
    today = today or timezone.localdate()
    thresholds = sorted(conf.get("LMS_EXPIRY_REMINDER_DAYS"))
    horizon = today + datetime.timedelta(days=max(thresholds))
    # A holder who already has a newer certificate for the course has renewed: no reminder.
    newer = Certificate.objects.filter(
        holder_id=OuterRef("holder_id"), course_id=OuterRef("course_id"), issued_on__gt=OuterRef("issued_on")
    )
    candidates = (
        Certificate.objects.expiring_between(today, horizon)
        .filter(~Exists(newer))
        .select_related("holder", "course")
    )
    sent = set(
        ExpiryReminder.objects.filter(certificate__in=candidates).values_list("certificate_id", "days_before")
    )
    for certificate in candidates:
        threshold = _threshold((certificate.expires_on - today).days, thresholds)
        if threshold is not None and (certificate.pk, threshold) not in sent:
            yield certificate, threshold


def _renewal(certificate: Certificate) -> tuple[str, str, bool]:
    """Where the holder renews: (title, link, whether it is a refresher course)."""
    course = certificate.course
    if course is None:
        return "", "", False
    refresher = CoursePage.objects.live().filter(renews=course).order_by("path").first()
    target = refresher or course
    return target.title, target.url or "", refresher is not None


def send_expiry_reminders(today: datetime.date | None = None) -> int:
    """Remind each holder, and their leader, at each threshold at most once (the ``ExpiryReminder`` row
    and the notifications' once-only occasion both say so), even if run twice at the same time. Returns
    how many (certificate, threshold) reminders went out."""
    today = today or timezone.localdate()
    count = 0
    for certificate, threshold in list(due_reminders(today)):
        holder = certificate.holder
        leader = responsible_leader(holder)
        days_left = (certificate.expires_on - today).days
        renew_title, renew_link, is_refresher = _renewal(certificate)
        try:
            with transaction.atomic():
                told = [
                    announce.certificate_expiring(
                        holder=holder,
                        certificate_id=certificate.pk,
                        threshold=threshold,
                        course_title=certificate.course_title,
                        expires_on=certificate.expires_on,
                        days_left=days_left,
                        renew_link=renew_link,
                        renew_title=renew_title,
                        is_refresher=is_refresher,
                        leader=leader,
                    )
                ]
                if leader is not None:
                    told.append(
                        announce.team_certificate_expiring(
                            leader=leader,
                            holder=holder,
                            certificate_id=certificate.pk,
                            threshold=threshold,
                            course_title=certificate.course_title,
                            expires_on=certificate.expires_on,
                            days_left=days_left,
                            member_link=reverse("lms:member", kwargs={"user_id": holder.pk}),
                        )
                    )
                ExpiryReminder.objects.create(
                    certificate=certificate,
                    days_before=threshold,
                    recipients=[n.email_to for n in told if n is not None and n.email_to],
                )
        except IntegrityError:
            continue  # another run sent it
        count += 1
    return count


# --- Due dates ----------------------------------------------------------------------------------------------


class _Person(NamedTuple):
    user_id: int
    team_id: int | None


# Standings in which the learner has nothing to do: a notice would only worry them.
_WAITING = (standing.LOCKED, standing.AWAITING_REVIEW)


def open_assignments(*, due_from: datetime.date | None, due_to: datetime.date, today: datetime.date):
    """(enrolment, standing) for active people's enrolments in live courses due between two days (both
    included; no start: every earlier day), leaving out those already certified. A fixed number of queries
    per course."""
    enrolments = Enrolment.objects.filter(
        due_date__lte=due_to, user__is_active=True, course__live=True
    ).select_related("user", "course")
    if due_from is not None:
        enrolments = enrolments.filter(due_date__gte=due_from)
    by_course = defaultdict(list)
    for enrolment in enrolments.order_by("due_date", "pk"):
        by_course[enrolment.course_id].append(enrolment)
    teams = dict(
        Profile.objects.filter(
            user_id__in={e.user_id for rows in by_course.values() for e in rows}
        ).values_list("user_id", "team_id")
    )
    result = []
    for rows in by_course.values():
        course = rows[0].course
        people = [_Person(e.user_id, teams.get(e.user_id)) for e in rows]
        standings = standing.standings_many(people, [course], today=today)
        for enrolment in rows:
            state = standings[(enrolment.user_id, course.pk)]
            if not state.is_done:
                result.append((enrolment, state))
    return result


def send_due_soon_notices(today: datetime.date | None = None) -> int:
    """Tell learners a week ahead (``LMS_DUE_SOON_DAYS``) that an assignment is due; once per due date.
    Someone told of the date by the assignment itself inside that week is not told again."""
    today = today or timezone.localdate()
    window = conf.get("LMS_DUE_SOON_DAYS")
    rows = [
        (e, s)
        for e, s in open_assignments(
            due_from=today, due_to=today + datetime.timedelta(days=window), today=today
        )
        if s.state not in _WAITING
    ]
    told_at_assignment = defaultdict(list)
    for occasion, created in Notification.objects.filter(
        kind=Kind.ASSIGNED, occasion__in=[_due_occasion(e) for e, _ in rows]
    ).values_list("occasion", "created_at"):
        told_at_assignment[occasion].append(timezone.localdate(created))
    count = 0
    for enrolment, state in rows:
        window_opened = enrolment.due_date - datetime.timedelta(days=window)
        if any(day > window_opened for day in told_at_assignment[_due_occasion(enrolment)]):
            continue
        sent = announce.course_due_soon(
            learner=enrolment.user,
            enrolment_id=enrolment.pk,
            course_title=enrolment.course.title,
            course_link=enrolment.course.url or "",
            due_date=enrolment.due_date,
            days_left=(enrolment.due_date - today).days,
            next_step=state.next_step,
        )
        count += sent is not None
    return count


def send_overdue_notices(today: datetime.date | None = None) -> int:
    """Tell learners once when an assignment's due date has passed (within ``LMS_OVERDUE_NOTICE_DAYS``,
    so a first run does not announce every old date)."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=conf.get("LMS_OVERDUE_NOTICE_DAYS"))
    count = 0
    for enrolment, state in open_assignments(
        due_from=since, due_to=today - datetime.timedelta(days=1), today=today
    ):
        if state.state in _WAITING:
            continue
        sent = announce.course_overdue(
            learner=enrolment.user,
            enrolment_id=enrolment.pk,
            course_title=enrolment.course.title,
            course_link=enrolment.course.url or "",
            due_date=enrolment.due_date,
            next_step=state.next_step,
        )
        count += sent is not None
    return count


def _due_occasion(enrolment) -> str:
    return f"enrolment:{enrolment.pk}:due:{enrolment.due_date.isoformat()}"


# --- Leaders' digests ---------------------------------------------------------------------------------------


def _short_day(value: datetime.date) -> str:
    return date_format(value, "j M Y")


def send_leader_digests(today: datetime.date | None = None) -> int:
    """Each leader's day in one message: the reviews waiting for them and the people overdue in the teams
    they lead (and below). Nothing for a leader with nothing to do; once a day."""
    today = today or timezone.localdate()
    overdue = defaultdict(list)
    for enrolment, state in open_assignments(
        due_from=None, due_to=today - datetime.timedelta(days=1), today=today
    ):
        overdue[enrolment.user_id].append(
            {
                "person": display_name(enrolment.user),
                "course": enrolment.course.title,
                "due": _short_day(enrolment.due_date),
                "state": state.label,
            }
        )
    leaders = get_user_model().objects.filter(led_teams__isnull=False, is_active=True).distinct()
    reviews_link = reverse("lms:reviews")
    team_link = reverse("lms:team")
    count = 0
    for leader in leaders.order_by("pk"):
        reviews = review_list(user=leader)
        total = reviews.count()
        members = (
            Profile.objects.filter(team__in=roles.teams_led_by(leader))
            .exclude(user=leader)
            .values_list("user_id", flat=True)
        )
        late = [row for user_id in members for row in overdue.get(user_id, [])]
        sent = announce.leader_digest(
            leader=leader,
            day=today,
            reviews=[
                {
                    "person": display_name(review.attempt.learner),
                    "course": review.attempt.course.title,
                    "kind": review.get_kind_display().lower(),
                    "waiting_since": _short_day(timezone.localdate(review.created_at)),
                }
                for review in reviews[: announce.DIGEST_ROWS]
            ]
            if total
            else [],
            reviews_total=total,
            overdue=late,
            reviews_link=reviews_link,
            team_link=team_link,
        )
        count += sent is not None
    return count


# --- Once a day ---------------------------------------------------------------------------------------------

DAILY_JOBS = (
    ("expiry reminders", send_expiry_reminders),
    ("due soon", send_due_soon_notices),
    ("overdue", send_overdue_notices),
    ("leaders' digests", send_leader_digests),
)


class DailyJobsFailed(RuntimeError):
    pass


def run_daily(today: datetime.date | None = None) -> dict[str, int]:
    """Today's work, every job even if one fails (a failure is raised once the others have run). Safe to
    run again: what was sent is not sent twice. Returns how many notices each job sent."""
    today = today or timezone.localdate()
    results, failed = {}, []
    # Higher layers add their own daily work through the ``lms_daily_jobs`` hook: ``fn() -> (name, job)``.
    extra = [job_of() for job_of in hooks.get_hooks("lms_daily_jobs")]
    for name, job in (*DAILY_JOBS, *extra):
        try:
            results[name] = job(today)
        except Exception:
            logger.exception("Daily job %r failed", name)
            failed.append(name)
    results["emails queued again"] = resend_stalled()
    if failed:
        raise DailyJobsFailed(f"Daily jobs failed: {', '.join(failed)} (the others ran: {results}).")
    schedule.mark_done(JOB, day=today)
    return results


@task()
def daily_jobs() -> dict[str, int]:
    """The daily jobs inside the task worker: plan tomorrow's run first (so one bad day does not stop the
    chain), then do today's work."""
    today = timezone.localdate()
    schedule.plan_next(JOB, daily_jobs, after=today)
    return run_daily(today)


def ensure_daily_jobs_planned() -> str:
    """Start the worker's daily chain, or leave it be when it is already running. Says what it did."""
    return schedule.ensure_planned(JOB, daily_jobs)
