"""Context for the evidence includes that the site's pages show (the team view's service trends, My
training's follow-ups), each in a fixed number of queries."""

import datetime

from django.db.models import Q
from django.utils import timezone

from certificates import standing_cache
from courses.models import Skill
from lms.core import versions

from .models import CoachingAction, ShopRound
from .trends import TRENDS_VERSION, team_trends

DONE_SHOWN_DAYS = 14


def team_service_trends(team, *, months: int = 12, today: datetime.date | None = None) -> dict:
    """``service_trends`` for lms_evidence/_team_service_trends.html: the trends of ``team`` and the
    teams below it by month, with each skill's name. Kept until something they are worked out from changes
    (trends' fixed queries, plus one, when it has)."""
    today = today or timezone.localdate()
    return standing_cache.shared(
        "service-trends",
        (team.pk, months, versions.read(TRENDS_VERSION)),
        lambda: _team_service_trends(team, months=months, today=today),
        today=today,
    )


def _team_service_trends(team, *, months: int, today: datetime.date) -> dict:
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


def connect_signals() -> None:
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    from courses.models import Policy, Skill
    from quizzes.models import Attempt

    versions.bump_on_change(
        TRENDS_VERSION, [*apps.get_app_config("lms_evidence").get_models(), Skill, Policy], uid="lms_trends"
    )

    def attempt_changed(sender, instance, **kwargs):
        if instance.state == Attempt.State.GRADED:  # starts and autosaves change no trend
            versions.bump(TRENDS_VERSION)

    post_save.connect(attempt_changed, sender=Attempt, dispatch_uid="lms_trends_attempt_saved", weak=False)
    post_delete.connect(
        attempt_changed, sender=Attempt, dispatch_uid="lms_trends_attempt_deleted", weak=False
    )
