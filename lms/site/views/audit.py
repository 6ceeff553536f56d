"""HR reads the audit trail; nobody can change it."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from lms.core import roles
from lms.core.models import AuditEvent


@login_required
def audit_trail(request):
    roles.require_hr(request.user, "The audit trail is for HR.")
    events = AuditEvent.objects.select_related("actor", "subject")
    verb = request.GET.get("verb", "").strip()
    person = request.GET.get("person", "").strip()
    if verb:
        events = events.filter(verb__startswith=verb)
    if person:
        events = events.filter(
            Q(subject__username__icontains=person)
            | Q(subject__last_name__icontains=person)
            | Q(actor__username__icontains=person)
            | Q(actor__last_name__icontains=person)
        )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    verbs = AuditEvent.objects.order_by().values_list("verb", flat=True).distinct()
    return render(
        request,
        "lms_site/audit.html",
        {"page": page, "verbs": sorted(set(verbs)), "verb": verb, "person": person},
    )
