"""Whether a person may start a course (DESIGN §4.3, leaders first).

Existing progress is never taken away: the rule decides only whether someone may *start* (enrol, or
begin an assessment attempt); modules already done stay done.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Access:
    state: str  # "open" or "locked"
    code: str = ""
    detail: str = ""

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    def as_dict(self) -> dict:
        return {"state": self.state, "code": self.code, "detail": self.detail}


OPEN = Access("open")


def course_access(*, user, course) -> Access:
    """May ``user`` start ``course`` now?"""
    return course_access_many(user=user, courses=[course])[course.pk]


def course_access_many(*, user, courses) -> dict[int, Access]:
    """course id → whether ``user`` may start it now, for a whole catalogue in a few queries."""
    from certificates.rules import leaders_first_blockers

    if not getattr(user, "is_authenticated", False):
        return {course.pk: OPEN for course in courses}
    blockers = leaders_first_blockers(user, courses)
    return {c.pk: _locked(c, blockers[c.pk]) if c.pk in blockers else OPEN for c in courses}


def _locked(course, leader) -> Access:
    name = leader.get_full_name() or leader.get_username()
    return Access(
        "locked",
        "leaders_first",
        f"Leaders first: “{course.title}” opens for you once your team leader, {name}, "
        "holds a valid certificate in it.",
    )
