"""The organisation: teams in a tree, each with a leader, and every person's profile."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .names import display_name


def walk_up(team, parent_of):
    """``team`` and each team above it, nearest first: the one walk up the tree. ``parent_of`` reads a
    team's parent (from the database, or from teams already loaded); a tree edited into a loop stops."""
    seen = set()
    while team is not None and team.pk not in seen:
        seen.add(team.pk)
        yield team
        team = parent_of(team)


class Team(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leader"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_teams",
        help_text=_("The team leader. Leaders are trained and certified before their team."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent team"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The team above this one; leave empty for the top of the tree."),
    )

    panels = [FieldPanel("name"), FieldPanel("leader"), FieldPanel("parent")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name

    def clean(self):
        # Walk up from the proposed parent: meeting ourselves means the tree would loop.
        if self.pk is not None and any(t.pk == self.pk for t in walk_up(self.parent, lambda t: t.parent)):
            raise ValidationError({"parent": _("A team cannot sit below itself; choose another parent.")})

    def ancestors(self) -> list["Team"]:
        """Teams above this one, nearest first (one query per level; see ``teams.all_teams`` for many)."""
        return list(walk_up(self, lambda team: team.parent))[1:]


class Profile(index.Indexed, models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="lms_profile",
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    employee_id = models.CharField(_("employee id"), max_length=40, unique=True, null=True, blank=True)

    panels = [FieldPanel("user"), FieldPanel("team"), FieldPanel("job_title"), FieldPanel("employee_id")]
    search_fields = [
        index.SearchField("job_title"),
        index.SearchField("employee_id"),
        index.RelatedFields("user", [index.SearchField("first_name"), index.SearchField("last_name")]),
    ]

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")
        permissions = [
            ("manage_training", _("Can see and manage training for the whole organisation (HR)")),
        ]

    def __str__(self):
        return display_name(self.user)


class AuditEvent(models.Model):
    """Who changed whose standing, when, why and from where. Written once, never edited."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verb = models.CharField(_("what"), max_length=40, db_index=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("whose standing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    reason = models.TextField(_("why"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("from"), null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.verb} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk and not kwargs.pop("_allow_update", False):
            raise ValueError("Audit events are written once and never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events cannot be deleted.")


class Nudge(models.Model):
    """A short message from a leader to a team member, by email and on their My training page."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nudges")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    course = models.ForeignKey(
        "lms_courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message"), max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("nudge")

    def __str__(self):
        return f"{self.sender} → {self.recipient}"
