from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "evidence"
    label = "lms_evidence"
    verbose_name = _("Service evidence")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import summaries

        summaries.connect_signals()
