"""The public check of a certificate: its one URL (printed, QR-encoded, in the API and exports) and what
anyone holding the code may learn: no more than name, course, dates, status, and who awards it."""

from django.urls import reverse

from lms.core import conf

from .models import Certificate


def verify_url(certificate: Certificate) -> str:
    """The public check page, as printed and QR-encoded on the certificate (DESIGN §5)."""
    return conf.public_base_url() + reverse("lms:verify", kwargs={"code": certificate.code})


def lookup(code: str) -> dict | None:
    if not code or len(code) > 64:
        return None
    certificate = Certificate.objects.filter(code=code).select_related("replaced_by").first()
    if certificate is None:
        return None
    status = certificate.status
    return {
        "status": "revoked"
        if status in (Certificate.Status.REVOKED, Certificate.Status.REPLACED)
        else status,
        "replaced": status == Certificate.Status.REPLACED,
        "holder": certificate.holder_name,
        "course": certificate.course_title,
        "issued_on": certificate.issued_on,
        "expires_on": certificate.expires_on,
        "organisation": conf.organisation_name(),
    }
