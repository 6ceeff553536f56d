from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    label = "lms_quizzes"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from courses.models import Skill

        from .questions import skills_changed

        post_save.connect(skills_changed, sender=Skill, dispatch_uid="lms_quizzes_skill_saved")
        post_delete.connect(skills_changed, sender=Skill, dispatch_uid="lms_quizzes_skill_deleted")
