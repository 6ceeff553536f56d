"""What other apps ask about certificates: does someone hold a valid one (to review, to open courses)."""

import datetime

from django.utils import timezone

from .models import Certificate


def holds_valid_certificate(user, course, *, on: datetime.date | None = None) -> bool:
    """True when ``user`` holds an unrevoked, unexpired certificate for ``course`` on day ``on``."""
    if user is None or not getattr(user, "is_authenticated", True):
        return False
    day = on or timezone.localdate()
    return Certificate.objects.valid_on(day).filter(holder=user, course=course).exists()


def valid_course_ids(user, *, on: datetime.date | None = None) -> set[int]:
    day = on or timezone.localdate()
    return set(Certificate.objects.valid_on(day).filter(holder=user).values_list("course_id", flat=True))
