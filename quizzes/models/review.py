"""Work a certified leader must grade or sign off: written replies and practical observations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Review(models.Model):
    class Kind(models.TextChoices):
        WRITTEN = "written", _("Written reply")
        OBSERVATION = "observation", _("Practical observation")

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DONE = "done", _("Done")

    attempt = models.ForeignKey("lms_quizzes.Attempt", on_delete=models.CASCADE, related_name="reviews")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    question_id = models.CharField(max_length=64, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PENDING)
    # Written: {criterion_id: points}. Observation: {item_id: {"by": user_id, "at": iso, "note": str}}.
    marks = models.JSONField(default=dict, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("review")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "kind", "question_id"], name="lms_one_review_per_item")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.attempt}"
