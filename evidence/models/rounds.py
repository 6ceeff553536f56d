"""Mystery-shopper rounds: a script, a plan across teams, channels and times of day, and the contacts."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class TimeOfDay(models.TextChoices):
    MORNING = "morning", _("Morning (before 12:00)")
    AFTERNOON = "afternoon", _("Afternoon (12:00–17:00)")
    EVENING = "evening", _("Evening (after 17:00)")

    @classmethod
    def of(cls, hour: int) -> "TimeOfDay":
        return cls.MORNING if hour < 12 else cls.AFTERNOON if hour < 17 else cls.EVENING


class ShopperScript(models.Model):
    title = models.CharField(_("title"), max_length=160)
    story = models.TextField(_("the customer's story"))
    right_answer = models.TextField(_("what a right answer contains"))
    policies = models.ManyToManyField("lms_courses.Policy", verbose_name=_("policies it touches"), blank=True)
    scorecard = models.ForeignKey(
        "lms_evidence.Scorecard", verbose_name=_("scorecard"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("story"),
        FieldPanel("right_answer"),
        FieldPanel("policies", widget=forms.CheckboxSelectMultiple),
        FieldPanel("scorecard"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("mystery-shopper script")
        verbose_name_plural = _("mystery-shopper scripts")

    def __str__(self):
        return self.title


class ShopRound(models.Model):
    title = models.CharField(_("title"), max_length=160)
    script = models.ForeignKey(
        ShopperScript, verbose_name=_("script"), on_delete=models.PROTECT, related_name="rounds"
    )
    teams = models.ManyToManyField("lms.Team", verbose_name=_("teams"), related_name="+")
    contacts_per_team = models.PositiveSmallIntegerField(_("contacts per team"))
    channels = models.JSONField(_("channels"), default=list)
    times_of_day = models.JSONField(_("times of day"), default=list)
    shoppers = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("shoppers"), related_name="+")
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("mystery-shopper round")
        verbose_name_plural = _("mystery-shopper rounds")

    def __str__(self):
        return self.title
