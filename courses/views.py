"""Courses in the browser: enrol, mark a module done, and (leaders and HR) assign with a due date."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from courses import services
from courses.hooks import course_standings
from lms.core import roles
from lms.core.audit import Origin
from lms.core.exceptions import LMSError
from lms.core.models import Profile
from lms.core.names import display_name


def assignable_people(user):
    """Everyone for HR; for a leader, the members of the teams they lead and those below."""
    people = get_user_model().objects.filter(is_active=True).exclude(pk=user.pk)
    if roles.is_hr(user):
        return people.order_by("last_name", "first_name")
    teams = roles.teams_led_by(user)
    member_ids = Profile.objects.filter(team__in=teams).values("user_id")
    return people.filter(pk__in=member_ids).order_by("last_name", "first_name")


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return display_name(obj)


class AssignForm(forms.Form):
    people = PersonChoiceField(
        queryset=None, widget=forms.CheckboxSelectMultiple, label=gettext_lazy("People")
    )
    due_date = forms.DateField(
        label=gettext_lazy("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Leave empty for no deadline."),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people

    def clean_due_date(self):
        due = self.cleaned_data.get("due_date")
        if due and due < timezone.localdate():
            raise forms.ValidationError(_("The due date is in the past; choose today or a later date."))
        return due


@login_required
def assign_course(request, course_id):
    try:
        course = services.get_course(course_id)
    except LMSError as error:
        messages.error(request, error.message)
        return redirect("lms:my_training")
    people = assignable_people(request.user)
    if not (roles.is_hr(request.user) or roles.is_leader(request.user)):
        raise PermissionDenied(_("Only team leaders and HR can assign courses."))
    form = AssignForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            enrolments = services.assign_many(
                course=course,
                learners=list(form.cleaned_data["people"]),
                assigned_by=request.user,
                due_date=form.cleaned_data["due_date"],
                origin=Origin.of(request),
            )
        except LMSError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "Assigned “%(title)s” to %(count)d person.",
                    "Assigned “%(title)s” to %(count)d people.",
                    len(enrolments),
                )
                % {"title": course.title, "count": len(enrolments)},
            )
            return redirect(course.url)
    return render(request, "lms_courses/assign.html", {"course": course, "form": form})


@login_required
@require_POST
def enrol(request, course_id):
    try:
        course = services.get_course(course_id)
        services.enrol(user=request.user, course=course)
    except LMSError as error:
        messages.error(request, error.message)
        return redirect(request.POST.get("next") or "lms:my_training")
    messages.success(
        request,
        _("You are enrolled in “%(title)s”. Start with the first module below.") % {"title": course.title},
    )
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
        messages.success(request, _("Module done. Next up: “%(title)s”.") % {"title": nxt.title})
        return redirect(nxt.url)
    course = enrolment.course
    standing = course_standings(request.user, [course]).get(course.pk)
    if standing is not None and standing.is_done and standing.certificate_id:
        # The last requirement was this module (the assessment was passed before): the certificate moment.
        return redirect(
            reverse("lms:certificate", kwargs={"certificate_id": standing.certificate_id}) + "?issued=1"
        )
    done = _("Well done! You have finished every module of “%(title)s”.") % {"title": course.title}
    if standing:
        done += " " + _("Next: %(step)s") % {"step": standing.next_step[0].lower() + standing.next_step[1:]}
    messages.success(request, done)
    return redirect(course.url)
