"""Existing skills and policies join Wagtail's localisation: each row gets the site's default locale and a
translation key of its own (Wagtail's BootstrapTranslatableModel), before 0009 makes both fields required."""

from django.conf import settings
from django.db import migrations
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import BootstrapTranslatableModel


def default_locale_exists(apps, schema_editor):
    """Wagtail creates the default locale in its own migrations; a site whose LANGUAGE_CODE changed since
    may not have it yet, and BootstrapTranslatableModel needs it."""
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))


class Migration(migrations.Migration):
    dependencies = [
        ("lms_courses", "0007_translatable_snippets_bootstrap"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        migrations.RunPython(default_locale_exists, migrations.RunPython.noop),
        BootstrapTranslatableModel("lms_courses.Skill"),
        BootstrapTranslatableModel("lms_courses.Policy"),
    ]
