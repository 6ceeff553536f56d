import datetime

import pytest
from freezegun import freeze_time

from certificates import services
from certificates.leaders_first import blocker as leaders_first_blocker
from courses import services as course_services
from courses.access import course_access
from courses.models import Enrolment
from lms.core.exceptions import Forbidden
from lms.core.models import AuditEvent
from tests.factories import CoursePageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent(org):
    """An adviser in Desk: led by Liam Lead, who is led by Grace Adeyemi (head of Service)."""
    return org.member(org.desk, "agent")


@pytest.fixture
def lf_course(catalogue):
    course = CoursePageFactory(parent=catalogue, title="Policies", leaders_first=True, validity_months=12)
    ModulePageFactory(parent=course)
    return course


def test_locks_and_unlocks_two_levels_down_the_tree(org, agent, lf_course):
    head, lead = org.head, org.lead
    assert course_access(user=head, course=lf_course).is_open  # the top of the tree is free
    locked = course_access(user=lead, course=lf_course)
    assert locked.code == "leaders_first" and "Grace Adeyemi" in locked.detail
    agent_locked = course_access(user=agent, course=lf_course)
    assert agent_locked.code == "leaders_first" and "Liam Lead" in agent_locked.detail

    services.issue(holder=head, course=lf_course)
    assert course_access(user=lead, course=lf_course).is_open
    assert not course_access(user=agent, course=lf_course).is_open  # the agent waits for their own leader
    services.issue(holder=lead, course=lf_course)
    assert course_access(user=agent, course=lf_course).is_open


def test_enrolling_while_locked_is_refused_and_names_the_leader(agent, lf_course):
    with pytest.raises(Forbidden) as error:
        course_services.enrol(user=agent, course=lf_course)
    assert error.value.code == "leaders_first"
    assert "Liam Lead" in error.value.message
    assert not Enrolment.objects.exists()


def test_a_lapsed_leader_certificate_stops_new_starts_but_keeps_progress(org, agent, lf_course):
    lead = org.lead
    with freeze_time("2025-01-10"):
        services.issue(holder=lead, course=lf_course)
        enrolment = course_services.enrol(user=agent, course=lf_course)
        course_services.complete_module(
            user=agent, enrolment_id=enrolment.pk, module_id=lf_course.modules().first().pk
        )
    with freeze_time("2026-02-01"):  # the leader's certificate expired on 2026-01-10
        assert leaders_first_blocker(agent, lf_course) == lead
        newcomer = org.member(org.desk, "newcomer")
        with pytest.raises(Forbidden):
            course_services.enrol(user=newcomer, course=lf_course)
        # The agent's progress is untouched.
        assert Enrolment.objects.get(pk=enrolment.pk).state == Enrolment.State.COMPLETED
        # Renewal opens it again.
        services.issue(holder=lead, course=lf_course, issued_on=datetime.date(2026, 2, 1))
        assert course_access(user=newcomer, course=lf_course).is_open


def test_courses_not_marked_leaders_first_are_open(agent, catalogue):
    course = CoursePageFactory(parent=catalogue, leaders_first=False)
    assert course_access(user=agent, course=course).is_open


def test_hr_exception_opens_the_course_and_is_logged(org, agent, hr, lf_course):
    with pytest.raises(Forbidden):
        services.grant_exception(person=agent, course=lf_course, by=org.lead, reason="Please")
    services.grant_exception(person=agent, course=lf_course, by=hr, reason="Covering a leave gap")
    assert course_access(user=agent, course=lf_course).is_open
    event = AuditEvent.objects.get(verb="leaders_first.exception")
    assert (event.actor, event.subject, event.reason) == (hr, agent, "Covering a leave gap")


def test_the_api_reports_locked_courses(agent, lf_course):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(agent)
    (course,) = client.get("/api/v1/courses/").json()
    assert course["access"]["state"] == "locked" and course["access"]["code"] == "leaders_first"
    response = client.post("/api/v1/enrolments/", {"course": lf_course.pk}, format="json")
    assert response.status_code == 403 and response.json()["code"] == "leaders_first"
    assert "Liam Lead" in response.json()["detail"]


def test_a_whole_catalogue_is_judged_at_once_and_right_for_each_course(org, agent, hr, catalogue, lf_course):
    from courses.access import course_access_many

    certified = CoursePageFactory(parent=catalogue, title="Certified", leaders_first=True)
    excused = CoursePageFactory(parent=catalogue, title="Excused", leaders_first=True)
    free = CoursePageFactory(parent=catalogue, title="Free", leaders_first=False)
    services.issue(holder=org.lead, course=certified)
    services.grant_exception(person=agent, course=excused, by=hr, reason="Cover")
    access = course_access_many(user=agent, courses=[lf_course, certified, excused, free])
    assert access[lf_course.pk].code == "leaders_first" and "Liam Lead" in access[lf_course.pk].detail
    assert access[certified.pk].is_open and access[excused.pk].is_open and access[free.pk].is_open
    # The single-course question gives the same answers.
    for course in (lf_course, certified, excused, free):
        assert course_access(user=agent, course=course) == access[course.pk]


def test_the_catalogue_api_asks_the_same_number_of_queries_for_2_and_8_leaders_first_courses(
    agent, catalogue, lf_course
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(agent)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/courses/").status_code == 200
        return len(ctx)

    CoursePageFactory(parent=catalogue, leaders_first=True)
    client.get("/api/v1/courses/")  # warm the site-root cache that page URLs use
    two = count()
    for _ in range(6):
        ModulePageFactory(parent=CoursePageFactory(parent=catalogue, leaders_first=True))
    assert len(client.get("/api/v1/courses/").json()) == 8
    assert count() == two
