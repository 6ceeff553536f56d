"""Recording changes to anyone's standing (DESIGN §4 rule 6)."""

from dataclasses import dataclass

from .client import client_ip
from .models import AuditEvent

# Every kind of change the trail records, one code each. The audit page words each one
# (lms/site/audit_text.py); a test fails when a code is recorded anywhere without being listed here, or
# is listed without a sentence.
ACTIONS = frozenset(
    {
        "certificate.issue",
        "certificate.revoke",
        "certificate.correct",
        "certificates.export",
        "enrolment.assign",
        "enrolment.due_date",
        "enrolment.withdraw",
        "leaders_first.exception",
        "review.grade",
        "review.sign_off",
        "staff.import",
        "team.nudge",
        # Changes made in the Wagtail admin (lms/core/wagtail_hooks.py).
        "team.create",
        "team.rename",
        "team.leader",
        "team.move",
        "team.delete",
        "profile.create",
        "profile.change",
        "profile.delete",
        # Accounts changed in Wagtail's Users admin (lms/core/wagtail_hooks.py).
        "person.create",
        "person.roles",
        "person.deactivate",
        "person.reactivate",
        "person.delete",
        # Invitations to set a first password (lms/core/invitations.py).
        "invitation.send",
        "invitation.resend",
        # Evidence from the floor: service checks, disputes, calibration, customer surveys.
        "service_check.submit",
        "service_check.dispute",
        "service_check.dispute_resolve",
        "calibration.score",
        "surveys.import",
        "shop_round.change",
        # Policy updates: a holder confirms a material change; HR opens one to everyone (attestation).
        "policy_update.attest",
        "policy_update.open_all",
        # Boosters paused for a leave, and resumed (boosters).
        "boosters.pause",
        "boosters.resume",
    }
)


@dataclass(frozen=True)
class Origin:
    """Where a change came from, kept beside it in the audit trail. Views and API calls build it from
    their request, so services take plain values and never a request."""

    ip_address: str | None = None

    @classmethod
    def of(cls, request) -> "Origin":
        return cls(ip_address=client_ip(request))


def record(
    *,
    actor,
    verb: str,
    subject=None,
    obj=None,
    reason: str = "",
    data: dict | None = None,
    origin: Origin | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        subject=subject,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        reason=reason,
        data=data or {},
        ip_address=origin.ip_address if origin else None,
    )
