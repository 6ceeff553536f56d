"""HR reads the audit trail, in words, filtered by action, person and dates, and exports it; nobody can
change it."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.shortcuts import render
from django.utils.translation import gettext as _

from lms.core import roles
from lms.core.models import AuditEvent
from lms.core.names import display_name
from lms.site import exports
from lms.site.audit_text import ACTIONS, action_label, sentences

EXPORT_LIMIT = 50_000


def _date(raw: str, name: str, errors: list) -> datetime.date | None:
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        errors.append(_("%(name)s: “%(raw)s” is not a date (use YYYY-MM-DD).") % {"name": name, "raw": raw})
        return None


def _naming(person: str) -> Q:
    """Events naming the person, word by word ("Sam Lee"): who did it, whose standing, or someone named in
    the details (a team's previous leader, say)."""
    match = Q()
    for word in person.split()[:5]:
        match &= (
            Q(subject__username__icontains=word)
            | Q(subject__first_name__icontains=word)
            | Q(subject__last_name__icontains=word)
            | Q(actor__username__icontains=word)
            | Q(actor__first_name__icontains=word)
            | Q(actor__last_name__icontains=word)
            | Q(details__icontains=word)
        )
    return match


@login_required
def audit_trail(request):
    roles.require_hr(request.user, _("The audit trail is for HR."))
    events = AuditEvent.objects.select_related("actor", "subject")
    # NUL characters cannot reach PostgreSQL; nothing longer than a name or a code is useful here.
    verb = request.GET.get("verb", "").replace("\x00", "").strip()[:100]
    person = request.GET.get("person", "").replace("\x00", "").strip()[:100]
    errors: list[str] = []
    since = _date(request.GET.get("since", "").strip(), _("From"), errors)
    until = _date(request.GET.get("until", "").strip(), _("To"), errors)
    if verb:
        events = events.filter(verb=verb)
    if person:
        events = events.annotate(details=Cast("data", TextField())).filter(_naming(person))
    if since:
        events = events.filter(at__date__gte=since)
    if until:
        events = events.filter(at__date__lte=until)
    if errors:
        events = events.none()
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx") and not errors:
        rows = [
            [
                e.at.replace(tzinfo=None),
                display_name(e.actor) or _("system"),
                action_label(e.verb),
                text,
                display_name(e.subject),
                e.reason,
                e.ip_address or "",
            ]
            for e, text in sentences(events[:EXPORT_LIMIT])
        ]
        headers = [
            _("When"),
            _("Who"),
            _("Action"),
            _("What happened"),
            _("Whose standing"),
            _("Why"),
            _("From"),
        ]
        return exports.table_download(headers, rows, fmt, filename="audit-trail", title=_("Audit trail"))
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    recorded = set(AuditEvent.objects.order_by().values_list("verb", flat=True).distinct())
    actions = sorted(((v, action_label(v)) for v in recorded | set(ACTIONS)), key=lambda a: a[1])
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(
        request,
        "lms_site/audit.html",
        {
            "page": page,
            "rows": sentences(page.object_list),
            "actions": actions,
            "verb": verb,
            "person": person,
            "since": request.GET.get("since", ""),
            "until": request.GET.get("until", ""),
            "errors": errors,
            "query": query.urlencode(),
        },
        status=400 if errors else 200,
    )
