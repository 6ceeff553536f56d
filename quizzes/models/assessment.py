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


class ReviewTiming(models.TextChoices):
    """When a learner may see part of the feedback on an attempt (as Moodle's quiz review options)."""

    ALWAYS = "always", _("After every attempt")
    PASS_OR_LAST = "pass_or_last", _("After a pass or the last attempt")
    PASS = "pass", _("Only after a pass")
    NEVER = "never", _("Never")

    def allows(self, *, passed: bool, last: bool) -> bool:
        """Whether feedback with this timing shows, for a learner who has (or has not) passed, or has
        (or has not) used their last attempt."""
        return self == ReviewTiming.ALWAYS or (
            (self == ReviewTiming.PASS_OR_LAST and (passed or last)) or (self == ReviewTiming.PASS and passed)
        )


def review_field(label, help_text):
    return models.CharField(
        label,
        max_length=20,
        choices=ReviewTiming.choices,
        default=ReviewTiming.PASS_OR_LAST,
        help_text=help_text,
    )


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
    review_answers = review_field(
        _("right answers and reply quality"),
        _(
            "When learners see which options were right, how good each reply was, the right order, the "
            "rubric and their mark for each question. Until then they see their own answers."
        ),
    )
    review_explanations = review_field(
        _("explanations and model answers"),
        _("When learners see each question's explanation and the model answer to a written reply."),
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
        MultiFieldPanel(
            [FieldPanel("review_answers"), FieldPanel("review_explanations")],
            heading=_("What learners see after an attempt"),
            help_text=_(
                "Their scores, pass or fail, the skills that fell short and their own answers always show, "
                "and so do a team leader's marks and comment on a written reply once it is graded. Keep "
                "the keys back until a pass or the last attempt, so a retake measures skill, not memory."
            ),
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
        APIField("review_answers"),
        APIField("review_explanations"),
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

    # The author's preview: what a learner sees once they start, or the same with every key set out.
    PREVIEW_LEARNER, PREVIEW_KEYS = "", "keys"

    @property
    def preview_modes(self):
        return [(self.PREVIEW_LEARNER, _("Learner's view")), (self.PREVIEW_KEYS, _("With answer keys"))]

    def serve_preview(self, request, mode_name):
        from django.template.response import TemplateResponse

        from ..blocks import PoolBlock
        from ..questions import build_snapshot
        from ..results import preview_question

        with_keys = mode_name == self.PREVIEW_KEYS
        snapshot = build_snapshot(self, seed=0)
        context = {
            "page": self,
            "self": self,
            "request": request,
            "with_keys": with_keys,
            "mode_label": dict(self.preview_modes).get(mode_name, self.preview_modes[0][1]),
            "questions": [preview_question(q, with_keys=with_keys) for q in snapshot["questions"]],
            "observation": snapshot["observation"],
            "draws_from_pools": any(isinstance(block.block, PoolBlock) for block in self.questions),
        }
        return TemplateResponse(request, "lms_quizzes/assessment_preview.html", context)
