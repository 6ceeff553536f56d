"""Extension points: a host site adds its own rule through the same Wagtail hooks the plugin's layers use."""

from rest_framework.test import APIClient
from wagtail import hooks

from courses.access import course_access, locked
from courses.models import Enrolment
from courses.services import enrol
from lms.core.exceptions import Forbidden


def _closed_on_fridays(user, courses):
    return {c.pk: locked("host_rule", f"“{c.title}” is closed by the host's own rule.") for c in courses}


def test_a_host_rule_on_the_course_access_hook_closes_a_course_everywhere(course, learner):
    assert course_access(user=learner, course=course).is_open
    api = APIClient()
    api.force_authenticate(learner)
    with hooks.register_temporarily("lms_course_access", _closed_on_fridays):
        access = course_access(user=learner, course=course)
        assert (access.state, access.code) == ("locked", "host_rule")
        listed = {c["id"]: c for c in api.get("/api/v1/courses/").json()}
        assert listed[course.pk]["access"]["code"] == "host_rule"
        refused = api.post("/api/v1/enrolments/", {"course": course.pk}, format="json")
        assert refused.status_code == 403 and refused.json()["code"] == "host_rule"
        try:
            enrol(user=learner, course=course)
        except Forbidden as error:
            assert error.code == "host_rule"
        else:
            raise AssertionError("the host rule did not close enrolment")
    assert not Enrolment.objects.filter(user=learner, course=course).exists()
    # Unregistered again: the course opens.
    assert api.post("/api/v1/enrolments/", {"course": course.pk}, format="json").status_code == 201


def test_the_course_page_context_hook_adds_to_the_course_page(client, course, learner):
    client.force_login(learner)

    def banner(user, page):
        return {"certificate": None, "host_banner": f"Hello {user.username} on {page.title}"}

    with hooks.register_temporarily("lms_course_page_context", banner):
        response = client.get(course.url)
    assert response.status_code == 200
    assert response.context["host_banner"] == f"Hello learner on {course.title}"
