"""Leaders first (DESIGN §4.3), in one place: whose certificate opens a course for whom, asked for one
person (catalogue, enrolment, attempts), for many people at once (a team's matrix) or for every team
(HR's cascade). Each answer takes a fixed number of queries, however many people or courses.

A leaders-first course opens for a person once the nearest leader above them (their team's leader; for
a team's own leader, the leader of the team above) holds a valid certificate in it, or HR has granted a
logged exception. The top of the tree is free. Existing progress is never taken away.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from courses.access import Access, locked
from courses.models import CoursePage
from lms.core.models import Profile
from lms.core.names import display_name
from lms.core.teams import all_teams, leader_above

from .models import Certificate, LeadersFirstException
from .standing_cache import link, shared

CODE = "leaders_first"


def _today(on: datetime.date | None) -> datetime.date:
    return on or timezone.localdate()


def responsible_leader(user):
    """Whose certificate opens a leaders-first course for ``user``; None at the top of the tree."""
    team_id = Profile.objects.filter(user=user).values_list("team_id", flat=True).first()
    if team_id is None:
        return None
    return leader_above(person_id=user.pk, team_id=team_id, teams=all_teams())


def responsible_leaders(people, teams) -> dict[int, object]:
    """user id → responsible leader, for many people (each with ``user_id`` and ``team_id``) at once."""
    result = {}
    for person in people:
        leader = leader_above(person_id=person.user_id, team_id=person.team_id, teams=teams)
        if leader is not None:
            result[person.user_id] = leader
    return result


def certified_pairs(leader_ids, courses, *, on: datetime.date | None = None) -> set[tuple[int, int]]:
    """(leader id, course id) for every valid certificate among those leaders and courses."""
    return set(
        Certificate.objects.valid_on(_today(on))
        .filter(holder_id__in=leader_ids, course__in=courses)
        .values_list("holder_id", "course_id")
    )


def blockers(user, courses, *, on: datetime.date | None = None) -> dict[int, object]:
    """course id → the leader whose missing certificate keeps that course closed to ``user``; open
    courses are left out. At most four queries, however many courses are asked about."""
    gated = [course for course in courses if course.leaders_first]
    if not gated:
        return {}
    leader = responsible_leader(user)
    if leader is None:
        return {}
    certified = {course_id for _, course_id in certified_pairs([leader.pk], gated, on=on)}
    waiting = [course.pk for course in gated if course.pk not in certified]
    if not waiting:
        return {}
    excused = set(
        LeadersFirstException.objects.filter(person=user, course_id__in=waiting).values_list(
            "course_id", flat=True
        )
    )
    return {course_id: leader for course_id in waiting if course_id not in excused}


def blocker(user, course, *, on: datetime.date | None = None):
    """The leader whose missing certificate keeps ``course`` closed to ``user``, or None if it is open."""
    return blockers(user, [course], on=on).get(course.pk)


def blockers_many(
    people, courses, *, teams, on: datetime.date | None = None
) -> dict[tuple[int, int], object]:
    """(user id, course id) → the leader each person waits for, for a whole team matrix in two queries
    (plus the team tree the caller already holds)."""
    gated = [course for course in courses if course.leaders_first]
    leaders = responsible_leaders(people, teams)
    if not gated or not leaders:
        return {}
    certified = certified_pairs({leader.pk for leader in leaders.values()}, gated, on=on)
    excused = set(
        LeadersFirstException.objects.filter(person_id__in=list(leaders), course__in=gated).values_list(
            "person_id", "course_id"
        )
    )
    result = {}
    for user_id, leader in leaders.items():
        for course in gated:
            if (leader.pk, course.pk) not in certified and (user_id, course.pk) not in excused:
                result[(user_id, course.pk)] = leader
    return result


def cascade(courses, *, on: datetime.date | None = None) -> list[dict]:
    """The cascade as a tree of teams: per leaders-first course, whether the team's leader is certified
    and so whether the team's members may start."""
    teams = all_teams()
    valid = certified_pairs({t.leader_id for t in teams.values() if t.leader_id}, courses, on=on)
    children: dict = {}
    for team in teams.values():
        children.setdefault(team.parent_id, []).append(team)

    def node(team) -> dict:
        return {
            "team": team,
            "courses": [
                {
                    "course": course,
                    "leader_certified": (team.leader_id, course.pk) in valid,
                    "team_open": team.leader_id is None or (team.leader_id, course.pk) in valid,
                }
                for course in courses
            ],
            "children": [node(c) for c in sorted(children.get(team.pk, []), key=lambda t: t.name)],
        }

    return [node(t) for t in sorted(children.get(None, []), key=lambda t: t.name)]


def explain(course, leader) -> str:
    return _(
        "Leaders first: “%(title)s” opens for you once your team leader, %(leader)s, holds a valid "
        "certificate in it."
    ) % {"title": course.title, "leader": display_name(leader)}


def access_rule(user, courses) -> dict[int, Access]:
    """The ``lms_course_access`` hook: courses closed to ``user`` until their leader is certified. Kept
    in the cache until a certificate, exception, team, membership or page changes, or the day turns."""
    courses = list(courses)
    if not getattr(user, "is_authenticated", False) or not any(c.leaders_first for c in courses):
        return {}

    def compute():
        found = blockers(user, courses)
        return {
            course.pk: locked(CODE, explain(course, found[course.pk]))
            for course in courses
            if course.pk in found
        }

    return shared("access", (user.pk, *(c.pk for c in courses)), compute, today=_today(None))


def waiting_on(leader, *, on: datetime.date | None = None) -> list[tuple[object, int]]:
    """(course, how many people wait) for each leaders-first course that opens for people only once
    ``leader`` is certified in it, and in which ``leader`` is not: what a leader's home opens with.
    Kept in the cache until a certificate, exception, team or page changes (the course as a plain link)."""

    def compute():
        return [(link(course), n) for course, n in _waiting_on(leader, on=on)]

    return shared("waiting_on", (leader.pk,), compute, today=_today(on))


def _waiting_on(leader, *, on: datetime.date | None = None) -> list[tuple[object, int]]:
    teams = all_teams()
    led = [t.pk for t in teams.values() if t.leader_id == leader.pk]
    if not led:
        return []
    # Members of the teams they lead, and the leaders of the teams directly below (whose own leader
    # they are); anyone whose nearest leader is someone else is not waiting on them.
    candidates = list(
        Profile.objects.filter(team__in=led).exclude(user=leader).values_list("user_id", "team_id")
    )
    candidates += [(t.leader_id, t.pk) for t in teams.values() if t.parent_id in led and t.leader_id]
    waiting = {
        user_id
        for user_id, team_id in candidates
        if getattr(leader_above(person_id=user_id, team_id=team_id, teams=teams), "pk", None) == leader.pk
    }
    if not waiting:
        return []
    courses = list(CoursePage.objects.live().filter(leaders_first=True).order_by("path"))
    certified = {course_id for _, course_id in certified_pairs([leader.pk], courses, on=on)}
    open_courses = [c for c in courses if c.pk not in certified]
    excused: dict[int, set] = {}
    for person_id, course_id in LeadersFirstException.objects.filter(
        person_id__in=waiting, course__in=open_courses
    ).values_list("person_id", "course_id"):
        excused.setdefault(course_id, set()).add(person_id)
    result = [(course, len(waiting - excused.get(course.pk, set()))) for course in open_courses]
    return [(course, n) for course, n in result if n]
