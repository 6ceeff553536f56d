"""Whether a person may start a course.

Existing progress is never taken away: the rules decide only whether someone may *start* (enrol, or
begin an assessment attempt); modules already done stay done. The rules themselves are registered on
the ``lms_course_access`` hook (see ``courses.hooks``); leaders first is one of them.
"""

from dataclasses import dataclass

from .hooks import closed_courses


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


def locked(code: str, detail: str) -> Access:
    return Access("locked", code, detail)


def course_access(*, user, course) -> Access:
    """May ``user`` start ``course`` now?"""
    return course_access_many(user=user, courses=[course])[course.pk]


def course_access_many(*, user, courses) -> dict[int, Access]:
    """course id → whether ``user`` may start it now, for a whole catalogue in a few queries."""
    if not getattr(user, "is_authenticated", False):
        return {course.pk: OPEN for course in courses}
    closed = closed_courses(user, courses)
    return {course.pk: closed.get(course.pk, OPEN) for course in courses}
