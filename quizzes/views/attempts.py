"""Taking an assessment in the browser: start, answer (autosaved by the page's script), submit, result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.services import get_course
from lms.core.exceptions import LMSError
from quizzes import question_types, rules, services
from quizzes.forms import answers_from_post
from quizzes.results import input_view, result_for, standing_of


@login_required
@require_POST
def start_attempt(request, course_id):
    try:
        course = get_course(course_id)
        attempt, _created = services.start_attempt(user=request.user, course=course)
    except LMSError as error:
        messages.error(request, error.message)
        return redirect(request.POST.get("next") or "lms:my_training")
    return redirect("lms:attempt", attempt_id=attempt.pk)


def _render_open(request, attempt, answers=None, errors=None, status=200):
    saved = services.saved_answers(attempt) if answers is None else answers
    questions = []
    for asked in attempt.snapshot["questions"]:
        # Built from the public view only, so no key can reach the page's templates.
        question = input_view(asked, saved.get(asked["id"]))
        question["error"] = (errors or {}).get(question["id"])
        questions.append(question)
    deadline = rules.deadline(attempt)
    return render(
        request,
        "lms_quizzes/attempt.html",
        {"attempt": attempt, "questions": questions, "deadline": deadline, "has_errors": bool(errors)},
        status=status,
    )


@login_required
def attempt_page(request, attempt_id):
    try:
        attempt = services.own_attempt(user=request.user, attempt_id=attempt_id)
    except LMSError as error:
        messages.error(request, error.message)
        return redirect("lms:my_training")
    if attempt.is_open and rules.is_past_deadline(attempt):
        attempt = services.submit(user=request.user, attempt_id=attempt.pk)
        messages.info(request, _("Time ran out, so your saved answers were submitted for you."))
    if attempt.is_open:
        return _render_open(request, attempt)
    return _render_result(request, attempt)


def _render_result(request, attempt):
    standing = standing_of(attempt)
    result = result_for(attempt, standing=standing)
    asked = {q["id"]: q for q in attempt.snapshot["questions"]}
    for question in result["questions"]:
        question["unanswered"] = question["response"] in (None, "", [], {}) or (
            isinstance(question["response"], str) and not question["response"].strip()
        )
        # For the page only: the API returns the same result without template names. With the keys shown,
        # the type's feedback template sets the learner's answer beside the right one; without, the
        # learner sees their answer as they gave it, in the attempt page's own (disabled) inputs.
        if result["review"]["answers"]:
            question["feedback_template"] = question_types.of(question).feedback_template
        else:
            question["answer_view"] = input_view(asked[question["id"]], question["response"])
    context = {
        "attempt": attempt,
        "result": result,
        "standing": standing,
        # The certificate this pass has just earned: the page's one next step.
        "certificate_earned": bool(standing and standing.is_done and attempt.passed),
    }
    return render(request, "lms_quizzes/result.html", context)


def _save_posted(request, attempt_id):
    attempt = services.own_attempt(user=request.user, attempt_id=attempt_id)
    answers, errors = answers_from_post(attempt.snapshot, request.POST)
    if errors:
        return attempt, answers, errors
    if attempt.is_open and answers:
        services.save_answers(user=request.user, attempt_id=attempt.pk, answers=answers)
    return attempt, answers, {}


@login_required
@require_POST
def save_attempt(request, attempt_id):
    """Saving without JavaScript: the page's own form posts here."""
    try:
        attempt, answers, errors = _save_posted(request, attempt_id)
    except LMSError as error:
        messages.error(request, error.message)
        return redirect("lms:attempt", attempt_id=attempt_id)
    if errors:
        return _render_open(request, attempt, answers, errors, status=400)
    messages.success(request, _("Your answers are saved. You can come back to them at any time."))
    return redirect("lms:attempt", attempt_id=attempt.pk)


@login_required
@require_POST
def submit_attempt(request, attempt_id):
    try:
        attempt, answers, errors = _save_posted(request, attempt_id)
        if errors:
            return _render_open(request, attempt, answers, errors, status=400)
        services.submit(user=request.user, attempt_id=attempt.pk)
    except LMSError as error:
        messages.error(request, error.message)
    return redirect("lms:attempt", attempt_id=attempt_id)
