"""A team view's policy updates are kept in the cache and never served stale: a material change, a
leader's confirmation (which opens the update for their team), a member's own, HR opening it to everyone,
a renamed policy and a person who joins the team each show on the next view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from attestation import selectors, services

from .conftest import change

pytestmark = pytest.mark.django_db
RIGHT = [1]


def table(org):
    """person id → (policy title, whether they may confirm now) for the desk."""
    return {
        row["user_id"]: [(item.policy.title, item.may_attest) for item in row["items"]]
        for row in selectors.team_due_table([org.desk])
    }


def attest(person, version):
    return services.attest(person=person, version=version, answers=RIGHT, read_and_will_apply=True)


def test_leaders_first_confirmations_show_at_once(org, certify, policy):
    member = org.member(org.desk, "amy")
    for person in (org.head, org.lead, member):
        certify(person)
    assert table(org) == {}
    version = change(policy)
    assert table(org)[member.pk] == [("Refunds", False)]
    with CaptureQueriesContext(connection) as again:
        table(org)
    assert len(again) == 0
    attest(org.head, version)
    attest(org.lead, version)  # confirmed in bulk (update), which sends no signal
    assert table(org)[member.pk] == [("Refunds", True)]
    assert org.lead.pk not in table(org)
    attest(member, version)
    assert table(org) == {}


def test_hr_opening_an_update_and_a_renamed_policy_show_at_once(org, certify, policy, hr):
    member = org.member(org.desk, "amy")
    for person in (org.head, org.lead, member):
        certify(person)
    version = change(policy)
    assert table(org)[member.pk] == [("Refunds", False)]
    services.open_for_everyone(version=version, by=hr, reason="Regulator deadline")
    assert table(org)[member.pk] == [("Refunds", True)]
    policy.title = "Refunds and returns"
    policy.change_kind = "minor"
    policy.save()
    assert table(org)[member.pk] == [("Refunds and returns", True)]


def test_someone_joining_the_team_brings_their_updates(org, certify, policy):
    lee = org.member(org.line, "lee")
    certify(lee)
    change(policy)
    assert lee.pk not in table(org)
    lee.lms_profile.team = org.desk
    lee.lms_profile.save()
    assert lee.pk in table(org)
