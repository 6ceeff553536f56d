"""Admin: a link to assessment statistics for authors."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return MenuItem(_("Assessment statistics"), reverse("lms:statistics"), icon_name="table", order=210)
