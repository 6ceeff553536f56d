"""Who may check whom, whose checks count, who sees a check and who settles a dispute (DESIGN §4 rule 8)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from certificates.rules import valid_course_ids
from courses.models import CoursePage
from lms.core.roles import is_hr, leads, teams_led_by

from .models import CalibrationContact, CalibrationScore, ServiceCheck


def scorecard_skill_ids(snapshot: dict) -> set[int]:
    return {c["skill"]["id"] for s in snapshot.get("sections", []) for c in s["criteria"] if c["skill"]}


def is_certified_for(user, skill_ids: set[int]) -> bool:
    """Holds a valid certificate for a course that teaches one of these skills (any course, if none)."""
    held = valid_course_ids(user)
    if not held:
        return False
    if not skill_ids:
        return True
    return CoursePage.objects.filter(pk__in=held, skills__in=skill_ids).exists()


def check_refusal(checker, employee, snapshot: dict) -> tuple[str, str] | None:
    """Why ``checker`` may not record a check of ``employee`` on this scorecard, or None."""
    if checker.pk == employee.pk:
        return "own_contact", _("Nobody checks their own contacts: ask your leader or HR.")
    if is_hr(checker):
        return None
    if not leads(checker, employee):
        return "not_your_team", _("You can check only people in the teams you lead.")
    if not is_certified_for(checker, scorecard_skill_ids(snapshot)):
        return "not_certified", _(
            "Only a leader certified in a course on this scorecard's skills can record checks."
        )
    return None


def current_calibration() -> CalibrationContact | None:
    return (
        CalibrationContact.objects.filter(published_at__isnull=False).order_by("-published_at", "-pk").first()
    )


def is_calibrated(user) -> bool:
    """HR, or a leader who passed the current calibration."""
    if is_hr(user):
        return True
    contact = current_calibration()
    return (
        bool(contact) and CalibrationScore.objects.filter(contact=contact, leader=user, passed=True).exists()
    )


def visible_checks(user):
    """Submitted checks ``user`` may see: HR all; a leader their teams' (and their own); anyone their own.
    Drafts are seen only by whoever is writing them."""
    submitted = ServiceCheck.objects.filter(state=ServiceCheck.State.SUBMITTED)
    drafts = ServiceCheck.objects.filter(state=ServiceCheck.State.DRAFT, checker=user)
    if is_hr(user):
        return submitted | drafts
    teams = teams_led_by(user)
    return (
        submitted.filter(Q(employee=user) | Q(checker=user) | Q(employee__lms_profile__team__in=teams))
    ) | drafts


def dispute_resolver_refusal(user, check: ServiceCheck) -> tuple[str, str] | None:
    """Disputes are settled by the checker's own leader (or a leader above them) or HR; never by the
    checker or the employee."""
    if user.pk in (check.checker_id, check.employee_id):
        return "own_check", _("A dispute is settled by someone else: the checker's own leader or HR.")
    if is_hr(user) or leads(user, check.checker):
        return None
    return "not_resolver", _("Only the checker's own leader or HR can settle this dispute.")
