"""Wagtail pages: the catalogue, a course, and the modules inside it."""

from django import forms
from django.conf import settings as django_settings
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from lms.core import conf
from lms.core.exceptions import LMSError

from ..blocks import ModuleBodyBlock


def _either(words: list[str], conjunction: str) -> str:
    """'A', 'A or B', 'A, B or C'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


class SignedInPageMixin:
    """Training pages show each person's own progress, so they ask visitors to sign in first."""

    def serve(self, request, *args, **kwargs):
        if conf.get("LMS_LOGIN_REQUIRED") and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), django_settings.LOGIN_URL)
        return super().serve(request, *args, **kwargs)


class DirectChildRouteMixin:
    """Route to a child in one query when the child's page types are known: Wagtail's own ``route``
    takes two per level (the base page, then its specific type), and every training page is routed."""

    def routable_child_models(self) -> list[type[Page]]:
        return []

    def route(self, request, path_components):
        if path_components:
            for model in self.routable_child_models():
                child = model.objects.child_of(self).filter(slug=path_components[0]).first()
                if child is not None:
                    child._cached_parent_obj = self
                    return child.route(request, path_components[1:])
        return super().route(request, path_components)


class CataloguePage(DirectChildRouteMixin, SignedInPageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["lms_courses.CoursePage"]
    api_fields = [APIField("intro")]
    template = "lms_courses/catalogue_page.html"

    class Meta:
        verbose_name = _("course catalogue")

    def routable_child_models(self):
        return [CoursePage]

    def get_context(self, request, *args, **kwargs):
        from ..selectors import CatalogueFilters, catalogue_for, filter_options, sees_every_course

        context = super().get_context(request, *args, **kwargs)
        try:
            filters = CatalogueFilters.from_params(request.GET)
        except LMSError as error:
            # A stale bookmark or a hand-edited address: say what was wrong and show every course.
            context["filter_error"] = error.message
            filters = CatalogueFilters()
        visible = catalogue_for(user=request.user, catalogue=self)
        entries = filters.apply(visible)
        context.update(
            entries=entries,
            filters=filters,
            visible_count=len(visible),
            options=filter_options(visible, filters),
            sees_all=sees_every_course(request.user),
        )
        return context


class CoursePage(DirectChildRouteMixin, SignedInPageMixin, Page):
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences: why this course matters."))
    description = RichTextField(_("description"), blank=True, features=["h3", "bold", "italic", "ul", "link"])
    audience = models.CharField(_("audience"), max_length=160, blank=True, help_text=_("Who should take it."))
    audience_teams = ParentalManyToManyField(
        "lms.Team",
        verbose_name=_("shown to teams"),
        blank=True,
        related_name="+",
        help_text=_("Offer the course to these teams and every team below them."),
    )
    audience_job_titles = models.TextField(
        _("shown to job titles"),
        blank=True,
        help_text=_(
            "One job title per line, as written on staff profiles (capitals do not matter). "
            "Leave both this and the teams empty to offer the course to everyone."
        ),
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated time (minutes)"), default=30)
    skills = ParentalManyToManyField("lms_courses.Skill", verbose_name=_("skills covered"), blank=True)
    leaders_first = models.BooleanField(
        _("leaders first"),
        default=True,
        help_text=_("A team may start only once its leader holds a valid certificate for this course."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("certificate validity (months)"),
        default=12,
        help_text=_("How long a certificate for this course stays valid before it must be renewed."),
    )

    assessment_opens_early = models.BooleanField(
        _("assessment opens before the modules are done"),
        default=False,
        help_text=_(
            "Usually the assessment opens once every required module is done, so it checks what the "
            "course taught. Tick to let people take it first (for example, to test out of a course)."
        ),
    )

    renews = models.ForeignKey(
        "self",
        verbose_name=_("refresher for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="refreshers",
        help_text=_(
            "Make this a short refresher path: passing it renews the certificate for the chosen course."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("estimated_minutes"), FieldPanel("skills")],
            heading=_("Who and what"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience_teams", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audience_job_titles"),
            ],
            heading=_("Who sees it in the catalogue"),
            help_text=_(
                "People see the course if they work in one of the teams (or a team below one) or hold "
                "one of the job titles. HR and editors always see every course, and anyone assigned "
                "or enrolled keeps seeing theirs."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("leaders_first"),
                FieldPanel("assessment_opens_early"),
                FieldPanel("validity_months"),
                FieldPanel("renews"),
            ],
            heading=_("Certification rules"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("description")]
    parent_page_types = ["lms_courses.CataloguePage"]
    subpage_types = ["lms_courses.ModulePage", "lms_quizzes.AssessmentPage"]
    api_fields = [
        APIField("summary"),
        APIField("description"),
        APIField("audience"),
        APIField("estimated_minutes"),
        APIField("skills"),
        APIField("leaders_first"),
        APIField("validity_months"),
    ]
    template = "lms_courses/course_page.html"

    class Meta:
        verbose_name = _("course")

    def job_titles(self) -> list[str]:
        """The audience's job titles, one per line of ``audience_job_titles``, blanks dropped."""
        return [line.strip() for line in self.audience_job_titles.splitlines() if line.strip()]

    def shown_to(self) -> str:
        """Who the catalogue offers the course to, in words; empty when it is for everyone."""
        parts = []
        teams = [team.name for team in self.audience_teams.all()]
        if len(teams) == 1:
            parts.append(gettext("the %(team)s team and the teams below it") % {"team": teams[0]})
        elif teams:
            parts.append(
                gettext("the %(teams)s teams and the teams below them")
                % {"teams": _either(teams, pgettext("joins the last two of a list", "and"))}
            )
        titles = self.job_titles()
        if titles:
            quoted = [gettext("“%(title)s”") % {"title": title} for title in titles]
            parts.append(
                gettext("people titled %(titles)s")
                % {"titles": _either(quoted, pgettext("joins the last two of a list", "or"))}
            )
        return gettext(", and to ").join(parts)

    def modules(self):
        return ModulePage.objects.live().child_of(self).defer_streamfields().order_by("path")

    def assessment(self):
        from django.apps import apps

        return apps.get_model("lms_quizzes", "AssessmentPage").objects.live().child_of(self).first()

    def routable_child_models(self):
        from django.apps import apps

        return [ModulePage, apps.get_model("lms_quizzes", "AssessmentPage")]

    def get_context(self, request, *args, **kwargs):
        from ..hooks import course_page_context
        from ..selectors import course_state_for

        context = super().get_context(request, *args, **kwargs)
        context["state"] = course_state_for(user=request.user, course=self)
        if request.user.is_authenticated:
            context.update(course_page_context(request.user, self))
        return context


class ModulePage(SignedInPageMixin, Page):
    summary = models.CharField(_("summary"), max_length=255, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated time (minutes)"), default=10)
    required = models.BooleanField(_("required"), default=True, help_text=_("Needed to finish the course."))
    body = StreamField(ModuleBodyBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("estimated_minutes"), FieldPanel("required")], heading=_("Settings")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["lms_courses.CoursePage"]
    subpage_types = []
    api_fields = [APIField("summary"), APIField("estimated_minutes"), APIField("required"), APIField("body")]
    template = "lms_courses/module_page.html"

    class Meta:
        verbose_name = _("module")

    def course(self) -> "CoursePage":
        """The course this module belongs to: the one routing already loaded, else one query."""
        parent = getattr(self, "_cached_parent_obj", None)  # set by Wagtail's and our routing
        if isinstance(parent, CoursePage):
            return parent
        return CoursePage.objects.get(path=self.path[: -self.steplen])

    def get_context(self, request, *args, **kwargs):
        from ..selectors import module_state_for
        from ..services import open_module

        context = super().get_context(request, *args, **kwargs)
        state = module_state_for(user=request.user, module=self)
        if state.enrolment is not None:
            open_module(enrolment=state.enrolment, module=self)  # where to pick up next time
        context["state"] = state
        return context
