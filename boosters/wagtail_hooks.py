"""Booster settings in the admin's Training menu, where authors set them per course; the course-feedback
summaries linked from the same menu; and the daily boosters job offered to the daily run."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.core.admin_menu import TRAINING_MENU_HOOK

from .jobs import send_booster_reminders
from .models import BoosterSettings


class BoosterSettingsViewSet(SnippetViewSet):
    model = BoosterSettings
    icon = "time"
    menu_label = _("Booster settings")
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 50
    list_display = ["course", "enabled", "questions_per_set", "sets_per_week"]


register_snippet(BoosterSettingsViewSet)


@hooks.register(TRAINING_MENU_HOOK)
def course_feedback_menu_item():
    return MenuItem(
        _("Course feedback"), reverse("lms:course_feedback_overview"), icon_name="comment", order=55
    )


@hooks.register("lms_daily_jobs")
def booster_reminders_job():
    """``(name, fn(today) -> count)`` for a daily run that asks the ``lms_daily_jobs`` hook."""
    return (_("boosters waiting"), send_booster_reminders)
