"""Boosters and course-feedback pages. Thin: call a service, render. Every page works without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.services import get_course
from lms.core import roles
from lms.core.audit import Origin
from lms.core.exceptions import LMSError
from lms.core.models import Team
from quizzes import question_types
from quizzes.results import input_view

from . import feedback, selectors, services
from .api import visible_team


def _refuse(error: LMSError):
    if error.status == 404:
        raise Http404(error.message)
    raise PermissionDenied(error.message)


def _course(course_id):
    try:
        return get_course(course_id)
    except LMSError as error:
        _refuse(error)


def _question_context(card, *, saved=None, error=None) -> dict:
    view = input_view(card.question, saved)
    view.update(error=error)
    return {"card": card, "q": view}


def _answered_before(value) -> int:
    """How many questions of this set were answered before the one on screen (carried by the "Next
    question" link and the form), so the page can say "Question 2 of 2"; only ever a count to show."""
    text = str(value or "")
    return int(text) if text.isdigit() and len(text) < 3 else 0


@login_required
def boosters(request):
    """One question at a time: answer it, see at once whether it was right and why, then the next."""
    if services.is_paused(request.user):
        return render(request, "lms_boosters/boosters.html", {"paused": True})
    cards = services.due_set(user=request.user)
    if request.method == "POST":
        answered = _answered_before(request.POST.get("answered"))
        card = next((c for c in cards if str(c.pk) == request.POST.get("card")), None)
        if card is None:
            messages.info(request, _("That question was answered already; here is what is waiting now."))
            return redirect("lms:boosters")
        name = f"q-{card.question['id']}"
        kind = question_types.of(card.question)
        try:
            response = kind.from_post(card.question, request.POST, name)
            if response is None:
                raise question_types.UnreadableAnswer(_("Choose an answer first."))
            result = services.answer(user=request.user, card_id=card.pk, response=response)
        except (question_types.UnreadableAnswer, LMSError) as problem:
            message = problem.message if isinstance(problem, LMSError) else str(problem)
            context = _question_context(card, saved=request.POST.get(name), error=message)
            return render(
                request,
                "lms_boosters/boosters.html",
                {**context, "position": answered + 1, "total": answered + len(cards)},
                status=400,
            )
        q = {
            **result,
            "feedback_template": kind.feedback_template,
            "prompt": card.question["prompt"],
            "skills": [s["name"] for s in card.question["skills"]],
        }
        return render(
            request,
            "lms_boosters/boosters.html",
            {
                "answered": q,
                "card": card,
                "more": len(cards) - 1,
                "answered_count": answered + 1,
                "total": answered + len(cards),
            },
        )
    if not cards:
        return render(request, "lms_boosters/boosters.html", {"done": True})
    answered = _answered_before(request.GET.get("answered"))
    return render(
        request,
        "lms_boosters/boosters.html",
        {**_question_context(cards[0]), "position": answered + 1, "total": answered + len(cards)},
    )


@login_required
@require_POST
def pause(request):
    if request.POST.get("paused") == "1":
        services.pause(user=request.user, origin=Origin.of(request))
        messages.success(request, _("Boosters paused. Resume them whenever you are back."))
    else:
        services.resume(user=request.user, origin=Origin.of(request))
        messages.success(request, _("Boosters resumed."))
    return redirect("lms:boosters")


@login_required
def give_feedback(request, course_id):
    """At the course's end: rate it 1-5, say what would make it more useful, optionally per module."""
    course = _course(course_id)
    if not feedback.may_give(user=request.user, course=course):
        raise PermissionDenied(_("You can rate this course once you have finished it."))
    modules = list(course.modules())
    mine = feedback.mine(user=request.user, course=course)
    error = None
    if request.method == "POST":
        per_module = {
            str(m.pk): {
                "rating": request.POST.get(f"module-{m.pk}-rating", ""),
                "comment": request.POST.get(f"module-{m.pk}-comment", ""),
            }
            for m in modules
        }
        try:
            feedback.give(
                user=request.user,
                course=course,
                rating=request.POST.get("rating", ""),
                comment=request.POST.get("comment", ""),
                modules=per_module,
            )
        except LMSError as problem:
            error = problem.message
        else:
            messages.success(request, _("Thank you: your feedback is saved. You can change it at any time."))
            return redirect("lms:course_feedback", course_id=course.pk)
    saved = {m.module_id: m for m in mine.modules.all()} if mine else {}
    posted = request.POST if request.method == "POST" else None
    rows = [
        {
            "module": m,
            "rating": posted.get(f"module-{m.pk}-rating", "")
            if posted
            else str(getattr(saved.get(m.pk), "rating", "") or ""),
            "comment": posted.get(f"module-{m.pk}-comment", "")
            if posted
            else getattr(saved.get(m.pk), "comment", ""),
        }
        for m in modules
    ]
    return render(
        request,
        "lms_boosters/feedback_form.html",
        {
            "course": course,
            "mine": mine,
            "rating": posted.get("rating", "") if posted else str(mine.rating if mine else ""),
            "comment": posted.get("comment", "") if posted else (mine.comment if mine else ""),
            "rows": rows,
            "error": error,
            "scale": ["1", "2", "3", "4", "5"],
        },
        status=400 if error else 200,
    )


@login_required
def feedback_overview(request):
    if not feedback.may_read(request.user):
        raise PermissionDenied(_("Course feedback is for course authors and HR."))
    return render(
        request,
        "lms_boosters/feedback_overview.html",
        {"courses": feedback.overview(), "min_answers": feedback.min_answers()},
    )


@login_required
def feedback_summary(request, course_id):
    if not feedback.may_read(request.user):
        raise PermissionDenied(_("Course feedback is for course authors and HR."))
    return render(
        request,
        "lms_boosters/feedback_summary.html",
        {"summary": feedback.summary(course=_course(course_id))},
    )


@login_required
def team_recall(request):
    """Leaders and HR: the recall figures of the teams they may see (``?team=`` narrows to one and those
    below it). The team view shows the same section."""
    teams = (
        list(Team.objects.order_by("name")) if roles.is_hr(request.user) else roles.teams_led_by(request.user)
    )
    if not teams:
        raise PermissionDenied(_("Recall figures are for team leaders and HR."))
    focus = None
    if request.GET.get("team"):
        text = request.GET["team"]
        try:
            focus = visible_team(request.user, int(text) if text.isdigit() and len(text) < 18 else -1)
        except LMSError as error:
            _refuse(error)
    recall = selectors.team_recall(focus if focus else teams)
    return render(
        request, "lms_boosters/team_recall.html", {"recall": recall, "teams": teams, "focus": focus}
    )
