"""Boosters follow FSRS, driven by answers, on a frozen clock: a Good answer pushes a question out, Again
brings it back, and the set due now changes accordingly. Boosters never change a certificate."""

import datetime

import pytest
from django.forms.models import model_to_dict
from freezegun import freeze_time
from fsrs import Card, Rating, Scheduler

from boosters import services
from boosters.models import BoosterCard, BoosterReview, BoosterSchedule, BoosterSettings
from certificates import services as certificate_services
from certificates.models import Certificate
from lms.core.exceptions import Conflict, LMSError, NotFound

from .conftest import START, best_response, wrong_response

DAY = datetime.timedelta(days=1)


@pytest.fixture
def daily_sets(course):
    """Every question in one set, a set a day: the set shows FSRS' choice alone."""
    return BoosterSettings.objects.create(course=course, questions_per_set=10, sets_per_week=7)


def test_issuing_a_certificate_starts_boosters_one_gap_later(certified, learner, course):
    schedule = BoosterSchedule.objects.get(user=learner, course=course)
    assert schedule.next_set_at == START + datetime.timedelta(days=7) / 3
    with freeze_time(START + DAY):
        assert services.due_set(user=learner) == []


def test_sets_hold_the_courses_self_scoring_questions_only(daily_sets, certified, learner):
    with freeze_time(START + DAY):
        cards = services.due_set(user=learner)
    # The assessment has six questions; the written reply needs a person to grade it, so it never boosts.
    assert sorted(c.question["type"] for c in cards) == [
        "judgement",
        "multiple_response",
        "sequencing",
        "single_choice",
        "true_false",
    ]
    assert {c.question["dimension"] for c in cards} == {"awareness", "skill"}


def test_good_pushes_the_next_due_date_out_and_again_brings_it_back(daily_sets, certified, learner):
    first = START + DAY
    with freeze_time(first):
        cards = services.due_set(user=learner)
        good, *others = cards
        result = services.answer(user=learner, card_id=good.pk, response=best_response(good.question))
        assert result["correct"] is True
        for card in others:
            assert (
                services.answer(user=learner, card_id=card.pk, response=wrong_response(card.question))[
                    "correct"
                ]
                is False
            )
        # All answered: nothing more today.
        assert services.due_set(user=learner) == []

    # FSRS' own schedule for the same answers at the same moment.
    scheduler = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    expected_good, _ = scheduler.review_card(Card(due=first), Rating.Good, first)
    expected_again, _ = scheduler.review_card(Card(due=first), Rating.Again, first)
    good.refresh_from_db()
    assert good.due == expected_good.due
    for card in others:
        card.refresh_from_db()
        assert card.due == expected_again.due < good.due
        assert card.lapses == 1
    assert BoosterReview.objects.filter(card=good, correct=True, rating=int(Rating.Good)).count() == 1

    # A day on, the next set holds exactly the questions answered wrongly.
    with freeze_time(expected_again.due):
        second = services.due_set(user=learner)
        assert {c.pk for c in second} == {c.pk for c in others}
        for card in second:
            services.answer(user=learner, card_id=card.pk, response=best_response(card.question))
    # By the time the right answer falls due, it is the one asked; the others went further out.
    with freeze_time(expected_good.due):
        third = services.due_set(user=learner)
        assert [c.pk for c in third] == [good.pk]


def test_a_set_is_short_and_the_rest_waits_for_the_next_set(certified, learner, course):
    with freeze_time(START + 3 * DAY):
        cards = services.due_set(user=learner)
        assert len(cards) == 2  # the default: two questions
        assert services.due_set(user=learner) == cards  # the same set until answered
        for card in cards:
            services.answer(user=learner, card_id=card.pk, response=best_response(card.question))
        assert services.due_set(user=learner) == []
    with freeze_time(START + 3 * DAY + datetime.timedelta(days=7) / 3):
        assert len(services.due_set(user=learner)) == 2


def test_answers_are_checked_by_the_question_type_and_only_once(
    daily_sets, certified, learner, other_learner
):
    with freeze_time(START + DAY):
        card = services.due_set(user=learner)[0]
        with pytest.raises(LMSError) as bad:
            services.answer(user=learner, card_id=card.pk, response="not-an-option")
        assert bad.value.code == "invalid_answer"
        card.refresh_from_db()
        assert card.reviews == 0 and not BoosterReview.objects.exists()
        with pytest.raises(NotFound):
            services.answer(user=other_learner, card_id=card.pk, response=best_response(card.question))
        services.answer(user=learner, card_id=card.pk, response=best_response(card.question))
        with pytest.raises(Conflict) as again:
            services.answer(user=learner, card_id=card.pk, response=best_response(card.question))
        assert again.value.code == "booster_not_due"


def test_pause_and_resume(daily_sets, certified, learner):
    with freeze_time(START + DAY):
        card = services.due_set(user=learner)[0]
        services.pause(user=learner)
        assert services.due_set(user=learner) == []
        with pytest.raises(Conflict) as paused:
            services.answer(user=learner, card_id=card.pk, response=best_response(card.question))
        assert paused.value.code == "boosters_paused"
    with freeze_time(START + 30 * DAY):
        services.resume(user=learner)
        assert card.pk in {c.pk for c in services.due_set(user=learner)}


def test_no_boosters_once_the_certificate_is_revoked(daily_sets, certified, learner, hr):
    certificate_services.revoke(certificate_id=certified.pk, by=hr, reason="Issued in error")
    with freeze_time(START + DAY):
        assert services.due_set(user=learner) == []


def test_boosters_never_change_a_certificate(daily_sets, certified, learner):
    before = model_to_dict(Certificate.objects.get(pk=certified.pk))
    with freeze_time(START + DAY):
        for card in services.due_set(user=learner):
            services.answer(user=learner, card_id=card.pk, response=wrong_response(card.question))
    with freeze_time(START + 2 * DAY):
        services.pause(user=learner)
        services.resume(user=learner)
    assert model_to_dict(Certificate.objects.get(pk=certified.pk)) == before
    assert Certificate.objects.count() == 1
    assert BoosterCard.objects.filter(user=learner).count() == 5


def test_a_question_taken_out_of_the_assessment_is_retired_at_the_next_set(
    daily_sets, certified, learner, assessment
):
    with freeze_time(START + DAY):
        cards = services.due_set(user=learner)
        removed = next(c for c in cards if c.question["type"] == "true_false")
        position = next(i for i, b in enumerate(assessment.questions) if str(b.id) == removed.question_id)
        del assessment.questions[position]
        assessment.save_revision().publish()
        # The set already drawn can still be finished: each question is kept as it was asked.
        for card in cards:
            services.answer(user=learner, card_id=card.pk, response=best_response(card.question))
    with freeze_time(START + 60 * DAY):
        later = services.due_set(user=learner)
    removed.refresh_from_db()
    assert removed.retired is True
    assert later and removed.pk not in {c.pk for c in later}
    assert BoosterCard.objects.filter(user=learner, retired=False).count() == len(cards) - 1
