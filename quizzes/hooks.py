"""Extension points of the assessments app, asked through Wagtail hooks. Certificates registers "only a
leader holding a valid certificate in the course may review it" (DESIGN §4.4); a host site can add its
own rules the same way.

``lms_review_refusal``
    ``fn(reviewer, attempt) -> (code, message) | None``: why ``reviewer`` may not grade or sign off
    ``attempt``, or None when this rule has no objection.

``lms_reviewable_courses``
    ``fn(reviewer) -> set[int] | None``: the course ids whose work ``reviewer`` may review, or None for
    no limit. Used to build review queues in one query; must agree with ``lms_review_refusal``.
"""

from wagtail import hooks

REVIEW_REFUSAL = "lms_review_refusal"
REVIEWABLE_COURSES = "lms_reviewable_courses"


def review_refusal(reviewer, attempt) -> tuple[str, str] | None:
    for rule in hooks.get_hooks(REVIEW_REFUSAL):
        refusal = rule(reviewer, attempt)
        if refusal:
            return refusal
    return None


def reviewable_course_ids(reviewer) -> set[int] | None:
    """The intersection of every rule's answer; None when no rule limits the courses."""
    allowed: set[int] | None = None
    for rule in hooks.get_hooks(REVIEWABLE_COURSES):
        ids = rule(reviewer)
        if ids is not None:
            allowed = set(ids) if allowed is None else allowed & set(ids)
    return allowed
