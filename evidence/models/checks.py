"""Service checks: one contact of one employee, scored on a scorecard, with the facts every check asks."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("Email")
    FACE_TO_FACE = "face_to_face", _("Face to face")
    CHAT = "chat", _("Chat")
    WEBSITE = "website", _("Website")


class ServiceCheck(models.Model):
    class Kind(models.TextChoices):
        CHECK = "check", _("Service check")
        SHOP = "shop", _("Mystery-shopper contact")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CHECK)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="service_checks",
    )
    checker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("checked by"), on_delete=models.PROTECT, related_name="+"
    )
    round = models.ForeignKey(
        "lms_evidence.ShopRound",
        verbose_name=_("mystery-shopper round"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contacts",
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, blank=True)
    contacted_at = models.DateTimeField(_("when"), null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    # Exactly the scorecard as it was: scores are computed from this, never from the scorecard today.
    scorecard = models.ForeignKey(
        "lms_evidence.Scorecard", verbose_name=_("scorecard"), on_delete=models.PROTECT, related_name="checks"
    )
    snapshot = models.JSONField(_("scorecard as used"))
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    handoffs = models.PositiveSmallIntegerField(_("hand-offs"), null=True, blank=True)
    problem_defined = models.BooleanField(_("problem defined"), null=True, blank=True)
    solution_offered = models.BooleanField(_("solution offered"), null=True, blank=True)
    resolved_first_contact = models.BooleanField(_("resolved on first contact"), null=True, blank=True)
    treatment = models.PositiveSmallIntegerField(_("treatment (1–5)"), null=True, blank=True)
    customer_satisfied = models.BooleanField(_("customer would be satisfied"), null=True, blank=True)
    note = models.TextField(_("notes"), blank=True)
    employee_reply = models.TextField(_("employee's reply"), blank=True)
    score = models.PositiveSmallIntegerField(_("quality score"), null=True, blank=True)
    skill_scores = models.JSONField(_("per-skill scores"), default=dict, blank=True)
    critical_missed = models.BooleanField(_("a critical criterion was missed"), default=False)
    # Counts toward team figures: made by HR, a shopper in an HR round, or a leader who had passed the
    # current calibration (DESIGN §4 rule 8). A leader's earlier checks count once they pass.
    counted = models.BooleanField(_("counts toward team figures"), default=False)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        ordering = ["-contacted_at", "-pk"]
        verbose_name = _("service check")
        verbose_name_plural = _("service checks")
        indexes = [models.Index(fields=["employee", "state", "contacted_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT

    def criteria(self) -> list[dict]:
        return [c for section in self.snapshot.get("sections", []) for c in section["criteria"]]


class CheckPolicy(models.Model):
    """A policy the employee stated on the contact, and whether it was the live version."""

    check_record = models.ForeignKey(
        ServiceCheck, verbose_name=_("check"), on_delete=models.CASCADE, related_name="policy_statements"
    )
    policy = models.ForeignKey("lms_courses.Policy", verbose_name=_("policy"), on_delete=models.PROTECT)
    live_version = models.PositiveIntegerField(_("live version at the time"))
    matched = models.BooleanField(_("matched the live version"))
    # The version the customer heard, when the checker knows it (a match is the live version).
    version_heard = models.PositiveIntegerField(_("version heard"), null=True, blank=True)

    class Meta:
        verbose_name = _("policy statement")
        verbose_name_plural = _("policy statements")

    def __str__(self):
        return f"{self.policy} — {'matched' if self.matched else 'did not match'}"


class Dispute(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("Waiting for a decision")
        UPHELD = "upheld", _("Score upheld")
        CHANGED = "changed", _("Score changed")

    check_record = models.ForeignKey(
        ServiceCheck, verbose_name=_("check"), on_delete=models.CASCADE, related_name="disputes"
    )
    criterion = models.CharField(_("criterion"), max_length=64)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    comment = models.TextField(_("comment"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.TextField(_("decision"), blank=True)
    old_value = models.JSONField(_("answer before"), null=True, blank=True)
    new_value = models.JSONField(_("answer after"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        constraints = [
            models.UniqueConstraint(
                fields=["check_record", "criterion"],
                condition=models.Q(state="open"),
                name="lms_one_open_dispute_per_criterion",
            )
        ]

    def __str__(self):
        return f"Dispute on check #{self.check_record_id} ({self.get_state_display()})"


class CoachingAction(models.Model):
    """A follow-up agreed on a check, for the employee or the leader, with a due date."""

    check_record = models.ForeignKey(
        ServiceCheck, verbose_name=_("check"), on_delete=models.CASCADE, related_name="actions"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("for"),
        on_delete=models.CASCADE,
        related_name="coaching_actions",
    )
    text = models.CharField(_("action"), max_length=300)
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("coaching action")
        verbose_name_plural = _("coaching actions")

    def __str__(self):
        return self.text


class CheckAssignment(models.Model):
    """A course assigned from a check's missed skill: the before-and-after figures start here."""

    check_record = models.ForeignKey(
        ServiceCheck, verbose_name=_("check"), on_delete=models.CASCADE, related_name="assignments"
    )
    skill = models.ForeignKey("lms_courses.Skill", on_delete=models.PROTECT, related_name="+")
    course = models.ForeignKey("lms_courses.CoursePage", on_delete=models.PROTECT, related_name="+")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assigned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["check_record", "skill", "course"], name="lms_one_assignment_per_miss"
            )
        ]

    def __str__(self):
        return f"{self.course} for {self.skill}"
