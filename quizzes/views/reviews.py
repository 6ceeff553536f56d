"""A certified leader's review queue: grade written replies, sign off observations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lms.core.audit import Origin
from lms.core.exceptions import LMSError
from quizzes import selectors, services
from quizzes.models import Review

REVIEWS_PER_PAGE = 50


@login_required
def review_queue(request):
    reviews = selectors.review_list(user=request.user)
    page = Paginator(reviews, REVIEWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "lms_quizzes/review_queue.html", {"reviews": page.object_list, "page": page})


@login_required
def review_detail(request, review_id):
    try:
        review = services.reviewable(reviewer=request.user, review_id=review_id)
    except LMSError as error:
        messages.error(request, error.message)
        return redirect("lms:reviews")
    question = services.question_of(review)
    response = None
    if question:
        response = (
            review.attempt.answers.filter(question_id=question["id"])
            .values_list("response", flat=True)
            .first()
        )
    error = None
    if request.method == "POST" and review.state == Review.State.PENDING:
        try:
            if review.kind == Review.Kind.WRITTEN:
                marks = {}
                for criterion in question["rubric"]:
                    raw = request.POST.get(f"mark-{criterion['id']}", "")
                    if raw.strip().isascii() and raw.strip().lstrip("-").isdigit():
                        marks[criterion["id"]] = int(raw)
                services.grade_written(
                    reviewer=request.user,
                    review_id=review.pk,
                    marks=marks,
                    comment=request.POST.get("comment", ""),
                    origin=Origin.of(request),
                )
                messages.success(request, _("Graded. The learner will see your marks and comment."))
            else:
                services.sign_off(
                    reviewer=request.user,
                    review_id=review.pk,
                    items=request.POST.getlist("items"),
                    note=request.POST.get("note", ""),
                    origin=Origin.of(request),
                )
                messages.success(request, _("Signed off. Thank you for watching real work."))
            return redirect("lms:reviews")
        except LMSError as exc:
            error = exc.message
    signed = review.marks if review.kind == Review.Kind.OBSERVATION else {}
    checklist = [
        {**item, "signed": signed.get(item["id"])} for item in review.attempt.snapshot.get("observation", [])
    ]
    return render(
        request,
        "lms_quizzes/review_detail.html",
        {
            "review": review,
            "question": question,
            "response": response,
            "checklist": checklist,
            "error": error,
            "posted": request.POST if request.method == "POST" else {},
        },
        status=400 if error else 200,
    )
