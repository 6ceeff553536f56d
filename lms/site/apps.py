from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsSiteConfig(AppConfig):
    name = "lms.site"
    label = "lms_site"
    verbose_name = _("Frontline LMS pages")
    default_auto_field = "django.db.models.BigAutoField"
