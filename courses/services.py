"""Enrolment, assignment and module completion: the rules the browser and the API share."""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from lms import roles
from lms.exceptions import Conflict, Forbidden, LMSError, NotFound

from .access import Access, course_access, course_access_many
from .models import CataloguePage, CoursePage, Enrolment, ModuleCompletion, ModulePage
from .progress import Progress, modules_by_course, progress_for, progress_for_enrolments

# Sent when a learner finishes the last required module (certificates listen for it).
modules_completed = Signal()


def get_course(course_id) -> CoursePage:
    """A live course by id, or a clear not-found error."""
    try:
        course_id = int(course_id)
    except (TypeError, ValueError):
        raise NotFound(f"“{course_id}” is not a course id.", code="course_not_found") from None
    course = CoursePage.objects.live().filter(pk=course_id).first()
    if course is None:
        raise NotFound(f"There is no course with id {course_id}.", code="course_not_found")
    return course


def enrolment_for(*, user, enrolment_id) -> Enrolment:
    """The caller's own enrolment; anyone else's looks exactly like a missing one."""
    enrolment = (
        Enrolment.objects.select_related("course").filter(pk=enrolment_id, user=user).first()
        if str(enrolment_id).isdigit()
        else None
    )
    if enrolment is None:
        raise NotFound(f"You have no enrolment with id {enrolment_id}.", code="enrolment_not_found")
    return enrolment


@transaction.atomic
def enrol(*, user, course: CoursePage) -> Enrolment:
    """Enrol ``user`` in ``course`` themselves."""
    if Enrolment.objects.filter(user=user, course=course).exists():
        raise Conflict(f"You are already enrolled in “{course.title}”.", code="already_enrolled")
    access = course_access(user=user, course=course)
    if not access.is_open:
        raise Forbidden(access.detail, code=access.code)
    try:
        with transaction.atomic():
            return Enrolment.objects.create(user=user, course=course, source=Enrolment.Source.SELF)
    except IntegrityError:
        # A parallel request enrolled first: same answer as a repeat.
        raise Conflict(f"You are already enrolled in “{course.title}”.", code="already_enrolled") from None


def can_assign(*, assigner, learner) -> bool:
    return roles.is_hr(assigner) or roles.leads(assigner, learner)


@transaction.atomic
def assign(*, course: CoursePage, learner, assigned_by, due_date: datetime.date | None) -> Enrolment:
    """Assign ``course`` to ``learner`` with a due date; an existing enrolment keeps its progress."""
    if not can_assign(assigner=assigned_by, learner=learner):
        raise Forbidden("You can assign courses only to people in the teams you lead.", code="not_your_team")
    if due_date is not None and due_date < timezone.localdate():
        raise LMSError("The due date is in the past; choose today or a later date.", code="due_date_past")
    enrolment, created = Enrolment.objects.select_for_update().get_or_create(
        user=learner,
        course=course,
        defaults={"source": Enrolment.Source.ASSIGNED, "assigned_by": assigned_by, "due_date": due_date},
    )
    if not created:
        enrolment.due_date = due_date
        enrolment.assigned_by = assigned_by
        enrolment.source = Enrolment.Source.ASSIGNED
        enrolment.save(update_fields=["due_date", "assigned_by", "source"])
    return enrolment


@transaction.atomic
def assign_many(*, course: CoursePage, learners: list, assigned_by, due_date) -> list[Enrolment]:
    """Assign to everyone or, if anyone cannot be assigned, to nobody."""
    refused = [p for p in learners if not can_assign(assigner=assigned_by, learner=p)]
    if refused:
        names = ", ".join(sorted(p.get_full_name() or p.get_username() for p in refused))
        raise Forbidden(f"You do not lead {names}, so you cannot assign them courses.", code="not_your_team")
    return [assign(course=course, learner=p, assigned_by=assigned_by, due_date=due_date) for p in learners]


def _module_of(course: CoursePage, module_id) -> ModulePage:
    module = (
        ModulePage.objects.live().child_of(course).filter(pk=module_id).first()
        if str(module_id).isdigit()
        else None
    )
    if module is None:
        raise NotFound(f"“{course.title}” has no module with id {module_id}.", code="module_not_found")
    return module


def open_module(*, enrolment: Enrolment, module: ModulePage) -> None:
    """Remember where the learner is, so they can pick up exactly there (one UPDATE, only on change)."""
    fields = {}
    if enrolment.last_module_id != module.pk:
        fields["last_module"] = module
    if enrolment.started_at is None:
        fields["started_at"] = timezone.now()
    if enrolment.state == Enrolment.State.NOT_STARTED:
        fields["state"] = Enrolment.State.IN_PROGRESS
    if not fields:
        return
    Enrolment.objects.filter(pk=enrolment.pk).update(**fields)
    for name, value in fields.items():
        setattr(enrolment, name, value)


@transaction.atomic
def complete_module(*, user, enrolment_id, module_id) -> tuple[Enrolment, Progress]:
    """Mark a module done for the caller. Doing it twice is harmless."""
    enrolment = enrolment_for(user=user, enrolment_id=enrolment_id)
    enrolment = Enrolment.objects.select_for_update().select_related("course").get(pk=enrolment.pk)
    module = _module_of(enrolment.course, module_id)
    ModuleCompletion.objects.get_or_create(enrolment=enrolment, module=module)
    open_module(enrolment=enrolment, module=module)
    progress = progress_for(enrolment)
    if progress.is_complete and enrolment.state != Enrolment.State.COMPLETED:
        enrolment.state = Enrolment.State.COMPLETED
        enrolment.completed_at = timezone.now()
        enrolment.save(update_fields=["state", "completed_at"])
        modules_completed.send(sender=Enrolment, enrolment=enrolment)
    return enrolment, progress


# Read models for pages: what one person sees of the catalogue, a course and a module.


@dataclass
class CatalogueEntry:
    course: CoursePage
    enrolment: Enrolment | None
    progress: Progress
    access: Access


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
    entries = []
    for course in courses:
        enrolment = enrolments.get(course.pk)
        entries.append(
            CatalogueEntry(
                course=course,
                enrolment=enrolment,
                progress=progress[enrolment.pk] if enrolment else Progress(modules=modules[course.pk]),
                access=access[course.pk],
            )
        )
    return entries


@dataclass
class CourseState:
    enrolment: Enrolment | None
    progress: Progress
    access: Access
    can_assign: bool
    certificate: object = None


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
        certificate=_latest_certificate(user, course) if user.is_authenticated else None,
    )


def _latest_certificate(user, course):
    from django.apps import apps

    Certificate = apps.get_model("lms_certificates", "Certificate")
    return (
        Certificate.objects.filter(
            holder=user, course=course, revoked_at__isnull=True, replaced_by__isnull=True
        )
        .order_by("-issued_on", "-pk")
        .first()
    )


@dataclass
class ModuleState:
    course: CoursePage
    enrolment: Enrolment | None
    progress: Progress
    position: int
    previous: ModulePage | None
    following: ModulePage | None

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
        open_module(enrolment=enrolment, module=module)
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
    )


def my_training(*, user) -> list[tuple[Enrolment, Progress]]:
    """The caller's enrolments, overdue and soonest due first, then the rest by recency."""
    enrolments = list(
        Enrolment.objects.filter(user=user).select_related("course", "last_module", "assigned_by")
    )
    progress = progress_for_enrolments(enrolments)
    far = datetime.date.max
    enrolments.sort(
        key=lambda e: (
            e.state == Enrolment.State.COMPLETED,
            e.due_date or far,
            -(e.enrolled_at.timestamp()),
        )
    )
    return [(e, progress[e.pk]) for e in enrolments]
