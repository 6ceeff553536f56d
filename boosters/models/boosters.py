"""Booster questions: per course settings, each holder's schedule, one FSRS card per person and question,
every answer given, and a person's pause."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class BoosterSettings(models.Model):
    """How a course's boosters run. A course without a row runs on the defaults (two questions, three sets
    a week), so courses need no migration and authors change only what they want to."""

    course = models.OneToOneField(
        "lms_courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="booster_settings",
    )
    enabled = models.BooleanField(
        _("boosters on"),
        default=True,
        help_text=_("Holders of this course's certificate get short booster sets between certificates."),
    )
    questions_per_set = models.PositiveSmallIntegerField(
        _("questions per set"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Keep it short: each set should take under a minute."),
    )
    sets_per_week = models.PositiveSmallIntegerField(
        _("sets per week"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
    )

    panels = [
        FieldPanel("course"),
        FieldPanel("enabled"),
        FieldPanel("questions_per_set"),
        FieldPanel("sets_per_week"),
    ]

    class Meta:
        verbose_name = _("booster settings")
        verbose_name_plural = _("booster settings")

    def __str__(self):
        return str(self.course)


class BoosterSchedule(models.Model):
    """A holder's boosters for one course, started when its certificate is issued. ``pending`` is the set
    being answered now (card ids), drawn when ``next_set_at`` has come."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="booster_schedules"
    )
    course = models.ForeignKey("lms_courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    next_set_at = models.DateTimeField()
    pending = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="booster_schedule_once")]

    def __str__(self):
        return f"{self.user} · {self.course_id}"


class BoosterCard(models.Model):
    """One question for one person, scheduled by FSRS. ``question`` is the question as the assessment asks
    it (keys included; it never leaves the server before an answer); ``state`` is fsrs' ``Card.to_dict()``
    and ``due`` a copy of its due date to query by."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="booster_cards")
    course = models.ForeignKey("lms_courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    question_id = models.CharField(max_length=64)
    question = models.JSONField()
    state = models.JSONField()
    due = models.DateTimeField(db_index=True)
    last_review = models.DateTimeField(null=True, blank=True)
    reviews = models.PositiveIntegerField(default=0)
    lapses = models.PositiveIntegerField(default=0)
    # The question left the course's assessment: kept with its history, never asked again.
    retired = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course", "question_id"], name="booster_card_once")
        ]
        indexes = [models.Index(fields=["user", "due"])]

    def __str__(self):
        return f"{self.user} · {self.question_id}"

    @property
    def skill_slugs(self) -> list[str]:
        return [s["slug"] for s in self.question.get("skills", [])]


class BoosterReview(models.Model):
    """One answer to a booster question, and what FSRS made of it (its ``ReviewLog.to_dict()``)."""

    card = models.ForeignKey(BoosterCard, on_delete=models.CASCADE, related_name="answers")
    answered_at = models.DateTimeField()
    response = models.JSONField(null=True)
    correct = models.BooleanField()
    rating = models.PositiveSmallIntegerField()
    log = models.JSONField(default=dict)

    class Meta:
        ordering = ["answered_at", "pk"]

    def __str__(self):
        return f"{self.card_id} @ {self.answered_at:%Y-%m-%d %H:%M}"


class BoosterProfile(models.Model):
    """A person's boosters as a whole: paused (on leave) or not, and the day they were last told a set
    was waiting."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="booster_profile"
    )
    paused_at = models.DateTimeField(null=True, blank=True)
    notified_on = models.DateField(null=True, blank=True)

    def __str__(self):
        return str(self.user)
