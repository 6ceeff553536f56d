"""Policy updates, questions about a policy and booster sets have notification kinds of their own: people see
them on the settings page, may switch their emails off like any other kind, and each has its own email."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from attestation import services as attestation_services
from boosters.jobs import send_booster_reminders
from certificates import services as certificate_services
from certificates.models import Certificate
from courses.models.snippets import PolicyVersion
from lms.core.models import Notification, NotificationPreference
from lms.core.notifications import service
from lms.core.notifications.kinds import HELP, LEADER_KINDS, Kind
from tests.factories import PolicyFactory

pytestmark = pytest.mark.django_db

NEW_KINDS = {
    "policy_update": "A policy I work with has changed",
    "policy_question": "A question about a policy waits for me, or mine is answered",
    "booster": "Booster questions are ready",
}

QUESTIONS = [
    {
        "type": "question",
        "value": {
            "question": "How much may an adviser refund without asking?",
            "choices": [{"text": "£50", "correct": False}, {"text": "£75", "correct": True}],
            "explanation": "Version 2 raised the limit to £75.",
        },
    }
]


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def policy(db):
    return PolicyFactory(title="Refunds", slug="refunds", body="<p>Advisers may refund up to £50.</p>")


def material_change(policy) -> PolicyVersion:
    policy.body = "<p>Advisers may refund up to £75.</p>"
    policy.change_kind = "material"
    policy.change_summary = "Limit now £75"
    policy.questions = QUESTIONS
    policy.save()
    return PolicyVersion.objects.get(policy=policy, version=policy.version)


def certify(person, course, policy) -> Certificate:
    return Certificate.objects.create(
        holder=person,
        course=course,
        holder_name=person.get_full_name() or person.username,
        course_title=course.title,
        issued_on=timezone.localdate() - datetime.timedelta(days=30),
        policy_versions=[{"slug": policy.slug, "title": policy.title, "version": 1}],
    )


def test_the_new_kinds_are_described_and_offered_to_everyone(org):
    for value, label in NEW_KINDS.items():
        kind = Kind(value)
        assert kind.label == label and str(HELP[kind])
        assert kind in service.CHOOSABLE and kind not in LEADER_KINDS
    member = org.member(org.desk, "amy", email="amy@example.com")
    assert set(NEW_KINDS) <= {k.value for k in service.kinds_for(member)}
    page = signed_in(member).get("/training/settings/notifications/").content.decode()
    for value, label in NEW_KINDS.items():
        assert f'value="{value}" checked' in page and label in page
    assert "pausing boosters stops it" in page


def test_a_policy_update_is_its_own_kind_and_its_email_can_be_switched_off(
    org, course, policy, mailoutbox, django_capture_on_commit_callbacks
):
    org.lead.email = "liam@example.com"
    org.lead.save()
    certify(org.lead, course, policy)
    material_change(policy)
    with django_capture_on_commit_callbacks(execute=True):
        assert attestation_services.send_reminders(timezone.localdate()) == 1
    note = Notification.objects.get(recipient=org.lead)
    assert note.kind == "policy_update" and note.link == "/training/policy-updates/"
    [message] = mailoutbox
    assert message.to == ["liam@example.com"] and "“Refunds” has changed" in message.body
    assert "Policy updates" in message.body  # the button of the policy update email

    # Switched off on the settings page: still on My training, no email.
    signed_in(org.lead).post(
        "/training/settings/notifications/", {"email": [k for k in Kind.values if k != "policy_update"]}
    )
    assert service.wants_email(org.lead, "policy_update") is False
    with django_capture_on_commit_callbacks(execute=True):
        assert attestation_services.send_reminders(timezone.localdate() + datetime.timedelta(days=8)) == 1
    later = Notification.objects.filter(recipient=org.lead).latest("pk")
    assert later.kind == "policy_update" and later.email_state == "off"
    assert len(mailoutbox) == 1


def test_questions_and_their_answers_are_policy_question_notices(
    org, policy, mailoutbox, django_capture_on_commit_callbacks
):
    org.lead.email = "liam@example.com"
    org.lead.save()
    member = org.member(org.desk, "amy", email="amy@example.com")
    NotificationPreference.objects.create(user=member, kind="policy_question", email=False)
    with django_capture_on_commit_callbacks(execute=True):
        question = attestation_services.ask(
            person=member, policy=policy, text="Does the limit cover gift vouchers?"
        )
    asked = Notification.objects.get(recipient=org.lead)
    assert asked.kind == "policy_question" and "Does the limit cover gift vouchers?" in asked.text
    [message] = mailoutbox
    assert message.to == ["liam@example.com"] and "Questions about policies" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        attestation_services.answer(question=question, by=org.lead, text="Yes, vouchers too.")
    answered = Notification.objects.get(recipient=member)
    # Amy switched these emails off: she reads the answer in the app only.
    assert answered.kind == "policy_question" and answered.email_state == "off"
    assert len(mailoutbox) == 1
    assert not Notification.objects.filter(kind="nudge").exists()


def test_a_waiting_booster_set_is_a_booster_notice_with_its_own_email(
    course, assessment, learner, other_learner, mailoutbox, django_capture_on_commit_callbacks
):
    issued = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    learner.email, other_learner.email = "learner@example.com", "other@example.com"
    learner.save()
    other_learner.save()
    with freeze_time(issued):
        for person in (learner, other_learner):
            certificate_services.issue(holder=person, course=course, issued_on=issued.date())
    NotificationPreference.objects.create(user=other_learner, kind="booster", email=False)
    mailoutbox.clear()
    with freeze_time(issued + datetime.timedelta(days=3)), django_capture_on_commit_callbacks(execute=True):
        assert send_booster_reminders() == 2
    notes = {n.recipient_id: n for n in Notification.objects.filter(kind="booster")}
    assert set(notes) == {learner.pk, other_learner.pk}
    assert notes[other_learner.pk].email_state == "off"
    assert not Notification.objects.filter(kind="due_soon").exists()
    [message] = mailoutbox
    assert message.to == ["learner@example.com"]
    assert "A short booster set is waiting for you" in message.body
    assert "Answer 2 short questions (under a minute)." in message.body
    [(html, _mimetype)] = message.alternatives
    assert "Answer the booster questions" in html and 'href="http://testserver/training/boosters/"' in html
