from functools import cached_property

from django.urls import reverse

from . import roles, sso
from .models import Notification


class Nav:
    """Navigation flags for the shared layout, each worked out only if a template asks."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def is_hr(self) -> bool:
        return roles.is_hr(self.user)

    @cached_property
    def is_leader(self) -> bool:
        return roles.is_leader(self.user)

    @cached_property
    def can_admin(self) -> bool:
        return self.user.has_perm("wagtailadmin.access_admin")

    @cached_property
    def unread_notifications(self) -> int:
        """Unread in-app messages, for the header: one COUNT on an indexed column, only when shown."""
        return Notification.objects.filter(recipient=self.user, read_at__isnull=True).count()


def sso_link() -> dict | None:
    """Where "Sign in with <provider>" goes, or None while single sign-on is off (no button then)."""
    if not sso.enabled():
        return None
    return {"name": sso.provider_name(), "url": reverse("lms:sso_authenticate")}


def lms(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"lms_nav": None, "lms_sso": sso_link()}
    return {"lms_nav": Nav(user), "lms_sso": None}
