"""Skills and policies: snippets written once and quoted everywhere from that one source."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

POLICY_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class Skill(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self):
        return self.name


class Policy(PreviewableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """A company policy. Modules quote the live version; certificates record the version they covered."""

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    summary = models.CharField(_("summary"), max_length=255, blank=True)
    body = RichTextField(_("policy text"), features=POLICY_FEATURES)
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Goes up by one each time the wording changes.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="lms_policy")

    panels = [FieldPanel("title"), FieldPanel("slug"), FieldPanel("summary"), FieldPanel("body")]
    search_fields = [index.SearchField("title"), index.SearchField("body"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name = _("policy")
        verbose_name_plural = _("policies")

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def save(self, *args, **kwargs):
        # Wagtail's editor cleans what authors type, but text can also arrive from imports or the shell:
        # keep only the tags and attributes the policy editor allows, whatever the source.
        from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

        self.body = EditorHTMLConverter(features=POLICY_FEATURES).to_database_format(self.body or "")
        # The row holds the live wording (drafts live in revisions), so a changed row is a new version.
        if self.pk:
            previous = (
                type(self).objects.filter(pk=self.pk).values("title", "body", "summary", "version").first()
            )
            if previous:
                changed = (previous["title"], previous["body"], previous["summary"]) != (
                    self.title,
                    self.body,
                    self.summary,
                )
                # Count from the stored version: a draft may carry an older number in its revision.
                self.version = previous["version"] + 1 if changed else previous["version"]
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "lms_courses/policy_preview.html"
