"""Questions the other apps ask about certificates, and the leaders-first rule (DESIGN §4.3)."""

import datetime

from django.utils import timezone

from .models import Certificate, LeadersFirstException


def holds_valid_certificate(user, course, *, on: datetime.date | None = None) -> bool:
    """True when ``user`` holds an unrevoked, unexpired certificate for ``course`` on day ``on``."""
    if user is None or not getattr(user, "is_authenticated", True):
        return False
    day = on or timezone.localdate()
    return Certificate.objects.valid_on(day).filter(holder=user, course=course).exists()


def valid_course_ids(user, *, on: datetime.date | None = None) -> set[int]:
    day = on or timezone.localdate()
    return set(Certificate.objects.valid_on(day).filter(holder=user).values_list("course_id", flat=True))


def responsible_leader(user):
    """Whose certificate opens a leaders-first course for ``user``: the leader of their team or, for a
    team's own leader, the leader of the team above. None at the top of the tree (or outside it)."""
    from lms.models import Profile

    profile = Profile.objects.filter(user=user).select_related("team__leader").first()
    team = profile.team if profile else None
    seen = set()
    while team is not None and team.pk not in seen:
        seen.add(team.pk)
        if team.leader_id and team.leader_id != user.pk:
            return team.leader
        team = team.parent
    return None


def leaders_first_blockers(user, courses, *, on: datetime.date | None = None) -> dict[int, object]:
    """course id → the leader whose missing certificate keeps that course closed to ``user``; open
    courses are left out. At most three queries, however many courses are asked about."""
    gated = [course for course in courses if course.leaders_first]
    if not gated:
        return {}
    leader = responsible_leader(user)
    if leader is None:
        return {}
    certified = valid_course_ids(leader, on=on)
    waiting = [course.pk for course in gated if course.pk not in certified]
    if not waiting:
        return {}
    excused = set(
        LeadersFirstException.objects.filter(person=user, course_id__in=waiting).values_list(
            "course_id", flat=True
        )
    )
    return {course_id: leader for course_id in waiting if course_id not in excused}


def leaders_first_blocker(user, course, *, on: datetime.date | None = None):
    """The leader whose missing certificate keeps ``course`` closed to ``user``, or None if it is open."""
    return leaders_first_blockers(user, [course], on=on).get(course.pk)
