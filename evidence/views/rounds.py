"""Mystery-shopper rounds: HR or a head of service plans them and follows coverage; shoppers log contacts
against the script."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lms.core.audit import Origin
from lms.core.exceptions import LMSError
from lms.core.roles import is_hr
from lms.core.teams import descendants

from .. import forms, rounds, scoring
from ..facts import CheckInvalid
from ..models import ServiceCheck, ShopperScript, ShopRound
from .checks import FORM_TEMPLATE, form_context, submit_draft
from .common import person, refuse


def _require_planner(user):
    if not (is_hr(user) or rounds.is_head_of_service(user)):
        raise PermissionDenied(_("Mystery-shopper rounds are planned by HR or a head of service."))


def _planned_rounds(user):
    """The rounds ``user`` follows: HR all; a head of service those covering teams they lead (or planned)."""
    if is_hr(user):
        return ShopRound.objects.all()
    team_ids = [t.pk for t in rounds.plannable_teams(user)]
    return (
        ShopRound.objects.filter(teams__in=team_ids) | ShopRound.objects.filter(created_by=user)
    ).distinct()


@login_required
def round_list(request):
    _require_planner(request.user)
    items = _planned_rounds(request.user).select_related("script").prefetch_related("teams")
    return render(request, "lms_evidence/rounds.html", {"rounds": items})


@login_required
def round_new(request):
    _require_planner(request.user)
    kwargs = {"teams": rounds.plannable_teams(request.user), "scripts": ShopperScript.objects.all()}
    form = forms.RoundForm(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = rounds.plan(by=request.user, **_plan_of(data))
        except LMSError as error:
            if error.status == 403:
                refuse(error)
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Round planned. The shoppers see it under My rounds."))
            return redirect("lms:round", round_id=item.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "lms_evidence/round_form.html", {"form": form}, status=status)


def _plan_of(data: dict) -> dict:
    """The round form's answers as ``rounds.plan`` and ``rounds.change`` take them."""
    return {
        "title": data["title"],
        "script": data["script"],
        "teams": list(data["teams"]),
        "contacts_per_team": data["contacts_per_team"],
        "channels": data["channels"],
        "times_of_day": data["times_of_day"],
        "shoppers": list(data["shoppers"]),
        "starts_on": data["starts_on"],
        "ends_on": data["ends_on"],
    }


@login_required
def round_edit(request, round_id):
    """Change a planned round: the same form and rules as planning it; once contacts are logged, the
    parts that would take one out of the plan are refused and the page says what stays editable."""
    _require_planner(request.user)
    item = _planned_rounds(request.user).select_related("script").filter(pk=round_id).first()
    if item is None:
        raise Http404(_("There is no round %(id)s that you follow.") % {"id": round_id})
    if not rounds.may_change(request.user, item):
        raise PermissionDenied(_("A round is changed by HR or by a head of service whose teams it covers."))
    current_teams = list(item.teams.all())
    teams = {t.pk: t for t in [*rounds.plannable_teams(request.user), *current_teams]}
    initial = {
        "title": item.title,
        "script": item.script_id,
        "teams": [t.pk for t in current_teams],
        "contacts_per_team": item.contacts_per_team,
        "channels": item.channels,
        "times_of_day": item.times_of_day,
        "shoppers": [u.pk for u in item.shoppers.all()],
        "starts_on": item.starts_on,
        "ends_on": item.ends_on,
    }
    form = forms.RoundForm(
        request.POST or None,
        initial=initial,
        teams=list(teams.values()),
        scripts=ShopperScript.objects.all(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rounds.change(by=request.user, shop_round=item, origin=Origin.of(request), **_plan_of(data))
        except LMSError as error:
            if error.status == 403:
                refuse(error)
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Round changed."))
            return redirect("lms:round", round_id=item.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "round": item, "contacts_logged": len(rounds.logged_contacts(item))}
    return render(request, "lms_evidence/round_form.html", context, status=status)


def _bars(rows, planned):
    for row in rows:
        row["percent"] = min(100, round(100 * row["done"] / planned)) if planned else 0
    return rows


@login_required
def round_detail(request, round_id):
    _require_planner(request.user)
    item = _planned_rounds(request.user).select_related("script").filter(pk=round_id).first()
    if item is None:
        raise Http404(_("There is no round %(id)s that you follow.") % {"id": round_id})
    cover = rounds.coverage(item)
    # Channels and times of day have no per-item target: the bars compare each with the round's total plan.
    _bars(cover["teams"], item.contacts_per_team)
    _bars(cover["channels"], cover["planned"])
    _bars(cover["times_of_day"], cover["planned"])
    contacts = (
        ServiceCheck.objects.filter(round=item, state=ServiceCheck.State.SUBMITTED)
        .select_related("employee", "checker")
        .order_by("-contacted_at")
    )
    return render(
        request,
        "lms_evidence/round_detail.html",
        {
            "round": item,
            "cover": cover,
            "contacts": contacts,
            "shoppers": item.shoppers.order_by("first_name", "last_name"),
            "can_change": rounds.may_change(request.user, item),
        },
    )


@login_required
def my_rounds(request):
    items = ShopRound.objects.filter(shoppers=request.user).select_related("script")
    mine = ServiceCheck.objects.filter(round__in=items, checker=request.user).select_related("employee")
    by_round = {}
    for check in mine:
        by_round.setdefault(check.round_id, []).append(check)
    return render(
        request,
        "lms_evidence/my_rounds.html",
        {"rounds": [{"round": r, "contacts": by_round.get(r.pk, [])} for r in items]},
    )


def _round_people(item, shopper):
    teams = descendants(item.teams.all())
    return (
        get_user_model()
        .objects.filter(is_active=True, lms_profile__team__in=teams)
        .exclude(pk=shopper.pk)
        .order_by("first_name", "last_name", "username")
    )


@login_required
def round_log(request, round_id):
    item = (
        ShopRound.objects.select_related("script__scorecard")
        .filter(pk=round_id, shoppers=request.user)
        .first()
    )
    if item is None:
        raise Http404(_("You are not a shopper on a round %(id)s.") % {"id": round_id})
    chosen = request.POST.get("employee") or request.GET.get("employee")
    if not chosen:
        return render(
            request,
            "lms_evidence/round_choose.html",
            {"round": item, "people": _round_people(item, request.user)},
        )
    employee = person(chosen)
    snapshot = scoring.snapshot_of(item.script.scorecard)
    if request.method != "POST":
        return render(
            request,
            FORM_TEMPLATE,
            form_context(request, employee=employee, snapshot=snapshot, values={}, shop_round=item),
        )
    policies = forms.live_policies()
    values = forms.values_from_post(request.POST, snapshot, policies)
    data = forms.check_data(values, snapshot, policies)
    try:
        check = rounds.log_contact(
            shop_round=item,
            shopper=request.user,
            employee=employee,
            data=data,
            submit=False,
            origin=Origin.of(request),
        )
    except CheckInvalid as invalid:
        context = form_context(
            request,
            employee=employee,
            snapshot=snapshot,
            values=values,
            errors=invalid.errors,
            shop_round=item,
        )
        return render(request, FORM_TEMPLATE, context, status=400)
    except LMSError as error:
        if error.status in (403, 404):
            refuse(error)
        field = "channel" if error.code == "channel_not_planned" else None
        context = form_context(
            request,
            employee=employee,
            snapshot=snapshot,
            values=values,
            errors={field or "employee": error.message},
            shop_round=item,
        )
        return render(request, FORM_TEMPLATE, {**context, "general_error": error.message}, status=400)
    if "submit" not in request.POST:
        messages.success(request, _("Draft saved. Finish it any time from My rounds."))
        return redirect("lms:check_edit", check_id=check.pk)
    return submit_draft(request, check, values, snapshot)
