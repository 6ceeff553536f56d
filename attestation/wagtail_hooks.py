"""How the lower layers reach policy updates without importing them: courses announces each published
policy version, certificates asks for a certificate's policy status on the public check, and the daily
jobs include this app's reminders and question escalation."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms.core import roles
from lms.core.admin_menu import TRAINING_MENU_HOOK

from . import selectors, services


class HRMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_hr(request.user)


@hooks.register(TRAINING_MENU_HOOK)
def policy_updates_menu_item():
    return HRMenuItem(
        _("Policy update progress"), reverse("lms:policy_update_progress"), icon_name="doc-full", order=12
    )


@hooks.register(TRAINING_MENU_HOOK)
def policy_questions_menu_item():
    return HRMenuItem(
        _("Questions about policies"), reverse("lms:policy_questions_overview"), icon_name="help", order=13
    )


@hooks.register("lms_policy_version_published")
def policy_version_published(version):
    services.on_policy_version(version)


@hooks.register("lms_certificate_policy_status")
def certificate_policy_status(certificate):
    return selectors.certificate_policy_status(certificate)


@hooks.register("lms_daily_jobs")
def daily_jobs():
    """``(name, fn(today) -> count)``: reminders before a policy update is due, and questions moved up."""
    return ("policy updates and questions", services.daily)
