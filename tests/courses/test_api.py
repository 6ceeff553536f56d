import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from courses.models import Enrolment, ModuleCompletion
from tests.factories import CoursePageFactory, ModulePageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(learner):
    client = APIClient()
    client.force_authenticate(learner)
    return client


def assert_error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code
    assert body["detail"]
    return body


def test_token_auth_round_trip(course, learner):
    client = APIClient()
    response = client.post(
        "/api/v1/auth/token/", {"username": "learner", "password": "pass1234"}, format="json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    assert Token.objects.get(user=learner).key == token
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/courses/").status_code == 200


def test_bad_credentials_get_a_coded_error(learner):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "learner", "password": "nope"}, format="json"
    )
    assert_error(response, 400, "bad_credentials")
    response = APIClient().post("/api/v1/auth/token/", {"username": "learner"}, format="json")
    body = assert_error(response, 400, "invalid")
    assert "password" in body["detail"]
    assert not Token.objects.exists()


def test_anonymous_is_refused_with_json(course):
    response = APIClient().get("/api/v1/courses/")
    assert response.status_code in (401, 403)
    assert response.json()["code"] == "not_authenticated"


def test_catalogue_lists_courses_with_access(api, course):
    response = api.get("/api/v1/courses/")
    assert response.status_code == 200
    (item,) = response.json()
    assert item["id"] == course.pk
    assert item["title"] == "Active listening"
    assert item["url"] == "/active-listening/"
    assert item["access"] == {"state": "open", "code": "", "detail": ""}
    assert item["leaders_first"] is False
    assert [m["title"] for m in item["modules"]] == ["Module 1", "Module 2", "Module 3"]
    assert api.get(f"/api/v1/courses/{course.pk}/").json()["id"] == course.pk
    assert_error(api.get("/api/v1/courses/999999/"), 404, "course_not_found")


def test_enrol_then_enrolling_again_is_409(api, course, learner):
    response = api.post("/api/v1/enrolments/", {"course": course.pk}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["course"] == course.pk
    assert body["progress"] == 0
    assert body["state"] == "not_started"
    assert body["next_module"]["title"] == "Module 1"
    assert_error(
        api.post("/api/v1/enrolments/", {"course": course.pk}, format="json"), 409, "already_enrolled"
    )
    assert Enrolment.objects.filter(user=learner).count() == 1


def test_enrol_bad_input(api, course):
    assert_error(api.post("/api/v1/enrolments/", {"course": 424242}, format="json"), 404, "course_not_found")
    body = assert_error(api.post("/api/v1/enrolments/", {"course": "abc"}, format="json"), 400, "invalid")
    assert "course" in body["errors"]
    assert_error(api.post("/api/v1/enrolments/", {}, format="json"), 400, "invalid")
    assert not Enrolment.objects.exists()


def test_complete_module_and_progress(api, course, learner):
    enrolment_id = api.post("/api/v1/enrolments/", {"course": course.pk}, format="json").json()["id"]
    first, second, _ = course.modules()
    response = api.post(f"/api/v1/enrolments/{enrolment_id}/modules/{first.pk}/complete/")
    assert response.status_code == 200
    assert response.json()["progress"] == 33
    assert response.json()["state"] == "in_progress"
    assert response.json()["next_module"]["id"] == second.pk
    (listed,) = api.get("/api/v1/enrolments/").json()
    assert listed["completed_modules"] == [first.pk]


def test_complete_module_of_course_not_enrolled_in(api, course, catalogue, learner, other_learner):
    other_course = CoursePageFactory(parent=catalogue)
    other_module = ModulePageFactory(parent=other_course)
    mine = api.post("/api/v1/enrolments/", {"course": course.pk}, format="json").json()["id"]
    assert_error(
        api.post(f"/api/v1/enrolments/{mine}/modules/{other_module.pk}/complete/"), 404, "module_not_found"
    )

    theirs = Enrolment.objects.create(user=other_learner, course=course)
    module = course.modules().first()
    assert_error(
        api.post(f"/api/v1/enrolments/{theirs.pk}/modules/{module.pk}/complete/"), 404, "enrolment_not_found"
    )
    assert_error(api.get(f"/api/v1/enrolments/{theirs.pk}/"), 404, "enrolment_not_found")
    assert not ModuleCompletion.objects.exists()


def test_enrolments_only_show_the_callers_own(api, course, other_learner):
    Enrolment.objects.create(user=other_learner, course=course)
    assert api.get("/api/v1/enrolments/").json() == []


def test_assignments_api_is_all_or_nothing(course, org):
    member = org.member(org.desk, "member")
    stranger = UserFactory()  # in no team at all
    client = APIClient()
    client.force_authenticate(org.lead)
    response = client.post(
        "/api/v1/assignments/", {"course": course.pk, "users": [member.pk, stranger.pk]}, format="json"
    )
    assert_error(response, 403, "not_your_team")
    assert not Enrolment.objects.exists()
    response = client.post(
        "/api/v1/assignments/",
        {"course": course.pk, "users": [member.pk], "due_date": "2099-01-31"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()[0]["due_date"] == "2099-01-31"
    assert_error(
        client.post("/api/v1/assignments/", {"course": course.pk, "users": [987654]}, format="json"),
        404,
        "user_not_found",
    )


def test_schema_and_docs_render(api):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for path in [
        "/api/v1/auth/token/",
        "/api/v1/courses/",
        "/api/v1/enrolments/",
        "/api/v1/enrolments/{id}/modules/{module_id}/complete/",
    ]:
        assert path in paths
    docs = api.get("/api/v1/docs/")
    assert docs.status_code == 200
    assert b"swagger" in docs.content.lower()
