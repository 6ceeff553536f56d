"""Certificates: an immutable record that someone showed both knowledge and skill in a course."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import PreviewableMixin

EXPIRING_WITHIN_DAYS = 30


class CertificateDesign(PreviewableMixin, models.Model):
    """How certificates look. Authors edit it in the admin (with a PDF preview); PDFs re-render when it
    changes."""

    class Orientation(models.TextChoices):
        LANDSCAPE = "landscape", _("Landscape")
        PORTRAIT = "portrait", _("Portrait")

    name = models.CharField(_("name"), max_length=100, unique=True)
    is_default = models.BooleanField(_("use for all certificates"), default=False)
    title = models.CharField(_("title"), max_length=120, default="Certificate of competence")
    wording = models.TextField(
        _("wording"),
        default="has shown both the knowledge and the practical skill required in",
        help_text=_("Printed between the holder's name and the course title."),
    )
    signatory_name = models.CharField(_("signatory name"), max_length=120, blank=True)
    signatory_title = models.CharField(_("signatory title"), max_length=120, blank=True)
    signature_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#0b5cad",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #0b5cad."))],
    )
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name = _("certificate design")

    def __str__(self):
        return self.name

    @property
    def version(self) -> str:
        """Changes whenever anything printed changes, so stored PDFs know when they are stale."""
        parts = [
            self.title,
            self.wording,
            self.signatory_name,
            self.signatory_title,
            self.accent_colour,
            self.orientation,
            str(self.signature_image_id),
            str(self.logo_id),
            self.updated_at.isoformat(),
        ]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]

    panels = [
        FieldPanel("name"),
        FieldPanel("is_default"),
        MultiFieldPanel([FieldPanel("title"), FieldPanel("wording")], heading=_("Wording")),
        MultiFieldPanel(
            [FieldPanel("signatory_name"), FieldPanel("signatory_title"), FieldPanel("signature_image")],
            heading=_("Signatory"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("accent_colour"), FieldPanel("orientation")], heading=_("Look")
        ),
    ]

    def serve_preview(self, request, mode_name):
        """A sample certificate in this design, as the real PDF."""
        from django.http import HttpResponse

        from .pdf import render_certificate_pdf

        today = timezone.localdate()
        sample = Certificate(
            code="SAMPLE-PREVIEW-NOT-A-REAL-CODE",
            holder_name="Zoë Brontë-Nguyễn",
            course_title="Acknowledgement and apology",
            issued_on=today,
            expires_on=today.replace(year=today.year + 1),
            awareness_score=92,
            skill_score=85,
            skills=[
                {"skill": "Acknowledgement", "slug": "acknowledgement", "awareness": 95, "skill_score": 88},
                {"skill": "Apology", "slug": "apology", "awareness": 90, "skill_score": 82},
            ],
            policy_versions=[{"slug": "complaints", "title": "Complaints", "version": 3}],
        )
        return HttpResponse(render_certificate_pdf(sample, design=self), content_type="application/pdf")

    @classmethod
    def current(cls) -> "CertificateDesign":
        design = cls.objects.filter(is_default=True).first() or cls.objects.first()
        return design or cls.objects.create(name="Standard", is_default=True)


def new_code() -> str:
    # 16 random bytes = 128 bits, URL-safe: unguessable by design (DESIGN §4 rule 5).
    return secrets.token_urlsafe(16)


class CertificateQuerySet(models.QuerySet):
    """The one home of "current", "valid on a day", "expiring" and status filters (DESIGN §4): the
    register, dashboards, reminders, calendar, API and rules all filter through these."""

    def current(self):
        """Neither revoked nor replaced by a correction: the record that stands for its holder."""
        return self.filter(revoked_at__isnull=True, replaced_by__isnull=True)

    def printable(self):
        """Certificates that may be downloaded as a PDF: current ones. A revoked or replaced certificate
        keeps its record and public check, but no document that could pass for a valid one."""
        return self.current()

    def valid_on(self, day: datetime.date):
        return (
            self.current()
            .filter(issued_on__lte=day)
            .filter(models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=day))
        )

    def expiring_between(self, first: datetime.date, last: datetime.date):
        """Current certificates whose expiry falls between two days, both included."""
        return self.current().filter(expires_on__gte=first, expires_on__lte=last)

    def with_status(self, status: str, day: datetime.date):
        """Certificates whose ``status_on(day)`` is ``status``; ``revoked`` includes replaced ones, as
        the public check reports them."""
        soon = day + datetime.timedelta(days=EXPIRING_WITHIN_DAYS)
        if status in (Certificate.Status.REVOKED, Certificate.Status.REPLACED):
            return self.filter(models.Q(revoked_at__isnull=False) | models.Q(replaced_by__isnull=False))
        current = self.current()
        if status == Certificate.Status.EXPIRED:
            return current.filter(expires_on__lt=day)
        if status == Certificate.Status.EXPIRING:
            return current.filter(expires_on__gte=day, expires_on__lte=soon)
        if status == Certificate.Status.VALID:
            return current.filter(models.Q(expires_on__isnull=True) | models.Q(expires_on__gt=soon))
        raise ValueError(f"Unknown certificate status {status!r}")


def status_of(*, revoked: bool, replaced: bool, expires_on: datetime.date | None, day: datetime.date) -> str:
    """A certificate's status on ``day`` from its plain facts: the rule behind ``Certificate.status_on``
    and ``CertificateQuerySet.with_status``, for callers holding values rather than instances."""
    if revoked:
        return Certificate.Status.REVOKED
    if replaced:
        return Certificate.Status.REPLACED
    if expires_on and expires_on < day:
        return Certificate.Status.EXPIRED
    if expires_on and (expires_on - day).days <= EXPIRING_WITHIN_DAYS:
        return Certificate.Status.EXPIRING
    return Certificate.Status.VALID


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
    # The rendered PDF, kept until the design it was drawn with changes.
    pdf = models.FileField(upload_to="certificates/", blank=True)
    pdf_design_version = models.CharField(max_length=32, blank=True)

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
        return status_of(
            revoked=bool(self.revoked_at),
            replaced=self._replaced(),
            expires_on=self.expires_on,
            day=day or timezone.localdate(),
        )

    @property
    def is_current(self) -> bool:
        return not self.revoked_at and not self._replaced()

    @property
    def has_pdf(self) -> bool:
        """Whether a PDF may be downloaded (the rule of ``CertificateQuerySet.printable``)."""
        return self.is_current

    def _replaced(self) -> bool:
        if self.pk is None:  # a preview sample: nothing can replace it
            return False
        try:
            return self.replaced_by is not None
        except Certificate.DoesNotExist:
            return False

    @property
    def status(self) -> str:
        return self.status_on()

    @property
    def status_label(self) -> str:
        return self.Status(self.status).label


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


class CertificateExport(models.Model):
    """A bulk ZIP of certificate PDFs plus a CSV register, built in the background for HR."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Building")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filters = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    # Only set once the ZIP is complete, so a half-written file is never offered.
    file = models.FileField(upload_to="exports/", blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("certificate export")

    def __str__(self):
        return f"Export {self.pk} ({self.get_state_display()})"

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0


class ExpiryReminder(models.Model):
    """One reminder sent for one certificate at one threshold (60, 30 or 7 days), never twice."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "days_before"], name="lms_one_reminder_per_threshold"
            )
        ]

    def __str__(self):
        return f"{self.certificate} — {self.days_before} days"
