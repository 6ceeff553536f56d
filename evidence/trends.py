"""Service figures by month for a team (and every team below it), beside the training scores, so a leader
sees "they pass the course but do not do it on calls". A fixed number of queries, however many checks."""

import datetime
from collections import defaultdict

from django.utils import timezone

from courses.models import Policy
from lms.core.models import Profile
from lms.core.teams import descendants
from quizzes.models import Attempt

from .models import CheckPolicy, ServiceCheck, SurveyResponse
from .surveys import csat

# What the trends are worked out from, beyond what the standing cache's own versions cover (teams and who
# is in them, certificates, pages, the day and the language): bumped by every write to a service check,
# survey, calibration or dispute, by a graded attempt (the training columns) and by a renamed skill or
# policy (``summaries.connect_signals``), and by hand after the bulk writes that send no signals.
TRENDS_VERSION = "evidence-trends"


def month_keys(months: int, today: datetime.date | None = None) -> list[str]:
    today = today or timezone.localdate()
    year, month = today.year, today.month
    keys = []
    for _i in range(months):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(keys))


def _month(dt: datetime.datetime) -> str:
    return timezone.localtime(dt).strftime("%Y-%m")


def _avg(values, digits: int = 0):
    values = [v for v in values if v is not None]
    if not values:
        return None
    mean = sum(values) / len(values)
    return round(mean) if digits == 0 else round(mean, digits)


def _share(flags):
    flags = [f for f in flags if f is not None]
    return round(100 * sum(flags) / len(flags)) if flags else None


def member_ids(team) -> list[int]:
    teams = descendants([team])
    return list(Profile.objects.filter(team__in=teams).values_list("user_id", flat=True))


def team_trends(team, *, months: int = 12, today: datetime.date | None = None) -> dict:
    keys = month_keys(months, today)
    start = datetime.datetime.strptime(keys[0] + "-01", "%Y-%m-%d")
    start = timezone.make_aware(start)
    # The members as a subquery: three lists of hundreds of ids cost more to bind than the joins.
    people = Profile.objects.filter(team__in=descendants([team])).values("user_id")

    checks = list(
        ServiceCheck.objects.filter(
            employee_id__in=people, state=ServiceCheck.State.SUBMITTED, counted=True, contacted_at__gte=start
        ).values("pk", "contacted_at", "handoffs", "resolved_first_contact", "score", "skill_scores")
    )
    check_month = {c["pk"]: _month(c["contacted_at"]) for c in checks}
    statements = list(
        CheckPolicy.objects.filter(check_record_id__in=list(check_month)).values(
            "check_record_id", "policy_id", "matched", "version_heard"
        )
    )
    surveys = list(
        SurveyResponse.objects.filter(employee_id__in=people, received_at__gte=start).values(
            "received_at", "rating"
        )
    )
    attempts = list(
        Attempt.objects.filter(
            learner_id__in=people, state=Attempt.State.GRADED, graded_at__gte=start
        ).values("graded_at", "awareness_score", "skill_score", "skill_scores")
    )
    titles = dict(
        Policy.objects.filter(pk__in={s["policy_id"] for s in statements}).values_list("pk", "title")
    )

    by_month: dict[str, dict[str, list]] = {k: defaultdict(list) for k in keys}
    skills: dict[str, dict[str, dict[str, list]]] = defaultdict(lambda: {k: defaultdict(list) for k in keys})
    for c in checks:
        bucket = by_month.get(check_month[c["pk"]])
        if bucket is None:
            continue
        bucket["handoffs"].append(c["handoffs"])
        bucket["fcr"].append(c["resolved_first_contact"])
        bucket["quality"].append(c["score"])
        for slug, value in (c["skill_scores"] or {}).items():
            skills[slug][check_month[c["pk"]]]["quality"].append(value)
    for s in statements:
        bucket = by_month.get(check_month[s["check_record_id"]])
        bucket["matched"].append(s["matched"])
        bucket["versions"].append((s["policy_id"], s["version_heard"]))
    for r in surveys:
        if (bucket := by_month.get(_month(r["received_at"]))) is not None:
            bucket["ratings"].append(r["rating"])
    for a in attempts:
        month = _month(a["graded_at"])
        if (bucket := by_month.get(month)) is None:
            continue
        bucket["awareness"].append(a["awareness_score"])
        bucket["skill"].append(a["skill_score"])
        for item in a["skill_scores"] or []:
            if item.get("slug"):
                skills[item["slug"]][month]["training"].append(item.get("skill_score"))

    rows = []
    for key in keys:
        b = by_month[key]
        rows.append(
            {
                "month": key,
                "contacts": len(b["quality"]),
                "handoffs_per_contact": _avg(b["handoffs"], 2),
                "first_contact_resolution": _share(b["fcr"]),
                "policy_accuracy": _share(b["matched"]),
                "policy_versions_heard": _versions(b["versions"], titles),
                "quality": _avg(b["quality"]),
                "csat": csat(b["ratings"]),
                "responses": len(b["ratings"]),
                "awareness": _avg(b["awareness"]),
                "skill": _avg(b["skill"]),
            }
        )
    skill_rows = {
        slug: [
            {
                "month": key,
                "quality": _avg(months_[key]["quality"]),
                "training": _avg(months_[key]["training"]),
            }
            for key in keys
        ]
        for slug, months_ in sorted(skills.items())
    }
    return {"team": team, "months": rows, "skills": skill_rows}


def _versions(pairs, titles) -> list[dict]:
    """For each policy stated, the versions customers heard (an unknown wrong version counts once)."""
    heard: dict[int, set] = defaultdict(set)
    for policy_id, version in pairs:
        heard[policy_id].add(version if version is not None else "other")
    return [
        {
            "policy": pid,
            "title": titles.get(pid, ""),
            "versions": sorted(v for v in versions if v != "other"),
            "count": len(versions),
        }
        for pid, versions in sorted(heard.items())
    ]
