"""Nudges go through the notification service: in the app at once, by email (when wanted) from a background
task after the nudge commits, each send on its own, so a failing mail server fails no nudge."""

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from lms.core.models import AuditEvent, Notification, NotificationPreference, Nudge

pytestmark = pytest.mark.django_db

FAIL_ONCE = "tests.notifications.backends.FailOnceBackend"
REFUSING = "tests.notifications.backends.RefusingBackend"


@pytest.fixture
def bo(org):
    return org.member(org.desk, "bo", first_name="Bo", last_name="Diaz", email="bo@example.com")


def nudge(client, *people, message="Please finish “Active listening” this week."):
    return client.post("/training/team/nudge/", {"people": [p.pk for p in people], "message": message})


@override_settings(EMAIL_BACKEND=REFUSING)
def test_a_nudge_with_a_failing_smtp_server_still_succeeds_and_is_in_the_app(
    client, org, ann, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(org.lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = nudge(client, ann)
    assert response.status_code == 302
    assert Nudge.objects.filter(recipient=ann, sender=org.lead).exists()
    note = Notification.objects.get(recipient=ann, kind="nudge")
    assert note.text == "Please finish “Active listening” this week."
    assert note.subject == "A note from Liam Lead about your training"
    assert note.email_state == "failed" and "SMTPRecipientsRefused" in note.last_error
    assert not mailoutbox
    assert AuditEvent.objects.filter(verb="team.nudge", actor=org.lead).exists()
    client.force_login(ann)
    assert "Please finish “Active listening” this week." in client.get("/training/").content.decode()


@override_settings(EMAIL_BACKEND=FAIL_ONCE)
def test_one_failing_send_holds_up_nobody_and_is_retried(
    client, org, ann, bo, mailoutbox, django_capture_on_commit_callbacks
):
    ann.email = "flaky-ann@example.com"
    ann.save()
    client.force_login(org.lead)
    with django_capture_on_commit_callbacks(execute=True):
        nudge(client, ann, bo)
    assert sorted(m.to[0] for m in mailoutbox) == ["bo@example.com", "flaky-ann@example.com"]
    flaky = Notification.objects.get(recipient=ann, kind="nudge")
    assert flaky.email_state == "sent" and flaky.attempts == 2


def test_the_email_is_html_with_a_text_part_sent_after_the_nudge_commits(
    client, org, ann, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(org.lead)
    with django_capture_on_commit_callbacks() as callbacks:
        nudge(client, ann)
        assert not mailoutbox  # nothing goes out inside the transaction
    for callback in callbacks:
        callback()
    [message] = mailoutbox
    assert (
        message.to == ["ann@example.com"] and message.subject == "A note from Liam Lead about your training"
    )
    assert "Please finish “Active listening” this week.\n\n— Liam Lead" in message.body
    assert "http://testserver/training/" in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html" and "Please finish “Active listening” this week." in html


def test_a_nudge_respects_the_email_choice_and_is_in_the_app_anyway(
    client, org, ann, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=ann, kind="nudge", email=False)
    client.force_login(org.lead)
    with django_capture_on_commit_callbacks(execute=True):
        nudge(client, ann)
    assert not mailoutbox
    assert Notification.objects.get(recipient=ann, kind="nudge").email_state == "off"


def test_a_refused_nudge_tells_nobody(
    org, ann, stranger_in_line, mailoutbox, django_capture_on_commit_callbacks
):
    api = APIClient()
    api.force_authenticate(org.lead)
    with django_capture_on_commit_callbacks(execute=True):
        refused = api.post(
            "/api/v1/nudges/", {"people": [ann.pk, stranger_in_line.pk], "message": "hi"}, format="json"
        )
    assert refused.status_code == 403 and refused.json()["code"] == "not_your_team"
    assert not Notification.objects.exists() and not Nudge.objects.exists() and not mailoutbox


@pytest.fixture
def stranger_in_line(org):
    """Someone in Line, which Liam Lead does not lead."""
    return org.member(org.line, "cy", first_name="Cy", last_name="Park")
