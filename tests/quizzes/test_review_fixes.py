"""Round-2 review fixes: what a leader and a learner read about partial sign-offs, unanswered questions,
scores so far and attempts used."""

import pytest

from certificates.services import issue
from quizzes import results, services
from quizzes.models import Review
from tests.factories import ProfileFactory, TeamFactory, UserFactory
from tests.quizzes.conftest import best_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader(learner, course):
    leader = UserFactory(username="lead")
    team = TeamFactory(name="Desk", leader=leader)
    ProfileFactory(user=learner, team=team)
    ProfileFactory(user=leader, team=team)
    issue(holder=leader, course=course)
    return leader


def submit_with(learner, course, answers_of):
    attempt, _ = services.start_attempt(user=learner, course=course)
    answers = answers_of(attempt)
    if answers:
        services.save_answers(user=learner, attempt_id=attempt.pk, answers=answers)
    return services.submit(user=learner, attempt_id=attempt.pk)


def zero_marks(review):
    return {c["id"]: 0 for c in services.question_of(review)["rubric"]}


def test_a_partial_sign_off_says_how_many_are_signed_and_the_queue_shows_it(
    client, assessment, enrolled, learner, course, leader
):
    attempt = submit_with(learner, course, best_answers)
    observation = attempt.reviews.get(kind=Review.Kind.OBSERVATION)
    first = attempt.snapshot["observation"][0]["id"]
    client.force_login(leader)
    response = client.post(
        f"/training/reviews/{observation.pk}/", {"items": [first], "note": "Live call"}, follow=True
    )
    html = response.content.decode()
    assert "1 of 2 behaviours signed off; the observation stays open until every behaviour is seen." in html
    assert "Thank you for watching real work" not in html
    # Still in the queue, with its progress beside it.
    assert f"/training/reviews/{observation.pk}/" in html
    assert "1 of 2 signed off" in html
    page = client.get(f"/training/reviews/{observation.pk}/").content.decode()
    assert "1 of 2 behaviours signed off" in page

    second = attempt.snapshot["observation"][1]["id"]
    response = client.post(f"/training/reviews/{observation.pk}/", {"items": [second]}, follow=True)
    assert (
        "Signed off. All 2 behaviours are seen and the observation is complete." in response.content.decode()
    )


def test_the_review_page_says_the_score_so_far_and_whether_the_attempt_can_still_pass(
    client, assessment, enrolled, learner, course, leader
):
    attempt = submit_with(learner, course, lambda a: {})  # nothing answered: it cannot pass now
    written = attempt.reviews.get(kind=Review.Kind.WRITTEN)
    client.force_login(leader)
    html = client.get(f"/training/reviews/{written.pk}/").content.decode()
    assert 'id="attempt-so-far"' in html
    mark = assessment.awareness_threshold
    assert f"Knowledge: 0% (pass mark {mark}%)" in html
    assert "can no longer pass" in html


def test_a_good_attempt_waiting_for_its_written_reply_can_still_pass(
    client, assessment, enrolled, learner, course, leader
):
    attempt = submit_with(learner, course, best_answers)
    so_far = results.score_so_far(attempt)
    assert so_far["pending_replies"] == 1 and so_far["can_pass"] and so_far["awareness_score"] == 100
    written = attempt.reviews.get(kind=Review.Kind.WRITTEN)
    client.force_login(leader)
    html = client.get(f"/training/reviews/{written.pk}/").content.decode()
    assert "can no longer pass" not in html
    assert "1 written reply is still to grade" in html


def test_skill_so_far_counts_a_graded_written_reply(assessment, enrolled, learner, course, leader):
    attempt = submit_with(learner, course, best_answers)
    before = results.result_for(attempt)["provisional"]["skill_score"]
    written = attempt.reviews.get(kind=Review.Kind.WRITTEN)
    services.grade_written(
        reviewer=leader, review_id=written.pk, marks=zero_marks(written), comment="Try again."
    )
    attempt.refresh_from_db()
    assert attempt.state == "awaiting_review"  # the observation is still to come
    after = results.result_for(attempt)["provisional"]["skill_score"]
    assert after < before  # the zero now counts; before, the reply was left out
    assert after == results.score_so_far(attempt)["skill_score"]


def test_unanswered_questions_read_not_answered_on_the_result(
    client, auto_assessment, enrolled, learner, course
):
    client.force_login(learner)
    attempt = submit_with(learner, course, lambda a: {})
    html = client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert attempt.passed is False
    assert html.count("Not answered") == len(attempt.snapshot["questions"])
    assert "Your answer, as you gave it:" not in html


def test_the_submit_button_carries_the_unanswered_warning(client, auto_assessment, enrolled, learner, course):
    client.force_login(learner)
    attempt, _ = services.start_attempt(user=learner, course=course)
    html = client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert 'data-msg-unanswered="{count} questions are not answered. Submit anyway?' in html
    assert 'data-msg-unanswered-one="1 question is not answered. Submit anyway?' in html


def test_attempts_read_as_allowed_then_used(client, auto_assessment, enrolled, learner, course):
    auto_assessment.attempt_limit = 3
    auto_assessment.save()
    client.force_login(learner)
    html = client.get(auto_assessment.url).content.decode()
    assert "3 attempts allowed, none used" in html
    assert "left" not in html.split("Attempts", 1)[1].split("</dd>", 1)[0]
    submit_with(learner, course, lambda a: {})
    html = client.get(auto_assessment.url).content.decode()
    assert "1 of 3 used" in html
