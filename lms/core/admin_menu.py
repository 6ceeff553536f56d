"""The one "Training" menu in the Wagtail admin. Each app adds its own snippets to it from its own
``wagtail_hooks.py``, by giving their viewsets ``menu_hook = TRAINING_MENU_HOOK`` (as Wagtail's own
Settings menu collects items from ``register_settings_menu_item``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, SubmenuMenuItem

TRAINING_MENU_HOOK = "register_lms_training_menu_item"

training_menu = Menu(register_hook_name=TRAINING_MENU_HOOK, construct_hook_name="construct_lms_training_menu")


def training_menu_item() -> SubmenuMenuItem:
    return SubmenuMenuItem(_("Training"), training_menu, icon_name="folder-open-inverse", order=200)
