"""What leaders and HR see: a members × courses matrix, skill gaps, compliance and the leaders-first
cascade. Every function here runs a fixed number of queries, however many people there are."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from certificates import leaders_first
from certificates.models import Certificate
from certificates.standing import Standing, standings_many
from courses.models import CoursePage
from courses.selectors import live_courses
from lms.core.models import Profile, Team
from lms.core.names import display_name
from lms.core.teams import all_teams
from quizzes.models import Attempt

# The cells of the matrix are the people's standings (certificates.standing): the same state and next
# step they see on My training and the course page.
Cell = Standing


@dataclass(slots=True)
class Person:
    """What a matrix row shows of someone: enough for names, links, sorting and exports."""

    user_id: int
    team_id: int | None
    job_title: str
    username: str
    first_name: str
    last_name: str
    team_name: str | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.username


PERSON_COLUMNS = (
    "user_id",
    "team_id",
    "job_title",
    "user__username",
    "user__first_name",
    "user__last_name",
    "team__name",
)


@dataclass
class Row:
    person: Person
    cells: list[Cell] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for c in self.cells if c.overdue)

    @property
    def next_due(self) -> datetime.date:
        dates = [c.due_date for c in self.cells if c.due_date and not c.is_done]
        return min(dates) if dates else datetime.date.max


@dataclass
class Matrix:
    courses: list[CoursePage]
    rows: list[Row]

    def counts(self) -> dict[str, int]:
        totals = defaultdict(int)
        for row in self.rows:
            for cell in row.cells:
                totals[cell.state] += 1
        return dict(totals)


def build_matrix(
    *, teams: list[Team], courses: list[CoursePage] | None = None, today: datetime.date | None = None
) -> Matrix:
    today = today or timezone.localdate()
    courses = courses if courses is not None else live_courses()
    # Plain values rather than model instances: five times faster for a team of hundreds.
    people = [
        Person(*values)
        for values in Profile.objects.filter(team__in=teams)
        .order_by("user__last_name", "user__first_name")
        .values_list(*PERSON_COLUMNS)
    ]
    # The members as a subquery rather than a list of ids: a thousand bound parameters cost more to send
    # than the join costs PostgreSQL.
    members = Profile.objects.filter(team__in=teams).values("user_id")
    standings = standings_many(people, courses, members=members, today=today)
    rows = [Row(person=p, cells=[standings[(p.user_id, c.pk)] for c in courses]) for p in people]
    rows.sort(key=lambda r: (-r.overdue, r.next_due, r.person.last_name, r.person.first_name))
    return Matrix(courses=courses, rows=rows)


def skill_gaps(*, user_ids) -> list[dict]:
    """Average awareness and skill per skill over each member's latest graded attempt per course."""
    latest: dict[tuple[int, int], list] = {}
    for learner_id, course_id, skills in (
        Attempt.objects.filter(learner_id__in=user_ids, state=Attempt.State.GRADED)
        .order_by("graded_at")
        .values_list("learner_id", "course_id", "skill_scores")
    ):
        latest[(learner_id, course_id)] = skills or []
    sums: dict[str, dict] = {}
    for skills in latest.values():
        for s in skills:
            entry = sums.setdefault(s["slug"], {"skill": s["skill"], "awareness": [], "skill_score": []})
            if s["awareness"] is not None:
                entry["awareness"].append(s["awareness"])
            if s["skill_score"] is not None:
                entry["skill_score"].append(s["skill_score"])
    rows = []
    for slug, e in sorted(sums.items(), key=lambda kv: kv[1]["skill"]):
        awareness = round(sum(e["awareness"]) / len(e["awareness"])) if e["awareness"] else None
        skill = round(sum(e["skill_score"]) / len(e["skill_score"])) if e["skill_score"] else None
        rows.append(
            {
                "slug": slug,
                "skill": e["skill"],
                "awareness": awareness,
                "skill_score": skill,
                "gap": (awareness - skill) if awareness is not None and skill is not None else None,
                "people": max(len(e["awareness"]), len(e["skill_score"])),
            }
        )
    return rows


def cascade(*, courses: list[CoursePage] | None = None, today: datetime.date | None = None) -> list[dict]:
    """The leaders-first cascade as a tree (see ``certificates.leaders_first.cascade``), with each team's
    leader named and its members counted, as the page, the API and exports show it."""
    courses = courses if courses is not None else list(CoursePage.objects.live().filter(leaders_first=True))
    members = dict(
        Profile.objects.filter(team__isnull=False)
        .values_list("team_id")
        .annotate(n=Count("id"))
        .values_list("team_id", "n")
    )

    def node(entry: dict) -> dict:
        team = entry["team"]
        return {
            "team": team.name,
            "team_id": team.pk,
            "leader": display_name(team.leader) or None,
            "members": members.get(team.pk, 0),
            "courses": [
                {
                    "course": c["course"].title,
                    "course_id": c["course"].pk,
                    "leader_certified": c["leader_certified"],
                    "team_open": c["team_open"],
                }
                for c in entry["courses"]
            ],
            "children": [node(child) for child in entry["children"]],
        }

    return [node(entry) for entry in leaders_first.cascade(courses, on=today)]


def compliance(*, today: datetime.date | None = None) -> dict:
    """Per team and course: how many members hold a current certificate."""
    today = today or timezone.localdate()
    courses = list(CoursePage.objects.live().order_by("path"))
    teams = sorted(all_teams().values(), key=lambda t: t.name)
    members = defaultdict(set)
    for team_id, user_id in Profile.objects.filter(team__isnull=False).values_list("team_id", "user_id"):
        members[team_id].add(user_id)
    certified = defaultdict(set)
    for holder_id, course_id in (
        Certificate.objects.valid_on(today).filter(course__in=courses).values_list("holder_id", "course_id")
    ):
        certified[course_id].add(holder_id)
    rows = []
    for team in teams:
        people = members.get(team.pk, set())
        cells = []
        for course in courses:
            n = len(people & certified[course.pk])
            percent = round(100 * n / len(people)) if people else 0
            cells.append({"certified": n, "of": len(people), "percent": percent})
        rows.append({"team": team, "members": len(people), "cells": cells})
    return {"courses": courses, "rows": rows}


def expiring(*, within: int, today: datetime.date | None = None) -> list[Certificate]:
    today = today or timezone.localdate()
    return list(
        Certificate.objects.expiring_between(today, today + datetime.timedelta(days=within))
        .select_related("holder")
        .order_by("expires_on", "holder_name")
    )
