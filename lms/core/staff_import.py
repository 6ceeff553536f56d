"""Import staff and teams from a CSV. All or nothing: one bad row imports nothing, and every bad row is
reported with its line number. A dry run shows what would change.

New people get an invitation email to set their password (after the import commits). Leavers: an
``active`` column (yes/no) marks people inactive or active again, and ``leavers=True`` marks inactive
everyone with an employee id who is missing from the file. Inactive people cannot sign in; nothing they
did is deleted.
"""

import csv
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import audit, invitations
from .exceptions import Forbidden
from .models import Profile, Team, has_joined
from .roles import is_hr

COLUMNS = ["employee_id", "name", "email", "team", "leader", "job_title"]
OPTIONAL = ["parent_team", "active"]
# What the ``active`` column accepts; empty counts as yes.
YES = {"yes", "y", "true", "1", "active", ""}
NO = {"no", "n", "false", "0", "inactive", "left", "leaver"}
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 20_000


@dataclass
class Report:
    errors: list[tuple[int, str]] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    # "Name (employee_id)" of each person marked inactive (or who would be, in a dry run).
    deactivated: list[str] = field(default_factory=list)
    # Email addresses sent an invitation (or that would be, in a dry run).
    invited: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Row:
    line: int
    employee_id: str
    first_name: str
    last_name: str
    email: str
    team: str
    leader: str
    job_title: str
    parent_team: str
    # None when the file has no ``active`` column (the import then leaves active/inactive alone).
    active_text: str | None = None

    @property
    def active(self) -> bool | None:
        return None if self.active_text is None else self.active_text.lower() in YES


def _read(upload) -> tuple[list[Row], Report]:
    report = Report()
    raw = upload.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        report.errors.append((0, _("The file is larger than 2 MB; split it into smaller files.")))
        return [], report
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append((0, _("The file is not UTF-8 text; save it as “CSV UTF-8” and try again.")))
        return [], report
    reader = csv.DictReader(io.StringIO(text))
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in headers]
    if missing:
        report.errors.append(
            (
                1,
                ngettext("Missing column: %(columns)s.", "Missing columns: %(columns)s.", len(missing))
                % {"columns": ", ".join(missing)},
            )
        )
        return [], report
    reader.fieldnames = headers
    rows = []
    for number, data in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            report.errors.append((number, _("More than %(rows)s rows; split the file.") % {"rows": MAX_ROWS}))
            break
        data = {k: (v or "").strip() for k, v in data.items() if k}
        if not any(data.values()):
            continue
        first, _space, last = data.get("name", "").partition(" ")
        rows.append(
            Row(
                number,
                data.get("employee_id", ""),
                first,
                last,
                data.get("email", "").lower(),
                data.get("team", ""),
                data.get("leader", ""),
                data.get("job_title", ""),
                data.get("parent_team", ""),
                data.get("active") if "active" in headers else None,
            )
        )
    return rows, report


def _validate(rows: list[Row], report: Report, *, by, leavers: bool) -> None:
    existing_ids = set(Profile.objects.exclude(employee_id=None).values_list("employee_id", flat=True))
    file_ids = {}
    emails = {}
    for row in rows:
        if not row.employee_id:
            report.errors.append((row.line, _("employee_id is empty.")))
        elif row.employee_id in file_ids:
            report.errors.append(
                (
                    row.line,
                    _("Duplicate employee_id %(id)s (also on line %(line)s).")
                    % {"id": row.employee_id, "line": file_ids[row.employee_id]},
                )
            )
        else:
            file_ids[row.employee_id] = row.line
        if not row.first_name:
            report.errors.append((row.line, _("name is empty.")))
        try:
            validate_email(row.email)
        except ValidationError:
            report.errors.append(
                (row.line, _("“%(email)s” is not a valid email address.") % {"email": row.email})
            )
        else:
            if row.email in emails:
                report.errors.append(
                    (
                        row.line,
                        _("Email %(email)s is already used on line %(line)s.")
                        % {"email": row.email, "line": emails[row.email]},
                    )
                )
            emails.setdefault(row.email, row.line)
        if not row.team:
            report.errors.append((row.line, _("team is empty.")))
        if (
            row.leader
            and row.leader not in file_ids
            and row.leader not in existing_ids
            and row.leader not in {r.employee_id for r in rows}
        ):
            report.errors.append(
                (row.line, _("Unknown leader %(id)s: no one has that employee_id.") % {"id": row.leader})
            )
    _check_active(rows, report, by=by, leavers=leavers)
    # One leader per team.
    leaders: dict[str, tuple[str, int]] = {}
    for row in rows:
        if row.team and row.leader:
            first = leaders.setdefault(row.team, (row.leader, row.line))
            if first[0] != row.leader:
                report.errors.append(
                    (
                        row.line,
                        _("Team “%(team)s” has leader %(leader)s here but %(other)s on line %(line)s.")
                        % {"team": row.team, "leader": row.leader, "other": first[0], "line": first[1]},
                    )
                )
    _check_tree(rows, report)


def _check_active(rows: list[Row], report: Report, *, by, leavers: bool) -> None:
    inactive = {}
    for row in rows:
        if row.active_text is None:
            continue
        if row.active_text.lower() not in YES | NO:
            report.errors.append(
                (
                    row.line,
                    _("active must be yes or no (or empty for yes), not “%(value)s”.")
                    % {"value": row.active_text},
                )
            )
        elif row.active is False:
            inactive[row.employee_id] = row.line
    for row in rows:
        if row.leader and row.leader in inactive and row.employee_id not in inactive:
            report.errors.append(
                (
                    row.line,
                    _("Leader %(id)s is marked inactive on line %(line)s; a team needs an active leader.")
                    % {"id": row.leader, "line": inactive[row.leader]},
                )
            )
    own_id = Profile.objects.filter(user=by).values_list("employee_id", flat=True).first()
    if own_id in inactive:
        report.errors.append(
            (inactive[own_id], _("This row marks you inactive; HR cannot import themselves out."))
        )
    if leavers and own_id and own_id not in {r.employee_id for r in rows}:
        report.errors.append(
            (
                0,
                _(
                    "You (%(id)s) are missing from this file, so you would be marked a leaver: add your own "
                    "row, or untick “People missing from this file are leavers”."
                )
                % {"id": own_id},
            )
        )


def _check_tree(rows: list[Row], report: Report) -> None:
    parents = {t.name: (t.parent.name if t.parent else "") for t in Team.objects.select_related("parent")}
    lines = {}
    known = set(parents) | {r.team for r in rows if r.team}
    for row in rows:
        if row.parent_team:
            if row.parent_team not in known:
                report.errors.append(
                    (row.line, _("Unknown parent_team “%(team)s”.") % {"team": row.parent_team})
                )
                continue
            if row.parent_team == row.team:
                report.errors.append(
                    (row.line, _("Team “%(team)s” cannot be its own parent.") % {"team": row.team})
                )
                continue
            parents[row.team] = row.parent_team
            lines[row.team] = row.line
    for team, line in lines.items():
        seen, node = set(), team
        while node:
            if node in seen:
                report.errors.append(
                    (line, _("The team tree would loop: “%(team)s” ends up below itself.") % {"team": team})
                )
                break
            seen.add(node)
            node = parents.get(node, "")


def run(*, upload, by, dry_run: bool, leavers: bool = False, origin: audit.Origin | None = None) -> Report:
    """Check the file, then apply it (or, for a dry run, apply it and roll back). ``leavers``: mark
    inactive everyone with an employee id who is not in the file."""
    if not is_hr(by):
        raise Forbidden(_("Only HR can import staff."), code="permission_denied")
    rows, report = _read(upload)
    if report.errors:
        return report
    if not rows:
        report.errors.append((0, _("The file has no rows under the header.")))
        return report
    _validate(rows, report, by=by, leavers=leavers)
    if report.errors:
        report.errors.sort()
        return report
    with transaction.atomic():
        new_people = _apply(rows, report, by=by, origin=origin)
        if leavers:
            _mark_leavers(rows, report, by=by, origin=origin)
        if dry_run:
            transaction.set_rollback(True)
        else:
            report.applied = True
            audit.record(
                actor=by,
                verb="staff.import",
                reason=f"{len(rows)} rows",
                data={
                    "changes": report.changes[:200],
                    "deactivated": report.deactivated[:200],
                    "invited": len(report.invited),
                },
                origin=origin,
            )
            # Each invitation is recorded now and emailed once the whole import has committed.
            for person in new_people:
                invitations.send(person=person, by=by, origin=origin)
    return report


def _set_active(user, active: bool, *, by, reason: str, origin) -> None:
    user.is_active = active
    user.save(update_fields=["is_active"])
    if active:
        audit.record(actor=by, verb="person.reactivate", subject=user, reason=reason, origin=origin)
    else:
        audit.record(actor=by, verb="person.deactivate", subject=user, reason=reason, origin=origin)


def _mark_leavers(rows: list[Row], report: Report, *, by, origin) -> None:
    in_file = {row.employee_id for row in rows}
    missing = (
        Profile.objects.exclude(employee_id=None)
        .exclude(employee_id__in=in_file)
        .filter(user__is_active=True)
        .select_related("user")
        .order_by("employee_id")
    )
    led = {}
    for team in Team.objects.filter(leader__in=[p.user_id for p in missing]).order_by("name"):
        led.setdefault(team.leader_id, []).append(team.name)
    for profile in missing:
        label = f"{profile.user.get_full_name()} ({profile.employee_id})"
        teams = led.get(profile.user_id)
        report.deactivated.append(label)
        if teams:
            change = _(
                "Mark inactive: %(who)s, missing from this file; still leads %(teams)s: name a new leader"
            )
        else:
            change = _("Mark inactive: %(who)s, missing from this file")
        report.changes.append(change % {"who": label, "teams": ", ".join(f"“{t}”" for t in teams or [])})
        _set_active(profile.user, False, by=by, reason="Missing from the staff import file", origin=origin)


def _apply(rows: list[Row], report: Report, *, by, origin) -> list:
    """Write the rows; returns the new people who are to be invited."""
    User = get_user_model()
    people = {}
    to_invite = []
    for row in rows:
        profile = Profile.objects.filter(employee_id=row.employee_id).select_related("user").first()
        if profile:
            user = profile.user
            changed = [
                f
                for f, v in (
                    ("first_name", row.first_name),
                    ("last_name", row.last_name),
                    ("email", row.email),
                )
                if getattr(user, f) != v
            ]
            if changed:
                for f in changed:
                    setattr(user, f, getattr(row, f))
                user.save(update_fields=changed)
                report.changes.append(
                    _("Update %(who)s: %(fields)s")
                    % {
                        "who": f"{row.first_name} {row.last_name} ({row.employee_id})",
                        "fields": ", ".join(changed),
                    }
                )
            if row.active is not None and row.active != user.is_active:
                label = f"{row.first_name} {row.last_name} ({row.employee_id})"
                if row.active:
                    report.changes.append(_("Mark active again: %(who)s") % {"who": label})
                else:
                    report.deactivated.append(label)
                    report.changes.append(_("Mark inactive: %(who)s") % {"who": label})
                _set_active(
                    user,
                    row.active,
                    by=by,
                    reason=f"Marked {'active' if row.active else 'inactive'} in the staff import file",
                    origin=origin,
                )
        else:
            user = User.objects.filter(username=row.employee_id.lower()).first() or User(
                username=row.employee_id.lower()
            )
            user.first_name, user.last_name, user.email = row.first_name, row.last_name, row.email
            if not user.pk:
                user.set_unusable_password()
                user.is_active = row.active is not False
            user.save()
            profile = Profile(user=user, employee_id=row.employee_id)
            if user.is_active and not has_joined(user):
                to_invite.append(user)
                report.invited.append(row.email)
                report.changes.append(
                    _("Add %(who)s and email an invitation to %(email)s")
                    % {"who": f"{row.first_name} {row.last_name} ({row.employee_id})", "email": row.email}
                )
            else:
                report.changes.append(
                    _("Add %(who)s") % {"who": f"{row.first_name} {row.last_name} ({row.employee_id})"}
                )
        people[row.employee_id] = profile
    teams = {}
    for row in rows:
        if row.team not in teams:
            team, created = Team.objects.get_or_create(name=row.team)
            if created:
                report.changes.append(_("Create team “%(team)s”") % {"team": row.team})
            teams[row.team] = team
    for row in rows:
        team = teams[row.team]
        if row.leader:
            leader = people.get(row.leader) or Profile.objects.get(employee_id=row.leader)
            if team.leader_id != leader.user_id:
                team.leader_id = leader.user_id
                team.save(update_fields=["leader"])
                report.changes.append(
                    _("“%(team)s” is led by %(who)s")
                    % {"team": team.name, "who": leader.user.get_full_name()}
                )
        if row.parent_team:
            parent = teams.get(row.parent_team) or Team.objects.get(name=row.parent_team)
            if team.parent_id != parent.pk:
                team.parent = parent
                team.save(update_fields=["parent"])
                report.changes.append(
                    _("“%(team)s” sits below “%(parent)s”") % {"team": team.name, "parent": parent.name}
                )
        profile = people[row.employee_id]
        if profile.team_id != team.pk or profile.job_title != row.job_title or not profile.pk:
            if profile.pk and profile.team_id != team.pk:
                report.changes.append(
                    _("Move %(who)s to “%(team)s”") % {"who": profile.user.get_full_name(), "team": team.name}
                )
            profile.team, profile.job_title = team, row.job_title
            profile.save()
    return to_invite
