"""What the public may learn about a certificate from its code: no more than name, course, dates, status."""

from .models import Certificate


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
    }
