"""Roles derived from data: a leader is whoever leads a team; HR holds the manage_training permission."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .models import Profile, Team
from .teams import descendants

HR_PERMISSION = "lms.manage_training"


def is_hr(user: AbstractBaseUser) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(HR_PERMISSION))


def require_hr(user: AbstractBaseUser, message: str = "") -> None:
    """Refuse anyone but HR: a page answers 403, the API 403 with ``detail`` = message."""
    if not is_hr(user):
        raise PermissionDenied(message or _("This is for HR."))


def is_leader(user: AbstractBaseUser) -> bool:
    return bool(user and user.is_authenticated and Team.objects.filter(leader=user).exists())


def team_of(user: AbstractBaseUser) -> Team | None:
    profile = Profile.objects.filter(user=user).select_related("team").first()
    return profile.team if profile else None


def teams_led_by(user: AbstractBaseUser) -> list[Team]:
    """The teams ``user`` leads and every team below them."""
    return descendants(Team.objects.filter(leader=user))


def leads(leader: AbstractBaseUser, person: AbstractBaseUser) -> bool:
    """True when ``leader`` leads ``person``'s team or a team above it (never themselves)."""
    if leader.pk == person.pk:
        return False
    team = team_of(person)
    if team is None:
        return False
    return any(t.leader_id == leader.pk for t in [team, *team.ancestors()])


def can_see_statistics(user: AbstractBaseUser) -> bool:
    """Authors (who use the Wagtail admin) and HR see item statistics; they show no one's answers."""
    return bool(
        user and user.is_authenticated and (is_hr(user) or user.has_perm("wagtailadmin.access_admin"))
    )
