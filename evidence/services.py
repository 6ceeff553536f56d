"""Recording and settling service checks: drafts that are never lost, submission, the employee's reply and
dispute, the decision, coaching actions and the course assigned from a missed skill."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import services as course_services
from courses.models import CoursePage, Skill
from lms.core import audit, versions
from lms.core.converters import as_id
from lms.core.exceptions import Conflict, Forbidden, LMSError, NotFound
from lms.core.roles import is_hr, leads

from . import rules, scoring
from .facts import CheckInvalid, clean_facts
from .models import CheckAssignment, CheckPolicy, CoachingAction, Dispute, Scorecard, ServiceCheck
from .trends import TRENDS_VERSION

FACT_FIELDS = (
    "channel",
    "contacted_at",
    "reference",
    "handoffs",
    "problem_defined",
    "solution_offered",
    "resolved_first_contact",
    "treatment",
    "customer_satisfied",
    "note",
)


def _apply(check: ServiceCheck, data: dict, *, complete: bool) -> None:
    facts = clean_facts(data, complete=False)
    for name in FACT_FIELDS:
        if name in facts:
            setattr(check, name, facts[name])
    if "answers" in data:
        try:
            check.answers = scoring.clean_answers(check.snapshot, data.get("answers") or {}, complete=False)
        except LMSError as exc:
            raise CheckInvalid({"answers": exc.message}) from None
    check.save()
    if "policies" in facts:
        check.policy_statements.all().delete()
        CheckPolicy.objects.bulk_create(
            CheckPolicy(
                check_record=check,
                policy=s["policy"],
                live_version=s["policy"].version,
                matched=s["matched"],
                version_heard=s["version_heard"],
            )
            for s in facts["policies"]
        )
        versions.bump(TRENDS_VERSION)  # bulk_create sends no signal
    if complete:
        # Everything is saved first (a draft is never lost); then submission asks for the rest.
        values = {name: getattr(check, name) for name in FACT_FIELDS}
        errors = {}
        try:
            clean_facts(values, complete=True)
        except CheckInvalid as exc:
            errors.update(exc.errors)
        try:
            scoring.clean_answers(check.snapshot, check.answers, complete=True)
        except LMSError as exc:
            errors["answers"] = exc.message
        if errors:
            raise CheckInvalid(errors)


def live_scorecard(scorecard_id) -> Scorecard:
    scorecard = (
        Scorecard.objects.filter(pk=scorecard_id, live=True).first()
        if as_id(scorecard_id) is not None
        else None
    )
    if scorecard is None:
        raise NotFound(
            _("There is no published scorecard with id %(id)s.") % {"id": scorecard_id},
            code="unknown_scorecard",
        )
    return scorecard


def record_check(
    *,
    checker,
    employee,
    scorecard: Scorecard,
    data: dict,
    submit: bool,
    shop_round=None,
    origin: audit.Origin | None = None,
) -> ServiceCheck:
    """A new check of ``employee``: kept as a draft, or submitted when ``submit`` and complete.

    An incomplete submission is refused and nothing is saved (the API's all-or-nothing); the browser saves
    a draft first and then submits it with ``update_check``, so what a checker typed is never lost."""
    snapshot = scoring.snapshot_of(scorecard)
    if shop_round is None:
        refusal = rules.check_refusal(checker, employee, snapshot)
        if refusal:
            raise Forbidden(refusal[1], code=refusal[0])
    with transaction.atomic():
        check = ServiceCheck.objects.create(
            kind=ServiceCheck.Kind.SHOP if shop_round else ServiceCheck.Kind.CHECK,
            employee=employee,
            checker=checker,
            round=shop_round,
            scorecard=scorecard,
            snapshot=snapshot,
        )
        _apply(check, data, complete=submit)
        if submit:
            _submit(check, origin=origin)
    return check


def update_check(*, check: ServiceCheck, by, data: dict, submit: bool, origin: audit.Origin | None = None):
    """Save more of a draft (always kept), and submit it when asked and complete."""
    if check.checker_id != by.pk:
        raise NotFound(
            _("You have no draft check with id %(id)s.") % {"id": check.pk}, code="check_not_found"
        )
    if not check.is_draft:
        raise Conflict(_("This check was submitted; it can no longer be edited."), code="check_submitted")
    with transaction.atomic():
        _apply(check, data, complete=False)
    if submit:
        with transaction.atomic():
            check = ServiceCheck.objects.select_for_update().get(pk=check.pk)
            if not check.is_draft:
                return check
            _apply(check, {}, complete=True)
            _submit(check, origin=origin)
    return check


def _submit(check: ServiceCheck, *, origin) -> None:
    result = scoring.score(check.snapshot, check.answers)
    check.score = result.score
    check.skill_scores = result.skills
    check.critical_missed = result.critical_missed
    check.counted = check.round_id is not None or rules.is_calibrated(check.checker)
    check.state = ServiceCheck.State.SUBMITTED
    check.submitted_at = timezone.now()
    check.save()
    audit.record(
        actor=check.checker,
        verb="service_check.submit",
        subject=check.employee,
        obj=check,
        data={"score": check.score, "counted": check.counted, "kind": check.kind},
        origin=origin,
    )


def rescore(check: ServiceCheck) -> None:
    result = scoring.score(check.snapshot, check.answers)
    check.score, check.skill_scores, check.critical_missed = (
        result.score,
        result.skills,
        result.critical_missed,
    )
    check.save(update_fields=["score", "skill_scores", "critical_missed", "answers", "updated_at"])


def check_for(*, user, check_id) -> ServiceCheck:
    """A check ``user`` may see; anyone else's looks exactly like a missing one."""
    check = (
        rules.visible_checks(user)
        .select_related("employee", "checker", "scorecard")
        .filter(pk=check_id)
        .first()
        if as_id(check_id) is not None
        else None
    )
    if check is None:
        raise NotFound(
            _("There is no check %(id)s that you can see.") % {"id": check_id}, code="check_not_found"
        )
    return check


def reply(*, check: ServiceCheck, by, text: str) -> ServiceCheck:
    if check.employee_id != by.pk or check.is_draft:
        raise Forbidden(_("Only the person checked can reply to a check."), code="not_your_check")
    text = (text or "").strip()
    if not text or len(text) > 2000:
        raise LMSError(_("Write a reply of up to 2,000 characters."), code="invalid_reply")
    check.employee_reply = text
    check.save(update_fields=["employee_reply", "updated_at"])
    return check


def dispute(
    *, check: ServiceCheck, by, criterion: str, comment: str, origin: audit.Origin | None = None
) -> Dispute:
    """The employee disputes one criterion of their own submitted check, with a comment."""
    if check.employee_id != by.pk or check.is_draft:
        raise Forbidden(_("Only the person checked can dispute a check."), code="not_your_check")
    criteria = scoring.criteria_of(check.snapshot)
    if str(criterion) not in criteria:
        raise LMSError(_("This check has no criterion %(id)s.") % {"id": criterion}, code="unknown_criterion")
    comment = (comment or "").strip()
    if not comment or len(comment) > 2000:
        raise LMSError(_("Say why you disagree (up to 2,000 characters)."), code="invalid_comment")
    try:
        with transaction.atomic():
            item = Dispute.objects.create(
                check_record=check,
                criterion=str(criterion),
                raised_by=by,
                comment=comment,
                old_value=check.answers.get(str(criterion)),
            )
            audit.record(
                actor=by,
                verb="service_check.dispute",
                subject=check.employee,
                obj=check,
                reason=comment,
                data={"criterion": criteria[str(criterion)]["text"]},
                origin=origin,
            )
    except IntegrityError:
        raise Conflict(
            _("This criterion is already disputed and waiting for a decision."), code="already_disputed"
        ) from None
    return item


@transaction.atomic
def resolve_dispute(
    *, dispute: Dispute, by, outcome: str, resolution: str, new_value=None, origin: audit.Origin | None = None
) -> Dispute:
    """Uphold the score, or change the disputed answer (and so the score); recorded with the reason."""
    dispute = Dispute.objects.select_for_update().select_related("check_record__checker").get(pk=dispute.pk)
    check = ServiceCheck.objects.select_for_update().get(pk=dispute.check_record_id)
    refusal = rules.dispute_resolver_refusal(by, check)
    if refusal:
        raise Forbidden(refusal[1], code=refusal[0])
    if dispute.state != Dispute.State.OPEN:
        raise Conflict(_("This dispute was already settled."), code="dispute_settled")
    resolution = (resolution or "").strip()
    if not resolution or len(resolution) > 2000:
        raise LMSError(
            _("Give the reason for your decision (up to 2,000 characters)."), code="invalid_resolution"
        )
    if outcome == "uphold":
        dispute.state = Dispute.State.UPHELD
    elif outcome == "change":
        criterion = scoring.criteria_of(check.snapshot)[dispute.criterion]
        value = scoring.clean_answer(criterion, new_value)
        if value is None:
            raise LMSError(_("Give the new answer for this criterion."), code="invalid_answer")
        if value == check.answers.get(dispute.criterion):
            raise LMSError(_("That is the answer already given; uphold the score instead."), code="unchanged")
        check.answers = {**check.answers, dispute.criterion: value}
        rescore(check)
        dispute.state, dispute.new_value = Dispute.State.CHANGED, value
    else:
        raise LMSError(_("The outcome is “uphold” or “change”."), code="invalid_outcome")
    dispute.resolved_by, dispute.resolution, dispute.resolved_at = by, resolution, timezone.now()
    dispute.save()
    audit.record(
        actor=by,
        verb="service_check.dispute_resolve",
        subject=check.employee,
        obj=check,
        reason=resolution,
        data={
            "outcome": dispute.state,
            "before": dispute.old_value,
            "after": dispute.new_value,
            "score": check.score,
        },
        origin=origin,
    )
    return dispute


def add_action(*, check: ServiceCheck, by, owner, text: str, due_on: datetime.date) -> CoachingAction:
    """A coaching follow-up on a check, for the employee or their leader; set by whoever may see the team."""
    if not (is_hr(by) or by.pk == check.checker_id or leads(by, check.employee)):
        raise Forbidden(
            _("Only the checker, the employee's leader or HR can set follow-ups."), code="not_your_team"
        )
    if owner.pk != check.employee_id and not (leads(owner, check.employee) or owner.pk == check.checker_id):
        raise LMSError(_("A follow-up is for the employee or one of their leaders."), code="invalid_owner")
    text = (text or "").strip()
    if not text or len(text) > 300:
        raise LMSError(_("Describe the follow-up in up to 300 characters."), code="invalid_action")
    if not isinstance(due_on, datetime.date) or due_on < timezone.localdate():
        raise LMSError(_("The due date is in the past; choose today or later."), code="due_date_past")
    return CoachingAction.objects.create(
        check_record=check, owner=owner, text=text, due_on=due_on, created_by=by
    )


def complete_action(*, action: CoachingAction, by) -> CoachingAction:
    if action.owner_id != by.pk:
        raise NotFound(
            _("You have no follow-up with id %(id)s.") % {"id": action.pk}, code="action_not_found"
        )
    if action.done_at is None:
        action.done_at = timezone.now()
        action.save(update_fields=["done_at"])
    return action


def suggestions(check: ServiceCheck) -> list[dict]:
    """For each skill missed on the check, the live courses that teach it (to assign in one click)."""
    criteria = scoring.criteria_of(check.snapshot)
    missed = scoring.score(check.snapshot, check.answers).missed
    skill_ids: dict[int, list[str]] = {}
    for cid in missed:
        skill = criteria[cid]["skill"]
        if skill:
            skill_ids.setdefault(skill["id"], []).append(criteria[cid]["text"])
    if not skill_ids:
        return []
    skills = Skill.objects.in_bulk(list(skill_ids))
    courses = (
        CoursePage.objects.live().filter(skills__in=list(skill_ids)).prefetch_related("skills").distinct()
    )
    assigned = set(check.assignments.values_list("skill_id", "course_id"))
    out = []
    for skill_id, texts in skill_ids.items():
        if skill_id not in skills:
            continue
        for course in courses:
            if any(s.pk == skill_id for s in course.skills.all()):
                out.append(
                    {
                        "skill": skills[skill_id],
                        "criteria": texts,
                        "course": course,
                        "assigned": (skill_id, course.pk) in assigned,
                    }
                )
    return out


def assign_from_check(
    *,
    check: ServiceCheck,
    by,
    skill: Skill,
    course: CoursePage,
    due_date=None,
    origin: audit.Origin | None = None,
) -> CheckAssignment:
    """Assign the course that teaches a missed skill; the skill's figures before and after start here."""
    if not any(s["skill"].pk == skill.pk and s["course"].pk == course.pk for s in suggestions(check)):
        raise LMSError(_("That course is not suggested by this check's missed skills."), code="not_suggested")
    with transaction.atomic():
        course_services.assign(
            course=course, learner=check.employee, assigned_by=by, due_date=due_date, origin=origin
        )
        item, _created = CheckAssignment.objects.get_or_create(
            check_record=check, skill=skill, course=course, defaults={"assigned_by": by}
        )
    return item


def before_and_after(assignment: CheckAssignment) -> dict:
    """The employee's counted quality score for the skill before the assignment and since."""
    checks = ServiceCheck.objects.filter(
        employee_id=assignment.check_record.employee_id, state=ServiceCheck.State.SUBMITTED, counted=True
    ).values_list("submitted_at", "skill_scores")
    slug = assignment.skill.slug
    before = [s[slug] for at, s in checks if slug in s and at <= assignment.assigned_at]
    after = [s[slug] for at, s in checks if slug in s and at > assignment.assigned_at]

    def avg(values):
        return round(sum(values) / len(values)) if values else None

    return {
        "before": avg(before),
        "before_count": len(before),
        "after": avg(after),
        "after_count": len(after),
    }
