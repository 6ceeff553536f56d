"""Whether a person may start a course.

The leaders-first rule (DESIGN §4.3) needs certificates, so the certificates app supplies the check;
until it is installed every course is open.
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
    """May ``user`` start ``course`` now? Existing progress is never taken away by a lock."""
    return OPEN
