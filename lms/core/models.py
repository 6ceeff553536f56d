"""The organisation: teams in a tree, each with a leader, and every person's profile."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .names import display_name
from .notifications.kinds import Kind as NotificationKind


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
    # When the latest invitation to set a password was sent (lms.core.invitations); its link is the only
    # one that works, so a resend retires the one before.
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True, editable=False)
    # The interface language the person chose (the switcher saves it); blank follows their browser. The
    # choices are settings.LANGUAGES, checked in lms.core.languages rather than stored in migrations.
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("The language of the pages and emails for this person; blank follows their browser."),
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("team"),
        FieldPanel("job_title"),
        FieldPanel("employee_id"),
        FieldPanel(
            "language", widget=forms.Select(choices=[("", _("Follow the browser")), *settings.LANGUAGES])
        ),
    ]
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

    @property
    def sign_in_state(self) -> str:
        """``inactive`` (a leaver), ``joined`` (can sign in), ``invited`` or ``not_invited``."""
        if not self.user.is_active:
            return "inactive"
        if has_joined(self.user):
            return "joined"
        return "invited" if self.invited_at else "not_invited"


def has_joined(user) -> bool:
    """Whether someone has got in: they have a password of their own, or have signed in another way
    (single sign-on). Such a person needs no invitation, only "Forgot your password?"."""
    return user.has_usable_password() or user.last_login is not None


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


# --- Notifications (lms.core.notifications) -----------------------------------------------------------------


class Notification(models.Model):
    """One message to one person: always shown in the app, emailed when they want that kind by email.

    The email's delivery is recorded here too (state, attempts, when it went, the last error), so every
    send can be traced. ``occasion`` makes a notification once-only: at most one per person, kind and
    occasion (a daily job run twice sends nothing twice)."""

    class EmailState(models.TextChoices):
        OFF = "off", _("Not emailed: turned off by the recipient")
        NO_ADDRESS = "no_address", _("Not emailed: no email address")
        INACTIVE = "inactive", _("Not emailed: account inactive")
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        RETRYING = "retrying", _("Waiting to retry")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=40, choices=NotificationKind.choices)
    subject = models.CharField(_("subject"), max_length=255)
    text = models.TextField(_("text"), max_length=2000)
    # A path on this site ("/training/…"); emails prefix the public base URL.
    link = models.CharField(_("link"), max_length=500, blank=True)
    # What the email templates print beyond subject and text (names, dates, lists), as plain values.
    context = models.JSONField(_("details"), default=dict, blank=True)
    occasion = models.CharField(_("occasion"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    email_to = models.EmailField(_("emailed to"), blank=True)
    email_state = models.CharField(_("email"), max_length=20, choices=EmailState.choices)
    attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="lms_notification_unread"),
            models.Index(fields=["email_state", "created_at"], name="lms_notification_delivery"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "occasion"],
                condition=~models.Q(occasion=""),
                name="lms_notification_once_per_occasion",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient}: {self.subject}"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class NotificationPreference(models.Model):
    """Whether a person wants one kind of notification by email (no row: yes). In-app is always on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=40, choices=NotificationKind.choices)
    email = models.BooleanField(_("email me"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="lms_one_preference_per_kind")]

    def __str__(self):
        return f"{self.user}: {self.kind} by email {'on' if self.email else 'off'}"


class ScheduledRun(models.Model):
    """One day's run of a daily job, planned once inside the task worker (see notifications.schedule)."""

    job = models.CharField(_("job"), max_length=60)
    run_on = models.DateField(_("day"))
    planned_for = models.DateTimeField(_("planned for"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-run_on", "job"]
        verbose_name = _("scheduled run")
        constraints = [models.UniqueConstraint(fields=["job", "run_on"], name="lms_one_run_per_job_and_day")]

    def __str__(self):
        return f"{self.job} on {self.run_on}"
