"""What learners say about a course at its end: one answer per person and course (editable), with an
optional word on each module."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

RATING = [MinValueValidator(1), MaxValueValidator(5)]
COMMENT_MAX = 2000


class CourseFeedback(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_feedback"
    )
    course = models.ForeignKey("lms_courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(_("rating"), validators=RATING)
    comment = models.TextField(_("what would make it more useful"), max_length=COMMENT_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="course_feedback_once")]

    def __str__(self):
        return f"{self.course_id}: {self.rating}"


class ModuleFeedback(models.Model):
    feedback = models.ForeignKey(CourseFeedback, on_delete=models.CASCADE, related_name="modules")
    module = models.ForeignKey("lms_courses.ModulePage", on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(_("rating"), validators=RATING, null=True, blank=True)
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["feedback", "module"], name="module_feedback_once")]

    def __str__(self):
        return f"{self.module_id}: {self.rating}"
