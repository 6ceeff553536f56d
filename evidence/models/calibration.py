"""Calibration: leaders score one written contact blind, against HR's reference scoring."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalibrationContact(models.Model):
    title = models.CharField(_("title"), max_length=160)
    transcript = models.TextField(_("transcript of the contact"))
    scorecard = models.ForeignKey(
        "lms_evidence.Scorecard", verbose_name=_("scorecard"), on_delete=models.PROTECT, related_name="+"
    )
    snapshot = models.JSONField(_("scorecard as used"))
    reference_answers = models.JSONField(_("reference scoring"))
    pass_mark = models.PositiveSmallIntegerField(
        _("agreement needed (%)"), default=80, help_text=_("Share of criteria scored as the reference did.")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("calibration contact")
        verbose_name_plural = _("calibration contacts")

    def __str__(self):
        return self.title


class CalibrationScore(models.Model):
    contact = models.ForeignKey(CalibrationContact, on_delete=models.CASCADE, related_name="scores")
    leader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    answers = models.JSONField(_("answers"))
    agreement = models.PositiveSmallIntegerField(_("agreement with the reference (%)"))
    passed = models.BooleanField(_("passed"))
    scored_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-scored_at"]
        constraints = [
            models.UniqueConstraint(fields=["contact", "leader"], name="lms_one_calibration_score")
        ]

    def __str__(self):
        return f"{self.leader} — {self.contact} ({self.agreement}%)"
