"""The assessment page an author builds for a course."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from courses.models.pages import SignedInPageMixin

from ..blocks import AssessmentQuestionsBlock, ObservationItemBlock


def percent_field(label, default, help_text):
    return models.PositiveSmallIntegerField(
        label, default=default, validators=[MaxValueValidator(100)], help_text=help_text
    )


class AssessmentPage(SignedInPageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "ul", "link"])
    awareness_threshold = percent_field(
        _("awareness pass mark (%)"), 70, _("Score needed on the knowledge questions.")
    )
    skill_threshold = percent_field(_("skill pass mark (%)"), 70, _("Score needed on the skill questions."))
    skill_minimum = percent_field(
        _("minimum per skill (%)"),
        50,
        _("Every skill the course covers must reach this on each dimension it is tested on."),
    )
    attempt_limit = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, help_text=_("0: no limit.")
    )
    cooldown_minutes = models.PositiveIntegerField(
        _("wait between attempts (minutes)"), default=60, help_text=_("After a failed attempt.")
    )
    time_limit_minutes = models.PositiveIntegerField(
        _("time limit (minutes)"), default=30, help_text=_("0: none.")
    )
    questions = StreamField(AssessmentQuestionsBlock(), verbose_name=_("questions"))
    observation = StreamField(
        [("item", ObservationItemBlock())],
        verbose_name=_("practical observation checklist"),
        blank=True,
        help_text=_(
            "Behaviours a certified team leader signs off after watching a real or role-played contact. "
            "Required for the certificate."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("questions"),
        FieldPanel("observation"),
        MultiFieldPanel(
            [
                FieldPanel("awareness_threshold"),
                FieldPanel("skill_threshold"),
                FieldPanel("skill_minimum"),
                FieldPanel("attempt_limit"),
                FieldPanel("cooldown_minutes"),
                FieldPanel("time_limit_minutes"),
            ],
            heading=_("Pass marks and rules"),
        ),
    ]
    parent_page_types = ["lms_courses.CoursePage"]
    subpage_types = []
    max_count_per_parent = 1
    # The questions are deliberately not exposed: answer keys never leave the server before submission.
    api_fields = [
        APIField("intro"),
        APIField("awareness_threshold"),
        APIField("skill_threshold"),
        APIField("skill_minimum"),
        APIField("attempt_limit"),
        APIField("cooldown_minutes"),
        APIField("time_limit_minutes"),
    ]
    template = "lms_quizzes/assessment_page.html"

    class Meta:
        verbose_name = _("assessment")

    @property
    def course(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        from ..selectors import assessment_state_for

        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            context["state"] = assessment_state_for(user=request.user, assessment=self)
        return context

    def serve_preview(self, request, mode_name):
        # Authors preview the questions as a learner would see them (with keys, since it is the author).
        from django.template.response import TemplateResponse

        from ..questions import build_snapshot

        snapshot = build_snapshot(self, seed=0)
        return TemplateResponse(
            request, "lms_quizzes/assessment_preview.html", {"page": self, "snapshot": snapshot}
        )
