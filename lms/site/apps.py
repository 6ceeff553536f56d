from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsSiteConfig(AppConfig):
    name = "lms.site"
    label = "lms_site"
    verbose_name = _("Frontline LMS pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from .authors import ensure_authors_group

        # post_migrate is sent for each app with models, in INSTALLED_APPS order, once all have migrated
        # (this one has none): answer the last one, when every app's permissions (Wagtail's publish
        # permissions included) have been made.
        last = [config for config in apps.get_app_configs() if config.models_module][-1]
        post_migrate.connect(ensure_authors_group, sender=last, dispatch_uid="lms_site_authors_group")
