"""Admin registration of the organisation: teams and staff, in the Training menu."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_menu import TRAINING_MENU_HOOK, training_menu_item
from .models import Profile, Team

hooks.register("register_admin_menu_item", training_menu_item)


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 40
    list_display = ["name", "leader", "parent"]
    list_filter = ["parent"]
    search_fields = ["name"]


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "user"
    menu_label = _("Staff")
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 50
    list_display = ["__str__", "team", "job_title", "employee_id"]
    list_filter = ["team"]
    search_fields = ["job_title", "employee_id"]


register_snippet(TeamViewSet)
register_snippet(ProfileViewSet)
