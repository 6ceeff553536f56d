"""Re-attestation after a material policy change, and questions people ask about a policy.

A certificate is never edited: what it covered stays as issued; an ``Attestation`` records that its
holder has read and confirmed a newer version, and the public check combines the two.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AttestationState(models.TextChoices):
    WAITING = "waiting", _("Waiting for your leader")
    OPEN = "open", _("Policy update due")
    ATTESTED = "attested", _("Read and confirmed")
    OVERDUE = "overdue", _("Policy update overdue")


def attestation_state(*, attested: bool, is_open: bool, due_on: datetime.date, today: datetime.date) -> str:
    """The one home of a re-attestation's state: confirmed; past its due date (overdue, whether or not
    it has opened yet: the date is the organisation's promise); else waiting for the leader or open."""
    if attested:
        return AttestationState.ATTESTED
    if today > due_on:
        return AttestationState.OVERDUE
    return AttestationState.OPEN if is_open else AttestationState.WAITING


class Attestation(models.Model):
    """A holder's certificate covered an older version of a policy that has since changed materially:
    the holder reads the new version, answers its questions and confirms it by ``due_on``."""

    certificate = models.ForeignKey(
        "lms_certificates.Certificate", on_delete=models.CASCADE, related_name="+"
    )
    holder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    policy = models.ForeignKey("lms_courses.Policy", on_delete=models.CASCADE, related_name="+")
    policy_version = models.ForeignKey(
        "lms_courses.PolicyVersion", on_delete=models.CASCADE, related_name="+"
    )
    due_on = models.DateField(_("due"))
    attested_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # A later material change asks for that version instead: this one is no longer due.
    superseded = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["certificate", "policy_version"], name="lms_attestation_once"),
        ]
        indexes = [models.Index(fields=["holder", "attested_at"])]
        verbose_name = _("policy update")
        verbose_name_plural = _("policy updates")

    def __str__(self):
        return f"{self.holder_id}: {self.policy_version}"


class OpenForEveryone(models.Model):
    """HR opened a version's re-attestation to everyone at once, without waiting for leaders."""

    policy_version = models.OneToOneField(
        "lms_courses.PolicyVersion", on_delete=models.CASCADE, related_name="+"
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(max_length=2000)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.policy_version_id}: {self.reason[:40]}"


class PolicyQuestion(models.Model):
    """A question about a policy, or a flag that it makes things hard for customers. It goes to the
    asker's leader first and up the tree when nobody answers for three working days; with nobody left
    above, HR answers (``assigned_to`` empty)."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("A question")
        HARD_FOR_CUSTOMERS = "hard", _("This makes things hard for customers")

    policy = models.ForeignKey("lms_courses.Policy", on_delete=models.CASCADE, related_name="+")
    policy_version = models.PositiveIntegerField(_("version asked about"))
    asker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.QUESTION)
    text = models.TextField(_("question"), max_length=2000)
    asked_at = models.DateTimeField(auto_now_add=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The day it reached whoever answers now: the three working days count from here.
    routed_on = models.DateField()
    escalations = models.PositiveSmallIntegerField(default=0)
    answer = models.TextField(_("answer"), max_length=4000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    # Published on the policy for everyone, with the asker's name left out.
    faq = models.BooleanField(_("published as a FAQ"), default=False)
    faq_question = models.CharField(_("question as published"), max_length=300, blank=True)

    class Meta:
        ordering = ["asked_at"]
        indexes = [
            models.Index(fields=["policy", "faq"]),
            models.Index(fields=["assigned_to", "answered_at"]),
        ]

    def __str__(self):
        return self.text[:60]
