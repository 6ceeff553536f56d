"""A leader's team view: progress matrix, skill gaps, reviews waiting, and actions."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from attestation import selectors as attestation_selectors
from boosters.selectors import recall_for
from certificates import leaders_first
from certificates.models import Certificate
from certificates.standing import STATE_LABELS
from courses.models import Enrolment
from evidence.summaries import team_service_trends
from lms.core import conf, roles
from lms.core.audit import Origin
from lms.core.exceptions import LMSError
from lms.core.models import Profile
from lms.core.teams import descendants
from lms.site import charts, dashboards, exports, services
from quizzes.models import Attempt
from quizzes.selectors import review_count


def _teams(request):
    teams = services.visible_teams(request.user)
    if not teams:
        raise PermissionDenied(_("The team view is for team leaders."))
    focus = request.GET.get("team")
    if focus:
        try:
            team = services.team_for(request.user, focus)
        except LMSError as error:
            raise Http404(error.message) from None
        return teams, descendants([team]), team
    return teams, teams, None


@login_required
def team_view(request):
    led, teams, focus = _teams(request)
    matrix = dashboards.build_matrix(teams=teams)
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        return exports.matrix_download(matrix, fmt, filename="team-progress")
    # Everyone shown, as a subquery: a list of hundreds of ids costs more to bind than the join costs.
    user_ids = Profile.objects.filter(team__in=teams).values_list("user_id", flat=True)
    gaps = dashboards.skill_gaps(user_ids=user_ids)
    # Evidence from real service beside the training scores: each top team's trends (the teams below are
    # in its figures), and recall from boosters for everyone shown. A fixed number of queries each.
    led_ids = {t.pk for t in led}
    tops = [focus] if focus else [t for t in led if t.parent_id not in led_ids]
    # Counts and charts cover everyone; the table shows one page of people, overdue first.
    page = Paginator(matrix.rows, conf.get("LMS_TEAM_PAGE_SIZE")).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    counts = matrix.counts()
    return render(
        request,
        "lms_site/team.html",
        {
            "matrix": matrix,
            "page": page,
            "teams": led,
            "focus": focus,
            "gaps": gaps,
            "gap_chart": charts.gap_bars(gaps),
            "service_trends": [team_service_trends(t) for t in tops],
            "recall": recall_for(user_ids=user_ids),
            "policy_updates": attestation_selectors.team_due_table(teams),
            "state_chart": charts.state_bars(counts, STATE_LABELS),
            "state_labels": STATE_LABELS,
            "counts": counts,
            "reviews_waiting": review_count(user=request.user),
            "waiting_on_me": leaders_first.waiting_on(request.user),
            "courses": sorted(matrix.courses, key=lambda c: c.title),
            "query": query.urlencode(),
        },
    )


@login_required
@require_POST
def nudge(request):
    people = list(get_user_model().objects.filter(pk__in=request.POST.getlist("people")))
    if not people:
        messages.error(request, _("Choose at least one person to nudge."))
        return redirect("lms:team")
    try:
        services.nudge(
            sender=request.user,
            recipients=people,
            message=request.POST.get("message", ""),
            origin=Origin.of(request),
        )
    except LMSError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext("Nudge sent to %(n)s person.", "Nudge sent to %(n)s people.", len(people))
            % {"n": len(people)},
        )
    return redirect("lms:team")


@login_required
def member_history(request, user_id):
    person = get_user_model().objects.filter(pk=user_id).first()
    if person is None or not (roles.is_hr(request.user) or roles.leads(request.user, person)):
        raise Http404(_("You lead nobody with that id."))
    return render(
        request,
        "lms_site/member.html",
        {
            "person": person,
            "profile": Profile.objects.filter(user=person).select_related("team").first(),
            "enrolments": Enrolment.objects.filter(user=person)
            .select_related("course")
            .order_by("-enrolled_at"),
            "attempts": Attempt.objects.filter(learner=person)
            .select_related("course")
            .order_by("-started_at"),
            "certificates": Certificate.objects.filter(holder=person).select_related("replaced_by"),
        },
    )
