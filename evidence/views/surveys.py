"""Customer surveys: the public one-use page, the link an employee or leader sends, HR's CSV import, and
the leader tagging comments with skills."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import Skill
from lms.core.audit import Origin
from lms.core.exceptions import LMSError
from lms.core.roles import is_hr, is_leader, require_hr, teams_led_by

from .. import forms, surveys
from ..models import SurveyResponse
from .checks import checkable_people

COMMENT_ROWS = 50


def _gone(request, error: LMSError):
    return render(request, "lms_evidence/survey_gone.html", {"message": error.message}, status=error.status)


def survey(request, token):
    """The customer's page: no sign-in, answered once."""
    try:
        link = surveys.open_link(token)
    except LMSError as error:
        return _gone(request, error)
    form = forms.SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            surveys.answer(
                token=token,
                rating=form.cleaned_data["rating"],
                resolved=form.cleaned_data["resolved"],
                comment=form.cleaned_data["comment"],
            )
        except LMSError as error:
            if error.status in (404, 410):
                return _gone(request, error)
            form.add_error(None, error.message)
        else:
            return redirect("lms:survey_thanks")
    status = 400 if request.method == "POST" else 200
    return render(request, "lms_evidence/survey.html", {"form": form, "link": link}, status=status)


def survey_thanks(request):
    return render(request, "lms_evidence/survey_thanks.html")


def _link_people(user):
    if is_hr(user) or is_leader(user):
        return [user, *checkable_people(user)]
    return [user]


@login_required
def survey_link(request):
    people = _link_people(request.user)
    form = forms.SurveyLinkForm(request.POST or None, people=people, initial={"employee": request.user.pk})
    url = None
    if request.method == "POST" and form.is_valid():
        try:
            link = surveys.create_link(
                by=request.user,
                employee=form.cleaned_data["employee"],
                reference=form.cleaned_data["reference"],
            )
        except LMSError as error:
            if error.status == 403:
                raise PermissionDenied(error.message) from None
            form.add_error("reference", error.message)
        else:
            url = request.build_absolute_uri(reverse("lms:survey", kwargs={"token": link.token}))
            form = forms.SurveyLinkForm(people=people, initial={"employee": link.employee_id})
    status = 400 if request.method == "POST" and url is None else 200
    return render(
        request,
        "lms_evidence/survey_link.html",
        {"form": form, "url": url, "days": surveys.LINK_DAYS},
        status=status,
    )


@login_required
def survey_import(request):
    require_hr(request.user, _("Survey import is for HR."))
    report, status = None, 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            report = surveys.ImportReport(errors=[_("Choose a CSV file to upload.")])
        elif not upload.name.lower().endswith(".csv"):
            report = surveys.ImportReport(
                errors=[_("“%(name)s” is not a .csv file.") % {"name": upload.name}]
            )
        else:
            report = surveys.import_csv(
                upload=upload,
                by=request.user,
                dry_run=bool(request.POST.get("dry_run")),
                origin=Origin.of(request),
            )
        status = 400 if report.errors else 200
    return render(
        request,
        "lms_evidence/survey_import.html",
        {"report": report, "columns": surveys.COLUMNS},
        status=status,
    )


@login_required
def survey_template(request):
    require_hr(request.user, _("Survey import is for HR."))
    body = (
        "employee,rating,resolved,comment,received,reference\n"
        "E0101,5,yes,Sorted my refund in one call,2026-03-14,CALL-1001\n"
        "sam.reyes@example.com,2,no,Passed around three times,2026-03-15T10:30,CALL-1002\n"
    )
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="survey-template.csv"'
    return response


def _comments(user):
    if not (is_hr(user) or is_leader(user)):
        raise PermissionDenied(_("Customer comments are tagged by team leaders and HR."))
    responses = (
        SurveyResponse.objects.exclude(comment="").select_related("employee").prefetch_related("skills")
    )
    if not is_hr(user):
        responses = responses.filter(employee__lms_profile__team__in=teams_led_by(user)).exclude(
            employee=user
        )
    return responses.order_by("-received_at")


def _comments_page(request, *, bound=None, status=200):
    skills = list(Skill.objects.originals().order_by("name"))  # tags record originals
    rows = []
    for response in _comments(request.user)[:COMMENT_ROWS]:
        prefix = f"r{response.pk}"
        form = (
            bound
            if bound is not None and bound.prefix == prefix
            else forms.SkillTagForm(
                skills=skills, prefix=prefix, initial={"skills": [str(s.pk) for s in response.skills.all()]}
            )
        )
        rows.append({"response": response, "form": form})
    return render(request, "lms_evidence/survey_comments.html", {"rows": rows}, status=status)


@login_required
def survey_comments(request):
    return _comments_page(request)


@login_required
@require_POST
def tag_comment(request, response_id):
    response = _comments(request.user).filter(pk=response_id).first()
    if response is None:
        raise Http404(_("There is no comment %(id)s from your teams.") % {"id": response_id})
    form = forms.SkillTagForm(
        request.POST, skills=Skill.objects.originals().order_by("name"), prefix=f"r{response.pk}"
    )
    if form.is_valid():
        try:
            surveys.tag_skills(
                response=response, by=request.user, skill_ids=[int(s) for s in form.cleaned_data["skills"]]
            )
        except LMSError as error:
            if error.status == 403:
                raise PermissionDenied(error.message) from None
            form.add_error("skills", error.message)
    if form.errors:
        return _comments_page(request, bound=form, status=400)
    messages.success(request, _("Skills saved for the comment."))
    return redirect(reverse("lms:survey_comments") + f"#comment-{response.pk}")
