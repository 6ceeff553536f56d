"""Customer feedback: one-use survey links, and results imported from the company's own survey tool."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SurveyLink(models.Model):
    token = models.CharField(max_length=64, unique=True)
    employee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reference = models.CharField(_("contact reference"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey link")
        verbose_name_plural = _("survey links")

    def __str__(self):
        return f"Survey link for {self.employee}"


class SurveyResponse(models.Model):
    class Source(models.TextChoices):
        LINK = "link", _("Survey link")
        IMPORT = "import", _("Imported")

    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="survey_responses",
    )
    rating = models.PositiveSmallIntegerField(_("rating (1–5)"))
    resolved = models.BooleanField(_("resolved"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    received_at = models.DateTimeField(_("received"))
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    link = models.OneToOneField(
        SurveyLink, null=True, blank=True, on_delete=models.SET_NULL, related_name="response"
    )
    reference = models.CharField(_("contact reference"), max_length=100, blank=True)
    skills = models.ManyToManyField(
        "lms_courses.Skill", verbose_name=_("skills"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["employee", "received_at"])]

    def __str__(self):
        return f"{self.rating}/5 for {self.employee}"
