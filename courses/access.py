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
    from certificates.rules import leaders_first_blocker

    blocker = leaders_first_blocker(user, course)
    if blocker is None:
        return OPEN
    name = blocker.get_full_name() or blocker.get_username()
    return Access(
        "locked",
        "leaders_first",
        f"Leaders first: “{course.title}” opens for you once your team leader, {name}, "
        "holds a valid certificate in it.",
    )
