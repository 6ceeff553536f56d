"""Item statistics for authors and HR: which questions work, and where skill lags behind knowledge."""

from collections import defaultdict

from .models import Answer, Attempt

GROUP_SHARE = 0.27  # the classic upper/lower 27% groups for the discrimination index


def _mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def question_statistics(assessment) -> list[dict]:
    """Per question: how often it is answered well (facility) and how well it separates strong learners
    from weak ones (discrimination: top group's mean credit minus the bottom group's)."""
    attempts = list(
        Attempt.objects.filter(assessment=assessment, state=Attempt.State.GRADED).values(
            "id", "awareness_score", "skill_score", "snapshot"
        )
    )
    if not attempts:
        return []
    overall = {a["id"]: _mean([a["awareness_score"], a["skill_score"]]) or 0 for a in attempts}
    ranked = sorted(overall, key=overall.get)
    size = max(1, round(len(ranked) * GROUP_SHARE))
    bottom, top = set(ranked[:size]), set(ranked[-size:])
    questions: dict[str, dict] = {}
    for a in attempts:
        for q in a["snapshot"]["questions"]:
            questions.setdefault(q["id"], q)
    credits: dict[str, dict[int, float]] = defaultdict(dict)
    for attempt_id, question_id, credit in Answer.objects.filter(
        attempt_id__in=overall, credit__isnull=False
    ).values_list("attempt_id", "question_id", "credit"):
        credits[question_id][attempt_id] = credit
    rows = []
    for qid, q in questions.items():
        by_attempt = credits.get(qid, {})
        asked = [a["id"] for a in attempts if any(x["id"] == qid for x in a["snapshot"]["questions"])]
        values = [by_attempt.get(a, 0.0) for a in asked]
        top_mean = _mean([by_attempt.get(a, 0.0) for a in asked if a in top])
        bottom_mean = _mean([by_attempt.get(a, 0.0) for a in asked if a in bottom])
        rows.append(
            {
                "id": qid,
                "type": q["type"],
                "dimension": q["dimension"],
                "prompt": q["prompt"],
                "skills": [s["name"] for s in q["skills"]],
                "answered": len(asked),
                "facility": round(100 * _mean(values)) if values else None,
                "discrimination": (
                    round(top_mean - bottom_mean, 2)
                    if top_mean is not None and bottom_mean is not None
                    else None
                ),
            }
        )
    rows.sort(key=lambda r: (r["discrimination"] is None, r["discrimination"] or 0))
    return rows


def skill_statistics(assessment) -> list[dict]:
    """Average awareness and skill score per skill across graded attempts: "they know it but don't do it"."""
    sums: dict[str, dict] = {}
    for skills in Attempt.objects.filter(assessment=assessment, state=Attempt.State.GRADED).values_list(
        "skill_scores", flat=True
    ):
        for s in skills or []:
            entry = sums.setdefault(s["slug"], {"skill": s["skill"], "awareness": [], "skill_score": []})
            entry["awareness"].append(s["awareness"])
            entry["skill_score"].append(s["skill_score"])
    rows = []
    for slug, entry in sums.items():
        awareness, skill = _mean(entry["awareness"]), _mean(entry["skill_score"])
        rows.append(
            {
                "slug": slug,
                "skill": entry["skill"],
                "attempts": len(entry["awareness"]),
                "awareness": round(awareness) if awareness is not None else None,
                "skill_score": round(skill) if skill is not None else None,
            }
        )
    return sorted(rows, key=lambda r: r["skill"])
