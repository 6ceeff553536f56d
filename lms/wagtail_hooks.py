"""One "Training" menu in the Wagtail admin for everything authors and HR edit outside pages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from certificates.models import CertificateDesign
from courses.models import Enrolment, Policy, Skill

from .models import Profile, Team


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "pick"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class PolicyViewSet(SnippetViewSet):
    model = Policy
    icon = "doc-full"
    list_display = ["title", "version", "updated_at"]
    search_fields = ["title"]


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    list_display = ["name", "leader", "parent"]
    list_filter = ["parent"]
    search_fields = ["name"]


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "user"
    menu_label = _("Staff")
    list_display = ["__str__", "team", "job_title", "employee_id"]
    list_filter = ["team"]
    search_fields = ["job_title", "employee_id"]


class EnrolmentViewSet(SnippetViewSet):
    model = Enrolment
    icon = "tasks"
    list_display = ["user", "course", "state", "due_date"]
    list_filter = ["state", "source"]
    inspect_view_enabled = True


class CertificateDesignViewSet(SnippetViewSet):
    model = CertificateDesign
    icon = "doc-full-inverse"
    list_display = ["name", "is_default", "orientation", "updated_at"]


class TrainingGroup(SnippetViewSetGroup):
    menu_label = _("Training")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        PolicyViewSet,
        SkillViewSet,
        CertificateDesignViewSet,
        TeamViewSet,
        ProfileViewSet,
        EnrolmentViewSet,
    )


register_snippet(TrainingGroup)


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return MenuItem(_("Assessment statistics"), reverse("lms:statistics"), icon_name="table", order=210)
