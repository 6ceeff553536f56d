"""The public check of a certificate: its one URL (printed, QR-encoded, in the API and exports) and what
anyone holding the code may learn: no more than name, course, dates, status, and who awards it."""

from django.urls import reverse
from wagtail import hooks

from lms.core import conf

from .models import Certificate


def verify_url(certificate: Certificate) -> str:
    """The public check page, as printed and QR-encoded on the certificate (DESIGN §5)."""
    return conf.public_base_url() + reverse("lms:verify", kwargs={"code": certificate.code})


POLICY_STATUS = "lms_certificate_policy_status"


def policy_status(certificate: Certificate) -> list[dict]:
    """The policies the certificate covered, as a registered ``lms_certificate_policy_status`` hook sees
    them now (``fn(certificate) -> [{slug, title, version, current_version, attested, status}]``: a later
    version its holder confirmed, an update due or overdue). The certificate row is never changed; with no
    hook registered, the versions it was issued with."""
    for status_of in hooks.get_hooks(POLICY_STATUS):
        return status_of(certificate)
    return [
        {**entry, "current_version": None, "attested": False, "status": "current"}
        for entry in certificate.policy_versions or []
    ]


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
        "policies": policy_status(certificate),
    }
