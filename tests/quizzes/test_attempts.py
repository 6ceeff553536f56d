import pytest
from django.utils import timezone
from freezegun import freeze_time

from lms.core.exceptions import Conflict, LMSError, NotFound
from quizzes import services
from quizzes.models import Answer, Attempt, Review
from tests.quizzes.conftest import best_answers

pytestmark = pytest.mark.django_db


def test_start_draws_a_reproducible_snapshot(assessment, enrolled, learner, course):
    attempt, created = services.start_attempt(user=learner, course=course)
    assert created
    types = [q["type"] for q in attempt.snapshot["questions"]]
    assert types == ["single_choice", "multiple_response", "true_false", "judgement", "sequencing", "written"]
    from quizzes.questions import build_snapshot

    assert build_snapshot(assessment, seed=attempt.seed) == attempt.snapshot
    assert len(attempt.snapshot["observation"]) == 2
    # Starting again hands back the same open attempt.
    again, created = services.start_attempt(user=learner, course=course)
    assert (again.pk, created) == (attempt.pk, False)


def test_pools_draw_the_configured_number(course, skills, enrolled, learner):
    from tests.factories import make_assessment, sample_questions

    listening, apology = skills
    pool_questions = [q for q in sample_questions(listening, apology) if q[0] != "written"]
    make_assessment(course, [("pool", {"title": "Mixed", "draw": 2, "questions": pool_questions})])
    seen = set()
    for seed in range(12):
        from quizzes.questions import build_snapshot

        snap = build_snapshot(course.assessment(), seed=seed)
        assert len(snap["questions"]) == 2
        seen.update(q["id"] for q in snap["questions"])
    assert len(seen) > 2  # different attempts see different questions


def test_must_be_enrolled_to_start(assessment, learner, course):
    with pytest.raises(LMSError) as error:
        services.start_attempt(user=learner, course=course)
    assert error.value.code == "not_enrolled"
    assert not Attempt.objects.exists()


def test_autosave_validates_everything_before_saving_anything(assessment, enrolled, learner, course):
    attempt, _ = services.start_attempt(user=learner, course=course)
    single, multi = attempt.snapshot["questions"][:2]
    good = {single["id"]: single["options"][0]["id"]}
    with pytest.raises(LMSError) as error:
        services.save_answers(
            user=learner, attempt_id=attempt.pk, answers={**good, multi["id"]: "not-a-list"}
        )
    assert error.value.code == "invalid_answer"
    assert "Which show you are listening" in error.value.message
    assert not Answer.objects.exists()
    with pytest.raises(LMSError):
        services.save_answers(user=learner, attempt_id=attempt.pk, answers={"no-such-question": "x"})
    services.save_answers(user=learner, attempt_id=attempt.pk, answers=good)
    assert services.saved_answers(attempt) == good
    # A later save of the same question replaces it; others are kept.
    services.save_answers(user=learner, attempt_id=attempt.pk, answers={multi["id"]: []})
    assert services.saved_answers(attempt) == {**good, multi["id"]: []}


def test_someone_elses_attempt_looks_missing(assessment, enrolled, learner, other_learner, course):
    attempt, _ = services.start_attempt(user=learner, course=course)
    with pytest.raises(NotFound) as error:
        services.save_answers(user=other_learner, attempt_id=attempt.pk, answers={})
    assert error.value.code == "not_your_attempt"
    with pytest.raises(NotFound):
        services.submit(user=other_learner, attempt_id=attempt.pk)
    attempt.refresh_from_db()
    assert attempt.is_open


def test_full_marks_on_automatic_questions_passes_at_once(auto_assessment, enrolled, learner, course):
    attempt, _ = services.start_attempt(user=learner, course=course)
    services.save_answers(user=learner, attempt_id=attempt.pk, answers=best_answers(attempt))
    attempt = services.submit(user=learner, attempt_id=attempt.pk)
    assert attempt.state == Attempt.State.GRADED
    assert (attempt.awareness_score, attempt.skill_score, attempt.passed) == (100, 100, True)
    # Submitting again returns the same result and grades nothing twice.
    graded_at = attempt.graded_at
    again = services.submit(user=learner, attempt_id=attempt.pk)
    assert again.graded_at == graded_at
    with pytest.raises(Conflict) as error:
        services.save_answers(user=learner, attempt_id=attempt.pk, answers={})
    assert error.value.code == "attempt_closed"


def test_written_and_observation_wait_for_review(assessment, enrolled, learner, course):
    attempt, _ = services.start_attempt(user=learner, course=course)
    services.save_answers(user=learner, attempt_id=attempt.pk, answers=best_answers(attempt))
    attempt = services.submit(user=learner, attempt_id=attempt.pk)
    assert attempt.state == Attempt.State.AWAITING_REVIEW
    assert attempt.passed is None
    assert sorted(attempt.reviews.values_list("kind", flat=True)) == ["observation", "written"]
    with pytest.raises(LMSError) as error:
        services.start_attempt(user=learner, course=course)
    assert error.value.code == "awaiting_review"


def test_editing_the_quiz_after_start_changes_nothing_for_that_attempt(
    auto_assessment, enrolled, learner, course
):
    attempt, _ = services.start_attempt(user=learner, course=course)
    answers = best_answers(attempt)
    # The author flips the single-choice key and rewrites the prompt after the attempt began.
    page = auto_assessment
    stream = page.questions
    single = stream[0].value
    for option in single["options"]:
        option["correct"] = (
            not option["correct"] if option["text"] in ("Any adviser", "Only a manager") else False
        )
    single["prompt"] = "Changed prompt"
    page.save_revision().publish()
    services.save_answers(user=learner, attempt_id=attempt.pk, answers=answers)
    attempt = services.submit(user=learner, attempt_id=attempt.pk)
    assert attempt.snapshot["questions"][0]["prompt"] == "Who may approve a £40 goodwill credit?"
    assert attempt.passed and attempt.awareness_score == 100


def test_attempt_limit_and_cooldown(auto_assessment, enrolled, learner, course):
    auto_assessment.attempt_limit = 2
    auto_assessment.cooldown_minutes = 30
    auto_assessment.save()
    with freeze_time("2026-03-01 09:00"):
        first, _ = services.start_attempt(user=learner, course=course)
        services.submit(user=learner, attempt_id=first.pk)  # no answers: fails
        with pytest.raises(LMSError) as error:
            services.start_attempt(user=learner, course=course)
        assert error.value.code == "cooldown"
    with freeze_time("2026-03-01 09:31"):
        second, created = services.start_attempt(user=learner, course=course)
        assert created and second.number == 2
        services.submit(user=learner, attempt_id=second.pk)
    with freeze_time("2026-03-01 12:00"):
        with pytest.raises(LMSError) as error:
            services.start_attempt(user=learner, course=course)
        assert error.value.code == "attempt_limit"
    assert Attempt.objects.filter(learner=learner).count() == 2


def test_time_limit_is_enforced_on_the_server(auto_assessment, enrolled, learner, course):
    with freeze_time("2026-03-01 09:00"):
        attempt, _ = services.start_attempt(user=learner, course=course)
        answers = best_answers(attempt)
        first_id = next(iter(answers))
        services.save_answers(user=learner, attempt_id=attempt.pk, answers={first_id: answers[first_id]})
    # Inside the grace period an answer still counts.
    with freeze_time("2026-03-01 09:30:20"):
        services.save_answers(user=learner, attempt_id=attempt.pk, answers={first_id: answers[first_id]})
    with freeze_time("2026-03-01 09:31"):
        rest = {k: v for k, v in answers.items() if k != first_id}
        with pytest.raises(Conflict) as error:
            services.save_answers(user=learner, attempt_id=attempt.pk, answers=rest)
        assert error.value.code == "time_up"
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.GRADED
    assert attempt.timed_out
    assert set(services.saved_answers(attempt)) == {first_id}


def test_an_expired_open_attempt_is_closed_when_the_learner_comes_back(
    auto_assessment, enrolled, learner, course
):
    auto_assessment.cooldown_minutes = 0
    auto_assessment.save()
    with freeze_time("2026-03-01 09:00"):
        attempt, _ = services.start_attempt(user=learner, course=course)
    with freeze_time("2026-03-02 09:00"):
        newer, created = services.start_attempt(user=learner, course=course)
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.GRADED and attempt.timed_out
    assert created and newer.number == 2


def test_one_open_attempt_per_learner_is_a_database_rule(auto_assessment, enrolled, learner, course):
    from django.db import IntegrityError, transaction

    attempt, _ = services.start_attempt(user=learner, course=course)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            learner=learner,
            assessment=auto_assessment,
            course=course,
            number=9,
            seed=1,
            snapshot=attempt.snapshot,
            started_at=timezone.now(),
        )


def test_review_rows_are_created_once(assessment, enrolled, learner, course):
    attempt, _ = services.start_attempt(user=learner, course=course)
    services.submit(user=learner, attempt_id=attempt.pk)
    services.submit(user=learner, attempt_id=attempt.pk)
    assert Review.objects.filter(attempt=attempt).count() == 2
