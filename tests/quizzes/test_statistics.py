import pytest
from rest_framework.test import APIClient

from quizzes import services
from quizzes.stats import question_statistics, skill_statistics
from tests.factories import UserFactory
from tests.quizzes.conftest import best_answers, finish_modules

pytestmark = pytest.mark.django_db


def sit(user, course, answers_for):
    from courses.models import Enrolment

    enrolment, _ = Enrolment.objects.get_or_create(user=user, course=course)
    finish_modules(user, course, enrolment)
    attempt, _ = services.start_attempt(user=user, course=course)
    services.save_answers(user=user, attempt_id=attempt.pk, answers=answers_for(attempt))
    return services.submit(user=user, attempt_id=attempt.pk)


def test_facility_and_discrimination(auto_assessment, course):
    strong = [UserFactory() for _ in range(4)]
    weak = [UserFactory() for _ in range(4)]
    for user in strong:
        sit(user, course, best_answers)

    def only_first_right(attempt):
        answers = best_answers(attempt)
        first = attempt.snapshot["questions"][0]["id"]
        return {first: answers[first]}

    for user in weak:
        sit(user, course, only_first_right)
    rows = {r["prompt"]: r for r in question_statistics(auto_assessment)}
    everyone_right = rows["Who may approve a £40 goodwill credit?"]
    assert everyone_right["answered"] == 8
    assert everyone_right["facility"] == 100
    assert everyone_right["discrimination"] == 0
    separating = rows["An apology should say what went wrong."]
    assert separating["facility"] == 50
    assert separating["discrimination"] == 1.0
    skills = {s["slug"]: s for s in skill_statistics(auto_assessment)}
    assert skills["listening"]["attempts"] == 8
    assert 0 < skills["apology"]["skill_score"] < 100


def test_statistics_are_for_authors_and_hr_only(auto_assessment, course, learner, client):
    api = APIClient()
    api.force_authenticate(learner)
    response = api.get(f"/api/v1/assessments/{auto_assessment.pk}/statistics/")
    assert response.status_code == 403
    client.force_login(learner)
    assert client.get(f"/training/statistics/{auto_assessment.pk}/").status_code == 403
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    api.force_authenticate(admin)
    assert api.get(f"/api/v1/assessments/{auto_assessment.pk}/statistics/").json() == {
        "questions": [],
        "skills": [],
    }
    client.force_login(admin)
    assert client.get(f"/training/statistics/{auto_assessment.pk}/").status_code == 200
