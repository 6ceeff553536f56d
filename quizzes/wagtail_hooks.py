"""Admin: assessment statistics for authors, and the authoring check where authors work.

The check (``quizzes.authoring``) shows in two places: a warning on an assessment's edit view listing
each question to change (and after publishing one that still needs it), and a "Question quality"
report under Reports listing every flagged question with a link to edit its assessment.
"""

from dataclasses import dataclass

from django.contrib import messages as django_messages
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .authoring import check_assessment
from .models import AssessmentPage

REPORT_URL_NAME = "lms_question_quality"


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return MenuItem(_("Assessment statistics"), reverse("lms:statistics"), icon_name="table", order=210)


# The warning on the edit view


def _summary(check) -> str:
    return ngettext(
        "Question quality: %(count)d question gives its answer away by option length, or repeats an "
        "option. Learners could score without knowing the answer.",
        "Question quality: %(count)d questions give their answers away by option length, or repeat an "
        "option. Learners could score without knowing the answers.",
        check.flagged,
    ) % {"count": check.flagged}


def _details(check):
    """Each flagged question once, with what to change (a list when there is more than one thing)."""
    advice = {}
    for finding in check.findings:
        advice.setdefault(finding.question, []).append(finding.advice)
    items = []
    for question, changes in advice.items():
        if len(changes) == 1:
            items.append(format_html("<li><strong>{}</strong> {}</li>", question, changes[0]))
        else:
            items.append(
                format_html(
                    "<li><strong>{}</strong><ul>{}</ul></li>",
                    question,
                    format_html_join("", "<li>{}</li>", ((change,) for change in changes)),
                )
            )
    return format_html(
        '<ul class="lms-question-quality">{}</ul>', format_html_join("", "{}", ((i,) for i in items))
    )


@hooks.register("before_edit_page")
def warn_about_question_quality(request, page):
    """Shown each time an author opens (or, after saving a draft, returns to) an assessment's edit view,
    for the version being edited."""
    if request.method != "GET" or not isinstance(page, AssessmentPage):
        return None
    check = check_assessment(page)
    if check:
        django_messages.warning(
            request,
            messages.render(
                _summary(check),
                [messages.button(f"{reverse(REPORT_URL_NAME)}?assessment={page.pk}", _("See the report"))],
                detail=_details(check),
            ),
        )
    return None


@hooks.register("after_publish_page")
def warn_after_publishing(request, page):
    """Publishing leaves the edit view, so say it there and then."""
    if not isinstance(page, AssessmentPage):
        return None
    check = check_assessment(page)
    if check:
        messages.warning(
            request,
            _summary(check),
            buttons=[messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Edit"))],
        )
    return None


# The report


@dataclass
class FlaggedQuestion:
    assessment: str
    edit_url: str
    question: str
    advice: str


class QuestionQualityReport(ReportView):
    """Every question, in every assessment the user may edit, that the authoring check flags."""

    page_title = _("Question quality")
    header_icon = "help"
    index_url_name = REPORT_URL_NAME
    model = AssessmentPage
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 100
    columns = [
        TitleColumn("assessment", label=_("Assessment"), get_url=lambda row: row.edit_url),
        Column("question", label=_("Question")),
        Column("advice", label=_("What to change")),
    ]

    @property
    def permission_policy(self):
        return PagePermissionPolicy()

    @property
    def no_results_message(self):
        return _(
            "Every question passes: no option gives its answer away by its length, and no option "
            "repeats another."
        )

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        pages = AssessmentPage.objects.filter(pk__in=editable.values("pk")).order_by("path")
        only = self.request.GET.get("assessment", "")
        # ASCII digits of a size any database holds ("²".isdigit() is true, and 20 digits overflow SQLite).
        if only.isascii() and only.isdigit() and len(only) <= 18:
            pages = pages.filter(pk=int(only))
        rows = []
        for page in pages:
            check = check_assessment(page.get_latest_revision_as_object())
            edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            rows += [FlaggedQuestion(page.title, edit_url, f.question, f.advice) for f in check.findings]
        return rows


class QuestionQualityMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_admin_urls")
def question_quality_urls():
    return [path("reports/question-quality/", QuestionQualityReport.as_view(), name=REPORT_URL_NAME)]


@hooks.register("register_reports_menu_item")
def question_quality_menu_item():
    return QuestionQualityMenuItem(
        _("Question quality"), reverse(REPORT_URL_NAME), name="question-quality", icon_name="help", order=650
    )
