"""Learner feedback on courses: one answer per person and course (editable), given at the course's end;
summaries for authors and HR that show nothing until enough people have answered, and never a name."""

from statistics import fmean

from django.db import transaction
from django.utils.translation import gettext as _

from certificates.models import Certificate
from courses.models import Enrolment
from courses.progress import progress_for
from lms.core import conf, roles
from lms.core.converters import as_id
from lms.core.exceptions import Forbidden, LMSError

from .models import CourseFeedback, ModuleFeedback
from .models.feedback import COMMENT_MAX


def min_answers() -> int:
    """The one threshold: below it a summary shows no figure and no comment."""
    return int(conf.get("LMS_FEEDBACK_MIN_ANSWERS"))


def may_give(*, user, course) -> bool:
    """At the course's end: the person holds (or held) its certificate, or has done every required module."""
    if Certificate.objects.filter(holder=user, course=course, revoked_at__isnull=True).exists():
        return True
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    return enrolment is not None and progress_for(enrolment).is_complete


def may_read(user) -> bool:
    """Authors (Wagtail admin users) and HR read summaries: the same people who see item statistics."""
    return roles.can_see_statistics(user)


def require_reader(user) -> None:
    if not may_read(user):
        raise Forbidden(_("Course feedback is for course authors and HR."), code="feedback_readers_only")


def mine(*, user, course) -> CourseFeedback | None:
    return CourseFeedback.objects.filter(user=user, course=course).prefetch_related("modules").first()


def _rating(value, field: str) -> int:
    text = str(value).strip() if isinstance(value, int | str) and not isinstance(value, bool) else ""
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 5):
        raise LMSError(
            _("%(field)s: give a whole number from 1 to 5.") % {"field": field}, code="invalid_rating"
        )
    return int(text)


def _comment(value, field: str) -> str:
    text = "" if value is None else value
    if not isinstance(text, str):
        raise LMSError(_("%(field)s: write it as text.") % {"field": field}, code="invalid_comment")
    text = text.strip()
    if len(text) > COMMENT_MAX:
        raise LMSError(
            _("%(field)s: keep it under %(max)d characters.") % {"field": field, "max": COMMENT_MAX},
            code="invalid_comment",
        )
    return text


@transaction.atomic
def give(*, user, course, rating, comment="", modules: dict | None = None) -> CourseFeedback:
    """Save the person's answer on ``course`` (a second call edits it). ``modules`` maps a module id of the
    course to ``{"rating": 1-5 or None, "comment": text}``; a module left out keeps what it had. Every value
    is checked before anything is saved."""
    if not may_give(user=user, course=course):
        raise Forbidden(
            _("You can rate “%(course)s” once you have finished it.") % {"course": course.title},
            code="course_not_finished",
        )
    rating = _rating(rating, _("Rating"))
    comment = _comment(comment, _("What would make it more useful"))
    course_modules = {m.pk: m for m in course.modules()}
    cleaned = {}
    for key, value in (modules or {}).items():
        module = course_modules.get(as_id(key))
        if module is None:
            raise LMSError(
                _("“%(course)s” has no module with id %(id)s.") % {"course": course.title, "id": key},
                code="module_not_found",
            )
        if not isinstance(value, dict):
            raise LMSError(_("Module %(id)s: send a rating and a comment.") % {"id": key}, code="invalid")
        label = module.title
        module_rating = value.get("rating")
        cleaned[module.pk] = {
            "rating": None if module_rating in (None, "") else _rating(module_rating, label),
            "comment": _comment(value.get("comment"), label),
        }
    feedback, _created = CourseFeedback.objects.update_or_create(
        user=user, course=course, defaults={"rating": rating, "comment": comment}
    )
    for module_id, values in cleaned.items():
        if values["rating"] is None and not values["comment"]:
            ModuleFeedback.objects.filter(feedback=feedback, module_id=module_id).delete()
        else:
            ModuleFeedback.objects.update_or_create(feedback=feedback, module_id=module_id, defaults=values)
    return feedback


def _figures(ratings: list[int], comments: list[str], *, people: int, threshold: int) -> dict:
    """A summary of what ``people`` answered, or nothing but "not yet" below the threshold. Comments are
    sorted so their order says nothing about who wrote them or when."""
    if people < threshold:
        return {"shown": False, "answers": None, "average": None, "distribution": None, "comments": []}
    return {
        "shown": True,
        "answers": people,
        "average": round(fmean(ratings), 1) if ratings else None,
        "distribution": [ratings.count(n) for n in range(1, 6)],
        "comments": sorted(c for c in comments if c),
    }


def summary(*, course) -> dict:
    """Averages and comments for the course and each of its modules, each shown only once at least
    ``LMS_FEEDBACK_MIN_ANSWERS`` people have answered it. No names, ever."""
    threshold = min_answers()
    answers = list(CourseFeedback.objects.filter(course=course).values_list("rating", "comment"))
    per_module: dict[int, list] = {}
    rows = ModuleFeedback.objects.filter(feedback__course=course)
    rows = rows.values_list("module_id", "rating", "comment")
    for module_id, rating, comment in rows:
        ratings, comments = per_module.setdefault(module_id, ([], []))
        if rating is not None:
            ratings.append(rating)
        comments.append(comment)
    modules = []
    for module in course.modules():
        ratings, comments = per_module.get(module.pk, ([], []))
        figures = _figures(ratings, comments, people=len(comments), threshold=threshold)
        modules.append({"id": module.pk, "title": module.title, **figures})
    return {
        "course": {"id": course.pk, "title": course.title},
        "min_answers": threshold,
        **_figures(
            [r for r, _c in answers], [c for _r, c in answers], people=len(answers), threshold=threshold
        ),
        "modules": modules,
    }


def overview() -> list[dict]:
    """Every live course with its course-level figures (same threshold), in two queries."""
    from django.db.models import Avg, Count

    from courses.models import CoursePage

    threshold = min_answers()
    figures = {
        row["course_id"]: row
        for row in CourseFeedback.objects.values("course_id").annotate(
            answers=Count("pk"), average=Avg("rating")
        )
    }
    result = []
    for course in CoursePage.objects.live().order_by("title").only("pk", "title"):
        row = figures.get(course.pk, {"answers": 0, "average": None})
        shown = row["answers"] >= threshold
        result.append(
            {
                "course": {"id": course.pk, "title": course.title},
                "shown": shown,
                "answers": row["answers"] if shown else None,
                "average": round(row["average"], 1) if shown else None,
            }
        )
    return result
