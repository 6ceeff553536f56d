"""Calibration, leaders first: HR publishes a written contact with a reference scoring; leaders score it
blind; agreement with the reference decides whether their checks count, and Krippendorff's alpha shows
how far the leaders agree with each other."""

import math

import krippendorff
import numpy as np
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.core import audit, versions
from lms.core.exceptions import Conflict, Forbidden, LMSError
from lms.core.roles import is_hr, is_leader

from . import scoring
from .blocks import YES_NO
from .models import CalibrationContact, CalibrationScore, Scorecard, ServiceCheck
from .trends import TRENDS_VERSION


def _agrees(criterion: dict, a, b) -> bool:
    # A 1–5 answer within one point of the reference agrees: calibration asks for the same judgement,
    # not the same digit. Yes/no and "not applicable" must match exactly.
    if a == b:
        return True
    if criterion["scale"] == YES_NO or scoring.NA in (a, b) or a is None or b is None:
        return False
    return abs(int(a) - int(b)) <= 1


def agreement(snapshot: dict, reference: dict, answers: dict) -> int:
    """The share of criteria (0–100) a leader scored as the reference did."""
    criteria = scoring.criteria_of(snapshot)
    if not criteria:
        return 0
    agreed = sum(_agrees(c, reference.get(cid), answers.get(cid)) for cid, c in criteria.items())
    return round(100 * agreed / len(criteria))


def _number(criterion: dict, answer) -> float:
    if answer in (None, scoring.NA):
        return math.nan
    return 1.0 if answer == "yes" else 0.0 if answer == "no" else (int(answer) - 1) / 4


def alpha(snapshot: dict, scorings: list[dict]) -> float | None:
    """Krippendorff's alpha (interval) across the leaders' scorings; None when it cannot be told yet
    (fewer than two scorings, or no variation at all to compare)."""
    if len(scorings) < 2:
        return None
    criteria = list(scoring.criteria_of(snapshot).items())
    data = np.array(
        [[_number(c, answers.get(cid)) for cid, c in criteria] for answers in scorings], dtype=float
    )
    values = data[~np.isnan(data)]
    if values.size == 0 or np.all(values == values[0]):
        return None
    try:
        return round(float(krippendorff.alpha(reliability_data=data, level_of_measurement="interval")), 3)
    except ValueError:
        return None


@transaction.atomic
def publish(
    *, by, scorecard: Scorecard, title: str, transcript: str, reference_answers: dict, pass_mark: int = 80
) -> CalibrationContact:
    if not is_hr(by):
        raise Forbidden(_("Calibration contacts are published by HR."), code="hr_only")
    title, transcript = (title or "").strip(), (transcript or "").strip()
    if not title or not transcript:
        raise LMSError(_("A calibration contact needs a title and a transcript."), code="invalid_calibration")
    if not isinstance(pass_mark, int) or not 50 <= pass_mark <= 100:
        raise LMSError(_("The agreement needed is a whole number from 50 to 100."), code="invalid_pass_mark")
    snapshot = scoring.snapshot_of(scorecard)
    reference = scoring.clean_answers(snapshot, reference_answers, complete=True)
    return CalibrationContact.objects.create(
        title=title,
        transcript=transcript,
        scorecard=scorecard,
        snapshot=snapshot,
        reference_answers=reference,
        pass_mark=pass_mark,
        created_by=by,
        published_at=timezone.now(),
    )


def score_blind(*, contact: CalibrationContact, leader, answers: dict, origin: audit.Origin | None = None):
    """A leader's one scoring of the contact. Passing the current calibration makes their checks count,
    the ones already made included."""
    if contact.published_at is None:
        raise LMSError(_("This calibration contact is not published."), code="not_published")
    if not (is_leader(leader) or is_hr(leader)):
        raise Forbidden(_("Calibration is for leaders."), code="leaders_only")
    cleaned = scoring.clean_answers(contact.snapshot, answers, complete=True)
    percent = agreement(contact.snapshot, contact.reference_answers, cleaned)
    try:
        with transaction.atomic():
            result = CalibrationScore.objects.create(
                contact=contact,
                leader=leader,
                answers=cleaned,
                agreement=percent,
                passed=percent >= contact.pass_mark,
            )
            if result.passed and _is_current(contact):
                ServiceCheck.objects.filter(
                    checker=leader, state=ServiceCheck.State.SUBMITTED, round__isnull=True, counted=False
                ).update(counted=True)
                versions.bump(TRENDS_VERSION)  # update() sends no signal
            audit.record(
                actor=leader,
                verb="calibration.score",
                subject=leader,
                obj=contact,
                data={"agreement": percent, "passed": result.passed},
                origin=origin,
            )
    except IntegrityError:
        raise Conflict(
            _("You have already scored this calibration contact."), code="already_scored"
        ) from None
    return result


def _is_current(contact: CalibrationContact) -> bool:
    latest = (
        CalibrationContact.objects.filter(published_at__isnull=False).order_by("-published_at", "-pk").first()
    )
    return latest is not None and latest.pk == contact.pk


def summary(contact: CalibrationContact) -> dict:
    """Each leader's agreement with the reference, and the spread between leaders."""
    scores = list(contact.scores.select_related("leader").order_by("leader__last_name", "leader__first_name"))
    return {
        "contact": contact,
        "scores": scores,
        "passed": sum(s.passed for s in scores),
        "alpha": alpha(contact.snapshot, [s.answers for s in scores]),
    }
