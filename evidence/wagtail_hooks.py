"""Scorecards and mystery-shopper scripts in the admin's Training menu, where authors and HR write them."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.core.admin_menu import TRAINING_MENU_HOOK

from .models import Scorecard, ShopperScript


class ScorecardViewSet(SnippetViewSet):
    model = Scorecard
    icon = "tasks"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 40
    list_display = ["title", "version", "updated_at"]
    search_fields = ["title"]


class ShopperScriptViewSet(SnippetViewSet):
    model = ShopperScript
    icon = "user"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 45
    list_display = ["title", "scorecard", "created_at"]


register_snippet(ScorecardViewSet)
register_snippet(ShopperScriptViewSet)
