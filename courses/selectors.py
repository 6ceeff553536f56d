"""Reads that feed pages and the API: what one person sees of the catalogue, a course and a module, and
their own training list. Nothing here writes."""

import datetime
from dataclasses import dataclass

from lms.core import roles

from .access import Access, course_access, course_access_many
from .hooks import course_standings
from .models import CataloguePage, CoursePage, Enrolment, ModulePage
from .progress import Progress, modules_by_course, progress_for, progress_for_enrolments


@dataclass
class CatalogueEntry:
    course: CoursePage
    enrolment: Enrolment | None
    progress: Progress
    access: Access
    standing: object = None  # the person's state and next step (see the lms_course_standing hook)


def catalogue_for(
    *, user, catalogue: CataloguePage | None = None, only: list[int] | None = None
) -> list[CatalogueEntry]:
    courses = CoursePage.objects.live().prefetch_related("skills").order_by("path")
    if catalogue is not None:
        courses = courses.child_of(catalogue)
    if only is not None:
        courses = courses.filter(pk__in=only)
    courses = list(courses)
    enrolments = (
        {
            e.course_id: e
            for e in Enrolment.objects.filter(user=user, course__in=courses).select_related("course")
        }
        if user.is_authenticated
        else {}
    )
    modules = modules_by_course(courses)
    progress = progress_for_enrolments(list(enrolments.values()), modules=modules)
    access = course_access_many(user=user, courses=courses)
    standings = course_standings(user, courses) if user.is_authenticated else {}
    entries = []
    for course in courses:
        enrolment = enrolments.get(course.pk)
        entries.append(
            CatalogueEntry(
                course=course,
                enrolment=enrolment,
                progress=progress[enrolment.pk] if enrolment else Progress(modules=modules[course.pk]),
                access=access[course.pk],
                standing=standings.get(course.pk),
            )
        )
    return entries


@dataclass
class CourseState:
    enrolment: Enrolment | None
    progress: Progress
    access: Access
    can_assign: bool
    standing: object = None


def course_state_for(*, user, course: CoursePage) -> CourseState:
    enrolment = _enrolment_in(user, course)
    if enrolment:
        progress = progress_for(enrolment)
    else:
        progress = Progress(modules=modules_by_course([course])[course.pk])
    return CourseState(
        enrolment=enrolment,
        progress=progress,
        access=course_access(user=user, course=course) if user.is_authenticated else Access("open"),
        can_assign=user.is_authenticated and (roles.is_hr(user) or roles.is_leader(user)),
        standing=course_standings(user, [course]).get(course.pk) if user.is_authenticated else None,
    )


@dataclass
class ModuleState:
    course: CoursePage
    enrolment: Enrolment | None
    progress: Progress
    position: int
    previous: ModulePage | None
    following: ModulePage | None
    standing: object = None

    @property
    def total(self) -> int:
        return len(self.progress.modules)


def _enrolment_in(user, course: CoursePage) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is not None:
        enrolment.course = course  # already loaded: saves the query its progress would make
    return enrolment


def module_state_for(*, user, module: ModulePage) -> ModuleState:
    course = module.course()
    enrolment = _enrolment_in(user, course)
    if enrolment is not None:
        progress = progress_for(enrolment)
    else:
        progress = Progress(modules=modules_by_course([course])[course.pk])
    ids = [m.pk for m in progress.modules]
    index = ids.index(module.pk) if module.pk in ids else 0
    return ModuleState(
        course=course,
        enrolment=enrolment,
        progress=progress,
        position=index + 1,
        previous=progress.modules[index - 1] if index > 0 else None,
        following=progress.modules[index + 1] if index + 1 < len(ids) else None,
        standing=None if enrolment else course_standings(user, [course]).get(course.pk),
    )


def my_training(*, user) -> list[tuple[Enrolment, Progress]]:
    """The caller's enrolments, each annotated with its ``standing``: still to do first (overdue, then
    soonest due, then most recent), then those done (certified)."""
    enrolments = list(
        Enrolment.objects.filter(user=user).select_related("course", "last_module", "assigned_by")
    )
    progress = progress_for_enrolments(enrolments)
    standings = course_standings(user, list({e.course_id: e.course for e in enrolments}.values()))
    for enrolment in enrolments:
        enrolment.standing = standings.get(enrolment.course_id)
    far = datetime.date.max

    def done(e) -> bool:
        return e.standing.is_done if e.standing else e.state == Enrolment.State.COMPLETED

    enrolments.sort(
        key=lambda e: (
            done(e),
            not (e.standing and e.standing.overdue),
            e.due_date or far,
            -(e.enrolled_at.timestamp()),
        )
    )
    return [(e, progress[e.pk]) for e in enrolments]
