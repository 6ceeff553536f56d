from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    label = "lms_courses"
    verbose_name = _("Training courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.checks import Tags, register

        from . import page_cache

        page_cache.connect_signals()
        register(page_cache.check_shared_cache, Tags.caches, deploy=True)
