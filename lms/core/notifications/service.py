"""Recording notifications, each person's email choices, and what they have read.

``notify`` is the one way anything is announced: it records the notification (in-app, always) and, when
the recipient wants that kind by email and has an address, queues the email for after the transaction
commits, so nothing is sent for work that rolls back and one failing send holds up nobody else.
"""

import datetime
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..converters import as_id
from ..exceptions import LMSError, NotFound
from ..models import Notification, NotificationPreference
from ..roles import is_leader
from .kinds import ALWAYS_EMAILED, LEADER_KINDS, Kind

State = Notification.EmailState


def _plain(value):
    """Context values as JSON keeps them: dates as ISO strings, nested lists and dicts alike."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return value


def notify(
    *,
    recipient,
    kind: str,
    subject: str,
    text: str,
    link: str = "",
    context: dict | None = None,
    occasion: str = "",
) -> Notification | None:
    """Tell ``recipient``: in the app always, by email if they want ``kind`` by email.

    With an ``occasion`` the notification is once-only: a second call for the same person, kind and
    occasion (a job run twice, two workers at once) records and sends nothing and returns None.
    """
    kind = Kind(kind)
    if occasion and Notification.objects.filter(recipient=recipient, kind=kind, occasion=occasion).exists():
        return None
    notification = Notification(
        recipient=recipient,
        kind=kind,
        subject=subject[:255],
        text=text[:2000],
        link=link or "",
        context=_plain(context or {}),
        occasion=occasion,
        email_state=_email_state(recipient, kind),
    )
    if notification.email_state == State.QUEUED:
        notification.email_to = recipient.email
    try:
        with transaction.atomic():
            notification.save()
    except IntegrityError:
        if occasion:
            return None  # another run recorded it a moment ago
        raise
    if notification.email_state == State.QUEUED:
        from .tasks import enqueue_email

        # Robust: the work that announced this has committed; a queue that is down leaves the email
        # queued for the daily sweep (``tasks.resend_stalled``) instead of failing the request.
        transaction.on_commit(partial(enqueue_email, notification.pk), robust=True)
    return notification


def _email_state(recipient, kind: str) -> str:
    if not getattr(recipient, "is_active", True):
        return State.INACTIVE
    if not (recipient.email or "").strip():
        return State.NO_ADDRESS
    if kind not in ALWAYS_EMAILED and not wants_email(recipient, kind):
        return State.OFF
    return State.QUEUED


# --- Preferences ------------------------------------------------------------------------------------------


def wants_email(user, kind: str) -> bool:
    choice = NotificationPreference.objects.filter(user=user, kind=kind).values_list("email", flat=True)
    return next(iter(choice), True)


# The kinds a person may choose to get by email or not: every kind but those always emailed.
CHOOSABLE = [k for k in Kind if k not in ALWAYS_EMAILED]


def kinds_for(user, *, everything: bool = False) -> list[Kind]:
    """The kinds a person chooses about (leaders' kinds only for leaders), or every choosable kind."""
    if everything:
        return list(CHOOSABLE)
    leader = is_leader(user)
    return [k for k in CHOOSABLE if leader or k not in LEADER_KINDS]


def email_choices(user) -> dict[str, bool]:
    """kind → whether ``user`` wants it by email, for every choosable kind (no saved choice: yes)."""
    saved = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return {kind.value: saved.get(kind.value, True) for kind in CHOOSABLE}


@transaction.atomic
def set_email_choices(*, user, choices: dict) -> dict[str, bool]:
    """Save kind → on/off for ``user``; kinds not named keep their choice. All or nothing."""
    if not isinstance(choices, dict):
        raise LMSError(_("Send an object of kind to true or false."), code="invalid")
    always = sorted(str(k) for k in choices if k in ALWAYS_EMAILED)
    if always:
        raise LMSError(
            _("%(kinds)s: always emailed, so there is no choice to make.") % {"kinds": ", ".join(always)},
            code="always_emailed",
        )
    unknown = sorted(str(k) for k in choices if k not in Kind.values)
    if unknown:
        raise LMSError(
            _("Not a kind of notification: %(unknown)s. Kinds: %(kinds)s.")
            % {"unknown": ", ".join(unknown), "kinds": ", ".join(Kind.values)},
            code="unknown_kind",
        )
    wrong = sorted(k for k, v in choices.items() if not isinstance(v, bool))
    if wrong:
        raise LMSError(_("Use true or false for: %(kinds)s.") % {"kinds": ", ".join(wrong)}, code="invalid")
    for kind, email in choices.items():
        NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"email": email})
    return email_choices(user)


# --- Reading ----------------------------------------------------------------------------------------------


def for_user(user):
    """The caller's notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def unread_for(user):
    return for_user(user).filter(read_at__isnull=True)


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def own_notification(*, user, notification_id) -> Notification:
    """The caller's notification; anyone else's looks exactly like a missing one."""
    notification = (
        Notification.objects.filter(pk=notification_id, recipient=user).first()
        if as_id(notification_id) is not None
        else None
    )
    if notification is None:
        raise NotFound(
            _("You have no notification with id %(id)s.") % {"id": notification_id},
            code="notification_not_found",
        )
    return notification


def mark_read(*, user, notification_id) -> Notification:
    """Mark one of the caller's notifications read (reading it again changes nothing)."""
    notification = own_notification(user=user, notification_id=notification_id)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def mark_all_read(*, user) -> int:
    """Mark every unread notification of the caller read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
