"""Issuing, correcting and revoking certificates, and HR's leaders-first exceptions.

Everything is copied into a certificate when it is issued, so it never changes afterwards (DESIGN §4.5);
every change to someone's standing is written to the audit trail (§4.6).
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.core import audit, roles
from lms.core.converters import as_id
from lms.core.exceptions import Conflict, Forbidden, LMSError, NotFound
from lms.core.names import display_name
from lms.core.notifications import announce

from .models import Certificate, LeadersFirstException


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
        for p in Policy.objects.originals_of(ids).order_by("slug")  # a translation quoted: its original
    ]


def _expiry(course, issued_on: datetime.date) -> datetime.date | None:
    return issued_on + relativedelta(months=course.validity_months) if course.validity_months else None


@transaction.atomic
def issue(
    *,
    holder,
    course,
    attempt=None,
    issued_on: datetime.date | None = None,
    actor=None,
    reason: str = "",
    replaces: Certificate | None = None,
    renewal_of: Certificate | None = None,
) -> Certificate:
    issued_on = issued_on or timezone.localdate()
    certificate = Certificate.objects.create(
        holder=holder,
        course=course,
        holder_name=display_name(holder),
        course_title=course.title,
        issued_on=issued_on,
        expires_on=_expiry(course, issued_on),
        awareness_score=attempt.awareness_score if attempt else None,
        skill_score=attempt.skill_score if attempt else None,
        skills=list(attempt.skill_scores) if attempt else [],
        policy_versions=_policy_versions(course),
        attempt=attempt,
        replaces=replaces,
        renewal_of=renewal_of,
    )
    audit.record(
        actor=actor,
        verb="certificate.issue",
        subject=holder,
        obj=certificate,
        reason=reason,
        data={"course": course.title, "attempt": attempt.pk if attempt else None},
    )
    return certificate


def _tell_holder(certificate: Certificate) -> None:
    """The certificate moment reaches the holder wherever they are (the last requirement may have been met
    by a leader's grading, with the holder elsewhere): a notification on My training, and by email once
    the issue commits, with the certificate page and its PDF."""
    announce.certificate_issued(
        holder=certificate.holder,
        certificate_id=certificate.pk,
        course_title=certificate.course_title,
        certificate_link=reverse("lms:certificate", kwargs={"certificate_id": certificate.pk}) + "?issued=1",
        pdf_link=reverse("lms:certificate_pdf", kwargs={"certificate_id": certificate.pk}),
        expires_on=certificate.expires_on,
    )


def eligibility(*, user, course) -> tuple[bool, str, object]:
    """Whether ``user`` has met every rule of DESIGN §4.1 for ``course``; (ok, why not, passing attempt)."""
    from courses.models import Enrolment
    from courses.progress import progress_for
    from quizzes.models import Attempt, Review

    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is None:
        return False, "not enrolled", None
    if not progress_for(enrolment).is_complete:
        return False, "modules not complete", None
    attempt = (
        Attempt.objects.filter(learner=user, course=course, state=Attempt.State.GRADED, passed=True)
        .order_by("-graded_at")
        .first()
    )
    if attempt is None:
        return False, "assessment not passed", None
    # A graded attempt has every written reply graded; check the observation was signed, here or before.
    needs_observation = bool(attempt.snapshot.get("observation"))
    if (
        needs_observation
        and not Review.objects.filter(
            attempt__learner=user,
            attempt__course=course,
            kind=Review.Kind.OBSERVATION,
            state=Review.State.DONE,
        ).exists()
    ):
        return False, "observation not signed off", None
    return True, "", attempt


def _target_course(course):
    """A refresher path renews the certificate of the course it refreshes."""
    return course.renews.specific if getattr(course, "renews_id", None) else course


def issue_if_eligible(*, user, course) -> Certificate | None:
    """Issue at once when the rules are met, exactly once per passing attempt even under parallel calls."""
    from courses.models import Enrolment

    ok, _why_not, attempt = eligibility(user=user, course=course)
    if not ok:
        return None
    target = _target_course(course)
    try:
        with transaction.atomic():
            # Serialise concurrent issuers for this learner and course on the enrolment row.
            Enrolment.objects.select_for_update().filter(user=user, course=course).first()
            if Certificate.objects.filter(attempt=attempt).exists():
                return None
            previous = (
                Certificate.objects.current()
                .filter(holder=user, course=target)
                .order_by("-issued_on", "-pk")
                .first()
            )
            if target.pk != course.pk and previous is None:
                return None  # a refresher renews a certificate; it does not stand in for the course
            certificate = issue(
                holder=user,
                course=target,
                attempt=attempt,
                renewal_of=previous,  # an earlier certificate: the new one continues its history
                reason="All requirements met."
                if target.pk == course.pk
                else f"Renewed through “{course.title}”.",
            )
            _tell_holder(certificate)
            return certificate
    except IntegrityError:
        return None  # another request issued it a moment ago


@transaction.atomic
def revoke(*, certificate_id, by, reason: str, origin: audit.Origin | None = None) -> Certificate:
    if not roles.is_hr(by):
        raise Forbidden(_("Only HR can revoke certificates."), code="permission_denied")
    certificate = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
    if certificate is None:
        raise NotFound(
            _("There is no certificate with id %(id)s.") % {"id": certificate_id},
            code="certificate_not_found",
        )
    if not (reason or "").strip():
        raise LMSError(
            _("Say why the certificate is revoked; the reason is kept with the record."),
            code="reason_required",
        )
    if certificate.revoked_at:
        raise Conflict(_("This certificate is already revoked."), code="already_revoked")
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revoked_reason = reason.strip()
    certificate.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
    audit.record(
        actor=by,
        verb="certificate.revoke",
        subject=certificate.holder,
        obj=certificate,
        reason=certificate.revoked_reason,
        data={"course": certificate.course_title},
        origin=origin,
    )
    return certificate


@transaction.atomic
def correct(
    *, certificate_id, by, holder_name: str | None = None, reason: str, origin: audit.Origin | None = None
) -> Certificate:
    """Certificates never change: a correction issues a new one that replaces the old."""
    if not roles.is_hr(by):
        raise Forbidden(_("Only HR can correct certificates."), code="permission_denied")
    old = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
    if old is None:
        raise NotFound(
            _("There is no certificate with id %(id)s.") % {"id": certificate_id},
            code="certificate_not_found",
        )
    if old.status in (Certificate.Status.REVOKED, Certificate.Status.REPLACED):
        raise Conflict(_("Only a current certificate can be corrected."), code="not_current")
    if not (reason or "").strip():
        raise LMSError(_("Say what the correction is for."), code="reason_required")
    new = Certificate.objects.create(
        holder=old.holder,
        course=old.course,
        holder_name=(holder_name or display_name(old.holder) or old.holder_name).strip(),
        course_title=old.course_title,
        issued_on=old.issued_on,
        expires_on=old.expires_on,
        awareness_score=old.awareness_score,
        skill_score=old.skill_score,
        skills=old.skills,
        policy_versions=old.policy_versions,
        replaces=old,
        renewal_of=old.renewal_of,
    )
    audit.record(
        actor=by,
        verb="certificate.correct",
        subject=old.holder,
        obj=new,
        reason=reason.strip(),
        data={"replaces": old.pk, "course": old.course_title, "holder_name": new.holder_name},
        origin=origin,
    )
    return new


@transaction.atomic
def grant_exception(
    *, person, course, by, reason: str, origin: audit.Origin | None = None
) -> LeadersFirstException:
    if not roles.is_hr(by):
        raise Forbidden(_("Only HR can grant leaders-first exceptions."), code="permission_denied")
    if not (reason or "").strip():
        raise LMSError(_("Say why this person may start before their leader."), code="reason_required")
    exception, created = LeadersFirstException.objects.get_or_create(
        person=person, course=course, defaults={"reason": reason.strip(), "granted_by": by}
    )
    if not created:
        raise Conflict(_("That exception is already in place."), code="already_granted")
    audit.record(
        actor=by,
        verb="leaders_first.exception",
        subject=person,
        obj=exception,
        reason=exception.reason,
        data={"course": course.title},
        origin=origin,
    )
    return exception


def can_view(*, user, certificate: Certificate) -> bool:
    """The holder, HR, and the leaders of the holder's team (or teams above) may see a certificate."""
    return user.pk == certificate.holder_id or roles.is_hr(user) or roles.leads(user, certificate.holder)


def visible_certificate(*, user, certificate_id) -> Certificate:
    certificate = (
        Certificate.objects.select_related("holder").filter(pk=certificate_id).first()
        if as_id(certificate_id) is not None
        else None
    )
    if certificate is None or not can_view(user=user, certificate=certificate):
        raise NotFound(
            _("You have no certificate with id %(id)s.") % {"id": certificate_id},
            code="certificate_not_found",
        )
    return certificate


def printable_certificate(*, user, certificate_id) -> Certificate:
    """A certificate the caller may see and download as a PDF; a revoked or replaced one is refused,
    whoever asks, so the page, the API and every template agree."""
    certificate = visible_certificate(user=user, certificate_id=certificate_id)
    if not certificate.has_pdf:
        raise LMSError(
            (
                _(
                    "This certificate has been revoked, so it has no PDF to download. Its record and its "
                    "public check stay as they are."
                )
                if certificate.status == Certificate.Status.REVOKED
                else _(
                    "This certificate has been replaced, so it has no PDF to download. Its record and its "
                    "public check stay as they are."
                )
            ),
            code="certificate_not_current",
            status=410,
        )
    return certificate


def request_export(*, user, filters: dict, origin: audit.Origin | None = None):
    """Queue a bulk ZIP of every certificate matching ``filters`` (HR only)."""
    from .models import CertificateExport
    from .register import clean_filters
    from .tasks import build_export

    if not roles.is_hr(user):
        raise Forbidden(_("Only HR can export certificates."), code="permission_denied")
    cleaned = clean_filters(filters)
    export = CertificateExport.objects.create(requested_by=user, filters=cleaned)
    transaction.on_commit(lambda: build_export.enqueue(export.pk))
    return export


def own_export(*, user, export_id):
    """An export the caller asked for; anyone else's looks exactly like a missing one."""
    from .models import CertificateExport

    export = CertificateExport.objects.filter(pk=export_id, requested_by=user).first()
    if export is None:
        raise NotFound(_("You have no export with id %(id)s.") % {"id": export_id}, code="export_not_found")
    return export


def retry_export(*, user, export_id):
    from .models import CertificateExport
    from .tasks import build_export

    export = own_export(user=user, export_id=export_id)
    if export.state == CertificateExport.State.DONE:
        raise Conflict(_("This export is already complete."), code="export_done")
    CertificateExport.objects.filter(pk=export.pk).update(state=CertificateExport.State.QUEUED, error="")
    transaction.on_commit(lambda: build_export.enqueue(export.pk))
    return export
