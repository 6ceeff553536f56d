"""Certificates: an immutable record that someone showed both knowledge and skill in a course."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EXPIRING_WITHIN_DAYS = 30


def new_code() -> str:
    # 16 random bytes = 128 bits, URL-safe: unguessable by design (DESIGN §4 rule 5).
    return secrets.token_urlsafe(16)


class CertificateQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date):
        return self.filter(revoked_at__isnull=True, replaced_by__isnull=True, issued_on__lte=day).filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=day)
        )


class Certificate(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        EXPIRING = "expiring", _("Expiring soon")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")
        REPLACED = "replaced", _("Replaced")

    code = models.CharField(
        _("verification code"), max_length=40, unique=True, default=new_code, editable=False
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "lms_courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    # Copied at issue so the certificate never changes when people or pages do.
    holder_name = models.CharField(_("holder's name"), max_length=200)
    course_title = models.CharField(_("course title"), max_length=255)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    awareness_score = models.PositiveSmallIntegerField(_("awareness score"), null=True, blank=True)
    skill_score = models.PositiveSmallIntegerField(_("skill score"), null=True, blank=True)
    skills = models.JSONField(_("per-skill scores"), default=list, blank=True)
    policy_versions = models.JSONField(_("policy versions covered"), default=list, blank=True)
    attempt = models.ForeignKey(
        "lms_quizzes.Attempt", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        help_text=_("A correction: the certificate this one replaces."),
    )
    renewal_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewals",
        help_text=_("The earlier certificate this one renews; the history is kept."),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        indexes = [models.Index(fields=["holder", "course"]), models.Index(fields=["expires_on"])]
        constraints = [
            # Issue exactly once per passed attempt, whatever the number of parallel requests.
            models.UniqueConstraint(fields=["attempt"], name="lms_one_certificate_per_attempt")
        ]

    def __str__(self):
        return f"{self.course_title} — {self.holder_name} ({self.issued_on:%d %b %Y})"

    def status_on(self, day: datetime.date | None = None) -> str:
        day = day or timezone.localdate()
        if self.revoked_at:
            return self.Status.REVOKED
        if hasattr(self, "replaced_by") and self._replaced():
            return self.Status.REPLACED
        if self.expires_on and self.expires_on < day:
            return self.Status.EXPIRED
        if self.expires_on and (self.expires_on - day).days <= EXPIRING_WITHIN_DAYS:
            return self.Status.EXPIRING
        return self.Status.VALID

    def _replaced(self) -> bool:
        try:
            return self.replaced_by is not None
        except Certificate.DoesNotExist:
            return False

    @property
    def status(self) -> str:
        return self.status_on()


class LeadersFirstException(models.Model):
    """HR lets someone start a leaders-first course before their leader is certified. Always logged."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="leaders_first_exceptions",
    )
    course = models.ForeignKey(
        "lms_courses.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("leaders-first exception")
        constraints = [
            models.UniqueConstraint(fields=["person", "course"], name="lms_one_exception_per_course")
        ]

    def __str__(self):
        return f"{self.person} may start {self.course} early"
