"""Boosters: starting a holder's schedule, drawing the set due now, answering, pausing.

Boosters only read certificates (who holds one, until when); they never change one (DESIGN §4.9).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import Certificate
from lms.core import audit, conf
from lms.core.exceptions import Conflict, NotFound
from quizzes.question_types import invalid_answer

from . import questions, scheduling
from .models import BoosterCard, BoosterProfile, BoosterReview, BoosterSchedule, BoosterSettings

# Full credit counts as correct: a judgement's merely acceptable reply or a half-right sequence is Again.
CORRECT = 1.0 - 1e-9


def course_settings(course) -> dict:
    """The course's booster settings, or the site's defaults for a course without its own."""
    row = BoosterSettings.objects.filter(course_id=course.pk).first()
    if row is None:
        return {
            "enabled": True,
            "questions_per_set": conf.get("LMS_BOOSTER_QUESTIONS_PER_SET"),
            "sets_per_week": conf.get("LMS_BOOSTER_SETS_PER_WEEK"),
        }
    return {
        "enabled": row.enabled,
        "questions_per_set": row.questions_per_set,
        "sets_per_week": row.sets_per_week,
    }


def gap(settings: dict) -> datetime.timedelta:
    """The time between two sets: a week shared by the sets in it."""
    return datetime.timedelta(days=7) / max(1, settings["sets_per_week"])


def is_paused(user) -> bool:
    return BoosterProfile.objects.filter(user=user, paused_at__isnull=False).exists()


@transaction.atomic
def start(*, user, course, now: datetime.datetime | None = None) -> BoosterSchedule:
    """A certificate was issued: its holder's first set comes one gap later (they have just answered the
    assessment). A renewal keeps the schedule and the cards' history."""
    now = now or timezone.now()
    schedule, _created = BoosterSchedule.objects.get_or_create(
        user=user, course=course, defaults={"next_set_at": now + gap(course_settings(course))}
    )
    return schedule


def _holds(user, course_ids) -> set[int]:
    """The courses among ``course_ids`` in which ``user`` holds a certificate that is valid today."""
    return set(
        Certificate.objects.valid_on(timezone.localdate())
        .filter(holder=user, course_id__in=course_ids)
        .values_list("course_id", flat=True)
    )


def sync_cards(*, user, course, now: datetime.datetime) -> None:
    """One card per booster question of the course: new questions get a card due now, changed ones their
    new wording (their schedule kept), removed ones are retired."""
    current = {q["id"]: q for q in questions.booster_questions(course)}
    cards = {c.question_id: c for c in BoosterCard.objects.filter(user=user, course=course)}
    for qid, card in cards.items():
        question = current.get(qid)
        retired = question is None
        if card.retired != retired or (question is not None and card.question != question):
            card.retired = retired
            if question is not None:
                card.question = question
            card.save(update_fields=["retired", "question"])
    base = int(now.timestamp() * 1000)
    BoosterCard.objects.bulk_create(
        [
            BoosterCard(
                user=user,
                course=course,
                question_id=qid,
                question=question,
                state=scheduling.new_state(card_id=base + n, now=now),
                due=now,
            )
            for n, (qid, question) in enumerate(current.items())
            if qid not in cards
        ]
    )


@transaction.atomic
def due_set(*, user, now: datetime.datetime | None = None) -> list[BoosterCard]:
    """The booster questions waiting for ``user`` now, course by course: the set being answered, or a new
    one of the cards FSRS says are due, once the course's gap since the last set has passed. Nothing while
    paused, or for a course whose certificate is no longer valid or whose boosters are off."""
    now = now or timezone.now()
    if is_paused(user):
        return []
    schedules = list(
        BoosterSchedule.objects.select_for_update().filter(user=user).select_related("course").order_by("pk")
    )
    held = _holds(user, [s.course_id for s in schedules])
    drawn: list[BoosterCard] = []
    for schedule in schedules:
        settings = course_settings(schedule.course)
        if schedule.course_id not in held or not settings["enabled"]:
            continue
        if not schedule.pending and schedule.next_set_at <= now:
            sync_cards(user=user, course=schedule.course, now=now)
            due = list(
                BoosterCard.objects.filter(user=user, course=schedule.course, retired=False, due__lte=now)
                .order_by("due", "pk")
                .values_list("pk", flat=True)[: settings["questions_per_set"]]
            )
            if due:
                schedule.pending = due
                schedule.next_set_at = now + gap(settings)
            else:
                # Nothing due yet: look again when the first card falls due, not on every visit.
                first = (
                    BoosterCard.objects.filter(user=user, course=schedule.course, retired=False)
                    .order_by("due")
                    .values_list("due", flat=True)
                    .first()
                )
                schedule.next_set_at = max(first or now + gap(settings), now)
            schedule.save(update_fields=["pending", "next_set_at"])
        if schedule.pending:
            # Questions are kept as they were asked: a set drawn before an edit can still be finished.
            cards = BoosterCard.objects.filter(pk__in=schedule.pending)
            cards = cards.select_related("course")
            order = {pk: n for n, pk in enumerate(schedule.pending)}
            drawn += sorted(cards, key=lambda c: order[c.pk])
    return drawn


def _own_card(user, card_id) -> BoosterCard:
    try:
        return BoosterCard.objects.select_related("course").get(pk=int(card_id), user=user)
    except (BoosterCard.DoesNotExist, TypeError, ValueError):
        raise NotFound(
            _("You have no booster question with id %(id)s.") % {"id": card_id}, code="booster_not_found"
        ) from None


@transaction.atomic
def answer(*, user, card_id, response, now: datetime.datetime | None = None) -> dict:
    """Answer one question of the set waiting: checked by its type as the assessment checks it, scheduled
    by FSRS (correct is Good, wrong is Again), explained at once. Returns what the learner sees next."""
    now = now or timezone.now()
    card = _own_card(user, card_id)
    if is_paused(user):
        raise Conflict(_("Your boosters are paused: resume them to answer."), code="boosters_paused")
    schedule = BoosterSchedule.objects.select_for_update().filter(user=user, course_id=card.course_id).first()
    if schedule is None or card.pk not in schedule.pending:
        raise Conflict(
            _("This question is not in the set waiting for you (answered already, or not due yet)."),
            code="booster_not_due",
        )
    if response in (None, "", []):
        raise invalid_answer(card.question, _("give an answer."))
    cleaned = questions.clean(card.question, response)
    credit = questions.credit(card.question, cleaned)
    correct = credit >= CORRECT
    state, log = scheduling.review(card.state, correct=correct, now=now)
    card.state = state
    card.due = scheduling.due_of(state)
    card.last_review = now
    card.reviews += 1
    card.lapses += 0 if correct else 1
    card.save(update_fields=["state", "due", "last_review", "reviews", "lapses"])
    BoosterReview.objects.create(
        card=card,
        answered_at=now,
        response=cleaned,
        correct=correct,
        rating=int(scheduling.rating_for(correct)),
        log=log,
    )
    schedule.pending = [pk for pk in schedule.pending if pk != card.pk]
    schedule.save(update_fields=["pending"])
    return {
        "id": card.pk,
        "correct": correct,
        "credit": round(credit * 100),
        "response": cleaned,
        "next_due": card.due,
        "remaining": len(schedule.pending),
        **questions.feedback(card.question, cleaned),
    }


@transaction.atomic
def pause(*, user, origin: audit.Origin | None = None) -> BoosterProfile:
    """Stop boosters (leave, a long absence): no sets, no reminders, until resumed. History is kept."""
    profile, _created = BoosterProfile.objects.select_for_update().get_or_create(user=user)
    if profile.paused_at is None:
        profile.paused_at = timezone.now()
        profile.save(update_fields=["paused_at"])
        audit.record(actor=user, verb="boosters.pause", subject=user, obj=profile, origin=origin)
    return profile


@transaction.atomic
def resume(*, user, origin: audit.Origin | None = None) -> BoosterProfile:
    """Boosters again, with a set at once where questions are due (FSRS knows how long it has been)."""
    profile, _created = BoosterProfile.objects.select_for_update().get_or_create(user=user)
    if profile.paused_at is not None:
        profile.paused_at = None
        profile.save(update_fields=["paused_at"])
        BoosterSchedule.objects.filter(user=user, pending=[]).update(next_set_at=timezone.now())
        audit.record(actor=user, verb="boosters.resume", subject=user, obj=profile, origin=origin)
    return profile
