"""Invitations: a new person gets an email with a one-time link to set their first password.

The link carries a token made like Django's password reset tokens (an HMAC of the person's state): it
stops working once the password is set, once they sign in, when they leave, when a newer invitation is
sent, and after ``LMS_INVITATION_VALID_DAYS``. The link is kept on the invitation's notification, so a
failed send can be retried by the notification tasks; it is worth nothing once spent. Someone who has
already got in is told so instead of being invited again (they use "Forgot your password?").
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext as _

from . import audit, conf
from .exceptions import Conflict, Forbidden, LMSError, NotFound
from .models import Notification, Profile, has_joined
from .names import display_name
from .notifications import announce
from .notifications.kinds import Kind
from .roles import is_hr


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Django's reset token, salted apart (a reset link is not an invitation link and vice versa), tied
    to the latest invitation and whether the person is still active, valid for the invitation period."""

    key_salt = "lms.core.invitations.InvitationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        invited_at = Profile.objects.filter(user=user).values_list("invited_at", flat=True).first()
        invited = int(invited_at.timestamp() * 1_000_000) if invited_at else ""
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}{invited}"

    def check_token(self, user, token):
        # Django's own check_token compares the age with PASSWORD_RESET_TIMEOUT; invitations have their
        # own period, so the same checks are made here with it.
        if not (user and token) or not isinstance(token, str) or token.count("-") != 1:
            return False
        ts_b36 = token.split("-")[0]
        if not ts_b36 or len(ts_b36) > 13:
            return False
        try:
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        return 0 <= self._num_seconds(self._now()) - ts <= valid_for().total_seconds()


tokens = InvitationTokenGenerator()


@dataclass(frozen=True)
class Sent:
    """An invitation just sent: to whom, when, until when its link works, and whether it replaced one."""

    person: object
    notification: Notification
    invited_at: datetime.datetime
    valid_until: datetime.datetime
    resent: bool


def valid_for() -> datetime.timedelta:
    return datetime.timedelta(days=conf.get("LMS_INVITATION_VALID_DAYS"))


def set_password_path(person) -> str:
    return reverse(
        "lms:invitation_accept",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(person.pk)), "token": tokens.make_token(person)},
    )


def check_invitable(person) -> None:
    """Raise the reason ``person`` cannot be invited, if there is one."""
    name = display_name(person)
    if not person.is_active:
        raise LMSError(
            _("%(name)s is marked inactive (a leaver); make them active again before inviting them.")
            % {"name": name},
            code="inactive",
        )
    if has_joined(person):
        raise Conflict(
            _(
                "%(name)s is already active: they have set a password and can sign in. If they have "
                "forgotten it, “Forgot your password?” on the sign-in page sends them a reset link."
            )
            % {"name": name},
            code="already_active",
        )
    if not (person.email or "").strip():
        raise LMSError(
            _("%(name)s has no email address; add one (in the staff file) and invite them again.")
            % {"name": name},
            code="no_email",
        )


def send(*, person, by, origin: audit.Origin | None = None) -> Sent:
    """Email ``person`` a new invitation (HR only). The email goes after the transaction commits; the
    audit trail records it as sent, or resent when one went before."""
    if not is_hr(by):
        raise Forbidden(_("Only HR can send invitations."), code="permission_denied")
    check_invitable(person)
    with transaction.atomic():
        profile, _created = Profile.objects.get_or_create(user=person)
        resend = profile.invited_at is not None
        profile.invited_at = timezone.now()
        profile.save(update_fields=["invited_at"])
        notification = announce.invitation(
            person=person,
            invited_by=by,
            organisation=conf.organisation_name(),
            set_password_link=set_password_path(person),
            valid_until=profile.invited_at + valid_for(),
            username=person.get_username(),
        )
        recorded = {
            "actor": by,
            "subject": person,
            "obj": profile,
            "reason": _("Invitation emailed to %(email)s") % {"email": person.email},
            "data": {"email": person.email},
            "origin": origin,
        }
        if resend:
            audit.record(verb="invitation.resend", **recorded)
        else:
            audit.record(verb="invitation.send", **recorded)
    return Sent(person, notification, profile.invited_at, profile.invited_at + valid_for(), resend)


def send_by_id(*, person_id, by, origin: audit.Origin | None = None) -> Sent:
    """``send`` for the person with this id; a missing one is a clear 404 (after the HR check, so the
    ids of people are not revealed to anyone else)."""
    if not is_hr(by):
        raise Forbidden(_("Only HR can send invitations."), code="permission_denied")
    person = get_user_model().objects.filter(pk=person_id).first()
    if person is None:
        raise NotFound(_("Nobody has the id %(id)s.") % {"id": person_id}, code="person_not_found")
    return send(person=person, by=by, origin=origin)


def accepted(*, person) -> int:
    """The person has set their first password: their invitations have done their work, so they are
    marked read (they stay in the list, their links dead). Returns how many."""
    return Notification.objects.filter(recipient=person, kind=Kind.INVITATION, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def waiting():
    """Active people invited who have not got in yet, longest waiting first (``has_joined`` in SQL: no
    usable password and never signed in)."""
    return (
        Profile.objects.filter(
            invited_at__isnull=False,
            user__is_active=True,
            user__last_login=None,
            user__password__startswith=UNUSABLE_PASSWORD_PREFIX,
        )
        .select_related("user", "team")
        .order_by("invited_at", "pk")
    )
