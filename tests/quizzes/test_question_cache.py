"""An assessment's questions are converted once per process (quizzes.questions) and never served stale:
an edit to the questions or to a skill they name shows in the next attempt."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes import services
from tests.factories import UserFactory
from tests.fixtures.assessments import finish_modules

pytestmark = pytest.mark.django_db


def ready(course, username):
    """Someone enrolled with the modules done: ready to start the assessment."""
    from courses.models import Enrolment

    person = UserFactory(username=username)
    finish_modules(person, course, Enrolment.objects.create(user=person, course=course))
    return person


def start(course, username):
    return services.start_attempt(user=ready(course, username), course=course)[0]


def skill_queries(captured) -> int:
    return sum(1 for q in captured if "lms_courses_skill" in q["sql"])


def test_a_second_start_reads_no_skill_again(course, auto_assessment):
    with CaptureQueriesContext(connection) as first:
        start(course, "first")
    with CaptureQueriesContext(connection) as second:
        attempt = start(course, "second")
    assert skill_queries(first) > 0 and skill_queries(second) == 0
    assert {s["name"] for q in attempt.snapshot["questions"] for s in q["skills"]} == {"Listening", "Apology"}


def test_a_renamed_skill_shows_in_the_next_attempt(course, auto_assessment, skills):
    start(course, "before")
    listening, _ = skills
    listening.name = "Careful listening"
    listening.save()
    attempt = start(course, "after")
    assert "Careful listening" in {s["name"] for q in attempt.snapshot["questions"] for s in q["skills"]}


def test_published_question_changes_show_in_the_next_attempt(course, auto_assessment):
    start(course, "before")
    revision = auto_assessment.get_latest_revision_as_object()
    block = revision.questions[0]
    revision.questions[0] = (block.block_type, {**block.value, "prompt": "A brand new prompt"})
    revision.save_revision().publish()
    attempt = start(course, "after")
    assert "A brand new prompt" in [q["prompt"] for q in attempt.snapshot["questions"]]


def page_queries(captured) -> int:
    return sum(1 for q in captured if "wagtailcore_page" in q["sql"])


def test_a_second_start_reads_no_page_and_no_questions(course, auto_assessment):
    from courses.services import get_course

    services.start_attempt(user=ready(course, "first"), course=get_course(course.pk))
    person = ready(course, "second")
    with CaptureQueriesContext(connection) as second:
        services.start_attempt(user=person, course=get_course(course.pk))
    assert page_queries(second) == 0
    assert not any("questions" in q["sql"] and "lms_quizzes_assessmentpage" in q["sql"] for q in second)


def test_a_changed_time_limit_and_an_unpublished_assessment_show_at_once(course, auto_assessment):
    from lms.core.exceptions import NotFound

    def minutes(attempt):
        return (attempt.expires_at - attempt.started_at).total_seconds() / 60

    assert minutes(start(course, "before")) != 47
    auto_assessment.time_limit_minutes = 47
    auto_assessment.save_revision().publish()
    attempt = start(course, "after")
    auto_assessment.refresh_from_db()
    assert minutes(attempt) == 47 and attempt.revision_id == auto_assessment.live_revision_id
    auto_assessment.unpublish()
    with pytest.raises(NotFound):
        start(course, "too late")


# Query budget: starting an attempt through the API, once the course, its assessment and its questions
# are kept (bench/profile: 24 queries before the caches, 6 on the load run's PostgreSQL).
START_BUDGET = 8


def test_starting_through_the_api_keeps_to_its_query_budget(client, course, auto_assessment):
    client.force_login(ready(course, "first"))
    assert client.post(f"/api/v1/courses/{course.pk}/attempts/").status_code == 201
    client.force_login(ready(course, "second"))
    with CaptureQueriesContext(connection) as started:
        response = client.post(f"/api/v1/courses/{course.pk}/attempts/")
    assert response.status_code == 201 and response.json()["answers"] == {}
    assert len(started) <= START_BUDGET, [q["sql"][:80] for q in started]
