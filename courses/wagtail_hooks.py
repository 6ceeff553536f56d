"""Admin registration of skills, policies and enrolments, in the Training menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.core.admin_menu import TRAINING_MENU_HOOK

from .models import Enrolment, Policy, Skill


class PolicyViewSet(SnippetViewSet):
    model = Policy
    icon = "doc-full"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 10
    list_display = ["title", "version", "updated_at"]
    search_fields = ["title"]


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "pick"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 20
    list_display = ["name", "slug"]
    search_fields = ["name"]


class EnrolmentViewSet(SnippetViewSet):
    model = Enrolment
    icon = "tasks"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 60
    list_display = ["user", "course", "state", "due_date"]
    list_filter = ["state", "source"]
    inspect_view_enabled = True


register_snippet(PolicyViewSet)
register_snippet(SkillViewSet)
register_snippet(EnrolmentViewSet)
