"""The audit trail in words: each recorded change as a sentence a person can read, naming the course,
the people concerned and what was decided (old and new values where something changed)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lms.core.names import display_name

# Each action as HR reads it, for the filter and the export: one label for every code in
# lms.core.audit.ACTIONS (a test holds it).
ACTIONS = {
    "certificate.issue": gettext_lazy("Certificate issued"),
    "certificate.revoke": gettext_lazy("Certificate revoked"),
    "certificate.correct": gettext_lazy("Certificate corrected"),
    "certificates.export": gettext_lazy("Certificates exported"),
    "enrolment.assign": gettext_lazy("Course assigned"),
    "enrolment.due_date": gettext_lazy("Due date changed"),
    "enrolment.withdraw": gettext_lazy("Withdrawn from a course"),
    "leaders_first.exception": gettext_lazy("Leaders-first exception"),
    "review.grade": gettext_lazy("Written reply graded"),
    "review.sign_off": gettext_lazy("Observation signed off"),
    "staff.import": gettext_lazy("Staff imported"),
    "team.nudge": gettext_lazy("Nudge sent"),
    "team.create": gettext_lazy("Team created"),
    "team.rename": gettext_lazy("Team renamed"),
    "team.leader": gettext_lazy("Team leader changed"),
    "team.move": gettext_lazy("Team moved in the tree"),
    "team.delete": gettext_lazy("Team deleted"),
    "profile.create": gettext_lazy("Staff profile added"),
    "profile.change": gettext_lazy("Staff profile changed"),
    "profile.delete": gettext_lazy("Staff profile removed"),
    "person.create": gettext_lazy("Account created"),
    "person.roles": gettext_lazy("Roles changed"),
    "person.deactivate": gettext_lazy("Account deactivated"),
    "person.reactivate": gettext_lazy("Account reactivated"),
    "person.delete": gettext_lazy("Account deleted"),
    "invitation.send": gettext_lazy("Invitation sent"),
    "invitation.resend": gettext_lazy("Invitation sent again"),
    "service_check.submit": gettext_lazy("Service check recorded"),
    "service_check.dispute": gettext_lazy("Service check disputed"),
    "service_check.dispute_resolve": gettext_lazy("Service check dispute settled"),
    "calibration.score": gettext_lazy("Calibration scored"),
    "surveys.import": gettext_lazy("Customer surveys imported"),
    "shop_round.change": gettext_lazy("Mystery-shopper round changed"),
    "policy_update.attest": gettext_lazy("Policy update confirmed"),
    "policy_update.open_all": gettext_lazy("Policy update opened to everyone"),
    "boosters.pause": gettext_lazy("Boosters paused"),
    "boosters.resume": gettext_lazy("Boosters resumed"),
}


def action_label(verb: str) -> str:
    return str(ACTIONS.get(verb, verb.replace("_", " ").replace(".", ": ").capitalize()))


def _course(data: dict) -> str:
    return _(" in “%(course)s”") % {"course": data["course"]} if data.get("course") else ""


def _names(ids, people: dict) -> str:
    names = [people[i] for i in ids if i in people]
    if not names:
        return _("nobody still on record")
    return (
        names[0]
        if len(names) == 1
        else _("%(names)s and %(last)s")
        % {
            "names": ", ".join(names[:-1]),
            "last": names[-1],
        }
    )


def _team(name) -> str:
    return f"“{name}”" if name else _("the top of the tree")


def _value(value) -> str:
    return f"“{value}”" if value not in (None, "") else _("nothing")


def _due(value) -> str:
    return value or _("no due date")


def _team_sentence(verb: str, who: str, data: dict) -> str | None:
    team = data.get("team", "")
    if verb == "team.create":
        leader = (
            _("led by %(leader)s") % {"leader": data["leader"]} if data.get("leader") else _("with no leader")
        )
        where = (
            _("under “%(parent)s”") % {"parent": data["parent"]}
            if data.get("parent")
            else _("at the top of the tree")
        )
        return _("%(who)s created the team “%(team)s”, %(leader)s, %(where)s.") % {
            "who": who,
            "team": team,
            "leader": leader,
            "where": where,
        }
    if verb == "team.rename":
        return _("%(who)s renamed the team “%(old)s” to “%(new)s”.") % {
            "who": who,
            "old": data.get("old", ""),
            "new": data.get("new", ""),
        }
    if verb == "team.leader":
        old, new = data.get("old"), data.get("new")
        values = {"who": who, "team": team, "old": old, "new": new}
        if not old:
            return _("%(who)s made %(new)s the leader of “%(team)s”, which had no leader.") % values
        if not new:
            return _("%(who)s removed %(old)s as leader of “%(team)s”; it has no leader now.") % values
        return _("%(who)s changed the leader of “%(team)s” from %(old)s to %(new)s.") % values
    if verb == "team.move":
        return _("%(who)s moved the team “%(team)s” from under %(old)s to under %(new)s.") % {
            "who": who,
            "team": team,
            "old": _team(data.get("old")),
            "new": _team(data.get("new")),
        }
    if verb == "team.delete":
        return _("%(who)s deleted the team “%(team)s”.") % {"who": who, "team": team}
    return None


def _profile_sentence(verb: str, who: str, subject: str, data: dict) -> str | None:
    team = data.get("team")
    values = {"who": who, "person": subject, "team": team}
    if verb == "profile.create":
        if team:
            return _("%(who)s added %(person)s to the staff, in the team “%(team)s”.") % values
        return _("%(who)s added %(person)s to the staff, in no team yet.") % values
    if verb == "profile.change":
        changes = "; ".join(
            _("%(field)s from %(old)s to %(new)s")
            % {
                "field": c.get("label", c.get("field", "")),
                "old": _value(c.get("old")),
                "new": _value(c.get("new")),
            }
            for c in data.get("changes", [])
        )
        return _("%(who)s changed %(person)s's staff profile: %(changes)s.") % {**values, "changes": changes}
    if verb == "profile.delete":
        if team:
            return _("%(who)s removed %(person)s's staff profile (they were in “%(team)s”).") % values
        return _("%(who)s removed %(person)s's staff profile.") % values
    return None


def _roles(names) -> str:
    return ", ".join(f"“{n}”" for n in names) if names else _("no roles")


def _hr_change(before, after) -> str:
    if after and not before:
        return " " + _("They are HR now.")
    if before and not after:
        return " " + _("They are no longer HR.")
    return ""


def _account_sentence(event, who: str, subject: str, data: dict) -> str | None:
    verb = event.verb
    values = {"who": who, "person": subject}
    if verb == "person.create":
        text = _("%(who)s created an account for %(person)s in the admin, with %(roles)s.") % {
            **values,
            "roles": _roles(data.get("roles")),
        }
        return text + (" " + _("They are HR.") if data.get("hr") else "")
    if verb == "person.roles":
        text = _("%(who)s changed %(person)s's roles from %(old)s to %(new)s.") % {
            **values,
            "old": _roles(data.get("old")),
            "new": _roles(data.get("new")),
        }
        return text + _hr_change(data.get("hr_before"), data.get("hr"))
    if verb == "person.deactivate":
        return _("%(who)s deactivated %(person)s's account: they can no longer sign in.") % values
    if verb == "person.reactivate":
        return _("%(who)s reactivated %(person)s's account: they can sign in again.") % values
    if verb == "person.delete":
        name = data.get("name") or subject
        return _("%(who)s deleted the account of %(name)s.") % {"who": who, "name": name}
    if verb in ("invitation.send", "invitation.resend"):
        values["email"] = data.get("email") or _("their email address")
        if verb == "invitation.resend":
            return _("%(who)s sent %(person)s a new invitation to set a password, to %(email)s.") % values
        return _("%(who)s invited %(person)s to set a password and sign in, by email to %(email)s.") % values
    return None


def _evidence_sentence(verb: str, who: str, whose: str, data: dict) -> str | None:
    values = {"who": who, "whose": whose}
    if verb == "service_check.submit":
        text = _("%(who)s recorded %(whose)s service check, scoring %(score)s.") % {
            **values,
            "score": data.get("score", "—"),
        }
        return text + ("" if data.get("counted", True) else " " + _("It does not count toward team figures."))
    if verb == "service_check.dispute":
        return _("%(who)s disputed “%(criterion)s” in %(whose)s service check.") % {
            **values,
            "criterion": data.get("criterion", ""),
        }
    if verb == "service_check.dispute_resolve":
        return _(
            "%(who)s settled a dispute about %(whose)s service check (%(outcome)s); its score is %(score)s."
        ) % {
            **values,
            "outcome": data.get("outcome", ""),
            "score": data.get("score", "—"),
        }
    if verb == "calibration.score":
        passed = _("passed") if data.get("passed") else _("not passed yet")
        return _("%(who)s scored a calibration contact: %(agreement)s%% agreement, %(passed)s.") % {
            "who": who,
            "agreement": data.get("agreement", "—"),
            "passed": passed,
        }
    if verb == "surveys.import":
        return _("%(who)s imported %(rows)s customer survey responses.") % {
            "who": who,
            "rows": data.get("rows", 0),
        }
    if verb == "shop_round.change":
        changes = "; ".join(
            _("%(field)s from %(old)s to %(new)s")
            % {
                "field": c.get("label", c.get("field", "")),
                "old": _value(c.get("old")),
                "new": _value(c.get("new")),
            }
            for c in data.get("changes", [])
        )
        return _("%(who)s changed the mystery-shopper round “%(round)s”: %(changes)s.") % {
            "who": who,
            "round": data.get("round", ""),
            "changes": changes,
        }
    if verb == "policy_update.attest":
        return _("%(who)s read and confirmed version %(version)s of “%(policy)s”.") % {
            "who": who,
            "version": data.get("version", "—"),
            "policy": data.get("policy", ""),
        }
    if verb == "policy_update.open_all":
        return _(
            "%(who)s opened version %(version)s of “%(policy)s” to everyone without waiting for leaders."
        ) % {
            "who": who,
            "version": data.get("version", "—"),
            "policy": data.get("policy", ""),
        }
    if verb == "boosters.pause":
        return _("%(who)s paused booster questions.") % {"who": who}
    if verb == "boosters.resume":
        return _("%(who)s resumed booster questions.") % {"who": who}
    return None


def sentence(event, people: dict) -> str:
    who = display_name(event.actor) if event.actor else _("The system")
    whose = _("%(name)s's") % {"name": display_name(event.subject)} if event.subject else _("a")
    subject = display_name(event.subject) if event.subject else _("someone no longer on record")
    data = event.data or {}
    verb = event.verb
    course = _course(data)
    if verb == "certificate.issue":
        return _("%(who)s issued %(whose)s certificate%(course)s.") % {
            "who": who,
            "whose": whose,
            "course": course,
        }
    if verb == "certificate.revoke":
        return _("%(who)s revoked %(whose)s certificate%(course)s.") % {
            "who": who,
            "whose": whose,
            "course": course,
        }
    if verb == "certificate.correct":
        return _("%(who)s corrected %(whose)s certificate%(course)s with a replacement.") % {
            "who": who,
            "whose": whose,
            "course": course,
        }
    if verb == "leaders_first.exception":
        if data.get("course"):
            return _("%(who)s let %(person)s start “%(course)s” before their leader was certified.") % {
                "who": who,
                "person": subject,
                "course": data["course"],
            }
        return _("%(who)s let %(person)s start a course before their leader was certified.") % {
            "who": who,
            "person": subject,
        }
    if verb == "review.grade":
        return _("%(who)s graded %(whose)s written reply%(course)s.") % {
            "who": who,
            "whose": whose,
            "course": course,
        }
    if verb == "review.sign_off":
        items = data.get("items") or []
        listed = f": {'; '.join(items)}" if items else ""
        count = ngettext("%(n)d observed behaviour", "%(n)d observed behaviours", len(items)) % {
            "n": len(items)
        }
        return _("%(who)s signed off %(count)s for %(person)s%(course)s%(listed)s.") % {
            "who": who,
            "count": count,
            "person": subject,
            "course": course,
            "listed": listed,
        }
    if verb == "enrolment.assign":
        due = (
            _(", due %(date)s") % {"date": data["due_date"]}
            if data.get("due_date")
            else _(", with no due date")
        )
        return _("%(who)s assigned “%(course)s” to %(person)s%(due)s.") % {
            "who": who,
            "course": data.get("course", _("a course")),
            "person": subject,
            "due": due,
        }
    if verb == "enrolment.due_date":
        return _("%(who)s changed the due date of “%(course)s” for %(person)s from %(old)s to %(new)s.") % {
            "who": who,
            "course": data.get("course", _("a course")),
            "person": subject,
            "old": _due(data.get("old")),
            "new": _due(data.get("new")),
        }
    if verb == "enrolment.withdraw":
        done = data.get("modules_done", 0)
        return _("%(who)s withdrew %(person)s from “%(course)s” (%(done)s).") % {
            "who": who,
            "person": subject,
            "course": data.get("course", _("a course")),
            "done": ngettext("%(n)d module was done", "%(n)d modules were done", done) % {"n": done},
        }
    if verb == "team.nudge":
        return _("%(who)s sent a nudge to %(people)s.") % {
            "who": who,
            "people": _names(data.get("people", []), people),
        }
    if verb == "certificates.export":
        return _("%(who)s exported %(count)s certificates as a ZIP.") % {
            "who": who,
            "count": data.get("count", _("some")),
        }
    if verb == "staff.import":
        return _("%(who)s imported staff from a file (%(details)s).") % {
            "who": who,
            "details": event.reason or _("no details"),
        }
    text = (
        _team_sentence(verb, who, data)
        or _profile_sentence(verb, who, subject, data)
        or _account_sentence(event, who, subject, data)
        or _evidence_sentence(verb, who, whose, data)
    )
    if text:
        return text
    return f"{who}: {action_label(verb)}{course}."


def sentences(events) -> list[tuple[object, str]]:
    """(event, sentence) for each event, naming nudge recipients in one query for the lot."""
    events = list(events)
    ids = {i for e in events if e.verb == "team.nudge" for i in (e.data or {}).get("people", [])}
    users = get_user_model().objects.filter(pk__in=ids) if ids else []
    people = {u.pk: display_name(u) for u in users}
    return [(e, sentence(e, people)) for e in events]
