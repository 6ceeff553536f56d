from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoostersConfig(AppConfig):
    name = "boosters"
    label = "lms_boosters"
    verbose_name = _("Boosters and course feedback")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401  (connects to certificates' "issued" hook)
