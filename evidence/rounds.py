"""Mystery-shopper rounds: planned by HR or a head of service, logged by the shoppers HR names, with
coverage against the plan and the round's findings."""

import datetime
from collections import Counter

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lms.core import audit
from lms.core.audit import Origin
from lms.core.exceptions import Conflict, Forbidden, LMSError
from lms.core.models import Profile, Team
from lms.core.names import display_name
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


def _problems(
    *,
    title: str,
    teams: list[Team],
    contacts_per_team,
    channels: list[str],
    times_of_day: list[str],
    shoppers: list,
    starts_on,
    ends_on,
    teams_refused: bool,
) -> list[str]:
    """What is wrong with a round's plan: the one set of rules for planning it and for changing it."""
    errors = []
    if not title or len(title) > 160:
        errors.append(_("Give the round a title (up to 160 characters)."))
    if not teams:
        errors.append(_("Choose at least one team."))
    elif teams_refused:
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
    return errors


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
    title = (title or "").strip()
    allowed = {t.pk for t in plannable_teams(by)}
    errors = _problems(
        title=title,
        teams=teams,
        contacts_per_team=contacts_per_team,
        channels=channels,
        times_of_day=times_of_day,
        shoppers=shoppers,
        starts_on=starts_on,
        ends_on=ends_on,
        teams_refused=any(t.pk not in allowed for t in teams),
    )
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


# --- Changing a planned round ------------------------------------------------------------------------------

# What a round's plan is made of, in the order the audit trail lists changes.
PLAN_FIELDS = (
    "title",
    "script",
    "teams",
    "contacts_per_team",
    "channels",
    "times_of_day",
    "shoppers",
    "starts_on",
    "ends_on",
)


def may_change(user, shop_round: ShopRound) -> bool:
    """HR, or a head of service who planned the round or leads a team it covers."""
    if is_hr(user):
        return True
    if not is_head_of_service(user):
        return False
    if shop_round.created_by_id == user.pk:
        return True
    mine = {t.pk for t in plannable_teams(user)}
    return any(t.pk in mine for t in shop_round.teams.all())


def logged_contacts(shop_round: ShopRound) -> list[dict]:
    """The contacts logged against the round so far (drafts too: a shopper may be writing one now)."""
    return list(
        ServiceCheck.objects.filter(round=shop_round).values(
            "checker_id", "channel", "contacted_at", "employee__lms_profile__team_id"
        )
    )


def _time_of(contact: dict) -> str | None:
    when = contact["contacted_at"]
    return TimeOfDay.of(timezone.localtime(when).hour).value if when else None


def _locked(shop_round: ShopRound, old: dict, new: dict, contacts: list[dict]) -> list[str]:
    """The changes that would take a logged contact out of the round's plan, each in a sentence."""
    problems = []
    if new["script"].pk != old["script"].pk:
        problems.append(
            _("The script stays “%(script)s”: contacts are already logged against it.")
            % {"script": old["script"].title}
        )
    kept = {t.pk for t in new["teams"]}
    contact_teams = {c["employee__lms_profile__team_id"] for c in contacts}
    for team in old["teams"]:
        if team.pk not in kept and contact_teams & {t.pk for t in descendants([team])}:
            problems.append(
                _("“%(team)s” stays in the round: contacts with it are already logged.") % {"team": team.name}
            )
    used = {c["channel"] for c in contacts if c["channel"]}
    for channel in old["channels"]:
        if channel not in new["channels"] and channel in used:
            problems.append(
                _("%(channel)s stays in the round: contacts by it are already logged.")
                % {"channel": Channel(channel).label}
            )
    times = {_time_of(c) for c in contacts}
    for time in old["times_of_day"]:
        if time not in new["times_of_day"] and time in times:
            problems.append(
                _("%(time)s stays in the round: contacts at that time are already logged.")
                % {"time": TimeOfDay(time).label}
            )
    kept_shoppers = {u.pk for u in new["shoppers"]}
    logged_by = {c["checker_id"] for c in contacts}
    for shopper in old["shoppers"]:
        if shopper.pk not in kept_shoppers and shopper.pk in logged_by:
            problems.append(
                _("%(name)s stays a shopper: they have logged contacts on this round.")
                % {"name": display_name(shopper)}
            )
    days = sorted(timezone.localdate(c["contacted_at"]) for c in contacts if c["contacted_at"])
    if days and isinstance(new["starts_on"], datetime.date) and isinstance(new["ends_on"], datetime.date):
        if new["starts_on"] > days[0] or new["ends_on"] < days[-1]:
            problems.append(
                _("The round must still cover the days contacts were logged (%(first)s to %(last)s).")
                % {"first": date_format(days[0]), "last": date_format(days[-1])}
            )
    if problems:
        problems.append(
            _(
                "Once contacts are logged you can still change the title, the contacts per team and the "
                "dates around them, and add teams, channels, times of day and shoppers."
            )
        )
    return problems


def _shown(field: str, value) -> str:
    """A plan value as the audit trail keeps it: names, not ids, so it reads the same later."""
    if field == "script":
        return value.title
    if field == "teams":
        return ", ".join(sorted(t.name for t in value))
    if field == "shoppers":
        return ", ".join(sorted(display_name(u) for u in value))
    if field in ("channels", "times_of_day"):
        return ", ".join(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _same(field: str, old, new) -> bool:
    if field == "script":
        return old.pk == new.pk
    if field in ("teams", "shoppers"):
        return {x.pk for x in old} == {x.pk for x in new}
    if field in ("channels", "times_of_day"):
        return list(old) == list(new)
    return old == new


@transaction.atomic
def change(*, by, shop_round: ShopRound, origin: Origin | None = None, **changes) -> ShopRound:
    """Change a planned round: any of ``PLAN_FIELDS`` (those left out stay as they are), checked by the
    same rules as planning it. Once contacts are logged against it, changes that would take one of them
    out of the plan (another script; removing a team, channel, time of day or shopper they used; dates
    that no longer cover them) are refused (409 ``round_in_progress``) and nothing is saved. The change
    is recorded in the audit trail, field by field, old and new."""
    unknown = set(changes) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"Not part of a round's plan: {sorted(unknown)}")
    item = ShopRound.objects.select_for_update().select_related("script").get(pk=shop_round.pk)
    if not may_change(by, item):
        raise Forbidden(
            _("A round is changed by HR or by a head of service whose teams it covers."), code="not_allowed"
        )
    old = {
        **{f: getattr(item, f) for f in PLAN_FIELDS if f not in ("teams", "shoppers")},
        "teams": list(item.teams.all()),
        "shoppers": list(item.shoppers.all()),
    }
    new = {**old, **changes}
    if "title" in changes:
        new["title"] = (changes["title"] or "").strip()
    for field in ("channels", "times_of_day"):
        new[field] = list(dict.fromkeys(new[field] or []))
    new["teams"] = list({t.pk: t for t in new["teams"]}.values())
    new["shoppers"] = list({u.pk: u for u in new["shoppers"]}.values())
    allowed = None if is_hr(by) else {t.pk for t in plannable_teams(by)}
    moved = {t.pk for t in old["teams"]} ^ {t.pk for t in new["teams"]}
    errors = _problems(
        title=new["title"],
        teams=new["teams"],
        contacts_per_team=new["contacts_per_team"],
        channels=new["channels"],
        times_of_day=new["times_of_day"],
        shoppers=new["shoppers"],
        starts_on=new["starts_on"],
        ends_on=new["ends_on"],
        teams_refused=allowed is not None and bool(moved - allowed),
    )
    if errors:
        raise LMSError(" ".join(errors), code="invalid_round")
    changed = [f for f in PLAN_FIELDS if not _same(f, old[f], new[f])]
    if not changed:
        return item
    contacts = logged_contacts(item)
    locked = _locked(item, old, new, contacts) if contacts else []
    if locked:
        raise Conflict(" ".join(locked), code="round_in_progress")
    for field in changed:
        if field in ("teams", "shoppers"):
            getattr(item, field).set(new[field])
        else:
            setattr(item, field, new[field])
    item.save()
    audit.record(
        actor=by,
        verb="shop_round.change",
        obj=item,
        data={
            "round": item.title,
            "changes": [
                {
                    "field": f,
                    "label": str(ShopRound._meta.get_field(f).verbose_name),
                    "old": _shown(f, old[f]),
                    "new": _shown(f, new[f]),
                }
                for f in changed
            ],
            "contacts_logged": len(contacts),
        },
        origin=origin,
    )
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
