"""Parallel requests against real row locks. PostgreSQL only: SQLite serialises every write anyway."""

import threading

import pytest
from django.db import connection

from courses.models import Enrolment
from quizzes import services
from quizzes.models import Attempt, Review
from tests.quizzes.conftest import best_answers, finish_modules

pytestmark = [
    pytest.mark.requires_postgres,
    pytest.mark.django_db(transaction=True),
]


def in_parallel(fn, n=6):
    barrier = threading.Barrier(n)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(fn())
        except Exception as exc:  # noqa: BLE001 - collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors


def test_parallel_starts_leave_exactly_one_open_attempt(auto_assessment, course, learner):
    finish_modules(learner, course, Enrolment.objects.create(user=learner, course=course))
    results, errors = in_parallel(lambda: services.start_attempt(user=learner, course=course)[0].pk)
    assert not errors, errors
    assert len(set(results)) == 1
    assert Attempt.objects.filter(learner=learner, state=Attempt.State.OPEN).count() == 1


def test_parallel_submits_grade_once(assessment, course, learner):
    finish_modules(learner, course, Enrolment.objects.create(user=learner, course=course))
    attempt, _ = services.start_attempt(user=learner, course=course)
    services.save_answers(user=learner, attempt_id=attempt.pk, answers=best_answers(attempt))
    results, errors = in_parallel(lambda: services.submit(user=learner, attempt_id=attempt.pk).submitted_at)
    assert not errors, errors
    assert len(set(results)) == 1
    assert Review.objects.filter(attempt=attempt).count() == 2


def test_parallel_autosaves_of_different_questions_all_land(auto_assessment, course, learner):
    finish_modules(learner, course, Enrolment.objects.create(user=learner, course=course))
    attempt, _ = services.start_attempt(user=learner, course=course)
    answers = list(best_answers(attempt).items())

    def save_one():
        qid, value = answers.pop()
        services.save_answers(user=learner, attempt_id=attempt.pk, answers={qid: value})

    results, errors = in_parallel(save_one, n=len(answers))
    assert not errors, errors
    assert set(services.saved_answers(attempt)) == {q["id"] for q in attempt.snapshot["questions"]}


def test_parallel_grading_of_one_reply_grades_once(assessment, course, learner):
    from certificates.services import issue
    from lms.core.exceptions import Conflict
    from tests.factories import ProfileFactory, TeamFactory, UserFactory

    leader = UserFactory(username="race-lead")
    ProfileFactory(user=learner, team=TeamFactory(name="Race team", leader=leader))
    issue(holder=leader, course=course)
    finish_modules(learner, course, Enrolment.objects.create(user=learner, course=course))
    attempt, _ = services.start_attempt(user=learner, course=course)
    services.save_answers(user=learner, attempt_id=attempt.pk, answers=best_answers(attempt))
    services.submit(user=learner, attempt_id=attempt.pk)
    review = attempt.reviews.get(kind=Review.Kind.WRITTEN)
    marks = {c["id"]: c["points"] for c in services.question_of(review)["rubric"]}

    def grade():
        try:
            services.grade_written(reviewer=leader, review_id=review.pk, marks=marks, comment="Good")
            return "graded"
        except Conflict:
            return "refused"

    results, errors = in_parallel(grade, n=4)
    assert not errors, errors
    assert sorted(results) == ["graded", "refused", "refused", "refused"]
    from lms.core.models import AuditEvent

    assert AuditEvent.objects.filter(verb="review.grade").count() == 1
