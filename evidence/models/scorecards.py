"""Scorecards: weighted criteria, each tied to a skill, versioned like policies."""

import json

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from ..blocks import SectionBlock


class Scorecard(DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("what it is for"), blank=True)
    sections = StreamField([("section", SectionBlock())], verbose_name=_("sections"))
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Goes up by one each time the criteria change.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="lms_scorecard")

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("sections")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def save(self, *args, **kwargs):
        # The row holds the live criteria (drafts live in revisions): a changed row is a new version, and
        # every check keeps a snapshot of the version it used, so old scores never move.
        if self.pk:
            previous = type(self).objects.filter(pk=self.pk).values_list("sections", "version").first()
            if previous:
                stored, version = previous
                changed = _canonical(stored) != _canonical(self.sections.get_prep_value())
                self.version = version + 1 if changed else version
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions


def _canonical(raw) -> str:
    if hasattr(raw, "get_prep_value"):  # a StreamValue, as values_list may hand it back
        raw = raw.get_prep_value()
    if isinstance(raw, str):
        raw = json.loads(raw or "[]")
    return json.dumps(raw or [], sort_keys=True, default=str)
