"""Leaders' recall figures from known histories, compared with fsrs' own retrievability for the same
cards; who is slipping; the refresher suggested before expiry; a fixed number of queries; who may see."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time
from fsrs import Card, Rating, Scheduler

from boosters import scheduling, selectors, services
from boosters.models import BoosterCard
from certificates import services as certificate_services
from tests.factories import CoursePageFactory

from .conftest import START

DAY = datetime.timedelta(days=1)
LISTENING = {"slug": "listening", "name": "Listening"}
APOLOGY = {"slug": "apology", "name": "Apology"}
FSRS = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def history(person, course, qid, skills, answers):
    """A card for ``person`` whose answers were given at the (offset, correct) pairs in ``answers``;
    returns the fsrs Card replayed independently, to compare with."""
    card = Card(card_id=1, due=START)
    for offset, correct in answers:
        card, _ = FSRS.review_card(card, Rating.Good if correct else Rating.Again, START + offset)
    state = Card(card_id=1, due=START).to_dict()
    for offset, correct in answers:
        state, _ = scheduling.review(state, correct=correct, now=START + offset)
    BoosterCard.objects.create(
        user=person,
        course=course,
        question_id=qid,
        question={"id": qid, "type": "single_choice", "skills": skills},
        state=state,
        due=scheduling.due_of(state),
        last_review=START + answers[-1][0] if answers else None,
        reviews=len(answers),
    )
    return card


@pytest.fixture
def team(org, course):
    ada = org.member(org.desk, "ada", first_name="Ada", last_name="Lovelace")
    bo = org.member(org.desk, "bo", first_name="Bo", last_name="Diddley")
    return org, ada, bo


def test_recall_is_fsrs_retrievability_averaged_per_person_then_over_the_team(team, course):
    org, ada, bo = team
    cards = {
        "ada-1": history(ada, course, "q1", [LISTENING], [(0 * DAY, True), (3 * DAY, True)]),
        "ada-2": history(ada, course, "q2", [LISTENING, APOLOGY], [(0 * DAY, True)]),
        "bo-1": history(bo, course, "q1", [LISTENING], [(0 * DAY, False)]),
    }
    # Never answered: no estimate yet, so it counts for nothing.
    history(bo, course, "q2", [LISTENING, APOLOGY], [])
    now = START + 12 * DAY
    r = {name: FSRS.get_card_retrievability(card, now) for name, card in cards.items()}
    ada_listening = (r["ada-1"] + r["ada-2"]) / 2
    expected_listening = (ada_listening + r["bo-1"]) / 2

    figures = selectors.team_recall(org.desk, now=now)

    by_skill = {s["slug"]: s for s in figures["skills"]}
    assert by_skill["listening"]["recall"] == pytest.approx(expected_listening, abs=0.001)
    assert by_skill["listening"]["people"] == 2
    assert by_skill["apology"]["recall"] == pytest.approx(r["ada-2"], abs=0.001)
    assert by_skill["apology"]["people"] == 1
    slipping = {p["name"]: p["recall"] for p in by_skill["listening"]["slipping"]}
    threshold = figures["threshold"]
    assert threshold == 0.7
    assert ("Bo Diddley" in slipping) == (r["bo-1"] < threshold)
    assert ("Ada Lovelace" in slipping) == (ada_listening < threshold)
    assert r["bo-1"] < threshold < r["ada-1"]  # the histories make one slip and one hold
    # The whole tree above counts them too; another team does not.
    assert selectors.team_recall(org.service, now=now)["skills"] == figures["skills"]
    assert selectors.team_recall(org.line, now=now)["skills"] == []


def test_a_skill_below_the_threshold_suggests_the_refresher_before_expiry(team, course, settings):
    org, ada, bo = team
    settings.LMS_BOOSTER_RECALL_THRESHOLD = 0.99
    course.validity_months = 12
    course.save_revision().publish()
    refresher = CoursePageFactory(parent=course.get_parent(), title="Listening refresher", renews=course)
    with freeze_time(START):
        certificate = certificate_services.issue(holder=bo, course=course, issued_on=START.date())
    history(bo, course, "q1", [LISTENING], [(0 * DAY, False)])
    figures = selectors.team_recall(org.desk, now=START + 20 * DAY)
    listening = figures["skills"][0]
    assert listening["below_threshold"] is True
    assert [(s["refresher_id"], s["before"]) for s in listening["refreshers"]] == [
        (refresher.pk, certificate.expires_on)
    ]
    assert listening["slipping"][0]["refreshers"][0]["title"] == "Listening refresher"


def test_team_recall_takes_the_same_queries_however_many_people_and_cards(org, course):
    def measure():
        with CaptureQueriesContext(connection) as queries:
            selectors.team_recall(org.desk, now=START + 10 * DAY)
        return len(queries)

    person = org.member(org.desk, "p0")
    history(person, course, "q1", [LISTENING], [(0 * DAY, True)])
    few = measure()
    for n in range(1, 7):
        person = org.member(org.desk, f"p{n}")
        for q in range(3):
            history(person, course, f"q{q}", [LISTENING, APOLOGY], [(0 * DAY, n % 2 == 0), (DAY, True)])
    assert measure() == few


def test_paused_people_are_flagged_not_hidden(team, course):
    org, ada, bo = team
    history(bo, course, "q1", [LISTENING], [(0 * DAY, False)])
    services.pause(user=bo)
    slipping = selectors.team_recall(org.desk, now=START + 30 * DAY)["skills"][0]["slipping"]
    assert [(p["name"], p["paused"]) for p in slipping] == [("Bo Diddley", True)]


@pytest.mark.parametrize(
    ("who", "status"),
    [("lead", 200), ("head", 200), ("hr", 200), ("lead2", 404), ("ada", 404)],
)
def test_team_recall_api_is_for_the_teams_leaders_and_hr(team, course, client, hr, who, status):
    org, ada, bo = team
    history(bo, course, "q1", [LISTENING], [(0 * DAY, False)])
    people = {"lead": org.lead, "head": org.head, "hr": hr, "lead2": org.other_lead, "ada": ada}
    client.force_login(people[who])
    response = client.get(f"/api/v1/teams/{org.desk.pk}/recall/")
    assert response.status_code == status
    if status == 200:
        assert response.json()["skills"][0]["slipping"][0]["name"] == "Bo Diddley"
    else:
        assert response.json()["code"] == "team_not_found"


@pytest.mark.parametrize(("who", "status"), [("lead", 200), ("hr", 200), ("ada", 403)])
def test_the_team_recall_page_is_for_leaders_and_hr(team, course, client, hr, who, status):
    org, ada, bo = team
    history(bo, course, "q1", [LISTENING], [(0 * DAY, False)])
    client.force_login({"lead": org.lead, "hr": hr, "ada": ada}[who])
    response = client.get("/training/boosters/team/")
    assert response.status_code == status
    if status == 200:
        assert "Bo Diddley" in response.content.decode()


def test_the_team_recall_page_refuses_a_team_not_led(team, course, client):
    org, ada, bo = team
    client.force_login(org.other_lead)
    assert client.get(f"/training/boosters/team/?team={org.desk.pk}").status_code == 404
    assert client.get(f"/training/boosters/team/?team={org.line.pk}").status_code == 200
