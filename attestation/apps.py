from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttestationConfig(AppConfig):
    name = "attestation"
    label = "lms_attestation"
    verbose_name = _("Policy updates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import selectors

        selectors.connect_signals()
