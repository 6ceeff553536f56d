"""Issuing certificates. Everything is copied in at issue, so a certificate never changes afterwards."""

import datetime

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from lms import audit

from .models import Certificate


def _policy_versions(course) -> list[dict]:
    """Every policy quoted in the course's modules, with the version in force now."""
    from courses.models import ModulePage, Policy

    ids = set()
    for module in ModulePage.objects.live().child_of(course):
        for block in module.body:
            if block.block_type == "policy" and block.value.get("policy") is not None:
                ids.add(block.value["policy"].pk)
    return [
        {"slug": p.slug, "title": p.title, "version": p.version}
        for p in Policy.objects.filter(pk__in=ids).order_by("slug")
    ]


@transaction.atomic
def issue(
    *,
    holder,
    course,
    attempt=None,
    issued_on: datetime.date | None = None,
    actor=None,
    reason: str = "",
) -> Certificate:
    issued_on = issued_on or timezone.localdate()
    expires_on = issued_on + relativedelta(months=course.validity_months) if course.validity_months else None
    certificate = Certificate.objects.create(
        holder=holder,
        course=course,
        holder_name=holder.get_full_name() or holder.get_username(),
        course_title=course.title,
        issued_on=issued_on,
        expires_on=expires_on,
        awareness_score=attempt.awareness_score if attempt else None,
        skill_score=attempt.skill_score if attempt else None,
        skills=list(attempt.skill_scores) if attempt else [],
        policy_versions=_policy_versions(course),
        attempt=attempt,
    )
    audit.record(
        actor=actor,
        verb="certificate.issue",
        subject=holder,
        obj=certificate,
        reason=reason,
        data={"course": course.title, "code_prefix": certificate.code[:4]},
    )
    return certificate
