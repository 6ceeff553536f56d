"""Enrolment, assignment and module completion: the rules the browser and the API share."""

import datetime

from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from lms.core import audit, roles
from lms.core.converters import as_id
from lms.core.exceptions import Conflict, Forbidden, LMSError, NotFound
from lms.core.names import display_name
from lms.core.notifications import announce

from . import page_cache
from .access import course_access
from .models import CoursePage, Enrolment, ModuleCompletion, ModulePage
from .progress import Progress, progress_for

# Sent when a learner finishes the last required module (certificates listen for it).
modules_completed = Signal()


def get_course(course_id) -> CoursePage:
    """A live course by id, or a clear not-found error."""
    try:
        course_id = int(course_id)
    except (TypeError, ValueError):
        raise NotFound(f"“{course_id}” is not a course id.", code="course_not_found") from None
    # Every start, enrolment and booster call begins here: kept until pages change (courses.page_cache).
    course = page_cache.cached(
        "course", (course_id,), lambda: CoursePage.objects.live().filter(pk=course_id).first()
    )
    if course is None:
        raise NotFound(f"There is no course with id {course_id}.", code="course_not_found")
    return course


def enrolment_for(*, user, enrolment_id) -> Enrolment:
    """The caller's own enrolment; anyone else's looks exactly like a missing one."""
    enrolment = (
        Enrolment.objects.select_related("course").filter(pk=enrolment_id, user=user).first()
        if as_id(enrolment_id) is not None
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
def assign(
    *,
    course: CoursePage,
    learner,
    assigned_by,
    due_date: datetime.date | None,
    origin: audit.Origin | None = None,
) -> Enrolment:
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
    audit.record(
        actor=assigned_by,
        verb="enrolment.assign",
        subject=learner,
        obj=enrolment,
        data={"course": course.title, "due_date": due_date.isoformat() if due_date else None},
        origin=origin,
    )
    if assigned_by.pk != learner.pk:
        # In the app at once; by email after this assignment commits (once per due date).
        announce.course_assigned(
            learner=learner,
            assigned_by=assigned_by,
            enrolment_id=enrolment.pk,
            course_title=course.title,
            course_link=course.url or "",
            due_date=due_date,
        )
    return enrolment


@transaction.atomic
def assign_many(
    *, course: CoursePage, learners: list, assigned_by, due_date, origin: audit.Origin | None = None
) -> list[Enrolment]:
    """Assign to everyone or, if anyone cannot be assigned, to nobody."""
    refused = [p for p in learners if not can_assign(assigner=assigned_by, learner=p)]
    if refused:
        names = ", ".join(sorted(display_name(p) for p in refused))
        raise Forbidden(f"You do not lead {names}, so you cannot assign them courses.", code="not_your_team")
    return [
        assign(course=course, learner=p, assigned_by=assigned_by, due_date=due_date, origin=origin)
        for p in learners
    ]


def _module_of(course: CoursePage, module_id) -> ModulePage:
    module = (
        ModulePage.objects.live().child_of(course).filter(pk=module_id).first()
        if as_id(module_id) is not None
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
    for name, value in fields.items():
        setattr(enrolment, name, value)
    if "state" in fields:  # a first start changes the learner's standing: saved so post_save tells caches
        enrolment.save(update_fields=list(fields))
    else:
        Enrolment.objects.filter(pk=enrolment.pk).update(**fields)


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


# --- Changes HR and leaders make to an existing enrolment (the Wagtail admin calls these too) ------------


def _enrolment_to_change(*, by, enrolment_id) -> Enrolment:
    """The enrolment, locked, when ``by`` may change it (HR, or a leader of the learner)."""
    enrolment = (
        Enrolment.objects.select_for_update().select_related("course", "user").filter(pk=enrolment_id).first()
        if as_id(enrolment_id) is not None
        else None
    )
    if enrolment is None:
        raise NotFound(f"There is no enrolment with id {enrolment_id}.", code="enrolment_not_found")
    if not can_assign(assigner=by, learner=enrolment.user):
        raise Forbidden(
            "You can change enrolments only for people in the teams you lead.", code="not_your_team"
        )
    return enrolment


@transaction.atomic
def change_due_date(
    *,
    enrolment_id,
    by,
    due_date: datetime.date | None,
    reason: str = "",
    origin: audit.Origin | None = None,
) -> Enrolment:
    """Set (or clear) the date an enrolment is due by; recorded with the old and new dates, and the learner
    is told the new date. The same date again changes and records nothing."""
    enrolment = _enrolment_to_change(by=by, enrolment_id=enrolment_id)
    if due_date == enrolment.due_date:
        return enrolment
    if due_date is not None and due_date < timezone.localdate():
        raise LMSError("The due date is in the past; choose today or a later date.", code="due_date_past")
    old = enrolment.due_date
    enrolment.due_date = due_date
    enrolment.save(update_fields=["due_date"])
    audit.record(
        actor=by,
        verb="enrolment.due_date",
        subject=enrolment.user,
        obj=enrolment,
        reason=(reason or "").strip(),
        data={
            "course": enrolment.course.title,
            "old": old.isoformat() if old else None,
            "new": due_date.isoformat() if due_date else None,
        },
        origin=origin,
    )
    if due_date is not None and by.pk != enrolment.user_id:
        announce.course_assigned(
            learner=enrolment.user,
            assigned_by=by,
            enrolment_id=enrolment.pk,
            course_title=enrolment.course.title,
            course_link=enrolment.course.url or "",
            due_date=due_date,
        )
    return enrolment


@transaction.atomic
def withdraw(*, enrolment_id, by, reason: str, origin: audit.Origin | None = None) -> None:
    """Take a learner off a course: the enrolment and its module progress go, the record of what they had
    done stays in the audit trail. Certificates and attempts are not touched. Needs a reason."""
    reason = (reason or "").strip()
    if not reason:
        raise LMSError("Say why this person is withdrawn from the course.", code="reason_required")
    enrolment = _enrolment_to_change(by=by, enrolment_id=enrolment_id)
    audit.record(
        actor=by,
        verb="enrolment.withdraw",
        subject=enrolment.user,
        obj=enrolment,
        reason=reason,
        data={
            "course": enrolment.course.title,
            "state": enrolment.state,
            "modules_done": enrolment.completions.count(),
            "due_date": enrolment.due_date.isoformat() if enrolment.due_date else None,
        },
        origin=origin,
    )
    enrolment.delete()
