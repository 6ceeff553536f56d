"""Booster history and course feedback for a demo site (called by the demo project's ``lms_demo``).

Replays answers through FSRS at past moments, so the figures leaders see are real FSRS estimates. Safe to
run again: people who already have booster answers, and answers already given, are left as they are.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from certificates.models import Certificate

from . import scheduling, services
from .models import BoosterCard, BoosterReview, BoosterSchedule, CourseFeedback

DAY = datetime.timedelta(days=1)


def build_booster_history(*, holders: dict[str, str | None], now: datetime.datetime | None = None) -> int:
    """For each username in ``holders``, answers to every booster question of each course they hold a
    current certificate for: two right answers (40 and 20 days ago), except on questions of the skill
    named beside them (slug), answered wrongly 30 days ago, so that skill slips. Returns how many people
    got a history."""
    now = now or timezone.now()
    done = 0
    for person in get_user_model().objects.filter(username__in=list(holders)):
        if BoosterReview.objects.filter(card__user=person).exists():
            continue
        slipping = holders[person.username]
        certificates = Certificate.objects.current().filter(holder=person).select_related("course")
        for certificate in certificates:
            course = certificate.course.specific
            services.start(user=person, course=course, now=now - 45 * DAY)
            services.sync_cards(user=person, course=course, now=now - 45 * DAY)
            for card in BoosterCard.objects.filter(user=person, course=course, retired=False):
                slips = slipping in [s["slug"] for s in card.question.get("skills", [])]
                answers = (
                    [(now - 30 * DAY, False)] if slips else [(now - 40 * DAY, True), (now - 20 * DAY, True)]
                )
                for moment, correct in answers:
                    _replay(card, correct=correct, at=moment)
        done += 1
    return done


def leave_sets_due(*, usernames, now: datetime.datetime | None = None) -> int:
    """For each of ``usernames``, a booster set waiting now, drawn by ``services.due_set``: the demo's
    history means their last set came a week or more ago, so the next is due (a certificate issued for the
    demo set the first one a gap after issuing). People who have answered boosters themselves are left as
    they are; a set already waiting stays as it is. Returns how many people have questions waiting."""
    now = now or timezone.now()
    waiting = 0
    for person in get_user_model().objects.filter(username__in=list(usernames)):
        if not BoosterReview.objects.filter(card__user=person, response__isnull=False).exists():
            later = [
                s.pk
                for s in BoosterSchedule.objects.filter(user=person, next_set_at__gt=now)
                if not s.pending
            ]
            BoosterSchedule.objects.filter(pk__in=later).update(next_set_at=now)
        waiting += bool(services.due_set(user=person, now=now))
    return waiting


def _replay(card: BoosterCard, *, correct: bool, at: datetime.datetime) -> None:
    state, log = scheduling.review(card.state, correct=correct, now=at)
    card.state, card.due, card.last_review = state, scheduling.due_of(state), at
    card.reviews += 1
    card.lapses += 0 if correct else 1
    card.save()
    BoosterReview.objects.create(
        card=card,
        answered_at=at,
        response=None,
        correct=correct,
        rating=int(scheduling.rating_for(correct)),
        log=log,
    )


def build_feedback(*, course, answers: list[tuple[str, int, str]]) -> int:
    """``answers``: (username, rating 1-5, comment) on ``course``; each person's answer is added once.
    Demo people may not have finished the course, so this writes the rows directly."""
    added = 0
    people = {u.username: u for u in get_user_model().objects.filter(username__in=[a[0] for a in answers])}
    for username, rating, comment in answers:
        if username in people:
            _row, created = CourseFeedback.objects.get_or_create(
                user=people[username], course=course, defaults={"rating": rating, "comment": comment}
            )
            added += created
    return added
