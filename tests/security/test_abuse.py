import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_login_locks_out_after_repeated_failures_and_says_why(client):
    UserFactory(username="ann")
    for _ in range(5):
        response = client.post("/login/", {"username": "ann", "password": "wrong"})
        assert response.status_code == 200
    assert "Too many unsuccessful sign-ins" in response.content.decode()
    # Even the right password waits now.
    response = client.post("/login/", {"username": "ann", "password": "pass1234"})
    assert "Too many unsuccessful sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session
    cache.clear()
    response = client.post("/login/", {"username": "ann", "password": "pass1234"})
    assert response.status_code == 302
    assert response.url == "/training/"


def test_token_endpoint_locks_out_too(db):
    UserFactory(username="bob")
    api = APIClient()
    for _ in range(5):
        api.post("/api/v1/auth/token/", {"username": "bob", "password": "nope"}, format="json")
    response = api.post("/api/v1/auth/token/", {"username": "bob", "password": "pass1234"}, format="json")
    assert response.status_code == 429 and response.json()["code"] == "locked_out"


def test_security_headers_on_our_pages(client, course, learner):
    client.force_login(learner)
    response = client.get(course.url)
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "'unsafe-eval'" not in csp
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_forms_need_csrf(course, learner):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    assert strict.post(f"/training/courses/{course.pk}/enrol/").status_code == 403
    api = APIClient(enforce_csrf_checks=True)
    api.login(username="learner", password="pass1234")
    response = api.post("/api/v1/enrolments/", {"course": course.pk}, format="json")
    assert response.status_code == 403  # session-authenticated API writes need the CSRF token


def test_rich_text_in_policies_is_sanitised(client, course, learner):
    from tests.factories import ModulePageFactory, PolicyFactory

    policy = PolicyFactory(body='<p>Fine</p><script>alert(1)</script><p onclick="steal()">x</p>')
    module = ModulePageFactory(parent=course, body=[("policy", {"policy": policy, "note": ""})])
    client.force_login(learner)
    html = client.get(module.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "steal()" not in html
