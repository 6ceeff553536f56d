"""Recording changes to anyone's standing (DESIGN §4 rule 6)."""

from .models import AuditEvent


def record(
    *, actor, verb: str, subject=None, obj=None, reason: str = "", data: dict | None = None, request=None
) -> AuditEvent:
    ip = None
    if request is not None:
        ip = request.META.get("REMOTE_ADDR") or None
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        subject=subject,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        reason=reason,
        data=data or {},
        ip_address=ip,
    )
