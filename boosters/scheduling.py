"""FSRS, as boosters use it: one scheduler, a card's state to and from JSON, and a card's recall now.

Booster questions are asked of people who already passed the course, so there are no minute-long learning
steps: every answer schedules in days. Fuzzing is off so a schedule follows from its answers alone.
"""

import datetime

from fsrs import Card, Rating, Scheduler

SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rating_for(correct: bool) -> Rating:
    """A correct answer is Good, a wrong one Again (issue 15)."""
    return Rating.Good if correct else Rating.Again


def new_state(*, card_id: int, now: datetime.datetime) -> dict:
    return Card(card_id=card_id, due=now).to_dict()


def review(state: dict, *, correct: bool, now: datetime.datetime) -> tuple[dict, dict]:
    """The card's next state and the review log, both as JSON."""
    card, log = SCHEDULER.review_card(Card.from_dict(state), rating_for(correct), now)
    return card.to_dict(), log.to_dict()


def due_of(state: dict) -> datetime.datetime:
    return Card.from_dict(state).due


def retrievability(state: dict, *, now: datetime.datetime) -> float | None:
    """FSRS' estimate (0 to 1) that the person recalls the answer now; None before their first answer."""
    card = Card.from_dict(state)
    if card.last_review is None:
        return None
    return SCHEDULER.get_card_retrievability(card, now)
