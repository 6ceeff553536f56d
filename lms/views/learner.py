"""What an employee does in the browser: see their training, enrol, finish modules."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from courses import services
from lms import conf
from lms.exceptions import LMSError

from .certificates import my_certificates


@login_required
def my_training(request):
    rows = services.my_training(user=request.user)
    today = timezone.localdate()
    soon = conf.get("LMS_DUE_SOON_DAYS")
    active = [(e, p) for e, p in rows if e.state != e.State.COMPLETED]
    finished = [(e, p) for e, p in rows if e.state == e.State.COMPLETED]
    return render(
        request,
        "lms/my_training.html",
        {
            "active": active,
            "finished": finished,
            "overdue_count": sum(1 for e, _ in active if e.is_overdue),
            "today": today,
            "due_soon_days": soon,
            "certificates": my_certificates(request.user),
        },
    )


@login_required
@require_POST
def enrol(request, course_id):
    try:
        course = services.get_course(course_id)
        services.enrol(user=request.user, course=course)
    except LMSError as error:
        messages.error(request, error.message)
        return redirect(request.POST.get("next") or "lms:my_training")
    messages.success(request, f"You are enrolled in “{course.title}”. Start with the first module below.")
    return redirect(course.url)


@login_required
@require_POST
def complete_module(request, enrolment_id, module_id):
    try:
        enrolment, progress = services.complete_module(
            user=request.user, enrolment_id=enrolment_id, module_id=module_id
        )
    except LMSError as error:
        messages.error(request, error.message)
        return redirect("lms:my_training")
    nxt = progress.next_module
    if nxt is not None:
        messages.success(request, f"Module done. Next up: “{nxt.title}”.")
        return redirect(nxt.url)
    messages.success(request, f"Well done — you have finished every module of “{enrolment.course.title}”.")
    return redirect(enrolment.course.url)
