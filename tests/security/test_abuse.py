"""Abuse: the sign-in lockout at every door (django-axes, lms.site.lockout), security headers, CSRF and
sanitised rich text."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.test import Client, RequestFactory
from rest_framework.test import APIClient

from lms.site import lockout
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WHAT_TO_DO = "wait 15 minutes and try again, or reset your password or ask HR for help"


@pytest.fixture
def axes_on(settings):
    # Off for the rest of the suite (project/settings/test.py), as Django's client.login has no request.
    settings.AXES_ENABLED = True


def _sign_in(client, username, password, path="/login/", **extra):
    return client.post(path, {"username": username, "password": password}, **extra)


def _token(api, username, password, **extra):
    return api.post(
        "/api/v1/auth/token/", {"username": username, "password": password}, format="json", **extra
    )


def _lockout_ends():
    # The lockout counts from the failure that caused it; move that failure back past its length.
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= timedelta(minutes=16)
        attempt.save()


def test_site_sign_in_locks_after_the_limit_and_says_what_to_do(client, axes_on):
    UserFactory(username="ann")
    for _ in range(4):
        response = _sign_in(client, "ann", "wrong")
        assert response.status_code == 200
        assert WHAT_TO_DO not in response.content.decode()
    response = _sign_in(client, "ann", "wrong")
    assert response.status_code == 429
    html = response.content.decode()
    # On the sign-in page itself, as the form's error, not axes's bare text.
    assert 'class="form-errors" role="alert"' in html and WHAT_TO_DO in html and 'name="password"' in html
    # Even the right password waits now.
    response = _sign_in(client, "ann", "pass1234")
    assert response.status_code == 429 and WHAT_TO_DO in response.content.decode()
    assert "_auth_user_id" not in client.session
    _lockout_ends()
    response = _sign_in(client, "ann", "pass1234")
    assert response.status_code == 302 and response.url == "/training/"


def test_a_successful_sign_in_clears_the_count(client, axes_on):
    UserFactory(username="ann")
    for _ in range(4):
        _sign_in(client, "ann", "wrong")
    assert _sign_in(client, "ann", "pass1234").status_code == 302
    assert not AccessAttempt.objects.exists()
    client.logout()
    for _ in range(4):
        assert _sign_in(client, "ann", "wrong").status_code == 200
    assert _sign_in(client, "ann", "pass1234").status_code == 302


def test_a_new_password_ends_the_lockout_at_once(client, axes_on):
    ann = UserFactory(username="ann")
    other = UserFactory(username="bob")
    for username in ("ann", "bob"):
        for _ in range(5):
            _sign_in(client, username, "wrong")
    lockout.forget_failures(ann)
    assert _sign_in(client, "ann", "pass1234").status_code == 302
    client.logout()
    assert _sign_in(client, other.username, "pass1234").status_code == 429


def test_wagtail_admin_sign_in_locks_too(client, axes_on):
    UserFactory(username="admin", is_superuser=True, is_staff=True)
    for _ in range(4):
        response = _sign_in(client, "admin", "wrong", path="/admin/login/")
        assert response.status_code == 200 and WHAT_TO_DO not in response.content.decode()
    response = _sign_in(client, "admin", "wrong", path="/admin/login/")
    assert response.status_code == 429 and WHAT_TO_DO in response.content.decode()
    # The right password is refused with the same message, on the admin's own sign-in page.
    response = _sign_in(client, "admin", "pass1234", path="/admin/login/")
    assert response.status_code == 429
    html = response.content.decode()
    assert WHAT_TO_DO in html and 'name="password"' in html
    assert "_auth_user_id" not in client.session
    _lockout_ends()
    assert _sign_in(client, "admin", "pass1234", path="/admin/login/").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_django_admin_sign_in_gets_a_page_that_says_what_to_do(client, axes_on):
    UserFactory(username="admin", is_superuser=True, is_staff=True)
    for _ in range(5):
        response = _sign_in(client, "admin", "wrong", path="/django-admin/login/")
    response = _sign_in(client, "admin", "pass1234", path="/django-admin/login/")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Sign-in paused" in html and WHAT_TO_DO in html
    assert "_auth_user_id" not in client.session


def test_token_endpoint_locks_out_with_429_locked_out(axes_on):
    UserFactory(username="bob")
    api = APIClient()
    for _ in range(4):
        response = _token(api, "bob", "nope")
        assert response.status_code == 400 and response.json()["code"] == "bad_credentials"
    response = _token(api, "bob", "nope")
    assert response.status_code == 429 and response.json()["code"] == "locked_out"
    response = _token(api, "bob", "pass1234")
    assert response.status_code == 429
    assert response.json() == {"detail": response.json()["detail"], "code": "locked_out"}
    assert WHAT_TO_DO in response.json()["detail"]
    _lockout_ends()
    assert _token(api, "bob", "pass1234").status_code == 200


def test_a_token_clears_the_count(axes_on):
    bob = UserFactory(username="bob")
    api = APIClient()
    for _ in range(4):
        _token(api, "bob", "nope")
    assert _token(api, "bob", "pass1234").status_code == 200
    assert not AccessAttempt.objects.exists()
    bob.refresh_from_db()
    assert bob.last_login is not None
    for _ in range(4):
        assert _token(api, "bob", "nope").status_code == 400
    assert _token(api, "bob", "pass1234").status_code == 200


def test_a_lockout_holds_one_account_at_one_address_only(axes_on):
    UserFactory(username="ann")
    UserFactory(username="bob")
    office, home = {"REMOTE_ADDR": "198.51.100.7"}, {"REMOTE_ADDR": "203.0.113.20"}
    for _ in range(5):
        _sign_in(Client(), "ann", "wrong", **office)
    assert _sign_in(Client(), "ann", "pass1234", **office).status_code == 429
    # A colleague at the same address, and Ann herself elsewhere, sign in as usual.
    assert _sign_in(Client(), "bob", "pass1234", **office).status_code == 302
    assert _sign_in(Client(), "ann", "pass1234", **home).status_code == 302
    # The API door shares the count: Ann is locked there too from the office, not from home.
    assert _token(APIClient(), "ann", "pass1234", **office).status_code == 429
    assert _token(APIClient(), "ann", "pass1234", **home).status_code == 200


def test_single_sign_on_failures_never_lock_anyone_out(axes_on):
    """An OpenID Connect callback authenticates with a code and a nonce, not a username and password;
    a failed one (stale or replayed code) is no password guess and must not count."""
    UserFactory(username="ann")
    for _ in range(8):
        request = RequestFactory().get("/oidc/callback/", REMOTE_ADDR="198.51.100.7")
        assert authenticate(request, code="stale-code", nonce="n-0S6_WzA2Mj") is None
    assert not AccessAttempt.objects.exists()
    # Password sign-ins from that address still count from zero.
    request = RequestFactory().post("/login/", REMOTE_ADDR="198.51.100.7")
    assert authenticate(request, username="ann", password="pass1234") is not None


def test_forms_need_csrf(course, learner):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    assert strict.post(f"/training/courses/{course.pk}/enrol/").status_code == 403
    api = APIClient(enforce_csrf_checks=True)
    api.force_login(learner)
    response = api.post("/api/v1/enrolments/", {"course": course.pk}, format="json")
    assert response.status_code == 403  # session-authenticated API writes need the CSRF token


def test_security_headers_on_our_pages(client, course, learner):
    client.force_login(learner)
    response = client.get(course.url)
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "'unsafe-eval'" not in csp
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_rich_text_in_policies_is_sanitised(client, course, learner):
    from tests.factories import ModulePageFactory, PolicyFactory

    policy = PolicyFactory(body='<p>Fine</p><script>alert(1)</script><p onclick="steal()">x</p>')
    module = ModulePageFactory(parent=course, body=[("policy", {"policy": policy, "note": ""})])
    client.force_login(learner)
    html = client.get(module.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "steal()" not in html
