"""Admin registration of skills, policies and enrolments, in the Training menu.

Enrolments change in the admin only through the services (``services.assign``, ``change_due_date``,
``withdraw``), which check who is asking and record the change in the audit trail: the create form
assigns a course with a due date, the edit form changes the due date or withdraws the learner, and
nothing else (state, progress, dates of starting and finishing) can be typed in. There is no delete:
withdrawing is the edit form's choice, with a reason.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.core import audit
from lms.core.admin_menu import TRAINING_MENU_HOOK
from lms.core.exceptions import LMSError
from lms.core.names import display_name

from . import services
from .models import Enrolment, Policy, Skill


class PolicyInspectView(snippet_views.InspectView):
    """A policy's published versions, each with what changed from the one before (word by word)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versions = list(self.object.versions.select_related("published_by"))
        older = {v.version: o for v, o in zip(versions, versions[1:] + [None], strict=True)}
        context["versions"] = [
            {
                "version": v,
                "by": display_name(v.published_by) if v.published_by else "",
                "diff": v.diff_from(older[v.version]),
            }
            for v in versions
        ]
        return context


class PolicyViewSet(SnippetViewSet):
    model = Policy
    icon = "doc-full"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 10
    list_display = ["title", "version", "updated_at"]
    search_fields = ["title"]
    inspect_view_enabled = True
    inspect_view_class = PolicyInspectView
    inspect_template_name = "lms_courses/policy_admin_versions.html"


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "pick"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 20
    list_display = ["name", "slug"]
    search_fields = ["name"]


# --- Enrolments: through the services only ---------------------------------------------------------------


class EnrolmentPermissionPolicy(ModelPermissionPolicy):
    """Nobody deletes an enrolment here, not even a superuser: withdrawing (edit form) keeps the record."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "delete"])


class AssignForm(WagtailAdminModelForm):
    """Assign a course to a person with a due date (``services.assign``)."""

    class Meta:
        model = Enrolment
        fields = ["user", "course", "due_date"]


class ChangeEnrolmentForm(WagtailAdminModelForm):
    """The only changes an enrolment takes here: its due date, or withdrawing the learner."""

    withdraw = forms.BooleanField(
        label=_("Withdraw from this course"),
        required=False,
        help_text=_("Takes the person off the course and deletes their progress in it. Say why below."),
    )
    reason = forms.CharField(
        label=_("Why (kept in the audit trail)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = Enrolment
        fields = ["due_date"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("withdraw") and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say why this person is withdrawn from the course."))
        return cleaned


ASSIGN_PANEL = ObjectList(
    [FieldPanel("user"), FieldPanel("course"), FieldPanel("due_date")], base_form_class=AssignForm
).bind_to_model(Enrolment)
CHANGE_PANEL = ObjectList(
    [FieldPanel("due_date"), FieldPanel("withdraw"), FieldPanel("reason")],
    base_form_class=ChangeEnrolmentForm,
).bind_to_model(Enrolment)


class ServiceFormMixin:
    """Call a service instead of saving the form; a refusal shows on the form and changes nothing."""

    def get_form_class(self):
        # The view's own panel decides the fields, not the form the viewset builds for all its views.
        return self.get_panel().get_form_class()

    def form_valid(self, form):
        self.form = form
        try:
            response = self.call_service(form.cleaned_data)
        except LMSError as error:
            form.add_error(None, error.message)
            self.produced_error_code = error.code
            self.produced_error_message = error.message
            return self.form_invalid(form)
        return response


class AssignView(ServiceFormMixin, snippet_views.CreateView):
    def get_panel(self):
        return ASSIGN_PANEL

    def call_service(self, data):
        self.object = services.assign(
            course=data["course"],
            learner=data["user"],
            assigned_by=self.request.user,
            due_date=data["due_date"],
            origin=audit.Origin.of(self.request),
        )
        messages.success(
            self.request,
            _("“%(course)s” assigned to %(person)s.")
            % {"course": self.object.course.title, "person": display_name(self.object.user)},
        )
        return redirect(self.get_success_url())


class ChangeEnrolmentView(ServiceFormMixin, snippet_views.EditView):
    def get_panel(self):
        return CHANGE_PANEL

    def call_service(self, data):
        origin = audit.Origin.of(self.request)
        person, course = display_name(self.object.user), self.object.course.title
        if data["withdraw"]:
            services.withdraw(
                enrolment_id=self.object.pk, by=self.request.user, reason=data["reason"], origin=origin
            )
            messages.success(
                self.request,
                _("%(person)s withdrawn from “%(course)s”.") % {"person": person, "course": course},
            )
            return redirect(self.get_success_url())
        self.object = services.change_due_date(
            enrolment_id=self.object.pk,
            by=self.request.user,
            due_date=data["due_date"],
            reason=data["reason"],
            origin=origin,
        )
        messages.success(
            self.request,
            _("Due date of “%(course)s” for %(person)s saved.") % {"person": person, "course": course},
        )
        return redirect(self.get_success_url())


class EnrolmentViewSet(SnippetViewSet):
    model = Enrolment
    icon = "tasks"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 60
    list_display = ["user", "course", "state", "due_date"]
    list_filter = ["state", "source"]
    inspect_view_enabled = True
    add_view_class = AssignView
    edit_view_class = ChangeEnrolmentView
    copy_view_enabled = False
    edit_handler = ASSIGN_PANEL


register_snippet(PolicyViewSet)
register_snippet(SkillViewSet)
register_permission_policy(Enrolment, EnrolmentPermissionPolicy(Enrolment), exact_class=True)
register_snippet(EnrolmentViewSet)
