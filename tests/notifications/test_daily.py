"""The daily jobs: run twice, they send nothing twice; the task worker runs them every day by itself."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks import task_backends
from freezegun import freeze_time

from certificates import services as cert_services
from certificates.reminders import daily_jobs, ensure_daily_jobs_planned, run_daily
from courses import services as course_services
from lms.core.models import Notification, ScheduledRun
from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db

DEFERRING = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def busy_day(org, ann, course, catalogue, django_capture_on_commit_callbacks):
    """On 12 November 2026 Ann's “Active listening” certificate has 59 days left, “Refunds” is due in 7 days
    and “Complaints” was due two days ago (both assigned by Liam Lead on 1 October)."""
    refunds = CoursePageFactory(parent=catalogue, title="Refunds", slug="refunds")
    complaints = CoursePageFactory(parent=catalogue, title="Complaints", slug="complaints")
    with freeze_time("2026-10-01 09:00"), django_capture_on_commit_callbacks(execute=True):
        cert_services.issue(holder=ann, course=course, issued_on=datetime.date(2026, 1, 10))
        for title, due in ((refunds, datetime.date(2026, 11, 19)), (complaints, datetime.date(2026, 11, 10))):
            course_services.assign(course=title, learner=ann, assigned_by=org.lead, due_date=due)
    return "2026-11-12 08:00"


def test_the_daily_jobs_run_twice_send_nothing_twice(
    org, ann, busy_day, mailoutbox, django_capture_on_commit_callbacks
):
    emails_before = len(mailoutbox)
    with freeze_time(busy_day):
        with django_capture_on_commit_callbacks(execute=True):  # the emails go as each run commits
            first = run_daily()
        sent = len(mailoutbox) - emails_before
        recorded = Notification.objects.count()
        with django_capture_on_commit_callbacks(execute=True):
            second = run_daily()
    assert first == {
        "expiry reminders": 1,
        "due soon": 1,
        "overdue": 1,
        "leaders' digests": 2,
        "emails queued again": 0,
        # Jobs the higher apps add through the lms_daily_jobs hook; nothing of theirs is due here.
        "boosters waiting": 0,
        "policy updates and questions": 0,
    }
    assert set(second.values()) == {0}
    assert (
        len(mailoutbox) - emails_before == sent == 6
    )  # Ann: expiry, due soon, overdue; Liam: expiry, digest; Grace
    assert Notification.objects.count() == recorded
    kinds = sorted(
        Notification.objects.filter(created_at__date="2026-11-12").values_list("recipient__username", "kind")
    )
    assert kinds == [
        ("ann", "due_soon"),
        ("ann", "expiring"),
        ("ann", "overdue"),
        ("head", "leader_digest"),
        ("lead", "leader_digest"),
        ("lead", "team_expiring"),
    ]
    # The next day brings nothing new: each occasion has had its say.
    with freeze_time("2026-11-13 08:00"), django_capture_on_commit_callbacks(execute=True):
        assert run_daily()["leaders' digests"] == 2  # a new day, a new digest: Complaints is still overdue
        assert (
            Notification.objects.filter(created_at__date="2026-11-13").exclude(kind="leader_digest").count()
            == 0
        )


def test_the_commands_for_cron_twice_send_nothing_twice(
    busy_day, mailoutbox, django_capture_on_commit_callbacks
):
    before = len(mailoutbox)
    out = io.StringIO()
    with freeze_time(busy_day):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("lms_daily", stdout=out)
        after_first = len(mailoutbox)
        with django_capture_on_commit_callbacks(execute=True):
            call_command("lms_daily", stdout=out)
            call_command("lms_send_reminders", stdout=out)
    assert after_first - before == 6 and len(mailoutbox) == after_first
    text = out.getvalue()
    assert "expiry reminders: 1" in text and "expiry reminders: 0" in text
    assert "Sent 0 expiry reminders." in text


def test_lms_send_reminders_still_sends_the_expiry_reminders(
    busy_day, mailoutbox, django_capture_on_commit_callbacks
):
    out = io.StringIO()
    with freeze_time(busy_day), django_capture_on_commit_callbacks(execute=True):
        call_command("lms_send_reminders", stdout=out)
    assert "Sent 1 expiry reminder." in out.getvalue()
    assert Notification.objects.filter(kind__in=["expiring", "team_expiring"]).count() == 2


def test_one_notification_per_person_kind_and_occasion_is_a_database_rule(ann):
    fields = {"recipient": ann, "kind": "overdue", "subject": "s", "text": "t", "email_state": "off"}
    Notification.objects.create(occasion="enrolment:1:due:2026-11-10", **fields)
    Notification.objects.create(occasion="", **fields)
    Notification.objects.create(occasion="", **fields)  # no occasion: not once-only
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(occasion="enrolment:1:due:2026-11-10", **fields)


@override_settings(TASKS=DEFERRING)
def test_the_worker_runs_the_daily_jobs_every_day_by_itself(settings, django_capture_on_commit_callbacks):
    settings.LMS_DAILY_RUN_TIME = "07:00"
    queue = task_backends["default"]

    def committed(work):
        with django_capture_on_commit_callbacks(execute=True):
            return work()

    with freeze_time("2026-11-12 05:00"):
        assert committed(ensure_daily_jobs_planned) == "lms_daily: today's run is queued now."
        assert committed(ensure_daily_jobs_planned).startswith("lms_daily: today's run is already queued")
        [today] = queue.results
        assert today.task.name == "daily_jobs" and today.task.run_after is None
        # The worker runs it: today's work, and tomorrow's run at 07:00 local time.
        committed(daily_jobs.call)
        [_, tomorrow] = queue.results
        assert tomorrow.task.name == "daily_jobs"
        assert tomorrow.task.run_after == timezone.make_aware(datetime.datetime(2026, 11, 13, 7, 0))
        # Starting the worker again (make run) or cron leaves the chain as it is.
        assert committed(ensure_daily_jobs_planned) == "lms_daily: the run on 13 Nov is already queued."
        committed(lambda: call_command("lms_daily", stdout=io.StringIO()))
        assert len(queue.results) == 2
    runs = {r.run_on.isoformat(): r.finished_at is not None for r in ScheduledRun.objects.all()}
    assert runs == {"2026-11-12": True, "2026-11-13": False}
    with freeze_time("2026-11-13 07:00"):
        committed(daily_jobs.call)
        assert queue.results[-1].task.run_after == timezone.make_aware(datetime.datetime(2026, 11, 14, 7, 0))
    # A run lost from the queue (unfinished, hours late) is queued again when the worker next starts.
    with freeze_time("2026-11-14 12:00"):
        assert committed(ensure_daily_jobs_planned) == "lms_daily: today's run is queued now."
        assert queue.results[-1].task.run_after is None


def test_make_run_starts_the_daily_jobs_and_a_backend_without_waiting_leaves_the_next_to_cron(
    django_capture_on_commit_callbacks,
):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("lms_daily", "--schedule", stdout=out)  # the test backend runs today's at once
    assert "today's run is queued now" in out.getvalue()
    today = ScheduledRun.objects.get(run_on=timezone.localdate())
    assert today.finished_at is not None
    assert ScheduledRun.objects.count() == 1  # nothing planned that would run at once
