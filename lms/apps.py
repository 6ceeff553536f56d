from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    label = "lms"
    verbose_name = _("Frontline LMS")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate
        from django.urls import register_converter

        from .converters import IdConverter

        register_converter(IdConverter, "id")

        from . import signals

        post_migrate.connect(signals.ensure_hr_group, sender=self)
