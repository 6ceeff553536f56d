"""My training's to-do: "Nothing to do right now" only when nothing waits; a leader is pointed at the
policy questions waiting for their answer; the private calendar link is folded away in a field."""

import datetime

import pytest
from django.utils import timezone

from attestation.models import PolicyQuestion
from tests.attestation.conftest import certify, change, policy  # noqa: F401 - the policy-update fixtures
from tests.factories import PolicyFactory, ProfileFactory, TeamFactory, UserFactory

NOTHING = "Nothing to do right now."


@pytest.fixture
def desk(db):
    leader = UserFactory(username="lead", first_name="Liam", last_name="Lead")
    team = TeamFactory(name="Desk", leader=leader)
    ProfileFactory(user=leader, team=team)
    person = UserFactory(username="pat", first_name="Pat", last_name="Person")
    ProfileFactory(user=person, team=team)
    return {"leader": leader, "person": person}


def test_with_nothing_waiting_the_page_says_so(client, desk):
    client.force_login(desk["person"])
    page = client.get("/training/").content.decode()
    assert NOTHING in page
    assert 'data-to-do="' not in page


def test_a_question_waiting_for_the_leader_is_on_their_to_do_and_the_empty_state_goes(client, desk):
    PolicyQuestion.objects.create(
        policy=PolicyFactory(),
        policy_version=1,
        asker=desk["person"],
        text="Can I refund a late delivery without a receipt?",
        assigned_to=desk["leader"],
        routed_on=datetime.date.today(),
    )
    client.force_login(desk["leader"])
    page = client.get("/training/").content.decode()
    assert NOTHING not in page
    assert '<li data-to-do="policy_questions"><a href="/training/policy-questions/">' in page
    assert "1 question about a policy is waiting for your answer" in page
    # The asker has nothing to answer.
    client.force_login(desk["person"])
    assert 'data-to-do="policy_questions"' not in client.get("/training/").content.decode()


def test_an_answered_question_leaves_the_to_do(client, desk):
    PolicyQuestion.objects.create(
        policy=PolicyFactory(),
        policy_version=1,
        asker=desk["person"],
        text="Who signs off a goodwill credit?",
        assigned_to=desk["leader"],
        routed_on=datetime.date.today(),
        answered_at=datetime.datetime.now(datetime.UTC),
    )
    client.force_login(desk["leader"])
    page = client.get("/training/").content.decode()
    assert 'data-to-do="policy_questions"' not in page
    assert NOTHING in page


def test_the_calendar_link_is_folded_away_in_a_read_only_field_with_a_copy_button(client, desk):
    client.force_login(desk["person"])
    page = client.get("/training/").content.decode()
    details = page[page.index('<details class="feed-link">') : page.index("</details>")]
    assert "<summary>Subscribe in your calendar app</summary>" in details
    assert 'id="calendar-feed"' in details and "readonly" in details and "/training/calendar/" in details
    assert 'data-copy="calendar-feed"' in details and "Copy link" in details
    assert 'class="feed-url"' not in page


def test_a_policy_update_due_is_on_the_to_do_and_the_empty_state_goes(client, org, certify, policy):  # noqa: F811
    certify(org.head)
    change(policy)
    client.force_login(org.head)
    page = client.get("/training/").content.decode()
    assert '<li data-to-do="policy_updates"><a href="/training/policy-updates/">' in page
    assert "1 policy update to read and confirm" in page
    assert NOTHING not in page


def test_boosters_ready_are_on_the_to_do_until_paused(client, org, certify, course):  # noqa: F811
    from boosters.models import BoosterProfile, BoosterSchedule

    certify(org.head)
    # Issuing the certificate started the schedule; its first set is drawn and waiting.
    BoosterSchedule.objects.filter(user=org.head, course=course).update(
        next_set_at=timezone.now() + datetime.timedelta(days=3), pending=[1, 2]
    )
    client.force_login(org.head)
    page = client.get("/training/").content.decode()
    assert (
        '<li data-to-do="boosters"><a href="/training/boosters/">Booster questions are ready for you' in page
    )
    assert NOTHING not in page
    BoosterProfile.objects.create(user=org.head, paused_at=timezone.now())
    assert 'data-to-do="boosters"' not in client.get("/training/").content.decode()
