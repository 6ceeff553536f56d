"""An attempt at an assessment and the answers in it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Attempt(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("In progress")
        AWAITING_REVIEW = "awaiting_review", _("Awaiting review")
        GRADED = "graded", _("Graded")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="attempts"
    )
    assessment = models.ForeignKey(
        "lms_quizzes.AssessmentPage",
        verbose_name=_("assessment"),
        on_delete=models.PROTECT,
        related_name="attempts",
    )
    course = models.ForeignKey(
        "lms_courses.CoursePage", verbose_name=_("course"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.OPEN)
    seed = models.BigIntegerField(_("random seed"))
    # Exactly what was asked, keys included: grading uses this, never the page as it is now.
    snapshot = models.JSONField(_("questions as drawn"))
    revision_id = models.PositiveIntegerField(_("assessment revision"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"))
    expires_at = models.DateTimeField(_("time runs out"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    timed_out = models.BooleanField(_("closed by the time limit"), default=False)
    graded_at = models.DateTimeField(_("graded"), null=True, blank=True)
    awareness_score = models.PositiveSmallIntegerField(_("awareness score"), null=True, blank=True)
    skill_score = models.PositiveSmallIntegerField(_("skill score"), null=True, blank=True)
    skill_scores = models.JSONField(_("per-skill scores"), default=list, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "assessment"], condition=Q(state="open"), name="lms_one_open_attempt"
            ),
            models.UniqueConstraint(fields=["learner", "assessment", "number"], name="lms_attempt_number"),
        ]

    def __str__(self):
        return f"{self.learner} — {self.assessment} #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN


class Answer(models.Model):
    """One saved response. A row per question lets parallel autosaves never overwrite each other."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=64)
    response = models.JSONField(null=True)
    saved_at = models.DateTimeField(auto_now=True)
    credit = models.FloatField(_("credit (0–1)"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question_id"], name="lms_one_answer_per_q")
        ]

    def __str__(self):
        return f"{self.attempt_id}:{self.question_id}"
