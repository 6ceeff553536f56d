"""HR's organisation views: compliance, the leaders-first cascade and what is about to expire."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from evidence.summaries import team_service_trends
from lms.core import roles
from lms.core.models import Team
from lms.site import dashboards, exports


@login_required
def organisation(request):
    roles.require_hr(request.user, _("The organisation view is for HR."))
    data = dashboards.compliance()
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        # One row per team and course, counts and percentages as numbers.
        headers = [_("Team"), _("Members"), _("Course"), _("Certified"), _("Certified %")]
        rows = [
            [r["team"].name, r["members"], course.title, cell["certified"], cell["percent"]]
            for r in data["rows"]
            for course, cell in zip(data["courses"], r["cells"], strict=True)
        ]
        return exports.table_download(headers, rows, fmt, filename="compliance", title=_("Compliance"))
    # Evidence from real service beside compliance: each top team's trends (its teams below included).
    trends = [team_service_trends(t) for t in Team.objects.filter(parent__isnull=True).order_by("name")]
    return render(
        request,
        "lms_site/organisation.html",
        {"data": data, "query": request.GET.urlencode(), "service_trends": trends},
    )


@login_required
def cascade(request):
    roles.require_hr(request.user, _("The organisation view is for HR."))
    tree = dashboards.cascade()
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        rows = []

        def walk(nodes, parent="", depth=1):
            for node in nodes:
                for c in node["courses"]:
                    certified = _("yes") if c["leader_certified"] else _("no")
                    state = _("open") if c["team_open"] else _("waiting")
                    # In the headers' order.
                    rows.append(
                        [node["team"], node["leader"] or "", c["course"], certified, state, parent, depth]
                    )
                walk(node["children"], node["team"], depth + 1)

        walk(tree)
        return exports.table_download(
            [
                _("Team"),
                _("Leader"),
                _("Course"),
                _("Leader certified"),
                _("Team access"),
                _("Parent team"),
                _("Level"),
            ],
            rows,
            fmt,
            filename="leaders-first-cascade",
            title=_("Cascade"),
        )
    return render(request, "lms_site/cascade.html", {"tree": tree})


@login_required
def expiries(request):
    roles.require_hr(request.user, _("The organisation view is for HR."))
    within = request.GET.get("within", "30")
    within = int(within) if within in ("30", "60", "90") else 30
    certificates = dashboards.expiring(within=within)
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        rows = [[c.holder_name, c.course_title, c.expires_on, c.code] for c in certificates]
        return exports.table_download(
            [_("Holder"), _("Course"), _("Expires"), _("Code")],
            rows,
            fmt,
            filename=f"expiring-{within}-days",
            title=_("Expiring"),
        )
    counts = {d: len(dashboards.expiring(within=d)) for d in (30, 60, 90)}
    context = {"certificates": certificates, "within": within, "counts": counts}
    return render(request, "lms_site/expiries.html", context)
