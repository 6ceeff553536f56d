"""Service checks: record one (draft or submit), the checker's drafts, a check's page with what follows
from it (courses to assign, coaching actions), the employee's checks, reply and dispute, and disputes
waiting for their resolver."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import CoursePage, Skill
from lms.core.audit import Origin
from lms.core.converters import as_id
from lms.core.exceptions import LMSError
from lms.core.models import Team
from lms.core.roles import is_hr, is_leader, leads, teams_led_by

from .. import forms, rules, scoring, services, summaries
from ..facts import CheckInvalid
from ..models import CalibrationScore, CoachingAction, Dispute, Scorecard, ServiceCheck
from ..rounds import is_head_of_service
from .common import name, person, refuse

FORM_TEMPLATE = "lms_evidence/check_form.html"
# Checks are listed by when the contact happened (the date shown), newest first, on every page.
NEWEST_CONTACT_FIRST = (F("contacted_at").desc(nulls_last=True), "-pk")


def calibration_warning(user) -> dict | None:
    """Why ``user``'s own checks would not count toward team figures yet, or None when they would: a leader
    who has not passed the current calibration (HR always counts). ``contact`` is the calibration contact
    still to score, or None when there is none or they scored it without passing."""
    if rules.is_calibrated(user):
        return None
    contact = rules.current_calibration()
    if contact is not None and CalibrationScore.objects.filter(contact=contact, leader=user).exists():
        contact = None
    return {"contact": contact}


def checkable_people(user):
    """Who ``user`` may pick to check: HR anyone with a team, a leader the people in their teams."""
    people = (
        get_user_model().objects.filter(is_active=True, lms_profile__team__isnull=False).exclude(pk=user.pk)
    )
    if not is_hr(user):
        people = people.filter(lms_profile__team__in=teams_led_by(user))
    return people.order_by("first_name", "last_name", "username")


def _require_checker(user):
    if not (is_hr(user) or is_leader(user)):
        raise PermissionDenied(_("Service checks are recorded by team leaders and HR."))


@login_required
def checks_home(request):
    """The checker's starting point: who to check, drafts, and the checks they made lately."""
    _require_checker(request.user)
    drafts = ServiceCheck.objects.filter(checker=request.user, state=ServiceCheck.State.DRAFT).select_related(
        "employee"
    )
    made = (
        ServiceCheck.objects.filter(checker=request.user, state=ServiceCheck.State.SUBMITTED)
        .select_related("employee")
        .order_by(*NEWEST_CONTACT_FIRST)[:20]
    )
    return render(
        request,
        "lms_evidence/checks_home.html",
        {
            "people": checkable_people(request.user),
            "drafts": drafts,
            "made": made,
            "is_hr": is_hr(request.user),
            "can_plan": is_hr(request.user) or is_head_of_service(request.user),
            "calibration_warning": calibration_warning(request.user),
        },
    )


def form_context(
    request, *, employee, snapshot, values, errors=None, missing=frozenset(), check=None, shop_round=None
):
    """The check form's context (shared with a shopper's contact, which shows the round's script)."""
    policies = forms.live_policies()
    if shop_round is None and check is not None and check.round_id:
        shop_round = check.round
    channels = forms.Channel.choices
    if shop_round is not None:
        channels = [(value, label) for value, label in channels if value in shop_round.channels]
    return {
        "employee": employee,
        "employee_name": name(employee),
        "snapshot": snapshot,
        "sections": forms.criteria_sections(snapshot, values, missing),
        "policies": forms.policy_rows(policies, values),
        "values": values,
        "errors": errors or {},
        "channels": channels,
        "yes_no": forms.YES_NO_CHOICES,
        "treatments": [str(n) for n in range(1, 6)],
        "check": check,
        "shop_round": shop_round,
        "script": shop_round.script if shop_round else None,
        # A mystery-shopper contact always counts; a leader's own check only once they are calibrated.
        "calibration_warning": None if shop_round is not None else calibration_warning(request.user),
    }


def _chosen_scorecard(request):
    scorecards = list(Scorecard.objects.filter(live=True).order_by("title"))
    if not scorecards:
        raise Http404(_("No scorecard is published yet: HR publishes scorecards in the admin."))
    wanted = request.POST.get("scorecard") or request.GET.get("scorecard")
    if wanted:
        try:
            return services.live_scorecard(wanted), scorecards
        except LMSError as error:
            refuse(error)
    return (scorecards[0] if len(scorecards) == 1 else None), scorecards


@login_required
def new_check(request):
    employee = person(request.POST.get("employee") or request.GET.get("employee"))
    scorecard, scorecards = _chosen_scorecard(request)
    if scorecard is None:
        return render(
            request, "lms_evidence/choose_scorecard.html", {"employee": employee, "scorecards": scorecards}
        )
    snapshot = scoring.snapshot_of(scorecard)
    refusal = rules.check_refusal(request.user, employee, snapshot)
    if refusal:
        raise PermissionDenied(refusal[1])
    policies = forms.live_policies()
    if request.method != "POST":
        context = form_context(request, employee=employee, snapshot=snapshot, values={})
        return render(request, FORM_TEMPLATE, {**context, "scorecard": scorecard})
    values = forms.values_from_post(request.POST, snapshot, policies)
    data = forms.check_data(values, snapshot, policies)
    try:
        # Saved as a draft first, so a submission that is not complete yet loses nothing.
        check = services.record_check(
            checker=request.user,
            employee=employee,
            scorecard=scorecard,
            data=data,
            submit=False,
            origin=Origin.of(request),
        )
    except CheckInvalid as invalid:
        context = form_context(
            request, employee=employee, snapshot=snapshot, values=values, errors=invalid.errors
        )
        return render(request, FORM_TEMPLATE, {**context, "scorecard": scorecard}, status=400)
    except LMSError as error:
        refuse(error)
    if "submit" not in request.POST:
        messages.success(request, _("Draft saved. Finish it any time from your drafts."))
        return redirect("lms:check_edit", check_id=check.pk)
    return submit_draft(request, check, values, snapshot)


def submit_draft(request, check, values, snapshot, data=None):
    try:
        check = services.update_check(
            check=check, by=request.user, data=data or {}, submit=True, origin=Origin.of(request)
        )
    except CheckInvalid as invalid:
        check.refresh_from_db()
        missing = forms.unanswered(snapshot, values) if "answers" in invalid.errors else set()
        context = form_context(
            request,
            employee=check.employee,
            snapshot=snapshot,
            values=values,
            errors=invalid.errors,
            missing=missing,
            check=check,
        )
        return render(request, FORM_TEMPLATE, context, status=400)
    except LMSError as error:
        refuse(error)
    messages.success(request, _("Check submitted. %(name)s can see it now.") % {"name": name(check.employee)})
    return redirect("lms:check", check_id=check.pk)


@login_required
def edit_check(request, check_id):
    check = (
        ServiceCheck.objects.select_related("employee", "round__script")
        .filter(pk=check_id, checker=request.user, state=ServiceCheck.State.DRAFT)
        .first()
    )
    if check is None:
        raise Http404(_("You have no draft check with id %(id)s.") % {"id": check_id})
    policies = forms.live_policies()
    if request.method != "POST":
        values = forms.values_from_check(check, policies)
        return render(
            request,
            FORM_TEMPLATE,
            form_context(
                request, employee=check.employee, snapshot=check.snapshot, values=values, check=check
            ),
        )
    values = forms.values_from_post(request.POST, check.snapshot, policies)
    data = forms.check_data(values, check.snapshot, policies)
    if "submit" in request.POST:
        return submit_draft(request, check, values, check.snapshot, data=data)
    try:
        services.update_check(
            check=check, by=request.user, data=data, submit=False, origin=Origin.of(request)
        )
    except CheckInvalid as invalid:
        context = form_context(
            request,
            employee=check.employee,
            snapshot=check.snapshot,
            values=values,
            errors=invalid.errors,
            check=check,
        )
        return render(request, FORM_TEMPLATE, context, status=400)
    except LMSError as error:
        refuse(error)
    messages.success(request, _("Draft saved."))
    return redirect("lms:check_edit", check_id=check.pk)


def _visible(request, check_id) -> ServiceCheck:
    try:
        return services.check_for(user=request.user, check_id=check_id)
    except LMSError as error:
        refuse(error)


def _can_coach(user, check) -> bool:
    return is_hr(user) or user.pk == check.checker_id or leads(user, check.employee)


def _owners(user, check) -> list:
    owners = {check.employee.pk: check.employee}
    if check.checker_id != check.employee_id:
        owners.setdefault(check.checker.pk, check.checker)
    if leads(user, check.employee):
        owners.setdefault(user.pk, user)
    return list(owners.values())


def _detail(request, check, *, status=200, **bound):
    user = request.user
    criteria = scoring.criteria_of(check.snapshot)
    missed = set(scoring.score(check.snapshot, check.answers).missed)
    sections = [
        {
            "title": section["title"],
            "criteria": [
                {
                    **c,
                    "answer": forms.answer_label(c, check.answers.get(c["id"])),
                    "missed": c["id"] in missed,
                }
                for c in section["criteria"]
            ],
        }
        for section in check.snapshot.get("sections", [])
    ]
    can_coach = _can_coach(user, check)
    is_employee = user.pk == check.employee_id
    assignments = [
        {"item": a, "figures": services.before_and_after(a)}
        for a in check.assignments.select_related("skill", "course", "check_record")
    ]
    skill_names = {c["skill"]["slug"]: c["skill"]["name"] for c in criteria.values() if c["skill"]}
    disputes = list(check.disputes.all())
    for d in disputes:
        d.criterion_text = criteria.get(d.criterion, {}).get("text", d.criterion)
    context = {
        "check": check,
        "sections": sections,
        "missed": [c for s in sections for c in s["criteria"] if c["missed"]],
        "skills": [
            {"name": skill_names.get(slug, slug), "score": v} for slug, v in check.skill_scores.items()
        ],
        "policies": check.policy_statements.select_related("policy"),
        "can_coach": can_coach,
        "is_employee": is_employee,
        "suggestions": services.suggestions(check) if can_coach else [],
        "assignments": assignments,
        "actions": check.actions.select_related("owner"),
        "disputes": disputes,
        "action_form": bound.get("action_form")
        or (
            forms.ActionForm(owners=_owners(user, check), initial={"owner": check.employee_id})
            if can_coach
            else None
        ),
        "reply_form": bound.get("reply_form")
        or (forms.ReplyForm(initial={"text": check.employee_reply}) if is_employee else None),
        "dispute_form": bound.get("dispute_form")
        or (forms.DisputeForm(check=check) if is_employee else None),
        "error": bound.get("error"),
    }
    return render(request, "lms_evidence/check_detail.html", context, status=status)


@login_required
def check_detail(request, check_id):
    check = _visible(request, check_id)
    if check.is_draft:
        return redirect("lms:check_edit", check_id=check.pk)
    return _detail(request, check)


@login_required
@require_POST
def assign(request, check_id):
    check = _visible(request, check_id)
    if check.is_draft or not _can_coach(request.user, check):
        raise PermissionDenied(
            _("Only the checker, the employee's leader or HR can assign courses from a check.")
        )
    skill = Skill.objects.filter(
        pk=request.POST.get("skill") if as_id(request.POST.get("skill")) is not None else None
    ).first()
    course = (
        CoursePage.objects.live()
        .filter(pk=request.POST.get("course") if as_id(request.POST.get("course")) is not None else None)
        .first()
    )
    if skill is None or course is None:
        return _detail(request, check, status=400, error=_("Choose a suggested course to assign."))
    try:
        services.assign_from_check(
            check=check, by=request.user, skill=skill, course=course, origin=Origin.of(request)
        )
    except LMSError as error:
        if error.status in (403, 404):
            refuse(error)
        return _detail(request, check, status=400, error=error.message)
    messages.success(
        request,
        _("%(course)s assigned to %(name)s.") % {"course": course.title, "name": name(check.employee)},
    )
    return redirect(reverse("lms:check", kwargs={"check_id": check.pk}) + "#assignments")


@login_required
@require_POST
def add_action(request, check_id):
    check = _visible(request, check_id)
    if check.is_draft or not _can_coach(request.user, check):
        raise PermissionDenied(_("Only the checker, the employee's leader or HR can set follow-ups."))
    form = forms.ActionForm(request.POST, owners=_owners(request.user, check))
    if form.is_valid():
        try:
            services.add_action(
                check=check,
                by=request.user,
                owner=form.cleaned_data["owner"],
                text=form.cleaned_data["text"],
                due_on=form.cleaned_data["due_on"],
            )
        except LMSError as error:
            if error.status == 403:
                refuse(error)
            field = (
                "due_on"
                if error.code == "due_date_past"
                else "owner"
                if error.code == "invalid_owner"
                else "text"
            )
            form.add_error(field, error.message)
    if not form.is_valid() or form.errors:
        return _detail(request, check, status=400, action_form=form)
    messages.success(request, _("Follow-up added."))
    return redirect(reverse("lms:check", kwargs={"check_id": check.pk}) + "#actions")


@login_required
@require_POST
def complete_action(request, action_id):
    action = CoachingAction.objects.filter(pk=action_id, owner=request.user).first()
    if action is None:
        raise Http404(_("You have no follow-up with id %(id)s.") % {"id": action_id})
    services.complete_action(action=action, by=request.user)
    messages.success(request, _("Follow-up marked done."))
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(reverse("lms:check", kwargs={"check_id": action.check_record_id}) + "#actions")


@login_required
def my_checks(request):
    checks = (
        ServiceCheck.objects.filter(employee=request.user, state=ServiceCheck.State.SUBMITTED)
        .select_related("checker")
        .order_by(*NEWEST_CONTACT_FIRST)
    )
    return render(
        request,
        "lms_evidence/my_checks.html",
        {"checks": checks, "followups": summaries.my_followups(request.user)},
    )


def _own_submitted(request, check_id) -> ServiceCheck:
    check = _visible(request, check_id)
    if check.is_draft or check.employee_id != request.user.pk:
        raise PermissionDenied(_("Only the person checked can reply to or dispute a check."))
    return check


@login_required
@require_POST
def reply(request, check_id):
    check = _own_submitted(request, check_id)
    form = forms.ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.reply(check=check, by=request.user, text=form.cleaned_data["text"])
        except LMSError as error:
            form.add_error("text", error.message)
    if form.errors:
        return _detail(request, check, status=400, reply_form=form)
    messages.success(request, _("Your reply is saved."))
    return redirect(reverse("lms:check", kwargs={"check_id": check.pk}) + "#reply")


@login_required
@require_POST
def dispute(request, check_id):
    check = _own_submitted(request, check_id)
    form = forms.DisputeForm(request.POST, check=check)
    if form.is_valid():
        try:
            services.dispute(
                check=check,
                by=request.user,
                criterion=form.cleaned_data["criterion"],
                comment=form.cleaned_data["comment"],
                origin=Origin.of(request),
            )
        except LMSError as error:
            form.add_error("comment" if error.code == "invalid_comment" else "criterion", error.message)
    if form.errors:
        return _detail(request, check, status=400, dispute_form=form)
    messages.success(request, _("Your dispute is sent. The checker's leader or HR will decide."))
    return redirect(reverse("lms:check", kwargs={"check_id": check.pk}) + "#disputes")


def waiting_disputes(user):
    """Open disputes ``user`` may settle (the same rule as rules.dispute_resolver_refusal, as a query)."""
    disputes = Dispute.objects.filter(state=Dispute.State.OPEN).select_related(
        "check_record__employee", "check_record__checker", "raised_by"
    )
    if not is_hr(user):
        disputes = disputes.filter(check_record__checker__lms_profile__team__in=teams_led_by(user))
    return disputes.exclude(Q(check_record__checker=user) | Q(check_record__employee=user)).order_by(
        "created_at"
    )


def _disputes_page(request, *, bound=None, status=200):
    rows = []
    for item in waiting_disputes(request.user):
        criterion = scoring.criteria_of(item.check_record.snapshot).get(item.criterion)
        if criterion is None:
            continue
        form = (
            bound
            if bound is not None and bound.prefix == f"d{item.pk}"
            else forms.ResolveForm(criterion=criterion, prefix=f"d{item.pk}")
        )
        rows.append(
            {
                "dispute": item,
                "criterion": criterion,
                "answer": forms.answer_label(criterion, item.old_value),
                "form": form,
            }
        )
    return render(request, "lms_evidence/disputes.html", {"rows": rows}, status=status)


@login_required
def disputes(request):
    _require_checker(request.user)
    return _disputes_page(request)


@login_required
@require_POST
def resolve(request, dispute_id):
    _require_checker(request.user)
    item = waiting_disputes(request.user).filter(pk=dispute_id).first()
    if item is None:
        raise Http404(_("There is no dispute %(id)s waiting for you.") % {"id": dispute_id})
    criterion = scoring.criteria_of(item.check_record.snapshot)[item.criterion]
    form = forms.ResolveForm(request.POST, criterion=criterion, prefix=f"d{item.pk}")
    if form.is_valid():
        data = form.cleaned_data
        if data["outcome"] == "change" and not data["new_value"]:
            form.add_error("new_value", _("Give the new answer for this criterion."))
        else:
            try:
                services.resolve_dispute(
                    dispute=item,
                    by=request.user,
                    outcome=data["outcome"],
                    resolution=data["resolution"],
                    new_value=data["new_value"] or None,
                    origin=Origin.of(request),
                )
            except LMSError as error:
                if error.status in (403, 404):
                    refuse(error)
                form.add_error(
                    "new_value" if error.code in ("unchanged", "invalid_answer") else "resolution",
                    error.message,
                )
    if form.errors:
        return _disputes_page(request, bound=form, status=400)
    messages.success(
        request,
        _("Decision recorded. %(name)s can see it on the check.")
        % {"name": name(item.check_record.employee)},
    )
    return redirect("lms:disputes")


@login_required
def service_trends(request):
    """A team's service figures by month (the include the team view shows), for its leaders and HR."""
    teams = list(Team.objects.order_by("name")) if is_hr(request.user) else teams_led_by(request.user)
    if not teams:
        raise PermissionDenied(_("Service trends are for team leaders and HR."))
    wanted = request.GET.get("team")
    if wanted:
        team = next((t for t in teams if str(t.pk) == wanted), None)
        if team is None:
            raise Http404(_("You lead no team with id %(id)s.") % {"id": wanted})
    else:
        ids = {t.pk for t in teams}
        team = next((t for t in teams if t.parent_id not in ids), teams[0])
    return render(
        request,
        "lms_evidence/service_trends.html",
        {"teams": teams, "team": team, "service_trends": summaries.team_service_trends(team)},
    )
