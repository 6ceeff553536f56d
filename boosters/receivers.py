"""A certificate issued starts its holder's boosters. Certificates sit below boosters and cannot call up,
so boosters listen for the row being created (issue, correction and renewal all create one)."""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from certificates.models import Certificate

from .services import start

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Certificate, dispatch_uid="boosters_start_on_issue")
def start_boosters(sender, instance: Certificate, created: bool, raw: bool = False, **kwargs):
    if not created or raw:
        return
    try:
        # In a savepoint of its own: boosters must never hold up or roll back a certificate.
        with transaction.atomic():
            start(user=instance.holder, course=instance.course)
    except Exception:
        logger.exception("Could not start boosters for certificate %s", instance.pk)
