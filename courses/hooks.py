"""Extension points of the courses app, asked through Wagtail hooks (as Wagtail's own documents app asks
``before_serve_document``). Rules that belong to a higher layer, such as leaders first, are registered
by that layer's ``wagtail_hooks.py``; a host site registers its own the same way.

``lms_course_access``
    ``fn(user, courses) -> {course_id: Access}``: the courses among ``courses`` that the rule closes to
    ``user`` right now, each with the reason. Courses a rule leaves out are open as far as it is
    concerned; a course is open when no rule closes it. Asked once for a whole catalogue, so answer in
    a fixed number of queries.

``lms_course_standing``
    ``fn(user, courses) -> {course_id: standing}``: where ``user`` stands in each course and the one
    next step (certificates registers ``certificates.standing``; a standing has ``state``, ``label``,
    ``next_step``, ``percent``, ``overdue``… and ``as_dict()``). The first registered answer is used.

``lms_course_page_context``
    ``fn(user, course) -> dict``: extra context for a course page as ``user`` sees it (certificates adds
    the person's current certificate).
"""

from wagtail import hooks

COURSE_ACCESS = "lms_course_access"
COURSE_PAGE_CONTEXT = "lms_course_page_context"
COURSE_STANDING = "lms_course_standing"


def closed_courses(user, courses) -> dict:
    """course id → the Access of the first registered rule that closes it."""
    closed: dict = {}
    for rule in hooks.get_hooks(COURSE_ACCESS):
        for course_id, access in rule(user, courses).items():
            closed.setdefault(course_id, access)
    return closed


def course_page_context(user, course) -> dict:
    context: dict = {}
    for extend in hooks.get_hooks(COURSE_PAGE_CONTEXT):
        context.update(extend(user, course) or {})
    return context


def course_standings(user, courses) -> dict:
    """course id → ``user``'s standing, from the registered rule (empty when none is registered)."""
    for rule in hooks.get_hooks(COURSE_STANDING):
        return rule(user, courses)
    return {}
