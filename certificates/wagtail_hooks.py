"""What certificates add to the apps below it, through their hooks, and its admin registration.

- ``lms_course_access``: leaders first closes a course until the person's leader is certified.
- ``lms_review_refusal`` / ``lms_reviewable_courses``: only a leader holding a valid certificate in a
  course grades or signs off work in it (DESIGN §4.4).
- ``lms_course_page_context``: a course page shows the person's current certificate.
"""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.core.admin_menu import TRAINING_MENU_HOOK

from . import leaders_first
from .models import Certificate, CertificateDesign
from .rules import holds_valid_certificate, valid_course_ids
from .standing import standings_for


@hooks.register("lms_course_access")
def leaders_first_access(user, courses):
    return leaders_first.access_rule(user, courses)


@hooks.register("lms_review_refusal")
def reviewer_must_be_certified(reviewer, attempt):
    if holds_valid_certificate(reviewer, attempt.course):
        return None
    return (
        "not_certified",
        f"You need a valid certificate in “{attempt.course.title}” before you can grade or sign off it.",
    )


@hooks.register("lms_reviewable_courses")
def courses_reviewer_is_certified_in(reviewer):
    return valid_course_ids(reviewer)


@hooks.register("lms_course_page_context")
def current_certificate(user, course):
    certificate = (
        Certificate.objects.current().filter(holder=user, course=course).order_by("-issued_on", "-pk").first()
    )
    return {"certificate": certificate}


class CertificateDesignViewSet(SnippetViewSet):
    model = CertificateDesign
    icon = "doc-full-inverse"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 30
    list_display = ["name", "is_default", "orientation", "updated_at"]


register_snippet(CertificateDesignViewSet)


@hooks.register("lms_course_standing")
def person_standing(user, courses):
    return standings_for(user, courses)
