"""A certified leader's review queue: grade written replies, sign off observations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.core.audit import Origin
from lms.core.exceptions import LMSError
from quizzes import results, selectors, services
from quizzes.models import Review

REVIEWS_PER_PAGE = 50


@login_required
def review_queue(request):
    reviews = selectors.review_list(user=request.user)
    page = Paginator(reviews, REVIEWS_PER_PAGE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    # How far each observation has come (n of m behaviours signed off), read in one query for the page:
    # the listing itself leaves the snapshot out.
    observations = [r.pk for r in rows if r.kind == Review.Kind.OBSERVATION]
    progress = {}
    if observations:
        for pk, marks, checklist in Review.objects.filter(pk__in=observations).values_list(
            "pk", "marks", "attempt__snapshot__observation"
        ):
            progress[pk] = {"signed": len(marks or {}), "total": len(checklist or [])}
    for row in rows:
        row.progress = progress.get(row.pk)
    return render(request, "lms_quizzes/review_queue.html", {"reviews": rows, "page": page})


def _signed_off_message(review) -> str:
    """What a sign-off did: all done, or how many behaviours are signed and that the rest are awaited."""
    total = len(review.attempt.snapshot.get("observation", []))
    signed = len(review.marks)
    if review.state == Review.State.DONE:
        return ngettext(
            "Signed off. The behaviour is seen and the observation is complete. Thank you for watching "
            "real work.",
            "Signed off. All %(total)d behaviours are seen and the observation is complete. Thank you for "
            "watching real work.",
            total,
        ) % {"total": total}
    return ngettext(
        "%(signed)d of %(total)d behaviour signed off; the observation stays open until every behaviour "
        "is seen.",
        "%(signed)d of %(total)d behaviours signed off; the observation stays open until every behaviour "
        "is seen.",
        total,
    ) % {"signed": signed, "total": total}


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
                signed = services.sign_off(
                    reviewer=request.user,
                    review_id=review.pk,
                    items=request.POST.getlist("items"),
                    note=request.POST.get("note", ""),
                    origin=Origin.of(request),
                )
                messages.success(request, _signed_off_message(signed))
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
            # The context a grade is given in: the knowledge score so far, and whether it can still pass.
            "so_far": results.score_so_far(review.attempt),
            "thresholds": review.attempt.assessment,
            "signed_count": sum(1 for item in checklist if item["signed"]),
            "question": question,
            "response": response,
            "checklist": checklist,
            "error": error,
            "posted": request.POST if request.method == "POST" else {},
        },
        status=400 if error else 200,
    )
