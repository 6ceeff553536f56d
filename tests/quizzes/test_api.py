import json

import pytest
from freezegun import freeze_time
from rest_framework.test import APIClient

from certificates.services import issue
from quizzes.models import Answer, Attempt
from tests.factories import ProfileFactory, TeamFactory, UserFactory
from tests.quizzes.conftest import best_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(learner):
    client = APIClient()
    client.force_authenticate(learner)
    return client


def start(api, course):
    response = api.post(f"/api/v1/courses/{course.pk}/attempts/")
    assert response.status_code in (200, 201), response.content
    return response.json()


def secrets_of(attempt):
    """Every string that would give an answer away: explanations, model answers, rubric text."""
    found = set()
    for q in attempt.snapshot["questions"]:
        if q["explanation"]:
            found.add(q["explanation"])
        if q.get("model_answer"):
            found.add(q["model_answer"])
        for c in q.get("rubric", []):
            found.add(c["description"])
    return found


def test_started_attempt_carries_no_answer_data(api, assessment, enrolled, course):
    body = start(api, course)
    raw = json.dumps(body)
    for key in (
        '"correct"',
        '"quality"',
        '"key_order"',
        '"rubric"',
        '"explanation"',
        '"model_answer"',
        '"points"',
    ):
        assert key not in raw
    attempt = Attempt.objects.get(pk=body["id"])
    for secret in secrets_of(attempt):
        assert secret not in raw
    # The sequencing options are not shown in the right order.
    seq = next(q for q in attempt.snapshot["questions"] if q["type"] == "sequencing")
    shown = next(q for q in body["questions"] if q["id"] == seq["id"])
    assert [o["id"] for o in shown["options"]] != seq["key_order"]
    assert set(body["questions"][0]) == {"id", "type", "dimension", "skills", "scenario", "prompt", "options"}
    # Asking for the result early is refused, and reveals nothing.
    early = api.get(f"/api/v1/attempts/{body['id']}/result/")
    assert early.status_code == 409 and early.json()["code"] == "attempt_open"


def test_autosave_submit_and_result_round_trip(api, auto_assessment, enrolled, course):
    body = start(api, course)
    attempt = Attempt.objects.get(pk=body["id"])
    answers = best_answers(attempt)
    saved = api.patch(f"/api/v1/attempts/{body['id']}/", {"answers": answers}, format="json")
    assert saved.status_code == 200
    assert saved.json()["answers"] == answers
    again = start(api, course)
    assert again["id"] == body["id"] and again["answers"] == answers  # resume after a reload
    result = api.post(f"/api/v1/attempts/{body['id']}/submit/")
    assert result.status_code == 200
    data = result.json()
    assert data["state"] == "graded" and data["passed"] is True
    assert data["awareness_score"] == 100 and data["skill_score"] == 100
    assert {s["skill"] for s in data["skills"]} == {"Listening", "Apology"}
    assert all("explanation" in q for q in data["questions"])
    assert api.post(f"/api/v1/attempts/{body['id']}/submit/").json() == data
    closed = api.patch(f"/api/v1/attempts/{body['id']}/", {"answers": answers}, format="json")
    assert closed.status_code == 409 and closed.json()["code"] == "attempt_closed"


def test_bad_autosave_changes_nothing(api, auto_assessment, enrolled, course):
    body = start(api, course)
    qid = body["questions"][0]["id"]
    response = api.patch(
        f"/api/v1/attempts/{body['id']}/", {"answers": {qid: "nope", "zzz": 1}}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid_answer"
    assert "zzz" in response.json()["detail"]
    response = api.patch(f"/api/v1/attempts/{body['id']}/", {"answers": "not an object"}, format="json")
    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_refusals_carry_codes(api, auto_assessment, course, learner, other_learner, enrolled):
    not_enrolled = APIClient()
    not_enrolled.force_authenticate(other_learner)
    response = not_enrolled.post(f"/api/v1/courses/{course.pk}/attempts/")
    assert response.status_code == 403 and response.json()["code"] == "not_enrolled"
    body = start(api, course)
    response = not_enrolled.patch(f"/api/v1/attempts/{body['id']}/", {"answers": {}}, format="json")
    assert response.status_code == 404 and response.json()["code"] == "not_your_attempt"
    assert not_enrolled.get(f"/api/v1/attempts/{body['id']}/result/").status_code == 404
    api.post(f"/api/v1/attempts/{body['id']}/submit/")  # fails: nothing answered
    response = api.post(f"/api/v1/courses/{course.pk}/attempts/")
    assert response.status_code == 403 and response.json()["code"] == "cooldown"


def test_time_up_through_the_api(api, auto_assessment, enrolled, course):
    with freeze_time("2026-05-01 10:00"):
        body = start(api, course)
        qid = body["questions"][0]["id"]
        option = body["questions"][0]["options"][0]["id"]
    with freeze_time("2026-05-01 10:45"):
        response = api.patch(f"/api/v1/attempts/{body['id']}/", {"answers": {qid: option}}, format="json")
        assert response.status_code == 409 and response.json()["code"] == "time_up"
        result = api.get(f"/api/v1/attempts/{body['id']}/result/").json()
        assert result["timed_out"] is True
        assert not Answer.objects.filter(attempt_id=body["id"], question_id=qid).exists()


def test_attempt_limit_through_the_api(api, auto_assessment, enrolled, course):
    auto_assessment.attempt_limit = 1
    auto_assessment.save()
    body = start(api, course)
    api.post(f"/api/v1/attempts/{body['id']}/submit/")
    response = api.post(f"/api/v1/courses/{course.pk}/attempts/")
    assert response.status_code == 403 and response.json()["code"] in ("attempt_limit", "cooldown")
    auto_assessment.cooldown_minutes = 0
    auto_assessment.save()
    response = api.post(f"/api/v1/courses/{course.pk}/attempts/")
    assert response.status_code == 403 and response.json()["code"] == "attempt_limit"


def test_review_queue_grade_and_sign_off_through_the_api(assessment, enrolled, course, learner):
    leader = UserFactory(username="lead")
    ProfileFactory(user=learner, team=TeamFactory(leader=leader))
    learner_api = APIClient()
    learner_api.force_authenticate(learner)
    body = start(learner_api, course)
    attempt = Attempt.objects.get(pk=body["id"])
    learner_api.patch(f"/api/v1/attempts/{attempt.pk}/", {"answers": best_answers(attempt)}, format="json")
    assert learner_api.post(f"/api/v1/attempts/{attempt.pk}/submit/").json()["state"] == "awaiting_review"

    leader_api = APIClient()
    leader_api.force_authenticate(leader)
    assert leader_api.get("/api/v1/reviews/").json() == []  # not certified yet
    written = attempt.reviews.get(kind="written")
    refused = leader_api.post(
        f"/api/v1/reviews/{written.pk}/grade/", {"marks": {}, "comment": "x"}, format="json"
    )
    assert refused.status_code == 403 and refused.json()["code"] == "not_certified"

    issue(holder=leader, course=course)
    queue = leader_api.get("/api/v1/reviews/").json()
    assert [r["kind"] for r in queue] == ["written", "observation"]
    detail = queue[0]
    marks = {c["id"]: c["points"] for c in detail["question"]["rubric"]}
    graded = leader_api.post(
        f"/api/v1/reviews/{detail['id']}/grade/", {"marks": marks, "comment": "Clear"}, format="json"
    )
    assert graded.status_code == 200 and graded.json()["state"] == "done"
    items = [i["id"] for i in queue[1]["checklist"]]
    signed = leader_api.post(
        f"/api/v1/reviews/{queue[1]['id']}/sign-off/", {"items": items, "note": "Live call"}, format="json"
    )
    assert signed.status_code == 200 and signed.json()["state"] == "done"
    result = learner_api.get(f"/api/v1/attempts/{attempt.pk}/result/").json()
    assert result["state"] == "graded" and result["passed"] is True
    written_q = next(q for q in result["questions"] if q["type"] == "written")
    assert written_q["review"]["comment"] == "Clear"
    # The learner cannot reach the review endpoints for their own work.
    own = learner_api.post(
        f"/api/v1/reviews/{written.pk}/grade/", {"marks": marks, "comment": "me"}, format="json"
    )
    assert own.status_code in (403, 404)


def test_schema_documents_the_assessment_endpoints(api):
    paths = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    for path in [
        "/api/v1/courses/{id}/attempts/",
        "/api/v1/attempts/{id}/",
        "/api/v1/attempts/{id}/submit/",
        "/api/v1/attempts/{id}/result/",
        "/api/v1/reviews/",
        "/api/v1/reviews/{id}/grade/",
        "/api/v1/reviews/{id}/sign-off/",
    ]:
        assert path in paths
    assert "patch" in paths["/api/v1/attempts/{id}/"]
