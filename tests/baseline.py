"""Wagtail's migrated baseline (locale, root page, root collection).

Transactional tests (the live server, real parallel transactions) end with a flush that empties every
table, including what Wagtail's data migrations created. Django's serialized rollback cannot restore
Wagtail's polymorphic task models, so the few rows the tests rely on are recreated here instead.
"""

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from wagtail.models import Collection, Locale, Page


def ensure_wagtail_baseline() -> Page:
    root = Page.get_first_root_node()
    if root is not None:
        return root
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_language_variant(settings.LANGUAGE_CODE)
    )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    return Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
