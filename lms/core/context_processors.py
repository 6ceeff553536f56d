"""What the shared layout (lms/base.html) reads on every page, worked out only when a template asks.

``lms_nav_badges``
    ``fn(nav) -> list[NavBadge]``: counts of things waiting for the signed-in person, each shown as a link
    in the site's navigation while its count is above zero (evidence registers "disputes waiting for
    you"). ``nav`` is the request's :class:`Nav`: ``nav.user``, and ``nav.is_hr`` / ``nav.is_leader``
    already worked out for the menu, so a rule that applies to leaders and HR costs nothing for anyone
    else. Answer in one query; the badges are asked once per request, and never for anonymous visitors.
"""

from dataclasses import dataclass
from functools import cached_property

from django.urls import reverse
from wagtail import hooks

from . import roles, sso
from .models import Notification

NAV_BADGES_HOOK = "lms_nav_badges"


@dataclass(frozen=True)
class NavBadge:
    """A count in the navigation: a link to ``url`` reading ``label`` with ``count`` beside it, and
    ``description`` (the count in words, for screen readers: "2 disputes waiting for you")."""

    url: str
    label: str
    count: int
    description: str
    url_name: str = ""


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

    @cached_property
    def badges(self) -> list[NavBadge]:
        """What the registered ``lms_nav_badges`` hooks say is waiting, the ones above zero only."""
        found = []
        for badges_of in hooks.get_hooks(NAV_BADGES_HOOK):
            found.extend(b for b in badges_of(self) or () if b.count > 0)
        return found


def sso_link() -> dict | None:
    """Where "Sign in with <provider>" goes, or None while single sign-on is off (no button then)."""
    if not sso.enabled():
        return None
    return {"name": sso.provider_name(), "url": reverse("lms:sso_authenticate")}


def nav_for(request) -> Nav | None:
    """The request's one Nav (None when nobody is signed in): every template rendered for the request
    shares it, so each flag and count is worked out at most once per request."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return None
    nav = getattr(request, "_lms_nav", None)
    if nav is None or nav.user is not user:
        nav = Nav(user)
        request._lms_nav = nav
    return nav


def lms(request):
    nav = nav_for(request)
    if nav is None:
        return {"lms_nav": None, "lms_sso": sso_link()}
    return {"lms_nav": nav, "lms_sso": None}
