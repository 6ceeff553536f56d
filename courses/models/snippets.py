"""Skills and policies: snippets written once and quoted everywhere from that one source.

Each published change of a policy's wording is kept as a ``PolicyVersion`` (material or minor, with a
one-line summary), so anyone can see what changed between versions; higher layers react to a new version
through the ``lms_policy_version_published`` hook (``fn(version)``), asked inside the same transaction.

Both are translatable with Wagtail's localisation (``TranslatableMixin``): a translation is a row in another
locale with the same translation key, usually the same slug. Which row a slug means is decided in one place,
``TranslatableSnippetQuerySet.by_slug``: the active language's, else the default locale's; with
``original=True`` the original (default-locale) row, the one versions, certificates and evidence are
recorded against.
"""

import difflib
import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.dispatch import receiver
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Locale, PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail.signals import published

POLICY_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


def _content_language(code: str | None) -> str | None:
    """The content language (WAGTAIL_CONTENT_LANGUAGES) that ``code`` maps to, or None."""
    try:
        return get_supported_content_language_variant(code) if code else None
    except LookupError:
        return None


def default_language() -> str | None:
    """The language of the site's default locale: the one originals are written in."""
    return _content_language(settings.LANGUAGE_CODE)


def active_language() -> str | None:
    """The content language of the language active now (the page's, the person's)."""
    return _content_language(translation.get_language())


class TranslatableSnippetQuerySet(models.QuerySet):
    """Skills and policies under Wagtail localisation. The one place that says which row a slug means.

    A translation (``copy_for_translation``, wagtail-localize) is a row of its own in another locale, with the
    same ``translation_key`` and usually the same slug. The *original* is the row in the site's default
    locale (or, for something written only in another language, the row itself): versions, certificates,
    evidence and attestation are recorded against it. A translation only changes what is displayed.
    """

    def originals(self):
        """The rows things are recorded against: the default locale's, plus rows with no default-locale
        translation (written in another language first)."""
        default = default_language()
        in_default = self.model._default_manager.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=default
        )
        return self.filter(Q(locale__language_code=default) | ~Exists(in_default))

    def originals_of(self, pks):
        """The originals of the rows with these ids (a translation's original; an original itself)."""
        keys = self.model._default_manager.filter(pk__in=pks).values("translation_key")
        return self.originals().filter(translation_key__in=keys)

    def originals_by_pk(self, pks) -> dict:
        """``{id: its original}`` for the rows of this queryset with these ids (ids not found left out),
        in one query."""
        given = self.filter(pk__in=pks)
        group = self.model._default_manager.filter(translation_key__in=given.values("translation_key"))
        rows = list(group.annotate(_given=Exists(given.filter(pk=OuterRef("pk")))).select_related("locale"))
        default = default_language()
        in_default = {row.translation_key: row for row in rows if row.locale.language_code == default}
        return {row.pk: in_default.get(row.translation_key, row) for row in rows if row._given}

    def in_bulk(self, id_list=None, *, field_name="pk"):
        """As Django's; by ``slug`` (unique in each locale, no longer across them) it gives each slug's
        original, as before translations existed."""
        if field_name != "slug":
            return super().in_bulk(id_list, field_name=field_name)
        if id_list is None:
            return {row.slug: row for row in self.originals()}
        return self.by_slugs(id_list, original=True)

    def by_slug(self, slug: str, *, original: bool = False):
        """The row ``slug`` means, or None: the active language's translation when there is one in this
        queryset, else the default locale's row (else any row with that slug). With ``original=True``,
        the original of whatever the slug names, for lookups about identity (versions, certificates,
        evidence, attestation)."""
        return self.by_slugs([slug], original=original).get(slug) if slug else None

    def by_slugs(self, slugs, *, original: bool = False) -> dict:
        """``{slug: row}`` for each of ``slugs`` that names a row, chosen as ``by_slug`` says, in one
        query however many slugs."""
        slugs = {s for s in slugs if s}
        if not slugs:
            return {}
        active, default = active_language(), default_language()
        want = default if original else active
        named = self.filter(slug__in=slugs)
        rows = self.filter(Q(slug__in=slugs) | Q(translation_key__in=named.values("translation_key")))
        by_slug: dict[str, dict] = {}
        by_key: dict = {}
        for row in rows.select_related("locale").order_by("pk"):
            language = row.locale.language_code
            by_key.setdefault(row.translation_key, {}).setdefault(language, row)
            if row.slug in slugs:
                by_slug.setdefault(row.slug, {}).setdefault(language, row)
        found = {}
        for slug, by_language in by_slug.items():
            # The slug in the language wanted; else the row it names (the default's, else the active
            # language's, else the first), or that row's translation in the language wanted.
            base = (
                by_language.get(want)
                or by_language.get(default)
                or by_language.get(active)
                or next(iter(by_language.values()))
            )
            found[slug] = by_key[base.translation_key].get(want, base)
        return found


class TranslatableSnippet(TranslatableMixin):
    """What skills and policies share under localisation: their queryset, and the way from a translation
    back to its original."""

    objects = TranslatableSnippetQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        abstract = True

    # Fields unique in each language (a database constraint each, checked here so a form says so).
    unique_per_locale = ("slug",)

    def clean(self):
        super().clean()
        locale_id = self.locale_id or Locale.get_default().pk
        errors = {}
        for field in self.unique_per_locale:
            value = getattr(self, field)
            same = (
                type(self)._default_manager.filter(**{field: value}, locale_id=locale_id).exclude(pk=self.pk)
            )
            if value and same.exists():
                errors[field] = self.unique_error_message(type(self), (field,))
        if errors:
            raise ValidationError(errors)

    @property
    def is_original(self) -> bool:
        """Whether this row is the one things are recorded against (see TranslatableSnippetQuerySet)."""
        return self.original is self

    @property
    def original(self):
        """The row in the site's default locale with this row's translation key; this row if it is in that
        locale, has no locale yet (it will get the default one), or has no default-locale translation."""
        if self.locale_id is None:
            return self
        default = Locale.objects.filter(language_code=default_language()).values_list("pk", flat=True).first()
        if default is None or default == self.locale_id:
            return self
        found = type(self)._default_manager.filter(translation_key=self.translation_key, locale_id=default)
        return found.exclude(pk=self.pk).first() or self


class Skill(TranslatableSnippet, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableSnippet.Meta):
        ordering = ["name"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        constraints = [
            # Unique in each language: a translation keeps its slug, and may keep its name.
            models.UniqueConstraint(fields=["slug", "locale"], name="lms_skill_slug_per_locale"),
            models.UniqueConstraint(fields=["name", "locale"], name="lms_skill_name_per_locale"),
        ]

    unique_per_locale = ("slug", "name")

    def __str__(self):
        return self.name


POLICY_VERSION_PUBLISHED = "lms_policy_version_published"


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("this is the right answer"), required=False)


class PolicyQuestionBlock(blocks.StructBlock):
    """A multiple-choice question on a policy change, with exactly one right answer and why."""

    question = blocks.CharBlock(label=_("question"), max_length=300)
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2, max_num=6, label=_("answers"))
    explanation = blocks.TextBlock(label=_("why the right answer is right"), max_length=1000)

    def clean(self, value):
        value = super().clean(value)
        right = [c for c in value["choices"] if c["correct"]]
        if len(right) != 1:
            raise blocks.StructBlockValidationError(
                {"choices": ValidationError(_("Mark exactly one answer as the right one."))}
            )
        return value

    class Meta:
        icon = "help"
        label = _("Question")


QUESTION_BLOCKS = [("question", PolicyQuestionBlock())]


def _text(html: str) -> str:
    """The words of rich text, one line per paragraph or list item."""
    html = re.sub(r"(?i)<br\s*/?>|</(p|li|h[1-6]|div)>", "\n", html or "")
    return strip_tags(html)


def policy_diff(old: str, new: str, *, html: bool = True) -> list[tuple[str, str]]:
    """What changed from ``old`` to ``new``, word by word: a list of (``same``|``added``|``removed``,
    text) segments, rendered by lms_courses/policy_diff.html with <ins>/<del> and words."""
    if html:
        old, new = _text(old), _text(new)
    a, b = re.findall(r"\n|[^\S\n]*\S+", old or ""), re.findall(r"\n|[^\S\n]*\S+", new or "")
    segments: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            segments.append(("removed", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(("added", "".join(b[j1:j2])))
        if op == "equal":
            segments.append(("same", "".join(a[i1:i2])))
    return segments


class Policy(
    TranslatableSnippet, PreviewableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model
):
    """A company policy. Modules quote the live version; certificates record the version they covered.

    A translation (another locale, same translation key) only changes the words shown: versions are
    recorded against the original, and a translation shows the original's version number."""

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=80)
    summary = models.CharField(_("summary"), max_length=255, blank=True)
    body = RichTextField(_("policy text"), features=POLICY_FEATURES)
    customer_words = models.TextField(
        _("what we tell customers"),
        blank=True,
        max_length=2000,
        help_text=_("The exact words staff use with customers; shown wherever modules quote the policy."),
    )
    questions = StreamField(
        QUESTION_BLOCKS,
        blank=True,
        verbose_name=_("questions on this change"),
        help_text=_("One or two questions people answer before confirming a material change."),
    )
    change_kind = models.CharField(
        _("kind of change"),
        max_length=10,
        blank=True,
        choices=[("material", _("Material: people must read and confirm it again")), ("minor", _("Minor"))],
        help_text=_("Needed when the wording changes. Material changes ask certificate holders to confirm."),
    )
    change_summary = models.CharField(
        _("what changed"),
        max_length=200,
        blank=True,
        help_text=_("One line, shown to everyone with the new version."),
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Goes up by one each time the wording changes.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="lms_policy")

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("customer_words"),
        MultiFieldPanel(
            [FieldPanel("change_kind"), FieldPanel("change_summary"), FieldPanel("questions")],
            heading=_("This change"),
        ),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("locale"),
    ]
    # The fields whose change makes a new version.
    WORDING = ("title", "body", "summary", "customer_words")
    # A translation starts with no revision of its own and takes its version number from the original.
    exclude_fields_in_copy = ["live_revision", "version"]

    class Meta(TranslatableSnippet.Meta):
        ordering = ["title"]
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="lms_policy_slug_per_locale")]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def save(self, *args, **kwargs):
        # Wagtail's editor cleans what authors type, but text can also arrive from imports or the shell:
        # keep only the tags and attributes the policy editor allows, whatever the source.
        self.body = self.clean_body(self.body)
        update_fields = kwargs.get("update_fields")
        if not self.is_original:
            # A translation: its words are shown, but versions belong to the original (no new version,
            # no hook, nobody asked to confirm again); it carries the original's version number.
            self.version = self.original.version
            self.change_kind, self.change_summary = "", ""
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version", "change_kind", "change_summary"}
            return super().save(*args, **kwargs)
        if update_fields is not None and not set(update_fields) & set(self.WORDING):
            # Bookkeeping only (Wagtail saving a draft revision's pointer): the live wording is untouched.
            return super().save(*args, **kwargs)
        with transaction.atomic():
            # The row holds the live wording (drafts live in revisions), so a changed row is a new version,
            # counted from the first publication (a draft never published stays at version 1).
            recorded = bool(self.pk) and PolicyVersion.objects.filter(policy_id=self.pk).exists()
            new_version = not recorded and self.live
            if recorded:
                previous = type(self).objects.filter(pk=self.pk).values(*self.WORDING, "version").first()
                if previous:
                    new_version = self.wording_differs(previous)
                    # Count from the stored version: a draft may carry an older number in its revision.
                    self.version = previous["version"] + 1 if new_version else previous["version"]
            kind, summary = self.change_kind, self.change_summary
            # The row keeps no pending change: what this change was is kept on its PolicyVersion.
            self.change_kind, self.change_summary = "", ""
            super().save(*args, **kwargs)
            if new_version:
                self._record_version(kind=kind, summary=summary)
                # Translations show the original's version number.
                type(self)._default_manager.filter(translation_key=self.translation_key).exclude(
                    pk=self.pk
                ).update(version=self.version)

    @staticmethod
    def clean_body(body: str) -> str:
        from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

        return EditorHTMLConverter(features=POLICY_FEATURES).to_database_format(body or "")

    def wording_differs(self, previous: dict) -> bool:
        return any(previous[f] != getattr(self, f) for f in self.WORDING)

    def _record_version(self, *, kind: str, summary: str) -> "PolicyVersion":
        last = self.versions.order_by("-version").first()
        if last is None:
            kind, summary = PolicyVersion.Kind.FIRST, summary or ""
        elif (kind, summary) == (last.kind, last.summary) or not kind:
            # Changed outside the editor without saying how (an import, the shell): treat it as material,
            # so nobody misses a change that matters.
            kind = kind or PolicyVersion.Kind.MATERIAL
        version = PolicyVersion.objects.create(
            policy=self,
            version=self.version,
            kind=kind,
            summary=summary[:200],
            title=self.title,
            body=self.body,
            customer_words=self.customer_words,
            questions=list(self.questions.raw_data),
        )
        for react in hooks.get_hooks(POLICY_VERSION_PUBLISHED):
            react(version)
        return version

    def diff_from(self, older: int) -> dict | None:
        return PolicyVersion.compare(self.original, older, self.version)

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "lms_courses/policy_preview.html"


class PolicyForm(WagtailAdminModelForm):
    """The policy editor: a change of wording needs its kind (material or minor) and a one-line summary;
    the first version needs neither."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk and not self.is_bound and instance.is_original:
            # A draft made from the last published revision carries that change's kind and summary:
            # start each new change blank.
            last = instance.versions.order_by("-version").first()
            if last and (instance.change_kind, instance.change_summary) in (
                (last.kind, last.summary),
                ("", ""),
            ):
                self.initial["change_kind"] = ""
                self.initial["change_summary"] = ""

    def clean(self):
        data = super().clean()
        if not self.instance.pk or not self.instance.is_original:
            # New, or a translation (its versions are the original's): no kind of change to say.
            return data
        live = Policy.objects.filter(pk=self.instance.pk).values(*Policy.WORDING).first()
        if live is None:
            return data
        typed = {f: data.get(f, getattr(self.instance, f)) for f in Policy.WORDING}
        typed["body"] = Policy.clean_body(typed["body"])
        if all(live[f] == (typed[f] or "") for f in Policy.WORDING):
            return data
        if not data.get("change_kind"):
            self.add_error(
                "change_kind",
                _(
                    "The wording changes: say whether this is a material change (certificate holders read "
                    "and confirm it again) or a minor one."
                ),
            )
        if not (data.get("change_summary") or "").strip():
            self.add_error("change_summary", _("The wording changes: say in one line what changed."))
        return data


Policy.base_form_class = PolicyForm


class PolicyVersion(models.Model):
    """One published wording of a policy, as it was published: kept for good, so any two can be compared."""

    class Kind(models.TextChoices):
        FIRST = "first", _("First version")
        MATERIAL = "material", _("Material")
        MINOR = "minor", _("Minor")

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField(_("version"))
    kind = models.CharField(_("kind of change"), max_length=10, choices=Kind.choices)
    summary = models.CharField(_("what changed"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=160)
    body = models.TextField(_("policy text"))
    customer_words = models.TextField(_("what we tell customers"), blank=True)
    questions = StreamField(QUESTION_BLOCKS, blank=True, verbose_name=_("questions on this change"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        ordering = ["policy", "-version"]
        constraints = [models.UniqueConstraint(fields=["policy", "version"], name="lms_policy_version_once")]
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")

    def __str__(self):
        return f"{self.title} v{self.version}"

    @property
    def is_material(self) -> bool:
        return self.kind == self.Kind.MATERIAL

    def previous(self) -> "PolicyVersion | None":
        return (
            PolicyVersion.objects.filter(policy_id=self.policy_id, version__lt=self.version)
            .order_by("-version")
            .first()
        )

    def diff_from(self, older: "PolicyVersion | None") -> dict:
        """What changed since ``older`` (the whole text is new when there is none)."""
        return {
            "from_version": older.version if older else None,
            "to_version": self.version,
            "body": policy_diff(older.body if older else "", self.body),
            "customer_words": policy_diff(
                older.customer_words if older else "", self.customer_words, html=False
            ),
        }

    @staticmethod
    def compare(policy: Policy, older: int, newer: int) -> dict | None:
        found = {
            v.version: v for v in PolicyVersion.objects.filter(policy=policy, version__in=[older, newer])
        }
        if newer not in found:
            return None
        return found[newer].diff_from(found.get(older))


@receiver(published, sender=Policy)
def _remember_publisher(sender, instance, revision=None, **kwargs):
    """Who published a version: the user on the revision Wagtail just published."""
    user_id = getattr(revision, "user_id", None)
    if user_id:
        PolicyVersion.objects.filter(policy=instance, version=instance.version, published_by=None).update(
            published_by_id=user_id
        )
