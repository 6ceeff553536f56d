from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    label = "lms_certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.checks import Tags, register

        from courses.services import modules_completed
        from quizzes.services import attempt_graded

        from . import checks, signals, standing_cache

        register(checks.check_public_base_url, Tags.urls, deploy=True)
        register(checks.check_shared_cache, Tags.caches, deploy=True)
        standing_cache.connect_signals()

        attempt_graded.connect(signals.on_attempt_graded, dispatch_uid="lms_certificates_attempt_graded")
        modules_completed.connect(
            signals.on_modules_completed, dispatch_uid="lms_certificates_modules_completed"
        )
