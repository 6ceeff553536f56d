"""Mystery-shopper rounds: planned by HR or a head of service, logged by the shoppers HR names, with
coverage against the plan and the round's findings."""

import datetime
from collections import Counter

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.core.exceptions import Forbidden, LMSError
from lms.core.models import Profile, Team
from lms.core.roles import is_hr
from lms.core.teams import descendants

from . import services
from .models import ServiceCheck, ShopperScript, ShopRound
from .models.checks import Channel
from .models.rounds import TimeOfDay


def is_head_of_service(user) -> bool:
    """Leads a team that has teams below it."""
    return Team.objects.filter(leader=user, children__isnull=False).exists()


def plannable_teams(user) -> list[Team]:
    if is_hr(user):
        return list(Team.objects.all())
    return descendants(Team.objects.filter(leader=user, children__isnull=False))


@transaction.atomic
def plan(
    *,
    by,
    title: str,
    script: ShopperScript,
    teams: list[Team],
    contacts_per_team: int,
    channels: list[str],
    times_of_day: list[str],
    shoppers: list,
    starts_on: datetime.date,
    ends_on: datetime.date,
) -> ShopRound:
    if not (is_hr(by) or is_head_of_service(by)):
        raise Forbidden(
            _("Mystery-shopper rounds are planned by HR or a head of service."), code="not_allowed"
        )
    errors = []
    title = (title or "").strip()
    if not title or len(title) > 160:
        errors.append(_("Give the round a title (up to 160 characters)."))
    allowed = {t.pk for t in plannable_teams(by)}
    if not teams:
        errors.append(_("Choose at least one team."))
    elif any(t.pk not in allowed for t in teams):
        errors.append(_("You can plan rounds only for the teams you lead."))
    if not isinstance(contacts_per_team, int) or not 1 <= contacts_per_team <= 200:
        errors.append(_("Contacts per team is a whole number from 1 to 200."))
    if not channels or any(c not in Channel.values for c in channels):
        errors.append(_("Choose channels from: %(list)s.") % {"list": ", ".join(Channel.values)})
    if not times_of_day or any(t not in TimeOfDay.values for t in times_of_day):
        errors.append(_("Choose times of day from: %(list)s.") % {"list": ", ".join(TimeOfDay.values)})
    if not shoppers:
        errors.append(_("Name at least one shopper."))
    if (
        not (isinstance(starts_on, datetime.date) and isinstance(ends_on, datetime.date))
        or ends_on < starts_on
    ):
        errors.append(_("The round ends on or after the day it starts."))
    if errors:
        raise LMSError(" ".join(errors), code="invalid_round")
    item = ShopRound.objects.create(
        title=title,
        script=script,
        contacts_per_team=contacts_per_team,
        channels=list(dict.fromkeys(channels)),
        times_of_day=list(dict.fromkeys(times_of_day)),
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=by,
    )
    item.teams.set(teams)
    item.shoppers.set(shoppers)
    return item


def log_contact(
    *, shop_round: ShopRound, shopper, employee, data: dict, submit: bool = True, origin=None
) -> ServiceCheck:
    """A shopper logs one contact against the round's script, with the same facts as any check."""
    if not shop_round.shoppers.filter(pk=shopper.pk).exists():
        raise Forbidden(_("You are not a shopper on this round."), code="not_a_shopper")
    team_ids = {t.pk for t in descendants(shop_round.teams.all())}
    if not Profile.objects.filter(user=employee, team_id__in=team_ids).exists():
        raise LMSError(_("That person is not in a team this round covers."), code="not_in_round")
    if employee.pk == shopper.pk:
        raise Forbidden(_("Nobody shops their own contacts."), code="own_contact")
    channel = data.get("channel")
    if channel and channel not in shop_round.channels:
        raise LMSError(
            _("This round covers the channels %(list)s.") % {"list": ", ".join(shop_round.channels)},
            code="channel_not_planned",
        )
    return services.record_check(
        checker=shopper,
        employee=employee,
        scorecard=shop_round.script.scorecard,
        data=data,
        submit=submit,
        shop_round=shop_round,
        origin=origin,
    )


def coverage(shop_round: ShopRound) -> dict:
    """Contacts logged against the plan: per team, per channel and per time of day, and the findings."""
    teams = list(shop_round.teams.all())
    tree = {t.pk: [d.pk for d in descendants([t])] for t in teams}
    contacts = list(
        ServiceCheck.objects.filter(round=shop_round, state=ServiceCheck.State.SUBMITTED).values(
            "employee__lms_profile__team_id",
            "channel",
            "contacted_at",
            "score",
            "handoffs",
            "resolved_first_contact",
        )
    )
    per_team = []
    for team in teams:
        done = [c for c in contacts if c["employee__lms_profile__team_id"] in tree[team.pk]]
        per_team.append(
            {
                "team": team,
                "planned": shop_round.contacts_per_team,
                "done": len(done),
                "share": _share(len(done), shop_round.contacts_per_team),
            }
        )
    channels = Counter(c["channel"] for c in contacts)
    times = Counter(
        TimeOfDay.of(timezone.localtime(c["contacted_at"]).hour).value for c in contacts if c["contacted_at"]
    )
    scores = [c["score"] for c in contacts if c["score"] is not None]
    fcr = [c["resolved_first_contact"] for c in contacts if c["resolved_first_contact"] is not None]
    handoffs = [c["handoffs"] for c in contacts if c["handoffs"] is not None]
    return {
        "teams": per_team,
        "planned": shop_round.contacts_per_team * len(teams),
        "done": len(contacts),
        "channels": [
            {"channel": ch, "label": Channel(ch).label, "done": channels.get(ch, 0)}
            for ch in shop_round.channels
        ],
        "times_of_day": [
            {"time": t, "label": TimeOfDay(t).label, "done": times.get(t, 0)} for t in shop_round.times_of_day
        ],
        "findings": {
            "quality": round_avg(scores),
            "first_contact_resolution": _share(sum(fcr), len(fcr)),
            "handoffs_per_contact": round(sum(handoffs) / len(handoffs), 2) if handoffs else None,
        },
    }


def _share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def round_avg(values) -> int | None:
    values = list(values)
    return round(sum(values) / len(values)) if values else None
