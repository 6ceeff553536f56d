"""Context for the evidence includes that the site's pages show (the team view's service trends, My
training's follow-ups), each in a fixed number of queries."""

import datetime

from django.db.models import Q
from django.utils import timezone

from courses.models import Skill

from .models import CoachingAction, ShopRound
from .trends import team_trends

DONE_SHOWN_DAYS = 14


def team_service_trends(team, *, months: int = 12, today: datetime.date | None = None) -> dict:
    """``service_trends`` for lms_evidence/_team_service_trends.html: the trends of ``team`` and the
    teams below it by month, with each skill's name (trends' fixed queries, plus one)."""
    data = team_trends(team, months=months, today=today)
    names = {slug: skill.name for slug, skill in Skill.objects.by_slugs(data["skills"]).items()}
    skills = [
        {
            "slug": slug,
            "name": names.get(slug, slug),
            "months": [
                {**m, "start": _first_day(m["month"])}
                for m in rows
                if m["quality"] is not None or m["training"] is not None
            ],
        }
        for slug, rows in data["skills"].items()
    ]
    months_with_data = [
        {**m, "start": _first_day(m["month"])}
        for m in data["months"]
        if m["contacts"] or m["responses"] or m["awareness"] is not None
    ]
    return {"team": team, "months": months_with_data, "skills": [s for s in skills if s["months"]]}


def _first_day(month: str) -> datetime.date:
    """ "2026-03" as 1 March 2026, for the template to show as the reader's month name."""
    return datetime.date.fromisoformat(f"{month}-01")


def my_followups(user) -> dict:
    """``followups`` for lms_evidence/_my_followups.html: the coaching actions ``user`` owns that are open,
    and those done in the last two weeks, and whether they shop a round that is still on (two queries)."""
    since = timezone.now() - datetime.timedelta(days=DONE_SHOWN_DAYS)
    actions = list(
        CoachingAction.objects.filter(owner=user)
        .filter(Q(done_at__isnull=True) | Q(done_at__gte=since))
        .select_related("check_record__employee", "owner")
        .order_by("done_at", "due_on", "pk")
    )
    today = timezone.localdate()
    for action in actions:
        action.overdue = action.done_at is None and action.due_on < today
    return {
        "open": [a for a in actions if a.done_at is None],
        "done": [a for a in actions if a.done_at is not None],
        "shopper": ShopRound.objects.filter(shoppers=user, ends_on__gte=today).exists(),
    }
