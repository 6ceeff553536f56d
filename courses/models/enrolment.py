"""Who is taking which course, who asked them to, and which modules they have finished."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    class State(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Modules complete")

    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        ASSIGNED = "assigned", _("Assigned")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        "lms_courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.NOT_STARTED)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.SELF)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    completed_at = models.DateTimeField(_("modules completed"), null=True, blank=True)
    last_module = models.ForeignKey(
        "lms_courses.ModulePage",
        verbose_name=_("last module opened"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["due_date", "-enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="lms_one_enrolment_per_course")
        ]
        indexes = [models.Index(fields=["course", "state"])]

    def __str__(self):
        return f"{self.user} in {self.course}"

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.due_date and self.state != self.State.COMPLETED and self.due_date < timezone.localdate()
        )


class ModuleCompletion(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="completions")
    module = models.ForeignKey("lms_courses.ModulePage", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("module completion")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "module"], name="lms_one_completion_per_module")
        ]

    def __str__(self):
        return f"{self.module} done by {self.enrolment.user}"
