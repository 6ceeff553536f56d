"""What the product tells people about, and how each kind is described on the settings page."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ASSIGNED = "assigned", _("A course is assigned to me")
    DUE_SOON = "due_soon", _("A course of mine is due within a week")
    OVERDUE = "overdue", _("A course of mine is overdue")
    CERTIFICATE_ISSUED = "certificate_issued", _("My certificate is issued")
    REVIEWED = "reviewed", _("My written reply is graded or my observation signed off")
    EXPIRING = "expiring", _("My certificate is about to expire")
    TEAM_EXPIRING = "team_expiring", _("A certificate in my team is about to expire")
    LEADER_DIGEST = "leader_digest", _("Daily summary: reviews waiting and people overdue")
    NUDGE = "nudge", _("A note from my team leader about my training")
    INVITATION = "invitation", _("Invitation to set a password and sign in")
    POLICY_UPDATE = "policy_update", _("A policy I work with has changed")
    POLICY_QUESTION = "policy_question", _("A question about a policy waits for me, or mine is answered")
    BOOSTER = "booster", _("Booster questions are ready")


# Kinds only team leaders receive; the settings page shows them to leaders.
LEADER_KINDS = frozenset({Kind.TEAM_EXPIRING, Kind.LEADER_DIGEST})

# Kinds that are always emailed, whatever the person's choices: the settings page leaves them out (an
# invitation reaches someone who cannot sign in yet, so email is the only way it can arrive).
ALWAYS_EMAILED = frozenset({Kind.INVITATION})

HELP = {
    Kind.ASSIGNED: _("Who assigned it and when it is due."),
    Kind.DUE_SOON: _("One reminder, a week before the due date."),
    Kind.OVERDUE: _("Once, the day after the due date passes."),
    Kind.CERTIFICATE_ISSUED: _("With a link to download the PDF."),
    Kind.REVIEWED: _("When a team leader has looked at your work."),
    Kind.EXPIRING: _("60, 30 and 7 days before it expires."),
    Kind.TEAM_EXPIRING: _("For team leaders: so you can plan time for renewing."),
    Kind.LEADER_DIGEST: _("For team leaders: one email a day, only when there is something to do."),
    Kind.NUDGE: _("A short message from your team leader or HR; it is always on My training too."),
    Kind.INVITATION: _("Always emailed: the link to set your first password."),
    Kind.POLICY_UPDATE: _(
        "When it opens for you to read and confirm, a week and a day before it is due, and once if overdue."
    ),
    Kind.POLICY_QUESTION: _("A question routed to you to answer, and the answer to a question you asked."),
    Kind.BOOSTER: _(
        "At most once a day, when a short set of questions is waiting; pausing boosters stops it."
    ),
}
