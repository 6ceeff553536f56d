"""The facts every check asks, cleaned in one place for forms, API and rounds alike."""

import datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from courses.models import Policy
from lms.core.exceptions import LMSError

from .models.checks import Channel

MAX_HANDOFFS = 50
MAX_POLICIES = 20
MAX_NOTE = 5000
YES_NO_FACTS = ("problem_defined", "solution_offered", "resolved_first_contact", "customer_satisfied")
REQUIRED_TO_SUBMIT = ("channel", "contacted_at", "handoffs", *YES_NO_FACTS, "treatment")


class CheckInvalid(LMSError):
    """Every problem with a check at once, by field, so a form can show each beside its field."""

    code = "invalid_check"

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(" ".join(f"{name}: {text}" for name, text in errors.items()))


def _bool(value):
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "1", "on"):
        return True
    if text in ("false", "no", "0", "off"):
        return False
    if text == "":
        return None
    raise ValueError


def _int(value, low: int, high: int):
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise ValueError
    number = int(str(value).strip())
    if not low <= number <= high:
        raise ValueError
    return number


def clean_facts(data: dict, *, complete: bool, now: datetime.datetime | None = None) -> dict:
    """The facts in their stored form; ``complete`` (submitting) requires every fact to be given."""
    errors: dict[str, str] = {}
    cleaned: dict = {}
    now = now or timezone.now()

    if "channel" in data:
        channel = (
            (data.get("channel") or "").strip()
            if isinstance(data.get("channel"), str)
            else data.get("channel")
        )
        if channel in (None, ""):
            cleaned["channel"] = ""
        elif channel in Channel.values:
            cleaned["channel"] = channel
        else:
            errors["channel"] = _("Choose one of: %(list)s.") % {"list": ", ".join(Channel.values)}
    if "contacted_at" in data:
        raw = data.get("contacted_at")
        when = (
            raw
            if isinstance(raw, datetime.datetime)
            else parse_datetime(raw)
            if isinstance(raw, str)
            else None
        )
        if raw in (None, ""):
            cleaned["contacted_at"] = None
        elif when is None:
            errors["contacted_at"] = _("Give the date and time of the contact, such as 2026-03-14T10:30.")
        else:
            when = timezone.make_aware(when) if timezone.is_naive(when) else when
            if when > now + datetime.timedelta(minutes=5):
                errors["contacted_at"] = _("The contact cannot be in the future.")
            elif when.year < 2000:
                errors["contacted_at"] = _("That date is too far in the past.")
            else:
                cleaned["contacted_at"] = when
    if "reference" in data:
        reference = str(data.get("reference") or "").strip()
        if len(reference) > 100:
            errors["reference"] = _("Keep the reference to 100 characters.")
        cleaned["reference"] = reference
    if "handoffs" in data:
        try:
            cleaned["handoffs"] = _int(data.get("handoffs"), 0, MAX_HANDOFFS)
        except (TypeError, ValueError):
            errors["handoffs"] = _("Hand-offs is a whole number from 0 to %(max)s.") % {"max": MAX_HANDOFFS}
    if "treatment" in data:
        try:
            cleaned["treatment"] = _int(data.get("treatment"), 1, 5)
        except (TypeError, ValueError):
            errors["treatment"] = _("Treatment is a whole number from 1 (poor) to 5 (excellent).")
    for name in YES_NO_FACTS:
        if name in data:
            try:
                cleaned[name] = _bool(data.get(name))
            except ValueError:
                errors[name] = _("Answer yes or no.")
    if "note" in data:
        note = str(data.get("note") or "")
        if len(note) > MAX_NOTE:
            errors["note"] = _("Keep notes to %(max)s characters.") % {"max": MAX_NOTE}
        cleaned["note"] = note
    if "policies" in data:
        try:
            cleaned["policies"] = clean_policies(data.get("policies") or [])
        except LMSError as exc:
            errors["policies"] = exc.message

    if complete:
        for name in REQUIRED_TO_SUBMIT:
            if name not in errors and cleaned.get(name, data.get(name)) in (None, ""):
                errors[name] = _("This is needed before the check is submitted.")
    if errors:
        raise CheckInvalid(errors)
    return cleaned


def clean_policies(raw) -> list[dict]:
    """``[{policy, matched, version?}]`` → statements against live policies, each policy once."""
    if not isinstance(raw, list):
        raise LMSError(_("Policies must be a list of {policy, matched}."), code="invalid_policies")
    if len(raw) > MAX_POLICIES:
        raise LMSError(
            _("At most %(max)s policies per check.") % {"max": MAX_POLICIES}, code="invalid_policies"
        )
    ids = []
    for item in raw:
        if not isinstance(item, dict) or "policy" not in item or "matched" not in item:
            raise LMSError(
                _("Each policy needs “policy” (an id) and “matched” (true or false)."),
                code="invalid_policies",
            )
        try:
            ids.append(_int(item["policy"], 1, 10**12))
        except (TypeError, ValueError):
            raise LMSError(
                _("“%(value)s” is not a policy id.") % {"value": item["policy"]}, code="invalid_policies"
            ) from None
    if len(set(ids)) != len(ids):
        raise LMSError(_("Each policy can be listed once per check."), code="invalid_policies")
    policies = Policy.objects.filter(live=True).originals_by_pk(ids)  # a translation's id: its original
    missing = [str(i) for i in ids if i not in policies]
    if missing:
        raise LMSError(
            _("There is no published policy with id %(ids)s.") % {"ids": ", ".join(missing)},
            code="unknown_policy",
        )
    statements = []
    for item, pid in zip(raw, ids, strict=True):
        policy = policies[pid]
        try:
            matched = _bool(item["matched"])
            heard = _int(item.get("version"), 1, 10**6)
        except (TypeError, ValueError):
            raise LMSError(
                _("For “%(policy)s”, matched is true or false and version a whole number.")
                % {"policy": policy.title},
                code="invalid_policies",
            ) from None
        if matched is None:
            raise LMSError(
                _("Say whether “%(policy)s” matched.") % {"policy": policy.title}, code="invalid_policies"
            )
        if heard is not None and heard > policy.version:
            raise LMSError(
                _("“%(policy)s” has no version %(version)s yet.")
                % {"policy": policy.title, "version": heard},
                code="invalid_policies",
            )
        if matched:
            heard = policy.version
        elif heard == policy.version:
            raise LMSError(
                _("“%(policy)s”: version %(version)s is the live one, so it matched.")
                % {"policy": policy.title, "version": heard},
                code="invalid_policies",
            )
        statements.append({"policy": policy, "matched": matched, "version_heard": heard})
    return statements
