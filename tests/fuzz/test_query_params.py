"""Every query parameter of the API is bounded: a bad value is a 400 whose `detail` names the parameter and
what is wrong and whose `code` is stable, and changes nothing; a good value still works. The schema
declares each parameter with its type and bounds."""

import datetime

import pytest
from rest_framework.test import APIClient

from certificates import services as certificates
from lms.core.api.pagination import MAX_LIMIT, MAX_OFFSET
from lms.core.api.query import InvalidQuery, QueryDate, QueryParameters, QueryText
from lms.core.models import Notification

TWENTY_DIGITS = "9" * 20
LONG = "x" * 10_000


def api_as(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def refused(response, code: str, *named: str) -> str:
    assert response.status_code == 400, (response.status_code, response.content[:300])
    body = response.json()
    assert body["code"] == code, body
    for text in named:
        assert text in body["detail"], body
    return body["detail"]


# --- The certificate register --------------------------------------------------------------------------


@pytest.fixture
def register(course, org, hr):
    holder = org.member(org.desk, "holder", first_name="Tom", last_name="Baker")
    certificate = certificates.issue(holder=holder, course=course)
    return {"hr": api_as(hr), "team": org.desk, "course": course, "certificate": certificate}


@pytest.mark.parametrize(
    ("query", "named"),
    [
        (f"expires_within={TWENTY_DIGITS}", "expires_within: must be at most 36,500."),
        ("expires_within=-5", "expires_within: must not be negative."),
        ("expires_within=soon", "expires_within: “soon” is not a whole number."),
        ("expires_within=1.5", "expires_within: “1.5” is not a whole number."),
        (f"team={TWENTY_DIGITS}", "team: must be at most 999,999,999,999,999,999."),
        ("team=0", "team: must be at least 1."),
        ("team=-3", "team: must be at least 1."),
        ("course=1e5", "course: “1e5” is not a whole number."),
        (f"course={LONG}", "course: must be a whole number of reasonable size."),
        ("status=lost", "status: “lost” is not one of valid, expiring, expired, revoked."),
        (f"status={LONG}", "status: “xxxxx"),
        (f"q={LONG}", "q: use at most 100 characters."),
        ("q=a%00b", "q: must not contain NUL characters."),
    ],
)
def test_bad_register_filters_are_refused_naming_them(register, query, named):
    detail = refused(register["hr"].get(f"/api/v1/certificates/?{query}"), "invalid_filter", named)
    assert len(detail) < 300  # a 10,000-character value is not echoed back whole


def test_bad_register_filters_are_refused_for_everyone_who_may_ask(register, org):
    refused(api_as(org.lead).get(f"/api/v1/certificates/?expires_within={TWENTY_DIGITS}"), "invalid_filter")
    assert APIClient().get(f"/api/v1/certificates/?expires_within={TWENTY_DIGITS}").status_code in (401, 403)


def test_good_register_filters_still_work(register):
    hr, team, course = register["hr"], register["team"], register["course"]
    code = register["certificate"].code
    for query in (
        "",
        "expires_within=36500",
        "expires_within=0",
        f"team={team.pk}",
        f"course={course.pk}",
        "status=valid",
        "status=",
        "q=baker",
        "q=" + "b" * 100,
        f"team={team.pk}&course={course.pk}&status=valid&q=tom&expires_within=",
    ):
        response = hr.get(f"/api/v1/certificates/?{query}")
        assert response.status_code == 200, (query, response.json())
    assert [c["code"] for c in hr.get(f"/api/v1/certificates/?team={team.pk}&q=baker").json()] == [code]
    assert hr.get("/api/v1/certificates/?status=revoked").json() == []


def test_an_unknown_team_is_still_named_by_the_register(register):
    refused(
        register["hr"].get("/api/v1/certificates/?team=424242"), "invalid_filter", "no team with id 424242"
    )


# --- The catalogue ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"q": LONG}, "Search: use at most 100 characters"),
        ({"skill": LONG}, "Skill: there is no skill"),
        ({"skill": TWENTY_DIGITS}, "Skill: there is no skill"),
        ({"state": "-1"}, "State: “-1” is not one of"),
        ({"state": LONG}, "State:"),
        ({"q": "refund\x00policy"}, "q: must not contain NUL characters."),
    ],
)
def test_bad_catalogue_filters_are_refused_naming_them(course, learner, params, named):
    refused(api_as(learner).get("/api/v1/courses/", params), "invalid_filter", named)


def test_good_catalogue_filters_still_work(course, learner):
    api = api_as(learner)
    assert [c["id"] for c in api.get("/api/v1/courses/").json()] == [course.pk]
    for params in ({"q": "listening"}, {"state": "not_started"}, {"q": "", "skill": "", "state": ""}):
        assert api.get("/api/v1/courses/", params).status_code == 200, params


# --- Notifications and pagination -----------------------------------------------------------------------


@pytest.fixture
def inbox(learner):
    for n in range(3):
        Notification.objects.create(recipient=learner, kind="nudge", subject=f"Note {n}", text="Finish it.")
    return api_as(learner)


@pytest.mark.parametrize(
    ("query", "named"),
    [
        (f"limit={TWENTY_DIGITS}", f"limit: must be at most {MAX_LIMIT}."),
        (f"limit={MAX_LIMIT + 1}", f"limit: must be at most {MAX_LIMIT}."),
        ("limit=0", "limit: must be at least 1."),
        ("limit=-1", "limit: must be at least 1."),
        ("limit=ten", "limit: “ten” is not a whole number."),
        (f"offset={TWENTY_DIGITS}", f"offset: must be at most {MAX_OFFSET:,}."),
        (f"offset={MAX_OFFSET + 1}", "offset: must be at most"),
        ("offset=-1", "offset: must not be negative."),
        (f"offset={LONG}", "offset: must be a whole number of reasonable size."),
    ],
)
def test_bad_pages_are_refused_naming_them(inbox, query, named):
    refused(inbox.get(f"/api/v1/notifications/?{query}"), "invalid_query", named)


def test_a_bad_unread_is_refused(inbox):
    refused(inbox.get("/api/v1/notifications/?unread=maybe"), "invalid", "unread: use true or false.")
    refused(inbox.get(f"/api/v1/notifications/?unread={TWENTY_DIGITS}"), "invalid", "unread")


def test_good_pages_still_work(inbox, learner):
    page = inbox.get("/api/v1/notifications/?limit=2&offset=1").json()
    assert page["count"] == 3 and len(page["results"]) == 2 and page["next"] is None
    assert inbox.get(f"/api/v1/notifications/?limit={MAX_LIMIT}&offset={MAX_OFFSET}").json()["results"] == []
    assert len(inbox.get("/api/v1/notifications/?unread=true&limit=&offset=").json()["results"]) == 3
    # Nothing was read by asking.
    assert Notification.objects.filter(recipient=learner, read_at__isnull=True).count() == 3


# --- Expiries -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("within", ["45", TWENTY_DIGITS, "-30", LONG, "30.0"])
def test_bad_expiry_windows_are_refused_naming_them(hr, within):
    detail = refused(
        api_as(hr).get("/api/v1/organisation/expiries/", {"within": within}), "invalid_filter", "within: “"
    )
    assert "is not one of 30, 60, 90." in detail


def test_expiry_windows_still_work_and_are_for_hr_only(hr, learner):
    for within in ("", "30", "60", "90"):
        assert api_as(hr).get("/api/v1/organisation/expiries/", {"within": within}).status_code == 200
    # Who asks is checked before what they ask.
    assert api_as(learner).get("/api/v1/organisation/expiries/", {"within": "45"}).status_code == 403


# --- The shared fields ------------------------------------------------------------------------------------


class Window(QueryParameters):
    since = QueryDate()
    note = QueryText(max_length=5)


class FakeRequest:
    def __init__(self, **params):
        self.query_params = params


@pytest.mark.parametrize("value", ["2024-13-45", "0000-00-00", "99999-12-31", "20240101", "2024-W01-1", LONG])
def test_bad_dates_are_refused_naming_them(value):
    with pytest.raises(InvalidQuery) as refused_date:
        Window.read(FakeRequest(since=value))
    assert refused_date.value.code == "invalid_query"
    assert (
        "since: “" in refused_date.value.message
        and "is not a date; use YYYY-MM-DD." in refused_date.value.message
    )
    assert len(refused_date.value.message) < 200


def test_good_dates_and_absent_values_are_read():
    assert Window.read(FakeRequest(since="2024-02-29", note=" hi ")) == {
        "since": datetime.date(2024, 2, 29),
        "note": "hi",
    }
    assert Window.read(FakeRequest(since="", note="")) == {}


# --- The schema -------------------------------------------------------------------------------------------


def test_every_query_parameter_is_declared_with_its_bounds(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    declared = {}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    declared[f"{method.upper()} {path} {parameter['name']}"] = parameter["schema"]
    assert {
        "GET /api/v1/certificates/ expires_within",
        "GET /api/v1/certificates/ team",
        "GET /api/v1/courses/ q",
        "GET /api/v1/notifications/ limit",
        "GET /api/v1/notifications/ offset",
        "GET /api/v1/organisation/expiries/ within",
    } <= set(declared)
    for name, bounds in declared.items():
        if "enum" in bounds or bounds["type"] == "boolean":
            continue
        if bounds["type"] == "integer":
            assert {"minimum", "maximum"} <= set(bounds), name
        else:
            assert bounds["type"] == "string" and "maxLength" in bounds, name
    # Only lists are paginated: nothing offers limit and offset where they would be ignored.
    assert not [name for name in declared if name.startswith("POST")]
    assert declared["GET /api/v1/certificates/ expires_within"]["maximum"] == 36_500


# --- Register filters sent in a body (an export) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "named"),
    [
        ({"status": 5}, "status: “5” is not one of"),
        ({"q": ["refund"]}, "q: send a single value."),
        ({"team": {"id": 1}}, "team: send a single value."),
        ({"expires_within": 10**30}, "expires_within: must be at most 36,500."),
        ({"q": "a\x00b"}, "q: must not contain NUL characters."),
        ({"colour": "red"}, "colour: not a filter here"),
    ],
)
def test_bad_export_filters_are_refused_and_nothing_is_queued(register, filters, named):
    from certificates.models import CertificateExport

    response = register["hr"].post("/api/v1/certificate-exports/", {"filters": filters}, format="json")
    refused(response, "invalid_filter", named)
    assert not CertificateExport.objects.exists()


def test_good_export_filters_still_queue_an_export(register):
    response = register["hr"].post(
        "/api/v1/certificate-exports/",
        {"filters": {"status": "valid", "expires_within": 365, "team": register["team"].pk}},
        format="json",
    )
    assert response.status_code == 202, response.json()


def test_every_paginated_api_view_bounds_its_pages():
    """A list view left to the host's DEFAULT_PAGINATION_CLASS would take any limit and offset."""
    from django.urls import get_resolver
    from rest_framework.generics import GenericAPIView

    from lms.core.api.pagination import BoundedLimitOffsetPagination

    def views(resolver):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                yield from views(pattern)
            elif getattr(pattern.callback, "cls", None) is not None:
                yield pattern.callback.cls

    generic = [view for view in views(get_resolver()) if issubclass(view, GenericAPIView)]
    assert generic, "no generic API views found"
    unbounded = [
        view.__qualname__
        for view in generic
        if not view.__module__.startswith(("rest_framework", "wagtail", "drf_spectacular"))
        and view.pagination_class is not None
        and not issubclass(view.pagination_class, BoundedLimitOffsetPagination)
    ]
    assert not unbounded
