import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import Enrolment
from quizzes import services
from tests.factories import CoursePageFactory, make_assessment, sample_questions
from tests.quizzes.conftest import best_answers

pytestmark = pytest.mark.django_db


def many_questions(n, skills):
    base = sample_questions(*skills)
    return [base[i % len(base)] for i in range(n)]


def submit_queries(catalogue, skills, learner, n):
    course = CoursePageFactory(parent=catalogue, slug=f"course-{n}")
    make_assessment(course, many_questions(n, skills), observation=[(skills[0], "Listened")])
    Enrolment.objects.create(user=learner, course=course)
    attempt, _ = services.start_attempt(user=learner, course=course)
    services.save_answers(user=learner, attempt_id=attempt.pk, answers=best_answers(attempt))
    with CaptureQueriesContext(connection) as ctx:
        services.submit(user=learner, attempt_id=attempt.pk)
    return len(ctx)


def test_submitting_50_questions_costs_the_same_queries_as_5(catalogue, skills, learner):
    five = submit_queries(catalogue, skills, learner, 5)
    fifty = submit_queries(catalogue, skills, learner, 50)
    assert five == fifty
    assert five <= 12


def test_autosaving_50_answers_costs_the_same_queries_as_5(catalogue, skills, learner):
    counts = []
    for n in (5, 50):
        course = CoursePageFactory(parent=catalogue, slug=f"save-{n}")
        make_assessment(course, many_questions(n, skills))
        Enrolment.objects.create(user=learner, course=course)
        attempt, _ = services.start_attempt(user=learner, course=course)
        answers = best_answers(attempt)
        with CaptureQueriesContext(connection) as ctx:
            services.save_answers(user=learner, attempt_id=attempt.pk, answers=answers)
        counts.append(len(ctx))
    assert counts[0] == counts[1]
