"""Calibration: HR publishes a contact with reference answers; leaders score it blind, then see how far
they agreed; HR sees every leader's agreement and Krippendorff's alpha."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lms.core.audit import Origin
from lms.core.exceptions import LMSError
from lms.core.roles import is_hr, is_leader, require_hr

from .. import calibration, forms, rules, scoring
from ..models import CalibrationContact, CalibrationScore
from .checks import _chosen_scorecard


def _require_leader(user):
    if not (is_leader(user) or is_hr(user)):
        raise PermissionDenied(_("Calibration is for team leaders and HR."))


def _compared(contact, answers: dict) -> list[dict]:
    criteria = scoring.criteria_of(contact.snapshot)
    return [
        {
            "text": c["text"],
            "yours": forms.answer_label(c, answers.get(cid)),
            "reference": forms.answer_label(c, contact.reference_answers.get(cid)),
            "agrees": calibration._agrees(c, contact.reference_answers.get(cid), answers.get(cid)),
        }
        for cid, c in criteria.items()
    ]


@login_required
def current(request):
    _require_leader(request.user)
    contact = rules.current_calibration()
    context = {"contact": contact, "is_hr": is_hr(request.user)}
    if contact is None:
        return render(request, "lms_evidence/calibration.html", context)
    mine = CalibrationScore.objects.filter(contact=contact, leader=request.user).first()
    status, values, error, missing = 200, {}, None, set()
    if request.method == "POST" and mine is None:
        answers, values = forms.answers_from_post(request.POST, contact.snapshot)
        try:
            mine = calibration.score_blind(
                contact=contact, leader=request.user, answers=answers, origin=Origin.of(request)
            )
        except LMSError as failure:
            if failure.status == 403:
                raise PermissionDenied(failure.message) from None
            status, error = 400, failure.message
            missing = (
                forms.unanswered(contact.snapshot, values) if failure.code == "answers_incomplete" else set()
            )
        else:
            messages.success(request, _("Thank you: your scoring is recorded."))
            return redirect("lms:calibration")
    if mine is not None:
        # The reference is shown only once the leader has scored: before that it would not be blind.
        context.update({"score": mine, "compared": _compared(contact, mine.answers)})
    else:
        context.update(
            {"sections": forms.criteria_sections(contact.snapshot, values, missing), "error": error}
        )
    return render(request, "lms_evidence/calibration.html", context, status=status)


@login_required
def publish(request):
    require_hr(request.user, _("Calibration contacts are published by HR."))
    scorecard, scorecards = _chosen_scorecard(request)
    if scorecard is None:
        return render(request, "lms_evidence/calibration_choose.html", {"scorecards": scorecards})
    snapshot = scoring.snapshot_of(scorecard)
    form = forms.CalibrationForm(request.POST or None)
    values, error, missing, status = {}, None, set(), 200
    if request.method == "POST":
        answers, values = forms.answers_from_post(request.POST, snapshot)
        status = 400
        if form.is_valid():
            try:
                contact = calibration.publish(
                    by=request.user,
                    scorecard=scorecard,
                    title=form.cleaned_data["title"],
                    transcript=form.cleaned_data["transcript"],
                    reference_answers=answers,
                    pass_mark=form.cleaned_data["pass_mark"],
                )
            except LMSError as failure:
                error = failure.message
                missing = (
                    forms.unanswered(snapshot, values) if failure.code == "answers_incomplete" else set()
                )
            else:
                messages.success(request, _("Published. Leaders now see it under Calibration."))
                return redirect("lms:calibration_summary", contact_id=contact.pk)
        else:
            missing = forms.unanswered(snapshot, values)
    return render(
        request,
        "lms_evidence/calibration_form.html",
        {
            "form": form,
            "scorecard": scorecard,
            "sections": forms.criteria_sections(snapshot, values, missing),
            "error": error,
        },
        status=status,
    )


@login_required
def summary(request, contact_id):
    require_hr(request.user, _("The calibration summary is for HR."))
    contact = CalibrationContact.objects.filter(pk=contact_id).first()
    if contact is None:
        raise Http404(_("There is no calibration contact %(id)s.") % {"id": contact_id})
    return render(
        request,
        "lms_evidence/calibration_summary.html",
        {**calibration.summary(contact), "all_contacts": CalibrationContact.objects.all()[:20]},
    )
