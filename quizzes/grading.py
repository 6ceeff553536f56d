"""Scoring on the server: credit per question (each type scores its own), scores per dimension and per
skill."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from . import question_types
from .blocks import AWARENESS, SKILL


def credit_for(question: dict, response) -> float | None:
    """Credit from 0 to 1 for one response; None when a person must grade it (written replies)."""
    return question_types.of(question).credit(question, response)


def written_credit(question: dict, marks: dict) -> float:
    """Credit from a reviewer's marks on the question's rubric."""
    return question_types.of(question).credit_from_marks(question, marks)


@dataclass
class Result:
    awareness_score: int | None
    skill_score: int | None
    # [{"skill": name, "slug": slug, "awareness": int | None, "skill_score": int | None}], weakest first
    skills: list[dict]
    passed: bool

    def verdicts(self, *, threshold: int) -> list[str]:
        return skill_verdicts(self.skills, threshold=threshold)


def _percent(earned: float, possible: float) -> int | None:
    # Half rounds up, as people expect of a score (Python's round() would make 32.5 into 32).
    return int(100 * earned / possible + 0.5) if possible else None


def score(
    questions: list[dict],
    credits: dict[str, float],
    *,
    awareness_threshold: int,
    skill_threshold: int,
    skill_minimum: int,
) -> Result:
    totals = {AWARENESS: [0.0, 0.0], SKILL: [0.0, 0.0]}
    per_skill: dict[str, dict] = {}
    per_skill_totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for question in questions:
        weight = question["points"]
        earned = (credits.get(question["id"]) or 0.0) * weight
        dim = question["dimension"]
        totals[dim][0] += earned
        totals[dim][1] += weight
        for skill in question["skills"]:
            per_skill.setdefault(skill["slug"], {"skill": skill["name"], "slug": skill["slug"]})
            per_skill_totals[(skill["slug"], dim)][0] += earned
            per_skill_totals[(skill["slug"], dim)][1] += weight
    skills = []
    for slug, info in per_skill.items():
        skills.append(
            {
                **info,
                "awareness": _percent(*per_skill_totals[(slug, AWARENESS)]),
                "skill_score": _percent(*per_skill_totals[(slug, SKILL)]),
            }
        )
    skills.sort(key=lambda s: (s["skill_score"] if s["skill_score"] is not None else 101, s["skill"]))
    awareness = _percent(*totals[AWARENESS])
    skill = _percent(*totals[SKILL])
    passed = (
        (awareness is None or awareness >= awareness_threshold)
        and (skill is None or skill >= skill_threshold)
        and all(
            value is None or value >= skill_minimum
            for s in skills
            for value in (s["awareness"], s["skill_score"])
        )
    )
    return Result(awareness_score=awareness, skill_score=skill, skills=skills, passed=passed)


def skill_verdicts(skills: list[dict], *, threshold: int) -> list[str]:
    """Plain words per skill: strong, knows it but must practise doing it, or needs both."""
    strong, know_not_do, practise = [], [], []
    for s in skills:
        aware_ok = s["awareness"] is None or s["awareness"] >= threshold
        skill_ok = s["skill_score"] is None or s["skill_score"] >= threshold
        if aware_ok and skill_ok:
            strong.append(s["skill"])
        elif aware_ok:
            know_not_do.append(s["skill"])
        else:
            practise.append(s["skill"])
    lines = []
    if strong:
        lines.append(_("Strong in %(skills)s.") % {"skills": _join(strong)})
    if know_not_do:
        lines.append(
            _("You know %(skills)s but need to practise doing it on real contacts.")
            % {"skills": _join(know_not_do)}
        )
    if practise:
        lines.append(
            _("Practise %(skills)s: revisit the modules, then try again.") % {"skills": _join(practise)}
        )
    return lines


def _join(names: list[str]) -> str:
    names = [n.lower() for n in names]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " " + pgettext("joins the last two of a list", "and") + " " + names[-1]
