"""Reads that feed pages and the API: which certificates a person may see."""

from .models import Certificate


def my_certificates(user) -> list[Certificate]:
    """Every certificate ``user`` holds, newest first, including revoked and replaced ones."""
    return list(
        Certificate.objects.filter(holder=user).select_related("replaced_by", "course").order_by("-issued_on")
    )
