"""Leaders and HR assign a course, with a due date, to people they are responsible for."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone

from courses import services
from lms import roles
from lms.exceptions import LMSError
from lms.models import Profile


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
        return obj.get_full_name() or obj.get_username()


class AssignForm(forms.Form):
    people = PersonChoiceField(queryset=None, widget=forms.CheckboxSelectMultiple, label="People")
    due_date = forms.DateField(
        label="Due date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty for no deadline.",
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people

    def clean_due_date(self):
        due = self.cleaned_data.get("due_date")
        if due and due < timezone.localdate():
            raise forms.ValidationError("The due date is in the past; choose today or a later date.")
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
        raise PermissionDenied("Only team leaders and HR can assign courses.")
    form = AssignForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            enrolments = services.assign_many(
                course=course,
                learners=list(form.cleaned_data["people"]),
                assigned_by=request.user,
                due_date=form.cleaned_data["due_date"],
            )
        except LMSError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Assigned “{course.title}” to {len(enrolments)} people.")
            return redirect(course.url)
    return render(request, "lms/assign.html", {"course": course, "form": form})
