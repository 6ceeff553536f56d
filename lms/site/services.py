"""Leader and HR actions: nudges and the teams a person may look at."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.core import audit, roles
from lms.core.converters import as_id
from lms.core.exceptions import Forbidden, LMSError, NotFound
from lms.core.models import Nudge, Team
from lms.core.notifications import announce


def visible_teams(user) -> list[Team]:
    """HR sees every team; a leader the teams they lead and every team below; others none."""
    if roles.is_hr(user):
        return list(Team.objects.all())
    return roles.teams_led_by(user)


def team_for(user, team_id) -> Team:
    """One team the caller may see; another team looks like a missing one."""
    teams = {t.pk: t for t in visible_teams(user)}
    team = teams.get(as_id(team_id))
    if team is None:
        raise NotFound(_("You lead no team with id %(id)s.") % {"id": team_id}, code="team_not_found")
    return team


@transaction.atomic
def nudge(
    *, sender, recipients: list, message: str, course=None, origin: audit.Origin | None = None
) -> list[Nudge]:
    message = (message or "").strip()
    if not message:
        raise LMSError(_("Write a short message to send."), code="message_required")
    if len(message) > 1000:
        raise LMSError(_("Keep the message under 1,000 characters."), code="message_too_long")
    refused = [p for p in recipients if not (roles.is_hr(sender) or roles.leads(sender, p))]
    if refused:
        raise Forbidden(_("You can nudge only people in the teams you lead."), code="not_your_team")
    nudges = [
        Nudge.objects.create(recipient=p, sender=sender, course=course, message=message) for p in recipients
    ]
    # In the app at once; by email (if they want nudges by email) from a background task once this commits,
    # each on its own, so a failing mail server neither fails the nudge nor holds up the others.
    link = reverse("lms:my_training")
    for note in nudges:
        announce.nudge(
            recipient=note.recipient,
            sender=sender,
            nudge_id=note.pk,
            message=message,
            course_title=course.title if course else "",
            training_link=link,
        )
    audit.record(
        actor=sender,
        verb="team.nudge",
        reason=message,
        data={"people": [p.pk for p in recipients]},
        origin=origin,
    )
    return nudges
