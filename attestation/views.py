"""Policy-update pages: a policy's page (text, customer words, what changed, FAQs, ask), My policy updates
and the re-attestation page, questions waiting for me, and HR's progress and questions. Thin: the rules
live in ``services`` and ``selectors``."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models.snippets import PolicyVersion
from lms.core import roles
from lms.core.audit import Origin
from lms.core.exceptions import LMSError
from lms.core.models import Profile
from lms.core.names import display_name
from lms.core.teams import all_teams, leader_above

from . import forms, selectors, services
from .models import PolicyQuestion


def _refuse(error: LMSError):
    if error.status == 404:
        raise Http404(error.message)
    raise PermissionDenied(error.message)


def _version_number(value, default: int | None) -> int | None:
    text = str(value or "")
    return int(text) if text.isdigit() and len(text) < 6 else default


# --- A policy's page ----------------------------------------------------------------------------------------


def _policy_page(request, policy, *, ask_form=None, status=200):
    versions = list(policy.versions.select_related("published_by"))
    numbers = [v.version for v in versions]
    newer = _version_number(request.GET.get("to"), policy.version)
    older = _version_number(request.GET.get("from"), None)
    if older is None:
        older = max((n for n in numbers if n < newer), default=None)
    diff = PolicyVersion.compare(policy, older, newer) if older is not None and older < newer else None
    context = {
        "policy": policy,
        "versions": versions,
        "diff": diff,
        "faqs": selectors.faqs(policy),
        "ask_form": ask_form or forms.AskForm(),
        "my_questions": [q for q in selectors.questions_asked_by(request.user) if q.policy_id == policy.pk],
        "versions_choices": numbers,
        "chosen": {"from": older, "to": newer},
    }
    return render(request, "lms_attestation/policy.html", context, status=status)


@login_required
def policy_page(request, slug):
    try:
        policy = services.get_policy(slug)
    except LMSError as error:
        _refuse(error)
    return _policy_page(request, policy)


@login_required
@require_POST
def ask(request, slug):
    try:
        policy = services.get_policy(slug)
    except LMSError as error:
        _refuse(error)
    form = forms.AskForm(request.POST)
    if form.is_valid():
        try:
            question = services.ask(
                person=request.user,
                policy=policy,
                text=form.cleaned_data["text"],
                kind=form.cleaned_data["kind"],
            )
        except LMSError as error:
            form.add_error("text", error.message)
        else:
            who = display_name(question.assigned_to) if question.assigned_to else _("HR")
            messages.success(request, _("Sent. %(who)s will answer; you will be told.") % {"who": who})
            return redirect("lms:policy", slug=policy.slug)
    return _policy_page(request, policy, ask_form=form, status=400)


# --- My policy updates and confirming one -------------------------------------------------------------------


def only_changed_lines(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The lines of a word-by-word difference that changed, each whole, with "…" where unchanged lines are
    left out: on a phone a one-word change is then a few lines to read, not the whole policy twice (the
    new version follows in full). Unchanged text is given back as it is."""
    lines: list[list[tuple[str, str]]] = [[]]
    for kind, text in segments:
        for number, piece in enumerate(text.split("\n")):
            if number:
                lines.append([])
            if piece:
                lines[-1].append((kind, piece))
    changed = [any(kind != "same" and text.strip() for kind, text in line) for line in lines]
    if not any(changed):
        return segments
    kept: list[tuple[str, str]] = []
    skipped = False
    for line, has_change in zip(lines, changed, strict=True):
        if not has_change:
            skipped = skipped or any(text.strip() for _kind, text in line)
            continue
        if kept:
            kept.append(("same", "\n…\n" if skipped else "\n"))
        elif skipped:
            kept.append(("same", "…\n"))
        kept.extend((kind, text.lstrip() if n == 0 else text) for n, (kind, text) in enumerate(line))
        skipped = False
    if skipped:
        kept.append(("same", "\n…"))
    return kept


@login_required
def my_updates(request):
    return render(
        request,
        "lms_attestation/my_updates.html",
        {"due": selectors.due_for(request.user), "is_hr": roles.is_hr(request.user)},
    )


def _leader_of(user):
    team_id = Profile.objects.filter(user=user).values_list("team_id", flat=True).first()
    return leader_above(person_id=user.pk, team_id=team_id, teams=all_teams())


@login_required
def update_page(request, version_id):
    try:
        version = services.get_version(version_id)
    except LMSError as error:
        _refuse(error)
    due = next((d for d in selectors.due_for(request.user) if d.version.pk == version.pk), None)
    if due is None:
        raise Http404(_("You have no update of this policy to confirm."))
    questions = [block.value for block in version.questions]
    form = forms.AttestForm(request.POST or None, questions=questions)
    results = None
    status = 200
    if request.method == "POST":
        if not due.may_attest:
            raise PermissionDenied(_("This update opens for you once your team leader has confirmed it."))
        if form.is_valid():
            try:
                outcome = services.attest(
                    person=request.user,
                    version=version,
                    answers=form.answers(),
                    read_and_will_apply=form.cleaned_data["read_and_will_apply"],
                    origin=Origin.of(request),
                )
            except LMSError as error:
                if error.status in (403, 404):
                    _refuse(error)
                form.add_error(None, error.message)
                status = 400
            else:
                if outcome["attested"]:
                    messages.success(
                        request,
                        _("Thank you: you have confirmed version %(n)s of “%(title)s”.")
                        % {"n": version.version, "title": version.title},
                    )
                    return redirect("lms:policy_updates")
                results = outcome["results"]
                status = 400
        else:
            status = 400
    previous = version.previous()
    diff = version.diff_from(previous)
    if previous is not None:
        diff = {**diff, "body": only_changed_lines(diff["body"])}
    context = {
        "version": version,
        "due": due,
        "diff": diff,
        "previous": previous,
        "form": form,
        "results": results,
        "leader": None if due.may_attest else _leader_of(request.user),
    }
    return render(request, "lms_attestation/update.html", context, status=status)


# --- HR -----------------------------------------------------------------------------------------------------


@login_required
def progress(request):
    roles.require_hr(request.user, _("Policy update progress is for HR."))
    rows = selectors.progress()
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="policy-updates.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Policy"),
                _("Version"),
                _("Team"),
                _("People"),
                _("Confirmed"),
                _("Open"),
                _("Waiting"),
                _("Overdue"),
            ]
        )
        for row in rows:
            writer.writerow(
                [
                    row["policy"].title,
                    row["version"].version,
                    row["team"].name if row["team"] else _("No team"),
                    row["people"],
                    row["attested"],
                    row["open"],
                    row["waiting"],
                    row["overdue"],
                ]
            )
        return response
    opened = set(selectors.opened_versions({row["version"].pk for row in rows}))
    return render(
        request,
        "lms_attestation/progress.html",
        {"rows": rows, "opened": opened, "open_form": forms.OpenForm()},
    )


@login_required
@require_POST
def open_for_everyone(request, version_id):
    roles.require_hr(request.user, _("Only HR can open a policy update for everyone."))
    try:
        version = services.get_version(version_id)
    except LMSError as error:
        _refuse(error)
    form = forms.OpenForm(request.POST)
    if form.is_valid():
        try:
            services.open_for_everyone(
                version=version,
                by=request.user,
                reason=form.cleaned_data["reason"],
                origin=Origin.of(request),
            )
        except LMSError as error:
            form.add_error("reason", error.message)
        else:
            messages.success(request, _("Open to everyone now."))
            return redirect("lms:policy_update_progress")
    rows = selectors.progress()
    return render(
        request,
        "lms_attestation/progress.html",
        {
            "rows": rows,
            "opened": set(selectors.opened_versions({row["version"].pk for row in rows})),
            "open_form": form,
            "form_for": version.pk,
        },
        status=400,
    )


# --- Questions ----------------------------------------------------------------------------------------------


def _questions_page(request, *, forms_by_id=None, status=200):
    forms_by_id = forms_by_id or {}
    waiting = list(selectors.questions_for(request.user).order_by("asked_at"))
    answered_by_me = list(
        PolicyQuestion.objects.filter(answered_by=request.user, faq=False)
        .select_related("policy")
        .order_by("-answered_at")[:50]
    )
    context = {
        "waiting": [
            (q, forms_by_id.get(("answer", q.pk)) or forms.AnswerForm(prefix=f"q{q.pk}")) for q in waiting
        ],
        "to_publish": [
            (q, forms_by_id.get(("publish", q.pk)) or forms.PublishForm(prefix=f"p{q.pk}"))
            for q in answered_by_me
        ],
        "mine": list(selectors.questions_asked_by(request.user)[:50]),
        "is_hr": roles.is_hr(request.user),
    }
    return render(request, "lms_attestation/questions.html", context, status=status)


@login_required
def questions(request):
    return _questions_page(request)


@login_required
@require_POST
def answer_question(request, question_id):
    try:
        question = services.get_question(question_id)
    except LMSError as error:
        _refuse(error)
    if not selectors.may_answer(request.user, question):
        raise PermissionDenied(_("This question is not waiting for your answer."))
    form = forms.AnswerForm(request.POST, prefix=f"q{question.pk}")
    if form.is_valid():
        try:
            services.answer(question=question, by=request.user, text=form.cleaned_data["answer"])
        except LMSError as error:
            if error.status == 403:
                _refuse(error)
            form.add_error("answer", error.message)
        else:
            messages.success(request, _("Answered. The person who asked is told."))
            return redirect("lms:policy_questions")
    return _questions_page(request, forms_by_id={("answer", question.pk): form}, status=400)


@login_required
@require_POST
def publish_question(request, question_id):
    try:
        question = services.get_question(question_id)
    except LMSError as error:
        _refuse(error)
    form = forms.PublishForm(request.POST, prefix=f"p{question.pk}")
    if form.is_valid():
        try:
            services.publish_faq(question=question, by=request.user, wording=form.cleaned_data["wording"])
        except LMSError as error:
            if error.status == 403:
                _refuse(error)
            form.add_error("wording", error.message)
        else:
            messages.success(request, _("Published on the policy's page for everyone."))
            return redirect("lms:policy_questions")
    return _questions_page(request, forms_by_id={("publish", question.pk): form}, status=400)


@login_required
def questions_overview(request):
    roles.require_hr(request.user, _("The questions overview is for HR."))
    return render(request, "lms_attestation/questions_overview.html", selectors.question_overview())
