"""Email delivery in the background: one task per notification, retried with a growing delay.

Each email is its own task, so a send that fails holds up nobody else. A failed send is tried again after
``LMS_EMAIL_RETRY_SECONDS``, then twice as long each time, up to ``LMS_EMAIL_MAX_ATTEMPTS`` tries; then it
is marked failed with its last error. Every attempt is recorded on the notification.
"""

import datetime
import logging

from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task, task_backends

from .. import conf
from ..models import Notification
from .email import build_email

logger = logging.getLogger(__name__)

State = Notification.EmailState


@task()
def deliver_email(notification_id: int) -> str:
    return deliver(notification_id)


def retry_delay(attempts: int) -> datetime.timedelta:
    """How long to wait after the ``attempts``-th failed try: the base delay, doubling each time."""
    return datetime.timedelta(seconds=conf.get("LMS_EMAIL_RETRY_SECONDS") * 2 ** max(attempts - 1, 0))


def enqueue_email(notification_id: int, *, delay: datetime.timedelta | None = None) -> None:
    """Queue the email of a notification, after ``delay`` where the task backend can wait (a backend
    that runs tasks at once, as in tests, retries at once)."""
    delivery = deliver_email
    if delay and task_backends[delivery.backend].supports_defer:
        delivery = delivery.using(run_after=timezone.now() + delay)
    delivery.enqueue(notification_id)


def deliver(notification_id: int) -> str:
    """Send one notification's email, once: the state moves to ``sending`` in one UPDATE, so a task that
    runs twice (a duplicate in the queue, two workers) sends it only once."""
    now = timezone.now()
    claimed = Notification.objects.filter(
        pk=notification_id, email_state__in=(State.QUEUED, State.RETRYING)
    ).update(email_state=State.SENDING, attempts=F("attempts") + 1, last_attempt_at=now)
    if not claimed:
        return "nothing to send"
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    try:
        build_email(notification).send()
    except Exception as error:
        return _failed(notification, error)
    Notification.objects.filter(pk=notification.pk).update(
        email_state=State.SENT, sent_at=timezone.now(), last_error=""
    )
    return "sent"


def _failed(notification: Notification, error: Exception) -> str:
    message = f"{type(error).__name__}: {error}"[:1000]
    if notification.attempts >= conf.get("LMS_EMAIL_MAX_ATTEMPTS"):
        Notification.objects.filter(pk=notification.pk).update(email_state=State.FAILED, last_error=message)
        logger.error(
            "Gave up emailing notification %s to %s after %s attempts: %s",
            notification.pk,
            notification.email_to,
            notification.attempts,
            message,
        )
        return "failed"
    Notification.objects.filter(pk=notification.pk).update(email_state=State.RETRYING, last_error=message)
    delay = retry_delay(notification.attempts)
    logger.warning(
        "Emailing notification %s failed (attempt %s); retrying in %s: %s",
        notification.pk,
        notification.attempts,
        delay,
        message,
    )
    enqueue_email(notification.pk, delay=delay)
    return "retrying"


def resend_stalled(now: datetime.datetime | None = None) -> int:
    """Queue again the emails whose task was lost: still queued a while after they were recorded (the
    queue was down when the work committed), waiting to retry long past their time, or left mid-send by a
    worker that stopped. Part of the daily jobs; returns how many."""
    now = now or timezone.now()
    longest_wait = retry_delay(conf.get("LMS_EMAIL_MAX_ATTEMPTS"))
    stalled = Notification.objects.filter(
        Q(email_state=State.QUEUED, created_at__lt=now - datetime.timedelta(minutes=15))
        | Q(email_state=State.RETRYING, last_attempt_at__lt=now - longest_wait - datetime.timedelta(hours=1))
        | Q(email_state=State.SENDING, last_attempt_at__lt=now - datetime.timedelta(hours=1))
    )
    ids = list(stalled.values_list("pk", flat=True))
    # A send left half-done may or may not have gone out: try again rather than lose it.
    Notification.objects.filter(pk__in=ids, email_state=State.SENDING).update(email_state=State.RETRYING)
    for pk in ids:
        enqueue_email(pk)
    return len(ids)
