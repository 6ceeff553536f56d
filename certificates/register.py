"""The HR certificate register: one set of filters for the page, the API and bulk exports."""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from lms.core.exceptions import LMSError
from lms.core.models import Profile, Team
from lms.core.teams import descendants

from .models import Certificate

STATUSES = ("valid", "expiring", "expired", "revoked")  # replaced ones are listed as revoked
FILTERS = ("team", "course", "status", "expires_within", "q", "policy_update")

# A material policy change asks holders to confirm the new version (the attestation app answers, through
# these hooks): ``any`` lists certificates with an update due or overdue.
POLICY_UPDATES = ("any", "update_due", "overdue")
POLICY_UPDATE_LABELS = {
    "any": gettext_lazy("Policy update due or overdue"),
    "update_due": gettext_lazy("Policy update due"),
    "overdue": gettext_lazy("Policy update overdue"),
}
# ``fn(certificate_ids, *, on) -> {certificate id: "update_due" | "overdue"}`` for those owing an update.
POLICY_UPDATE_STATES_HOOK = "lms_certificate_policy_updates"
# ``fn(state, *, on) -> queryset of certificate ids`` (``state`` one of POLICY_UPDATES), for the filter.
POLICY_UPDATE_FILTER_HOOK = "lms_certificates_owing_policy_update"


# Ids fit any database's integers; a day count past a century means nothing for a certificate (and a
# twenty-digit one would overflow date arithmetic).
MAX_ID = 10**18 - 1
MAX_DAYS = 36_500


def _int(name: str, raw, errors: list, *, maximum: int = MAX_ID) -> int | None:
    if raw in (None, ""):
        return None
    text = str(raw).strip()
    if len(text) > 20 or not (text.isascii() and text.lstrip("-").isdigit()):
        errors.append(_("%(name)s: “%(value)s” is not a whole number.") % {"name": name, "value": text[:20]})
        return None
    value = int(text)
    if value < 0:
        errors.append(_("%(name)s: must not be negative.") % {"name": name})
        return None
    if value > maximum:
        errors.append(
            _("%(name)s: must be at most %(maximum)s.")
            % {"name": name, "maximum": number_format(maximum, force_grouping=True)}
        )
        return None
    return value


def clean_filters(params) -> dict:
    """Validate filters from a query string or JSON; every problem is named, and nothing runs if any."""
    unknown = [
        key for key in params if key not in FILTERS and key not in ("page", "limit", "offset", "format")
    ]
    errors = [
        _("%(key)s: not a filter here (use %(filters)s).") % {"key": key, "filters": ", ".join(FILTERS)}
        for key in unknown
    ]
    cleaned = {
        "team": _int("team", params.get("team"), errors),
        "course": _int("course", params.get("course"), errors),
        "expires_within": _int("expires_within", params.get("expires_within"), errors, maximum=MAX_DAYS),
        "status": (params.get("status") or "").strip() or None,
        # NUL characters cannot reach PostgreSQL.
        "q": (params.get("q") or "").replace("\x00", "").strip()[:100] or None,
    }
    if cleaned["status"] and cleaned["status"] not in STATUSES:
        errors.append(
            _("status: “%(status)s” is not one of %(statuses)s.")
            % {"status": cleaned["status"], "statuses": ", ".join(STATUSES)}
        )
    policy_update = (params.get("policy_update") or "").strip() or None
    if policy_update is not None:
        if policy_update in POLICY_UPDATES:
            cleaned["policy_update"] = policy_update
        else:
            errors.append(
                _("policy_update: “%(value)s” is not one of %(values)s.")
                % {"value": policy_update[:20], "values": ", ".join(POLICY_UPDATES)}
            )
    if cleaned["team"] is not None and not Team.objects.filter(pk=cleaned["team"]).exists():
        errors.append(_("team: there is no team with id %(id)s.") % {"id": cleaned["team"]})
    if errors:
        raise LMSError(
            _("Check the filters: %(problems)s") % {"problems": " ".join(errors)}, code="invalid_filter"
        )
    return {k: v for k, v in cleaned.items() if v is not None}


def filtered(filters: dict):
    today = timezone.localdate()
    qs = Certificate.objects.select_related("holder", "replaced_by").order_by(
        "holder_name", "-issued_on", "pk"
    )
    if "team" in filters:
        teams = descendants(Team.objects.filter(pk=filters["team"]))
        qs = qs.filter(holder__in=Profile.objects.filter(team__in=teams).values("user_id"))
    if "course" in filters:
        qs = qs.filter(course_id=filters["course"])
    if "status" in filters:
        qs = qs.with_status(filters["status"], today)
    if "expires_within" in filters:
        qs = qs.expiring_between(today, today + datetime.timedelta(days=filters["expires_within"]))
    if "q" in filters:
        qs = qs.filter(Q(holder_name__icontains=filters["q"]) | Q(course_title__icontains=filters["q"]))
    if "policy_update" in filters:
        owing = [fn(filters["policy_update"], on=today) for fn in hooks.get_hooks(POLICY_UPDATE_FILTER_HOOK)]
        if not owing:
            return qs.none()  # nothing asks for policy updates on this site
        match = Q()
        for ids in owing:
            match |= Q(pk__in=ids)
        qs = qs.filter(match)
    return qs


def policy_update_states(certificate_ids, *, on: datetime.date | None = None) -> dict[int, str]:
    """certificate id → ``update_due`` or ``overdue`` for those among ``certificate_ids`` owing a policy
    update (none owe any where no app answers the hook); one query per registered hook, not one per row."""
    today = on or timezone.localdate()
    ids = list(certificate_ids)
    states: dict[int, str] = {}
    if not ids:
        return states
    for fn in hooks.get_hooks(POLICY_UPDATE_STATES_HOOK):
        for certificate_id, state in fn(ids, on=today).items():
            if states.get(certificate_id) != "overdue":
                states[certificate_id] = state
    return states
