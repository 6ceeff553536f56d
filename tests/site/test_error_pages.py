"""Errors in the product's layout for people, and JSON with detail and code under /api/.

This module is also the URLconf of the tests marked ``urls``: the project's routes plus a few views that
fail on purpose, with the project's handlers (or, for a host site, none of its own for 403)."""

import json

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path

from project import urls as project_urls

pytestmark = pytest.mark.django_db


def _suspicious(request):
    raise SuspiciousOperation("Malformed thing")


def _broken(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("broken/", _broken),
    path("suspicious/", _suspicious),
    path("api/v1/broken/", _broken),
    path("api/v1/suspicious/", _suspicious),
    *project_urls.urlpatterns,
]
handler400 = project_urls.handler400
handler404 = project_urls.handler404
handler500 = project_urls.handler500
# No handler403: as a host site with Django's default, so only the middleware can show the product's page.

IN_LAYOUT = ('class="site-header"', "Skip to main content", 'class="site-footer')


def _assert_layout(response, status: int, *texts: str):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    for text in (*IN_LAYOUT, *texts):
        assert text in body, text
    assert f'data-status="{status}"' in body


def test_a_missing_page_is_the_products_404_with_ways_on(client, learner):
    client.force_login(learner)
    response = client.get("/no-such-page/")
    _assert_layout(response, 404, "We couldn't find that page", "Go to My training", "/training/")


def test_a_missing_page_offers_sign_in_to_someone_signed_out(client):
    response = client.get("/no-such-page/")
    _assert_layout(response, 404, "Sign in", "/login/?next=/no-such-page/")


def test_a_refusal_in_a_product_view_is_the_products_403_with_its_reason(client, learner):
    client.force_login(learner)
    response = client.get("/training/team/")
    _assert_layout(response, 403, "You can't open this page", "The team view is for team leaders.")


@pytest.mark.urls(__name__)
def test_a_product_view_refuses_in_the_products_layout_even_without_the_sites_handler403(client, learner):
    client.force_login(learner)
    response = client.get("/training/team/")
    _assert_layout(response, 403, "The team view is for team leaders.")


@pytest.mark.urls(__name__)
def test_a_bad_request_is_the_products_400(client, learner):
    client.force_login(learner)
    response = client.get("/suspicious/")
    _assert_layout(response, 400, "Something was wrong with that request", "Nothing was changed.")
    assert "Malformed thing" not in response.content.decode()


@pytest.mark.urls(__name__)
def test_a_server_error_is_a_page_of_its_own_that_needs_no_database(client, learner, settings):
    settings.DEBUG = False
    client.force_login(learner)
    client.raise_request_exception = False
    response = client.get("/broken/")
    _assert_layout(response, 500, "Sorry, something went wrong", "Go to My training", 'href="/training/"')
    assert "boom" not in response.content.decode()


def test_the_500_page_renders_with_the_database_out_of_reach(rf, django_assert_num_queries):
    from lms.site.views.errors import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/anything/"))
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


def test_a_form_sent_without_its_security_token_is_explained_in_the_layout(settings, learner):
    settings.CSRF_FAILURE_VIEW = "lms.site.views.errors.csrf_failure"
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = client.post("/training/notifications/read-all/")
    _assert_layout(response, 403, "That form has expired", "nothing was changed")


def test_an_api_path_that_matches_nothing_answers_json(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/v1/suspicious/", 400, "bad_request"),
        ("/api/v1/broken/", 500, "server_error"),
    ],
)
def test_api_errors_answer_json_with_detail_and_code(client, settings, url, status, code):
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["code"] == code and body["detail"]
    assert "boom" not in body["detail"]


def test_the_project_points_every_error_handler_at_the_products_views():
    from django.urls import get_resolver

    from lms.site.views import errors

    resolver = get_resolver("project.urls")
    assert [resolver.resolve_error_handler(status) for status in (400, 403, 404, 500)] == [
        errors.bad_request,
        errors.permission_denied,
        errors.page_not_found,
        errors.server_error,
    ]


def test_a_refusal_under_the_api_keeps_its_reason_in_json(rf):
    from lms.site.views.errors import permission_denied

    response = permission_denied(rf.get("/api/v1/x/"), PermissionDenied("Only HR may do this."))
    assert response.status_code == 403
    assert json.loads(response.content) == {"detail": "Only HR may do this.", "code": "permission_denied"}


def test_a_csrf_failure_under_the_api_answers_json(rf):
    from lms.site.views.errors import csrf_failure

    response = csrf_failure(rf.post("/api/v1/enrolments/"), reason="CSRF token missing.")
    assert response.status_code == 403
    assert json.loads(response.content)["code"] == "csrf_failed"
