from functools import cached_property

from . import roles


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


def lms(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"lms_nav": None}
    return {"lms_nav": Nav(user)}
