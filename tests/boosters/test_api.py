"""The boosters API: the set due for me without answer keys, answering with the explanation at once,
pause and resume, and errors as {"detail", "code"} that change nothing."""

import datetime

import pytest
from freezegun import freeze_time

from boosters.models import BoosterCard, BoosterReview, BoosterSettings

from .conftest import START, best_response, wrong_response

LATER = START + datetime.timedelta(days=1)
PUBLIC = {"id", "course", "type", "dimension", "skills", "scenario", "prompt", "options"}
KEYS = ("correct", "quality", "key_order", "explanation", "points", "rubric", "model_answer")


@pytest.fixture
def signed_in(course, client, learner):
    BoosterSettings.objects.create(course=course, questions_per_set=10, sets_per_week=7)
    client.force_login(learner)
    return client


def test_the_set_shows_no_answer_key_before_answering(signed_in, certified):
    with freeze_time(LATER):
        body = signed_in.get("/api/v1/boosters/").json()
    assert body["paused"] is False
    assert len(body["questions"]) == 5
    for question in body["questions"]:
        assert set(question) == PUBLIC
        assert question["course"]["title"] == "Active listening"
        for option in question["options"]:
            assert set(option) == {"id", "text"}
    text = str(body)
    for key in KEYS:
        assert f"'{key}'" not in text


def test_answering_says_right_or_wrong_explains_at_once_and_says_when_next(signed_in, certified):
    with freeze_time(LATER):
        first, second, *_ = signed_in.get("/api/v1/boosters/").json()["questions"]
        cards = {c.pk: c for c in BoosterCard.objects.all()}
        right = signed_in.post(
            f"/api/v1/boosters/{first['id']}/answer/",
            {"response": best_response(cards[first["id"]].question)},
            content_type="application/json",
        )
        wrong = signed_in.post(
            f"/api/v1/boosters/{second['id']}/answer/",
            {"response": wrong_response(cards[second["id"]].question)},
            content_type="application/json",
        )
    assert right.status_code == 200 and wrong.status_code == 200
    assert right.json()["correct"] is True and wrong.json()["correct"] is False
    assert right.json()["explanation"] == cards[first["id"]].question["explanation"]
    assert wrong.json()["next_due"] < right.json()["next_due"]
    assert right.json()["remaining"] == 4 and wrong.json()["remaining"] == 3
    assert any(o["chosen"] for o in wrong.json()["options"])


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"response": "no-such-option"}, "invalid_answer"),
        ({}, "invalid"),
        ({"response": ""}, "invalid_answer"),
    ],
)
def test_a_bad_answer_is_refused_and_changes_nothing(signed_in, certified, body, code):
    with freeze_time(LATER):
        question = signed_in.get("/api/v1/boosters/").json()["questions"][0]
        response = signed_in.post(
            f"/api/v1/boosters/{question['id']}/answer/", body, content_type="application/json"
        )
    assert response.status_code == 400
    assert response.json()["code"] == code and response.json()["detail"]
    assert not BoosterReview.objects.exists()
    assert BoosterCard.objects.get(pk=question["id"]).reviews == 0


def test_someone_elses_booster_looks_missing(signed_in, certified, client, other_learner):
    with freeze_time(LATER):
        question = signed_in.get("/api/v1/boosters/").json()["questions"][0]
        card = BoosterCard.objects.get(pk=question["id"])
        client.force_login(other_learner)
        response = client.post(
            f"/api/v1/boosters/{question['id']}/answer/",
            {"response": best_response(card.question)},
            content_type="application/json",
        )
    assert response.status_code == 404 and response.json()["code"] == "booster_not_found"
    assert not BoosterReview.objects.exists()


def test_signed_out_callers_are_refused(client, certified):
    assert client.get("/api/v1/boosters/").status_code in (401, 403)
    assert client.put(
        "/api/v1/boosters/pause/", {"paused": True}, content_type="application/json"
    ).status_code in (
        401,
        403,
    )


def test_pause_and_resume_through_the_api(signed_in, certified):
    with freeze_time(LATER):
        question = signed_in.get("/api/v1/boosters/").json()["questions"][0]
        card = BoosterCard.objects.get(pk=question["id"])
        paused = signed_in.put("/api/v1/boosters/pause/", {"paused": True}, content_type="application/json")
        assert paused.json() == {"paused": True}
        assert signed_in.get("/api/v1/boosters/").json() == {"paused": True, "questions": []}
        refused = signed_in.post(
            f"/api/v1/boosters/{question['id']}/answer/",
            {"response": best_response(card.question)},
            content_type="application/json",
        )
        assert refused.status_code == 409 and refused.json()["code"] == "boosters_paused"
        assert (
            signed_in.put(
                "/api/v1/boosters/pause/", {"paused": "maybe"}, content_type="application/json"
            ).status_code
            == 400
        )
        resumed = signed_in.put("/api/v1/boosters/pause/", {"paused": False}, content_type="application/json")
        assert resumed.json() == {"paused": False}
        assert signed_in.get("/api/v1/boosters/pause/").json() == {"paused": False}
        assert len(signed_in.get("/api/v1/boosters/").json()["questions"]) == 5
