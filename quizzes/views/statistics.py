from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from lms.core import roles
from quizzes.models import AssessmentPage
from quizzes.question_types import UnknownQuestionType
from quizzes.results import type_label
from quizzes.stats import question_statistics, skill_statistics


def _require(request):
    if not request.user.is_authenticated or not roles.can_see_statistics(request.user):
        raise PermissionDenied(_("Item statistics are for course authors and HR."))


def statistics_index(request):
    _require(request)
    assessments = AssessmentPage.objects.live().order_by("path")
    return render(request, "lms_quizzes/statistics_index.html", {"assessments": assessments})


def statistics_detail(request, assessment_id):
    _require(request)
    assessment = get_object_or_404(AssessmentPage, pk=assessment_id)
    return render(
        request,
        "lms_quizzes/statistics.html",
        {
            "assessment": assessment,
            "questions": _labelled(question_statistics(assessment)),
            "skills": skill_statistics(assessment),
        },
    )


def _labelled(rows: list[dict]) -> list[dict]:
    """Each row with its question type in the author's words (a type no longer registered keeps its name)."""
    for row in rows:
        try:
            row["type_label"] = type_label({"type": row["type"]})
        except UnknownQuestionType:
            row["type_label"] = row["type"]
    return rows
