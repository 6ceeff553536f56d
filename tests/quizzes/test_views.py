import pytest
from freezegun import freeze_time

from certificates.services import issue
from quizzes.models import Attempt, Review
from tests.factories import ProfileFactory, TeamFactory, UserFactory
from tests.quizzes.conftest import best_answers
from tests.quizzes.test_api import secrets_of

pytestmark = pytest.mark.django_db


def start(client, course):
    response = client.post(f"/training/courses/{course.pk}/assessment/start/")
    assert response.status_code == 302
    return Attempt.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def form_data(attempt, answers):
    data = {}
    for q in attempt.snapshot["questions"]:
        value = answers.get(q["id"])
        if value is None:
            continue
        if q["type"] == "multiple_response":
            data[f"q-{q['id']}"] = value
            data[f"q-{q['id']}-present"] = "1"
        elif q["type"] == "sequencing":
            for position, step in enumerate(value, start=1):
                data[f"q-{q['id']}-pos-{step}"] = str(position)
        else:
            data[f"q-{q['id']}"] = value
    return data


def test_attempt_page_html_carries_no_answer_data(client, assessment, enrolled, learner, course):
    client.force_login(learner)
    attempt = start(client, course)
    html = client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    for secret in secrets_of(attempt):
        assert secret not in html
    for word in ("correct", "quality", "key_order", "rubric"):
        assert word not in html.lower()
    assert assessment.questions[0].value["prompt"] in html
    # The assessment page itself shows no questions at all.
    page_html = client.get(assessment.url).content.decode()
    assert "Who may approve" not in page_html
    assert "Continue your attempt" in page_html


def test_save_without_javascript_then_submit_shows_the_breakdown(
    client, auto_assessment, enrolled, learner, course
):
    client.force_login(learner)
    attempt = start(client, course)
    answers = best_answers(attempt)
    half = dict(list(answers.items())[:2])
    response = client.post(f"/training/attempts/{attempt.pk}/save/", form_data(attempt, half))
    assert response.status_code == 302
    page = client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    first = attempt.snapshot["questions"][0]
    assert f'value="{half[first["id"]]}" checked' in page  # resumes with the saved answer
    response = client.post(
        f"/training/attempts/{attempt.pk}/submit/", form_data(attempt, answers), follow=True
    )
    html = response.content.decode()
    assert "Passed — well done" in html
    assert "Strong in" in html
    assert 'id="skill-score">100%' in html
    assert "Advisers may approve up to £50." in html  # explanations appear after submission


def test_sequencing_with_clashing_positions_is_shown_back_not_lost(
    client, auto_assessment, enrolled, learner, course
):
    client.force_login(learner)
    attempt = start(client, course)
    seq = next(q for q in attempt.snapshot["questions"] if q["type"] == "sequencing")
    written_like = attempt.snapshot["questions"][0]
    data = {f"q-{seq['id']}-pos-{o['id']}": "1" for o in seq["options"]}
    data[f"q-{written_like['id']}"] = written_like["options"][0]["id"]
    response = client.post(f"/training/attempts/{attempt.pk}/submit/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give each step its own position." in html
    assert f'value="{written_like["options"][0]["id"]}" checked' in html
    attempt.refresh_from_db()
    assert attempt.is_open


def test_time_limit_holds_through_the_html_form(client, auto_assessment, enrolled, learner, course):
    client.force_login(learner)
    with freeze_time("2026-05-01 10:00"):
        attempt = start(client, course)
    with freeze_time("2026-05-01 11:00"):
        client.post(f"/training/attempts/{attempt.pk}/save/", form_data(attempt, best_answers(attempt)))
        attempt.refresh_from_db()
        assert attempt.state == Attempt.State.GRADED and attempt.timed_out
        assert not attempt.answers.exists()


def test_cooldown_and_limit_shown_on_the_assessment_page(client, auto_assessment, enrolled, learner, course):
    auto_assessment.attempt_limit = 1
    auto_assessment.save()
    client.force_login(learner)
    attempt = start(client, course)
    client.post(f"/training/attempts/{attempt.pk}/submit/", {})
    html = client.get(auto_assessment.url).content.decode()
    assert "Start the assessment" not in html
    response = client.post(f"/training/courses/{course.pk}/assessment/start/", follow=True)
    assert any("attempts" in str(m) or "try again" in str(m) for m in response.context["messages"])
    assert Attempt.objects.filter(learner=learner).count() == 1


def test_another_learner_cannot_open_my_attempt(
    client, auto_assessment, enrolled, learner, other_learner, course
):
    client.force_login(learner)
    attempt = start(client, course)
    client.force_login(other_learner)
    response = client.get(f"/training/attempts/{attempt.pk}/", follow=True)
    assert "You have no attempt" in response.content.decode()
    response = client.post(f"/training/attempts/{attempt.pk}/submit/", {})
    attempt.refresh_from_db()
    assert attempt.is_open


def test_leader_grades_and_signs_off_in_the_browser(client, assessment, enrolled, learner, course):
    leader = UserFactory(username="lead")
    ProfileFactory(user=learner, team=TeamFactory(leader=leader))
    client.force_login(learner)
    attempt = start(client, course)
    client.post(f"/training/attempts/{attempt.pk}/submit/", form_data(attempt, best_answers(attempt)))
    written = attempt.reviews.get(kind=Review.Kind.WRITTEN)
    observation = attempt.reviews.get(kind=Review.Kind.OBSERVATION)

    client.force_login(leader)
    response = client.get(f"/training/reviews/{written.pk}/", follow=True)
    assert "You need a valid certificate" in response.content.decode()
    issue(holder=leader, course=course)
    assert "Grade" in client.get("/training/reviews/").content.decode()
    rubric = next(q for q in attempt.snapshot["questions"] if q["type"] == "written")["rubric"]
    bad = client.post(f"/training/reviews/{written.pk}/", {f"mark-{rubric[0]['id']}": "1", "comment": "Kept"})
    assert bad.status_code == 400
    assert "Kept" in bad.content.decode()  # what the leader typed is shown back
    data = {f"mark-{c['id']}": str(c["points"]) for c in rubric} | {"comment": "Lovely and clear."}
    assert client.post(f"/training/reviews/{written.pk}/", data).status_code == 302
    items = [i["id"] for i in attempt.snapshot["observation"]]
    client.post(f"/training/reviews/{observation.pk}/", {"items": items, "note": "Watched a live call"})
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.GRADED and attempt.passed
