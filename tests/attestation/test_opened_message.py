"""A leader's confirmation opens the update for their team: the team hears it at once, with the same
once-only occasion as the daily job, so the job tells nobody twice."""

import datetime

import pytest
from django.utils import timezone

from attestation import services
from attestation.models import Attestation
from lms.core.models import Notification

from .conftest import change

pytestmark = pytest.mark.django_db

RIGHT = [1]


def _told(person):
    return list(Notification.objects.filter(recipient=person, kind="policy_update"))


def test_a_leaders_confirmation_tells_their_team_at_once_and_the_daily_job_not_again(org, certify, policy):
    amy = org.member(org.desk, "amy")
    ben = org.member(org.desk, "ben")
    cal = org.member(org.line, "cal")  # the other team: Priya has not confirmed
    for person in (org.head, org.lead, org.other_lead, amy, ben, cal):
        certify(person)
    version = change(policy)
    services.attest(person=org.head, version=version, answers=RIGHT, read_and_will_apply=True)
    # Grace's confirmation opens it for the two leaders below her, and only for them.
    assert len(_told(org.lead)) == 1 and len(_told(org.other_lead)) == 1
    assert not _told(amy) and not _told(cal)

    services.attest(person=org.lead, version=version, answers=RIGHT, read_and_will_apply=True)
    for person in (amy, ben):
        [message] = _told(person)
        assert message.occasion == f"policy-update:{version.pk}:opened"
        assert "Refunds" in message.text and message.link == "/training/policy-updates/"
    assert not _told(cal)  # still waiting for Priya
    assert not _told(org.head)

    # The daily job finds Amy and Ben told already: only Priya's team is still waiting, so nothing goes.
    assert services.send_reminders(timezone.localdate()) == 0
    assert [len(_told(p)) for p in (amy, ben)] == [1, 1]


def test_wrong_answers_open_nothing_and_tell_nobody(org, certify, policy):
    amy = org.member(org.desk, "amy")
    for person in (org.lead, amy):
        certify(person)
    version = change(policy)
    assert not services.attest(person=org.lead, version=version, answers=[0], read_and_will_apply=True)[
        "attested"
    ]
    assert not _told(amy)


def test_a_team_member_close_to_the_due_date_gets_the_reminder_the_job_would_send(org, certify, policy):
    amy = org.member(org.desk, "amy")
    for person in (org.lead, amy):
        certify(person)
    version = change(policy)
    # Three days left when Liam confirms: Amy's first message is the 7-day reminder, as the job would send.
    Attestation.objects.filter(policy_version=version).update(
        due_on=timezone.localdate() + datetime.timedelta(days=3)
    )
    services.attest(person=org.lead, version=version, answers=RIGHT, read_and_will_apply=True)
    [message] = _told(amy)
    assert message.occasion == f"policy-update:{version.pk}:7"
    assert services.send_reminders(timezone.localdate()) == 0
