"""Who may start, answer, grade and sign off: the checks shared by the browser and the API."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from lms.core import conf, roles

from . import hooks
from .models import Attempt


def deadline(attempt: Attempt) -> datetime.datetime | None:
    """The last moment an answer counts: the time limit plus a small grace for the network."""
    if attempt.expires_at is None:
        return None
    return attempt.expires_at + datetime.timedelta(seconds=conf.get("LMS_ATTEMPT_GRACE_SECONDS"))


def is_past_deadline(attempt: Attempt, now: datetime.datetime | None = None) -> bool:
    end = deadline(attempt)
    return end is not None and (now or timezone.now()) > end


def cooldown_until(assessment, attempts: list[Attempt]) -> datetime.datetime | None:
    """When a learner may try again after a failed attempt, if that is still in the future."""
    if not assessment.cooldown_minutes:
        return None
    finished = [a for a in attempts if a.submitted_at and a.passed is False]
    if not finished:
        return None
    last = max(a.submitted_at for a in finished)
    until = last + datetime.timedelta(minutes=assessment.cooldown_minutes)
    return until if until > timezone.now() else None


def review_refusal(reviewer, attempt: Attempt) -> tuple[str, str] | None:
    """Why ``reviewer`` may not grade or sign off ``attempt`` (DESIGN §4 rule 4), or None if they may."""
    if reviewer.pk == attempt.learner_id:
        return "own_work", _("Nobody grades or signs off their own work.")
    if not roles.leads(reviewer, attempt.learner):
        return "not_your_team", _("Only a leader of the learner's team, or a team above it, may review this.")
    return hooks.review_refusal(reviewer, attempt)
