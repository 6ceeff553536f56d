from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsCoreConfig(AppConfig):
    """The organisation every other app builds on: teams, profiles, roles, the audit trail, settings.

    Its label stays ``lms`` (the tables are ``lms_team``, ``lms_profile``…), whatever the module path.
    """

    name = "lms.core"
    label = "lms"
    verbose_name = _("Frontline LMS")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_migrate
        from django.urls import register_converter

        from . import signals
        from .converters import IdConverter

        register_converter(IdConverter, "id")
        post_migrate.connect(signals.ensure_hr_group, sender=self)
        # The person's chosen language, read once per sign-in (lms.core.languages).
        user_logged_in.connect(signals.remember_language, dispatch_uid="lms_remember_language")
