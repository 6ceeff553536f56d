"""Reminders before a certificate expires, to the holder and their leader (DESIGN: "said once")."""

import datetime

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from lms.core import conf

from .leaders_first import responsible_leader
from .models import Certificate, ExpiryReminder


def _threshold(days_left: int, thresholds) -> int | None:
    """The nearest threshold already reached: at 25 days left with (60, 30, 7) that is 30."""
    reached = [d for d in thresholds if days_left <= d]
    return min(reached) if reached else None


def due_reminders(today: datetime.date | None = None):
    today = today or timezone.localdate()
    thresholds = sorted(conf.get("LMS_EXPIRY_REMINDER_DAYS"))
    horizon = today + datetime.timedelta(days=max(thresholds))
    # A holder who already has a newer certificate for the course has renewed: no reminder.
    newer = Certificate.objects.filter(
        holder_id=OuterRef("holder_id"), course_id=OuterRef("course_id"), issued_on__gt=OuterRef("issued_on")
    )
    candidates = (
        Certificate.objects.expiring_between(today, horizon)
        .filter(~Exists(newer))
        .select_related("holder", "course")
    )
    sent = set(
        ExpiryReminder.objects.filter(certificate__in=candidates).values_list("certificate_id", "days_before")
    )
    for certificate in candidates:
        threshold = _threshold((certificate.expires_on - today).days, thresholds)
        if threshold is not None and (certificate.pk, threshold) not in sent:
            yield certificate, threshold


def send_expiry_reminders(today: datetime.date | None = None) -> int:
    """Send what is due; each (certificate, threshold) at most once, even if run twice at the same time."""
    count = 0
    base = conf.public_base_url()
    for certificate, threshold in list(due_reminders(today)):
        holder = certificate.holder
        leader = responsible_leader(holder)
        recipients = [e for e in [holder.email, leader.email if leader else ""] if e]
        try:
            with transaction.atomic():
                ExpiryReminder.objects.create(
                    certificate=certificate, days_before=threshold, recipients=recipients
                )
                context = {
                    "certificate": certificate,
                    "holder": holder,
                    "leader": leader,
                    "days": (certificate.expires_on - (today or timezone.localdate())).days,
                    "course_url": base + certificate.course.url if certificate.course else "",
                    "training_url": base + reverse("lms:my_training"),
                }
                send_mail(
                    subject=(
                        f"Your “{certificate.course_title}” certificate expires on "
                        f"{certificate.expires_on:%d %B %Y}"
                    ),
                    message=render_to_string("lms_certificates/email/expiry_reminder.txt", context),
                    from_email=None,
                    recipient_list=recipients,
                )
        except IntegrityError:
            continue  # another run sent it
        count += 1
    return count
