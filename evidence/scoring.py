"""How a check is scored, in one place: a weighted average of the applicable criteria (0–100), zero when a
critical criterion is missed, the same rule per skill (as Zendesk QA and MaestroQA compute scorecards)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from lms.core.exceptions import LMSError

from .blocks import ONE_TO_FIVE, YES_NO

NA = "na"


def snapshot_of(scorecard) -> dict:
    """The scorecard's live criteria, frozen: a check is always scored against exactly these."""
    sections = []
    for section in scorecard.sections:
        criteria = []
        for item in section.value["criteria"].bound_blocks:
            value, skill = item.value, item.value["skill"]
            criteria.append(
                {
                    "id": str(item.id),
                    "text": value["text"],
                    "skill": {"id": skill.pk, "slug": skill.slug, "name": skill.name} if skill else None,
                    "weight": int(value["weight"]),
                    "scale": value["scale"],
                    "allow_na": bool(value["allow_na"]),
                    "critical": bool(value["critical"]),
                }
            )
        sections.append({"title": section.value["title"], "criteria": criteria})
    return {
        "scorecard": scorecard.pk,
        "version": scorecard.version,
        "title": scorecard.title,
        "sections": sections,
    }


def criteria_of(snapshot: dict) -> dict[str, dict]:
    return {c["id"]: c for section in snapshot.get("sections", []) for c in section["criteria"]}


def clean_answer(criterion: dict, raw):
    """One answer in its stored form ("yes"/"no", 1–5, or "na"), or an error naming the criterion."""
    if raw in (None, ""):
        return None
    if isinstance(raw, str) and raw.strip().lower() in (NA, "n/a"):
        if not criterion["allow_na"]:
            raise LMSError(
                _("“%(criterion)s” must be answered: “not applicable” is not allowed for it.")
                % {"criterion": criterion["text"]},
                code="na_not_allowed",
            )
        return NA
    if criterion["scale"] == YES_NO:
        if isinstance(raw, bool):
            return "yes" if raw else "no"
        if isinstance(raw, str) and raw.strip().lower() in ("yes", "no"):
            return raw.strip().lower()
        raise LMSError(
            _("“%(criterion)s” takes yes, no or n/a.") % {"criterion": criterion["text"]},
            code="invalid_answer",
        )
    if criterion["scale"] == ONE_TO_FIVE:
        try:
            number = int(raw) if not isinstance(raw, bool) and str(raw).strip().isdigit() else None
        except (TypeError, ValueError):
            number = None
        if number is None or not 1 <= number <= 5:
            raise LMSError(
                _("“%(criterion)s” takes a whole number from 1 to 5.") % {"criterion": criterion["text"]},
                code="invalid_answer",
            )
        return number
    raise LMSError(_("This scorecard has a criterion with an unknown scale."), code="invalid_scorecard")


def clean_answers(snapshot: dict, raw: dict, *, complete: bool) -> dict:
    """Every answer checked; unknown criteria refused; with ``complete`` every criterion must be answered."""
    if not isinstance(raw, dict):
        raise LMSError(_("Answers must be a mapping of criterion id to answer."), code="invalid_answers")
    criteria = criteria_of(snapshot)
    unknown = sorted(set(map(str, raw)) - set(criteria))
    if unknown:
        raise LMSError(
            _("This scorecard has no criterion %(ids)s.") % {"ids": ", ".join(unknown)},
            code="unknown_criterion",
        )
    cleaned = {}
    for key, value in raw.items():
        answer = clean_answer(criteria[str(key)], value)
        if answer is not None:
            cleaned[str(key)] = answer
    if complete:
        missing = [c["text"] for cid, c in criteria.items() if cid not in cleaned]
        if missing:
            raise LMSError(
                _("Answer every criterion before submitting (use n/a where allowed). Missing: %(list)s.")
                % {"list": "; ".join(missing)},
                code="answers_incomplete",
            )
    return cleaned


def _value(criterion: dict, answer) -> float:
    if criterion["scale"] == YES_NO:
        return 1.0 if answer == "yes" else 0.0
    return (int(answer) - 1) / 4


def is_miss(criterion: dict, answer) -> bool:
    """A "no", or 1 or 2 on a 1–5 scale. Not applicable is never a miss."""
    if answer in (None, NA):
        return False
    return answer == "no" if criterion["scale"] == YES_NO else int(answer) <= 2


@dataclass(frozen=True)
class Score:
    score: int | None
    skills: dict[str, int]  # skill slug -> 0–100
    critical_missed: bool
    missed: list[str]  # ids of the criteria missed


def _weighted(pairs: list[tuple[dict, object]]) -> int | None:
    applicable = [(c, a) for c, a in pairs if a not in (None, NA)]
    if not applicable:
        return None
    if any(c["critical"] and is_miss(c, a) for c, a in applicable):
        return 0
    total = sum(c["weight"] for c, _a in applicable)
    return round(100 * sum(c["weight"] * _value(c, a) for c, a in applicable) / total)


def score(snapshot: dict, answers: dict) -> Score:
    criteria = criteria_of(snapshot)
    pairs = [(c, answers.get(cid)) for cid, c in criteria.items()]
    by_skill: dict[str, list] = {}
    for c, a in pairs:
        if c["skill"]:
            by_skill.setdefault(c["skill"]["slug"], []).append((c, a))
    skills = {slug: s for slug, items in by_skill.items() if (s := _weighted(items)) is not None}
    return Score(
        score=_weighted(pairs),
        skills=skills,
        critical_missed=any(c["critical"] and is_miss(c, a) for c, a in pairs),
        missed=[cid for cid, c in criteria.items() if is_miss(c, answers.get(cid))],
    )
