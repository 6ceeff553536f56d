"""Emails: only when wanted, HTML with a text part, sent by a background task after the transaction
commits, each on its own, retried when the SMTP server fails."""

import datetime

import pytest
from django.db import transaction
from django.test import override_settings
from django_tasks import task_backends

from lms.core.models import Notification, NotificationPreference
from lms.core.notifications import service, tasks
from lms.core.notifications.announce import course_assigned
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FAIL_ONCE = "tests.notifications.backends.FailOnceBackend"
REFUSING = "tests.notifications.backends.RefusingBackend"
DEFERRING = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def assign_notice(learner, leader, course_title="Active listening", enrolment_id=1):
    return course_assigned(
        learner=learner,
        assigned_by=leader,
        enrolment_id=enrolment_id,
        course_title=course_title,
        course_link="/active-listening/",
        due_date=datetime.date(2099, 6, 30),
    )


@pytest.fixture
def lead(db):
    return UserFactory(username="lead", first_name="Liam", last_name="Lead")


def test_the_email_is_html_with_a_text_part(lead, mailoutbox, django_capture_on_commit_callbacks):
    ann = UserFactory(username="ann", first_name="Ann", email="ann@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        assign_notice(ann, lead)
    [message] = mailoutbox
    assert message.to == ["ann@example.com"] and message.from_email == "training@frontline.example"
    assert message.content_subtype == "plain" and message.body.startswith("Hello Ann,")
    assert "Start the course: http://testserver/active-listening/" in message.body
    assert "<" not in message.body  # plain text, nothing escaped or tagged
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html" and html.lstrip().startswith("<!DOCTYPE html>")
    assert "Hello Ann," in html and 'href="http://testserver/active-listening/"' in html
    assert "http://testserver/training/settings/notifications/" in html  # choose which emails come


def test_nothing_is_sent_until_the_transaction_commits(lead, mailoutbox, django_capture_on_commit_callbacks):
    ann = UserFactory(username="ann")
    with django_capture_on_commit_callbacks() as callbacks:
        note = assign_notice(ann, lead)
        assert Notification.objects.get(pk=note.pk).email_state == "queued"
    assert not mailoutbox and len(callbacks) == 1
    callbacks[0]()
    assert len(mailoutbox) == 1
    assert Notification.objects.get(pk=note.pk).email_state == "sent"


def test_a_rolled_back_transaction_sends_nothing(lead, mailoutbox, django_capture_on_commit_callbacks):
    ann = UserFactory(username="ann")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            assign_notice(ann, lead)
            transaction.set_rollback(True)
    assert not callbacks and not mailoutbox and not Notification.objects.exists()


def test_email_only_when_wanted_and_possible(lead, mailoutbox, django_capture_on_commit_callbacks):
    keen = UserFactory(username="keen")
    quiet = UserFactory(username="quiet")
    nowhere = UserFactory(username="nowhere", email="")
    gone = UserFactory(username="gone", is_active=False)
    NotificationPreference.objects.create(user=quiet, kind="assigned", email=False)
    NotificationPreference.objects.create(user=keen, kind="due_soon", email=False)  # another kind
    with django_capture_on_commit_callbacks(execute=True):
        notes = {u.username: assign_notice(u, lead) for u in (keen, quiet, nowhere, gone)}
    assert [m.to for m in mailoutbox] == [[keen.email]]
    states = {name: Notification.objects.get(pk=n.pk).email_state for name, n in notes.items()}
    assert states == {"keen": "sent", "quiet": "off", "nowhere": "no_address", "gone": "inactive"}
    # In the app everyone has it.
    assert all(service.unread_count(u) == 1 for u in (keen, quiet, nowhere, gone))


@override_settings(EMAIL_BACKEND=FAIL_ONCE)
def test_a_failing_smtp_send_is_retried_and_the_others_are_delivered(
    lead, mailoutbox, django_capture_on_commit_callbacks
):
    first = UserFactory(username="first", email="first@example.com")
    flaky = UserFactory(username="flaky", email="flaky@example.com")
    last = UserFactory(username="last", email="last@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        notes = [assign_notice(person, lead) for person in (first, flaky, last)]
    # Everyone has their email, the flaky address on its second try (the test backend runs tasks at once,
    # so the retry runs at once too; a real worker waits LMS_EMAIL_RETRY_SECONDS).
    assert sorted(m.to[0] for m in mailoutbox) == [
        "first@example.com",
        "flaky@example.com",
        "last@example.com",
    ]
    first_note, flaky_note, last_note = (Notification.objects.get(pk=n.pk) for n in notes)
    assert (flaky_note.email_state, flaky_note.attempts) == ("sent", 2)
    assert flaky_note.sent_at is not None and flaky_note.last_error == ""
    assert [(n.email_state, n.attempts) for n in (first_note, last_note)] == [("sent", 1), ("sent", 1)]


@override_settings(EMAIL_BACKEND=FAIL_ONCE, TASKS=DEFERRING)
def test_a_retry_waits_longer_each_time_on_a_worker_that_can_wait(lead, mailoutbox, settings):
    settings.LMS_EMAIL_RETRY_SECONDS = 60
    flaky = UserFactory(username="flaky", email="flaky@example.com")
    queue = task_backends["default"]
    note = assign_notice(flaky, lead)
    tasks.enqueue_email(note.pk)  # what the commit does (this test's transaction never commits)
    [queued] = queue.results
    assert queued.task.run_after is None  # the first try goes at once
    assert tasks.deliver(*queued.args) == "retrying"
    note.refresh_from_db()
    assert (note.email_state, note.attempts) == ("retrying", 1)
    assert note.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    retry = queue.results[-1]
    assert list(retry.args) == [note.pk] and retry.task.run_after is not None
    wait = retry.task.run_after - note.last_attempt_at
    assert datetime.timedelta(seconds=59) < wait < datetime.timedelta(seconds=61)
    assert tasks.deliver(*retry.args) == "sent"
    assert [m.to for m in mailoutbox] == [["flaky@example.com"]]
    assert tasks.deliver(*retry.args) == "nothing to send"  # a duplicate in the queue sends nothing
    assert len(mailoutbox) == 1
    assert [tasks.retry_delay(n).seconds for n in (1, 2, 3)] == [60, 120, 240]


@override_settings(EMAIL_BACKEND=REFUSING)
def test_a_send_that_keeps_failing_stops_at_the_cap_and_says_why(
    lead, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.LMS_EMAIL_MAX_ATTEMPTS = 3
    ann = UserFactory(username="ann", email="ann@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        note = assign_notice(ann, lead)
    note.refresh_from_db()
    assert (note.email_state, note.attempts, note.sent_at) == ("failed", 3, None)
    assert note.last_error.startswith("SMTPRecipientsRefused")
    assert not mailoutbox
    assert service.unread_count(ann) == 1  # still in the app


def test_emails_whose_task_was_lost_are_queued_again(lead, mailoutbox, django_capture_on_commit_callbacks):
    ann = UserFactory(username="ann")
    with django_capture_on_commit_callbacks(execute=False):  # the queue never heard of it
        note = assign_notice(ann, lead)
    Notification.objects.filter(pk=note.pk).update(created_at=note.created_at - datetime.timedelta(hours=1))
    fresh = assign_notice(UserFactory(username="fresh"), lead, enrolment_id=2)  # its task is on its way
    assert tasks.resend_stalled() == 1
    assert [m.to for m in mailoutbox] == [[ann.email]]
    assert Notification.objects.get(pk=fresh.pk).email_state == "queued"
    assert tasks.resend_stalled() == 0
