"""What leaders see of boosters: per skill, the team's current estimated recall and who is slipping, with
the refresher to suggest before certificates expire. Read-only, in a fixed number of queries however many
people and cards there are."""

import datetime
from collections import defaultdict
from statistics import fmean

from django.contrib.auth import get_user_model
from django.utils import timezone

from certificates.models import Certificate
from courses.models import CoursePage
from lms.core import conf
from lms.core.models import Profile
from lms.core.names import display_name
from lms.core.teams import descendants

from . import scheduling
from .models import BoosterCard, BoosterProfile


def member_ids(team) -> list[int]:
    """Everyone in ``team`` and the teams below it (one query per level of the tree, none per person)."""
    teams = descendants(team if isinstance(team, list | tuple) else [team])
    return list(Profile.objects.filter(team__in=teams).values_list("user_id", flat=True))


def team_recall(team, *, now: datetime.datetime | None = None) -> dict:
    """``recall_for`` the people of ``team`` and the teams below it."""
    return recall_for(user_ids=member_ids(team), now=now)


def _percent(value: float | None) -> int | None:
    return None if value is None else int(100 * value + 0.5)


def recall_for(*, user_ids, now: datetime.datetime | None = None) -> dict:
    """Per skill: the people's current estimated recall (FSRS retrievability of each person's answered
    cards for questions of that skill, averaged per person, then over the people), who is below
    ``LMS_BOOSTER_RECALL_THRESHOLD`` (slipping), and for a skill below it the refresher of each course it
    comes from, to take before the earliest of those people's certificates expires.

    Four queries: cards, certificates, refreshers, pauses."""
    now = now or timezone.now()
    threshold = float(conf.get("LMS_BOOSTER_RECALL_THRESHOLD"))
    # Plain values, and of each card's question only its skills: a team's cards as model instances with
    # their whole questions cost more than everything else here.
    cards = BoosterCard.objects.filter(
        user_id__in=user_ids, retired=False, last_review__isnull=False
    ).values_list(
        "user_id",
        "course_id",
        "state",
        "question__skills",
        "user__username",
        "user__first_name",
        "user__last_name",
    )
    # skill slug -> person -> [retrievability]; and which courses each (skill, person) comes from.
    recall: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    names, people, courses_of = {}, {}, defaultdict(set)
    for user_id, course_id, state, skills, username, first_name, last_name in cards:
        value = scheduling.retrievability(state, now=now)
        if value is None:
            continue
        if user_id not in people:
            people[user_id] = get_user_model()(
                pk=user_id, username=username, first_name=first_name, last_name=last_name
            )
        for skill in skills or []:
            names[skill["slug"]] = skill["name"]
            recall[skill["slug"]][user_id].append(value)
            courses_of[(skill["slug"], user_id)].add(course_id)
    course_ids = {c for ids in courses_of.values() for c in ids}
    expiry: dict[tuple[int, int], datetime.date | None] = {}
    for holder_id, course_id, expires_on in (
        Certificate.objects.current()
        .filter(holder_id__in=list(people), course_id__in=course_ids)
        .values_list("holder_id", "course_id", "expires_on")
    ):
        known = expiry.get((holder_id, course_id))
        expiry[(holder_id, course_id)] = expires_on if known is None else max(known, expires_on or known)
    refreshers = defaultdict(list)
    for refresher in CoursePage.objects.live().filter(renews_id__in=course_ids).order_by("title"):
        refreshers[refresher.renews_id].append(refresher)
    paused = set(
        BoosterProfile.objects.filter(user_id__in=list(people), paused_at__isnull=False).values_list(
            "user_id", flat=True
        )
    )

    def suggestions(slug: str, person_ids) -> list[dict]:
        by_course: dict[int, list] = defaultdict(list)
        for person_id in person_ids:
            for course_id in courses_of[(slug, person_id)]:
                by_course[course_id].append(expiry.get((person_id, course_id)))
        result = []
        for course_id, expiries in sorted(by_course.items()):
            dates = [d for d in expiries if d is not None]
            for refresher in refreshers.get(course_id, []):
                result.append(
                    {
                        "course_id": course_id,
                        "refresher_id": refresher.pk,
                        "title": refresher.title,
                        "url": refresher.url,
                        "before": min(dates) if dates else None,
                    }
                )
        return result

    skills = []
    for slug, per_person in recall.items():
        person_recall = {pid: fmean(values) for pid, values in per_person.items()}
        team_value = fmean(person_recall.values())
        slipping = sorted(
            (
                {
                    "user_id": pid,
                    "name": display_name(people[pid]),
                    "recall": round(value, 3),
                    "percent": _percent(value),
                    "paused": pid in paused,
                    "refreshers": suggestions(slug, [pid]),
                }
                for pid, value in person_recall.items()
                if value < threshold
            ),
            key=lambda p: (p["recall"], p["name"]),
        )
        below = team_value < threshold
        skills.append(
            {
                "slug": slug,
                "skill": names[slug],
                "recall": round(team_value, 3),
                "percent": _percent(team_value),
                "people": len(person_recall),
                "below_threshold": below,
                "slipping": slipping,
                "refreshers": suggestions(slug, person_recall) if below else [],
            }
        )
    skills.sort(key=lambda s: (s["recall"], s["skill"]))
    return {"threshold": threshold, "threshold_percent": _percent(threshold), "skills": skills}
