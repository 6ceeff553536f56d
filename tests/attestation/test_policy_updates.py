import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from attestation import selectors, services
from attestation.models import Attestation, AttestationState
from courses.models.snippets import PolicyVersion, policy_diff
from lms.core.models import AuditEvent

from .conftest import change

pytestmark = pytest.mark.django_db

RIGHT = [1]
WRONG = [0]


def test_each_published_change_is_a_version_with_its_kind_and_summary(policy):
    first = PolicyVersion.objects.get(policy=policy)
    assert (first.version, first.kind) == (1, "first")
    version = change(policy, kind="minor", summary="Typo")
    assert (version.version, version.kind, version.summary) == (2, "minor", "Typo")
    assert "£75" in version.body
    policy.refresh_from_db()
    # The row keeps no pending change: the next change must say its own kind again.
    assert (policy.change_kind, policy.change_summary) == ("", "")


def test_the_difference_says_what_was_added_and_removed():
    segments = policy_diff("<p>Refund up to £50.</p>", "<p>Refund up to £75.</p>")
    assert ("removed", " £50.") in segments
    assert ("added", " £75.") in segments


def test_a_minor_change_flags_nothing(org, certify, policy):
    certify(org.lead)
    change(policy, kind="minor")
    assert not Attestation.objects.exists()


def test_a_material_change_flags_current_certificates_that_covered_an_older_version(org, certify, policy):
    flagged = certify(org.lead)
    certify(org.other_lead, version=2)  # already covers the new wording
    expired = certify(org.head, issued_on=timezone.localdate() - datetime.timedelta(days=900))
    expired.expires_on = timezone.localdate() - datetime.timedelta(days=1)
    expired.save()
    version = change(policy)
    rows = list(Attestation.objects.all())
    assert [(a.certificate_id, a.policy_version_id) for a in rows] == [(flagged.pk, version.pk)]
    assert rows[0].due_on == timezone.localdate() + datetime.timedelta(days=14)


def test_leaders_first_a_member_waits_for_the_leader(org, certify, policy):
    member = org.member(org.desk, "amy")
    for person in (org.head, org.lead, member):
        certify(person)
    version = change(policy)
    # The head of the service is at the top of the tree: free. The desk's leader waits for the head.
    assert selectors.attestation_open(org.head, version)
    assert not selectors.attestation_open(org.lead, version)
    assert not selectors.attestation_open(member, version)
    with pytest.raises(services.Refused):
        services.attest(person=member, version=version, answers=RIGHT, read_and_will_apply=True)
    assert services.attest(person=org.head, version=version, answers=RIGHT, read_and_will_apply=True)[
        "attested"
    ]
    assert selectors.attestation_open(org.lead, version)
    assert not selectors.attestation_open(member, version)
    services.attest(person=org.lead, version=version, answers=RIGHT, read_and_will_apply=True)
    assert selectors.attestation_open(member, version)
    assert services.attest(person=member, version=version, answers=RIGHT, read_and_will_apply=True)[
        "attested"
    ]
    assert AuditEvent.objects.filter(verb="policy_update.attest").count() == 3


def test_a_leader_with_nothing_to_confirm_does_not_hold_the_team_back(org, certify, policy):
    member = org.member(org.desk, "amy")
    certify(member)
    version = change(policy)
    assert selectors.attestation_open(member, version)


def test_hr_opens_an_update_for_everyone_with_a_logged_reason(org, certify, policy, hr):
    member = org.member(org.desk, "amy")
    for person in (org.head, org.lead, member):
        certify(person)
    version = change(policy)
    with pytest.raises(services.Refused):
        services.open_for_everyone(version=version, by=org.lead, reason="Regulator deadline")
    with pytest.raises(services.Invalid):
        services.open_for_everyone(version=version, by=hr, reason=" ")
    services.open_for_everyone(version=version, by=hr, reason="Regulator deadline")
    assert selectors.attestation_open(member, version) and selectors.attestation_open(org.lead, version)
    event = AuditEvent.objects.get(verb="policy_update.open_all")
    assert event.reason == "Regulator deadline"


def test_wrong_answers_do_not_confirm(org, certify, policy):
    certify(org.head)
    version = change(policy)
    result = services.attest(person=org.head, version=version, answers=WRONG, read_and_will_apply=True)
    assert not result["attested"]
    assert result["results"][0]["explanation"] == "Version 2 raised the limit to £75."
    assert selectors.due_for(org.head)[0].state == AttestationState.OPEN
    with pytest.raises(services.Invalid):
        services.attest(person=org.head, version=version, answers=RIGHT, read_and_will_apply=False)
    with pytest.raises(services.Invalid):
        services.attest(person=org.head, version=version, answers=[], read_and_will_apply=True)
    assert not Attestation.objects.filter(attested_at__isnull=False).exists()


def test_the_public_check_shows_the_confirmed_version_without_changing_the_certificate(org, certify, policy):
    certificate = certify(org.head)
    version = change(policy)
    url = f"/api/v1/verify/{certificate.code}/"
    before = APIClient().get(url).json()["policies"]
    assert before == [
        {
            "slug": "refunds",
            "title": "Refunds",
            "version": 1,
            "current_version": 2,
            "attested": False,
            "status": "update_due",
        }
    ]
    services.attest(person=org.head, version=version, answers=RIGHT, read_and_will_apply=True)
    after = APIClient().get(url).json()["policies"][0]
    assert (after["version"], after["current_version"], after["attested"], after["status"]) == (
        2,
        2,
        True,
        "current",
    )
    certificate.refresh_from_db()
    assert certificate.policy_versions[0]["version"] == 1
    page = APIClient().get(reverse("lms:verify", kwargs={"code": certificate.code}))
    assert "confirmed by the holder" in page.content.decode()


def test_overdue_shows_without_revoking(org, certify, policy):
    certificate = certify(org.head)
    change(policy)
    later = timezone.localdate() + datetime.timedelta(days=15)
    assert selectors.due_for(org.head, on=later)[0].state == AttestationState.OVERDUE
    status = selectors.certificate_policy_status(certificate, on=later)[0]
    assert status["status"] == "overdue"
    certificate.refresh_from_db()
    assert certificate.status == "valid"
    page = APIClient().get(reverse("lms:verify", kwargs={"code": certificate.code}))
    assert page.status_code == 200


def test_due_for_people_takes_the_same_queries_however_many_people(org, certify, policy):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    people = [org.member(org.desk, f"p{n}") for n in range(2)]
    more = [org.member(org.line, f"q{n}") for n in range(6)]
    for person in (org.head, org.lead, *people, *more):
        certify(person)
    change(policy)
    with CaptureQueriesContext(connection) as few_queries:
        few = selectors.due_for_people([p.pk for p in people])
    with CaptureQueriesContext(connection) as many_queries:
        many = selectors.due_for_people([p.pk for p in people + more + [org.lead]])
    assert len(few) == 2 and len(many) == 9
    assert len(few_queries) == len(many_queries) <= 5


def test_reminders_go_once_each_and_only_once_the_update_has_opened(org, certify, policy):
    from lms.core.models import Notification

    member = org.member(org.desk, "amy")
    for person in (org.lead, member):
        certify(person)
    change(policy)
    today = timezone.localdate()
    # The desk's leader (under the head, who has nothing to confirm) is told; the member waits.
    assert services.send_reminders(today) == 1
    assert services.send_reminders(today) == 0
    assert services.send_reminders(today + datetime.timedelta(days=8)) == 1  # 6 days left: the 7-day one
    assert services.send_reminders(today + datetime.timedelta(days=9)) == 0
    assert services.send_reminders(today + datetime.timedelta(days=20)) == 1  # overdue, once
    assert services.send_reminders(today + datetime.timedelta(days=21)) == 0
    assert not Notification.objects.filter(recipient=member).exists()
    assert Notification.objects.filter(recipient=org.lead).count() == 3


def test_a_later_material_change_replaces_the_one_still_owed(org, certify, policy):
    certify(org.head)
    first = change(policy)
    second = change(policy, body="<p>Advisers may refund up to £100.</p>", summary="Limit now £100")
    due = selectors.due_for(org.head)
    assert [d.version.pk for d in due] == [second.pk]
    assert Attestation.objects.get(policy_version=first).superseded


def test_reminders_and_answers_are_written_in_each_recipients_language(org, certify, policy):
    from lms.core.models import Notification, Profile

    Profile.objects.filter(user=org.lead).update(language="es")
    certify(org.lead)
    change(policy)
    assert services.send_reminders(timezone.localdate()) == 1
    notice = Notification.objects.get(recipient=org.lead)
    assert notice.subject.startswith("Actualización de política")
    member = org.member(org.desk, "amy")
    question = services.ask(person=member, policy=policy, text="Does the new limit apply to vouchers?")
    asked = Notification.objects.filter(recipient=org.lead).exclude(pk=notice.pk).get()
    assert "pregunta" in asked.subject.lower()  # the leader reads Spanish
    services.answer(question=question, by=org.lead, text="Yes, vouchers too.")
    answered = Notification.objects.get(recipient=member)
    assert answered.subject.startswith("Your question about")  # the member follows the site: English
