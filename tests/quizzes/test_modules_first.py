"""The assessment opens once the required modules are done (DESIGN §4 rule 7), unless the course lets
people take it early; the service, the API, the assessment page and the person's standing agree."""

import html

import pytest
from rest_framework.test import APIClient

from courses import services as course_services
from courses.hooks import course_standings
from lms.core.exceptions import LMSError
from quizzes import services
from quizzes.models import Attempt

pytestmark = pytest.mark.django_db


def refusal(learner, course) -> LMSError:
    with pytest.raises(LMSError) as error:
        services.start_attempt(user=learner, course=course)
    return error.value


def complete(learner, course, enrolment, module) -> None:
    course_services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=module.pk)


def test_the_assessment_waits_for_the_required_modules(auto_assessment, just_enrolled, learner, course):
    first, second, third = course.modules()
    error = refusal(learner, course)
    assert (error.code, error.status) == ("modules_incomplete", 403)
    assert error.message.startswith("Finish 3 more modules first")
    complete(learner, course, just_enrolled, first)
    complete(learner, course, just_enrolled, second)
    assert refusal(learner, course).message.startswith("Finish 1 more module first")
    # The standing says the same, in the same numbers.
    standing = course_standings(learner, [course])[course.pk]
    assert standing.state == "in_progress" and standing.modules_left == 1
    assert standing.next_step == "Finish 1 more module, then take the assessment."
    assert not Attempt.objects.exists()

    complete(learner, course, just_enrolled, third)
    attempt, created = services.start_attempt(user=learner, course=course)
    assert created and attempt.is_open


def test_optional_modules_do_not_hold_it_back(auto_assessment, just_enrolled, learner, course):
    first, second, optional = course.modules()
    optional.required = False
    optional.save_revision().publish()
    complete(learner, course, just_enrolled, first)
    assert refusal(learner, course).message.startswith("Finish 1 more module first")
    complete(learner, course, just_enrolled, second)
    assert services.start_attempt(user=learner, course=course)[1]


def test_a_course_may_open_its_assessment_early(auto_assessment, just_enrolled, learner, course):
    course.assessment_opens_early = True
    course.save()
    attempt, created = services.start_attempt(user=learner, course=course)
    assert created
    assert course_standings(learner, [course])[course.pk].state == "assessment"


def test_the_api_refuses_with_modules_incomplete(auto_assessment, just_enrolled, learner, course):
    api = APIClient()
    api.force_authenticate(learner)
    response = api.post(f"/api/v1/courses/{course.pk}/attempts/")
    assert response.status_code == 403
    assert response.json()["code"] == "modules_incomplete"
    assert "3 more modules" in response.json()["detail"]


def test_the_assessment_page_explains_it_and_links_to_the_next_module(
    client, auto_assessment, just_enrolled, learner, course
):
    first, second, _ = course.modules()
    complete(learner, course, just_enrolled, first)
    client.force_login(learner)
    page = html.unescape(client.get(auto_assessment.url).content.decode())
    assert "Start the assessment" not in page
    assert 'data-code="modules_incomplete"' in page
    assert "Finish 2 more modules first: the assessment opens once the required modules are done." in page
    assert f'id="next-module-link" href="{second.url}"' in page and "Continue: Module 2" in page
    # The browser's start button, posted anyway, is refused with the same words.
    response = client.post(f"/training/courses/{course.pk}/assessment/start/", follow=True)
    assert any("Finish 2 more modules first" in str(m) for m in response.context["messages"])
    assert not Attempt.objects.exists()


def test_a_pending_review_is_said_before_the_modules(assessment, just_enrolled, learner, course):
    """Modules left once an attempt is in (the course opened it early, or a module was added since) are
    the way to the certificate, not the reason the assessment is closed."""
    course.assessment_opens_early = True
    course.save()
    attempt, _ = services.start_attempt(user=learner, course=course)
    services.submit(user=learner, attempt_id=attempt.pk)
    course.assessment_opens_early = False
    course.save()
    assert refusal(learner, course).code == "awaiting_review"
