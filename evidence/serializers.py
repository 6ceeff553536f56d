"""The evidence API's shapes: request bodies (types only; the services judge the values, so a form and the
API get the same messages) and responses, with the functions that build each response."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from lms.core.api.fields import IdField
from lms.core.names import display_name

from . import scoring
from .blocks import SCALES
from .models import Dispute, ServiceCheck
from .models.checks import Channel
from .models.rounds import TimeOfDay

ANSWER_HELP = "“yes”, “no”, a whole number 1–5 (as the criterion's scale says) or “na” where allowed."


# --- Shared pieces ----------------------------------------------------------------------------------------


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


def person_data(user) -> dict | None:
    return {"id": user.pk, "name": display_name(user)} if user is not None else None


class SkillRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()


def skill_data(skill) -> dict:
    return {"id": skill.pk, "slug": skill.slug, "name": skill.name}


class ScorecardRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    version = serializers.IntegerField()


class CriterionSerializer(serializers.Serializer):
    id = serializers.CharField()
    section = serializers.CharField()
    text = serializers.CharField()
    skill = SkillRefSerializer(allow_null=True)
    weight = serializers.IntegerField()
    scale = serializers.ChoiceField(choices=SCALES)
    allow_na = serializers.BooleanField()
    critical = serializers.BooleanField(help_text="Missing it (a “no”, or 1 or 2) makes the score 0.")


class AnsweredCriterionSerializer(CriterionSerializer):
    answer = serializers.JSONField(allow_null=True, help_text=ANSWER_HELP + " Null: not answered yet.")
    missed = serializers.BooleanField(help_text="A “no”, or 1 or 2 on a 1–5 scale.")


def criteria_data(snapshot: dict, answers: dict | None = None) -> list[dict]:
    out = []
    for section in snapshot.get("sections", []):
        for c in section["criteria"]:
            item = {
                "id": c["id"],
                "section": section["title"],
                "text": c["text"],
                "skill": c["skill"],
                "weight": c["weight"],
                "scale": c["scale"],
                "allow_na": c["allow_na"],
                "critical": c["critical"],
            }
            if answers is not None:
                answer = answers.get(c["id"])
                item.update(answer=answer, missed=scoring.is_miss(c, answer))
            out.append(item)
    return out


# --- Scorecards -------------------------------------------------------------------------------------------


class ScorecardSerializer(ScorecardRefSerializer):
    description = serializers.CharField(allow_blank=True)
    criteria = CriterionSerializer(many=True)


def scorecard_data(scorecard) -> dict:
    snapshot = scoring.snapshot_of(scorecard)
    return {
        "id": scorecard.pk,
        "title": scorecard.title,
        "version": scorecard.version,
        "description": scorecard.description,
        "criteria": criteria_data(snapshot),
    }


# --- Checks -----------------------------------------------------------------------------------------------


class PolicyStatementSerializer(serializers.Serializer):
    policy = serializers.IntegerField()
    title = serializers.CharField()
    live_version = serializers.IntegerField(help_text="The live version when the contact was checked.")
    version_heard = serializers.IntegerField(
        allow_null=True, help_text="The version the customer heard, when known (a match is the live one)."
    )
    matched = serializers.BooleanField()


class ActionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    check = serializers.IntegerField()
    owner = PersonSerializer()
    text = serializers.CharField()
    due_on = serializers.DateField()
    done_at = serializers.DateTimeField(allow_null=True)


def action_data(action) -> dict:
    return {
        "id": action.pk,
        "check": action.check_record_id,
        "owner": person_data(action.owner),
        "text": action.text,
        "due_on": action.due_on,
        "done_at": action.done_at,
    }


class DisputeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    check = serializers.IntegerField()
    employee = PersonSerializer()
    checker = PersonSerializer()
    criterion = serializers.CharField(help_text="The criterion's id on the check's scorecard.")
    criterion_text = serializers.CharField()
    comment = serializers.CharField()
    raised_by = PersonSerializer()
    created_at = serializers.DateTimeField()
    state = serializers.ChoiceField(choices=Dispute.State.choices)
    old_value = serializers.JSONField(allow_null=True, help_text="The answer disputed.")
    new_value = serializers.JSONField(allow_null=True, help_text="The answer after a change.")
    resolution = serializers.CharField(allow_blank=True, help_text="The reason given for the decision.")
    resolved_by = PersonSerializer(allow_null=True)
    resolved_at = serializers.DateTimeField(allow_null=True)
    can_resolve = serializers.BooleanField(help_text="Whether the caller may settle it now.")


def dispute_data(dispute: Dispute, *, check: ServiceCheck, settle_ids: set[int]) -> dict:
    criterion = scoring.criteria_of(check.snapshot).get(dispute.criterion)
    return {
        "id": dispute.pk,
        "check": check.pk,
        "employee": person_data(check.employee),
        "checker": person_data(check.checker),
        "criterion": dispute.criterion,
        "criterion_text": criterion["text"] if criterion else "",
        "comment": dispute.comment,
        "raised_by": person_data(dispute.raised_by),
        "created_at": dispute.created_at,
        "state": dispute.state,
        "old_value": dispute.old_value,
        "new_value": dispute.new_value,
        "resolution": dispute.resolution,
        "resolved_by": person_data(dispute.resolved_by),
        "resolved_at": dispute.resolved_at,
        "can_resolve": dispute.state == Dispute.State.OPEN and dispute.pk in settle_ids,
    }


class ServiceCheckSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=ServiceCheck.Kind.choices)
    state = serializers.ChoiceField(choices=ServiceCheck.State.choices)
    round = serializers.IntegerField(allow_null=True, help_text="The mystery-shopper round, for a shop.")
    employee = PersonSerializer()
    checker = PersonSerializer()
    channel = serializers.CharField(allow_blank=True, help_text=f"One of: {', '.join(Channel.values)}.")
    contacted_at = serializers.DateTimeField(allow_null=True)
    reference = serializers.CharField(allow_blank=True)
    scorecard = ScorecardRefSerializer(help_text="The scorecard as used (its version is frozen).")
    criteria = AnsweredCriterionSerializer(many=True)
    handoffs = serializers.IntegerField(allow_null=True)
    problem_defined = serializers.BooleanField(allow_null=True)
    solution_offered = serializers.BooleanField(allow_null=True)
    resolved_first_contact = serializers.BooleanField(allow_null=True)
    treatment = serializers.IntegerField(allow_null=True, help_text="1 (poor) to 5 (excellent).")
    customer_satisfied = serializers.BooleanField(allow_null=True)
    policies = PolicyStatementSerializer(many=True)
    score = serializers.IntegerField(allow_null=True, help_text="0–100; null for a draft.")
    skill_scores = serializers.DictField(child=serializers.IntegerField(), help_text="Skill slug → 0–100.")
    critical_missed = serializers.BooleanField()
    counted = serializers.BooleanField(help_text="Counts toward team figures.")
    counted_note = serializers.CharField(help_text="Why it counts, or “Uncalibrated” and why not.")
    note = serializers.CharField(allow_blank=True, help_text="The checker's note.")
    employee_reply = serializers.CharField(allow_blank=True)
    submitted_at = serializers.DateTimeField(allow_null=True)
    disputes = DisputeSerializer(many=True)
    actions = ActionSerializer(many=True)


def counted_note(check: ServiceCheck) -> str:
    if check.is_draft:
        return _("Draft: not counted until it is submitted.")
    if check.counted:
        return _("Counted in the team's figures.")
    return _(
        "Uncalibrated: the checker has not passed the current calibration yet, so this check is not "
        "counted in the team's figures."
    )


def check_data(check: ServiceCheck, *, settle_ids: set[int] = frozenset()) -> dict:
    """One check in full, as whoever may see it sees it (the employee included: the note, every answer).
    Expects ``selectors.checks_for_list``'s related rows."""
    snapshot = check.snapshot
    return {
        "id": check.pk,
        "kind": check.kind,
        "state": check.state,
        "round": check.round_id,
        "employee": person_data(check.employee),
        "checker": person_data(check.checker),
        "channel": check.channel,
        "contacted_at": check.contacted_at,
        "reference": check.reference,
        "scorecard": {
            "id": check.scorecard_id,
            "title": snapshot.get("title", ""),
            "version": snapshot.get("version", 1),
        },
        "criteria": criteria_data(snapshot, check.answers),
        "handoffs": check.handoffs,
        "problem_defined": check.problem_defined,
        "solution_offered": check.solution_offered,
        "resolved_first_contact": check.resolved_first_contact,
        "treatment": check.treatment,
        "customer_satisfied": check.customer_satisfied,
        "policies": [
            {
                "policy": s.policy_id,
                "title": s.policy.title,
                "live_version": s.live_version,
                "version_heard": s.version_heard,
                "matched": s.matched,
            }
            for s in check.policy_statements.all()
        ],
        "score": check.score,
        "skill_scores": check.skill_scores or {},
        "critical_missed": check.critical_missed,
        "counted": check.counted,
        "counted_note": counted_note(check),
        "note": check.note,
        "employee_reply": check.employee_reply,
        "submitted_at": check.submitted_at,
        "disputes": [dispute_data(d, check=check, settle_ids=settle_ids) for d in check.disputes.all()],
        "actions": [action_data(a) for a in check.actions.all()],
    }


class StatementRequestSerializer(serializers.Serializer):
    policy = IdField(help_text="A published policy's id.")
    matched = serializers.BooleanField(help_text="Whether what was said matched the live version.")
    version = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="The version the customer heard, when known and it did not match.",
    )


class CheckFactsSerializer(serializers.Serializer):
    """The facts and answers of a check; every one optional in a draft, all needed to submit."""

    channel = serializers.CharField(
        required=False, allow_blank=True, allow_null=True, help_text=f"One of: {', '.join(Channel.values)}."
    )
    contacted_at = serializers.DateTimeField(
        required=False, allow_null=True, help_text="When the contact happened (not in the future)."
    )
    reference = serializers.CharField(
        required=False, allow_blank=True, help_text="The call or ticket id (up to 100 characters)."
    )
    handoffs = serializers.IntegerField(
        required=False, allow_null=True, help_text="Times the customer was handed off, 0–50."
    )
    problem_defined = serializers.BooleanField(required=False, allow_null=True)
    solution_offered = serializers.BooleanField(required=False, allow_null=True)
    resolved_first_contact = serializers.BooleanField(required=False, allow_null=True)
    treatment = serializers.IntegerField(
        required=False, allow_null=True, help_text="How the customer was treated, 1 (poor) to 5 (excellent)."
    )
    customer_satisfied = serializers.BooleanField(required=False, allow_null=True)
    policies = StatementRequestSerializer(
        many=True, required=False, help_text="Each policy stated, once (up to 20)."
    )
    answers = serializers.DictField(
        child=serializers.JSONField(), required=False, help_text="Criterion id → answer: " + ANSWER_HELP
    )
    note = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, help_text="Up to 5,000 characters."
    )

    def facts(self) -> dict:
        """What was sent, in the form the services take (absent fields stay absent)."""
        data = dict(self.validated_data)
        data.pop("submit", None)
        data.pop("employee", None)
        data.pop("scorecard", None)
        if "policies" in data:
            data["policies"] = [dict(p) for p in data["policies"]]
        return data


class CheckCreateSerializer(CheckFactsSerializer):
    employee = IdField(help_text="The person whose contact was checked.")
    scorecard = IdField(
        required=False,
        help_text="A published scorecard's id; without it, the only (or alphabetically first) live one.",
    )
    submit = serializers.BooleanField(
        default=True, help_text="true (default): submit, all or nothing; false: keep as a draft."
    )


class CheckUpdateSerializer(CheckFactsSerializer):
    submit = serializers.BooleanField(
        default=False,
        help_text="false (default): save the draft; true: save, then submit if complete (what was sent is "
        "kept as a draft even when submitting is refused).",
    )


class ReplySerializer(serializers.Serializer):
    text = serializers.CharField(help_text="Up to 2,000 characters.", trim_whitespace=False)


class DisputeRequestSerializer(serializers.Serializer):
    criterion = serializers.CharField(max_length=64, help_text="The criterion's id on the check.")
    comment = serializers.CharField(help_text="Why you disagree (up to 2,000 characters).")


class ResolveSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=["uphold", "change"])
    resolution = serializers.CharField(help_text="The reason for the decision (up to 2,000 characters).")
    new_value = serializers.JSONField(
        required=False, allow_null=True, help_text="For “change”: the new answer. " + ANSWER_HELP
    )


class ActionRequestSerializer(serializers.Serializer):
    owner = IdField(help_text="The employee, or one of their leaders.")
    text = serializers.CharField(help_text="Up to 300 characters.")
    due_on = serializers.DateField(help_text="Today or later.")


class SuggestionSerializer(serializers.Serializer):
    skill = SkillRefSerializer()
    criteria = serializers.ListField(child=serializers.CharField(), help_text="The criteria missed.")
    course = serializers.DictField(help_text="{id, title, url}: a live course that teaches the skill.")
    assigned = serializers.BooleanField(help_text="Already assigned from this check.")


def suggestion_data(item: dict, request) -> dict:
    course = item["course"]
    return {
        "skill": skill_data(item["skill"]),
        "criteria": item["criteria"],
        "course": {"id": course.pk, "title": course.title, "url": course.get_url(request)},
        "assigned": item["assigned"],
    }


class CheckAssignmentRequestSerializer(serializers.Serializer):
    skill = IdField()
    course = IdField()
    due_date = serializers.DateField(required=False, allow_null=True)


class AssignmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    check = serializers.IntegerField()
    skill = SkillRefSerializer()
    course = serializers.IntegerField()
    course_title = serializers.CharField()
    assigned_at = serializers.DateTimeField()
    before = serializers.IntegerField(allow_null=True, help_text="The skill's counted score before.")
    before_count = serializers.IntegerField()
    after = serializers.IntegerField(allow_null=True, help_text="Since the assignment.")
    after_count = serializers.IntegerField()


def assignment_data(item, figures: dict) -> dict:
    return {
        "id": item.pk,
        "check": item.check_record_id,
        "skill": skill_data(item.skill),
        "course": item.course_id,
        "course_title": item.course.title,
        "assigned_at": item.assigned_at,
        **figures,
    }


# --- Trends -----------------------------------------------------------------------------------------------


class VersionsHeardSerializer(serializers.Serializer):
    policy = serializers.IntegerField()
    title = serializers.CharField()
    versions = serializers.ListField(child=serializers.IntegerField(), help_text="Known versions heard.")
    count = serializers.IntegerField(help_text="Different versions heard (an unknown wrong one counts).")


class TrendMonthSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM")
    contacts = serializers.IntegerField(help_text="Counted checks this month.")
    handoffs_per_contact = serializers.FloatField(allow_null=True)
    first_contact_resolution = serializers.IntegerField(allow_null=True, help_text="%")
    policy_accuracy = serializers.IntegerField(
        allow_null=True, help_text="% of policy statements that matched the live version."
    )
    policy_versions_heard = VersionsHeardSerializer(many=True)
    quality = serializers.IntegerField(allow_null=True, help_text="Average quality score, 0–100.")
    csat = serializers.IntegerField(allow_null=True, help_text="% of survey ratings that are 4 or 5.")
    responses = serializers.IntegerField(help_text="Survey responses this month.")
    awareness = serializers.IntegerField(allow_null=True, help_text="Average training awareness score.")
    skill = serializers.IntegerField(allow_null=True, help_text="Average training skill score.")


class SkillMonthSerializer(serializers.Serializer):
    month = serializers.CharField()
    quality = serializers.IntegerField(allow_null=True, help_text="On calls (counted checks).")
    training = serializers.IntegerField(allow_null=True, help_text="In assessments.")


class TrendsSerializer(serializers.Serializer):
    team = serializers.DictField(help_text="{id, name}")
    months = TrendMonthSerializer(many=True)
    skills = serializers.DictField(
        child=SkillMonthSerializer(many=True), help_text="Skill slug → the same months."
    )


def trends_data(figures: dict) -> dict:
    team = figures["team"]
    return {
        "team": {"id": team.pk, "name": team.name},
        "months": figures["months"],
        "skills": figures["skills"],
    }


# --- Calibration ------------------------------------------------------------------------------------------


class MyCalibrationScoreSerializer(serializers.Serializer):
    answers = serializers.DictField(child=serializers.JSONField())
    agreement = serializers.IntegerField(help_text="% of criteria scored as the reference did.")
    passed = serializers.BooleanField()
    scored_at = serializers.DateTimeField()


class CalibrationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    transcript = serializers.CharField()
    scorecard = ScorecardRefSerializer()
    criteria = CriterionSerializer(many=True)
    pass_mark = serializers.IntegerField(help_text="Agreement needed to pass, %.")
    published_at = serializers.DateTimeField()
    my_score = MyCalibrationScoreSerializer(allow_null=True, help_text="Yours, once you have scored it.")
    reference_answers = serializers.DictField(
        child=serializers.JSONField(),
        allow_null=True,
        help_text="Null until you have scored it (HR, who publish it, always see it).",
    )


def calibration_data(contact, *, mine, show_reference: bool) -> dict:
    snapshot = contact.snapshot
    return {
        "id": contact.pk,
        "title": contact.title,
        "transcript": contact.transcript,
        "scorecard": {
            "id": contact.scorecard_id,
            "title": snapshot.get("title", ""),
            "version": snapshot.get("version", 1),
        },
        "criteria": criteria_data(snapshot),
        "pass_mark": contact.pass_mark,
        "published_at": contact.published_at,
        "my_score": {
            "answers": mine.answers,
            "agreement": mine.agreement,
            "passed": mine.passed,
            "scored_at": mine.scored_at,
        }
        if mine
        else None,
        "reference_answers": contact.reference_answers if (mine or show_reference) else None,
    }


class CalibrationAnswersSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.JSONField(), help_text="Every criterion id → answer: " + ANSWER_HELP
    )


class CalibrationPublishSerializer(serializers.Serializer):
    scorecard = IdField(
        required=False, help_text="A published scorecard; without it, the only (or first) live one."
    )
    title = serializers.CharField(max_length=160)
    transcript = serializers.CharField()
    reference_answers = serializers.DictField(
        child=serializers.JSONField(), help_text="The reference scoring: every criterion id → answer."
    )
    pass_mark = serializers.IntegerField(required=False, default=80, help_text="50–100 (default 80).")


class CalibrationLeaderSerializer(serializers.Serializer):
    leader = PersonSerializer()
    agreement = serializers.IntegerField()
    passed = serializers.BooleanField()
    scored_at = serializers.DateTimeField()


class CalibrationSummarySerializer(serializers.Serializer):
    contact = serializers.DictField(help_text="{id, title, pass_mark}")
    scores = CalibrationLeaderSerializer(many=True)
    passed = serializers.IntegerField(help_text="Leaders who passed.")
    alpha = serializers.FloatField(
        allow_null=True, help_text="Krippendorff's alpha across the leaders (null with fewer than two)."
    )


def summary_data(figures: dict) -> dict:
    contact = figures["contact"]
    return {
        "contact": {"id": contact.pk, "title": contact.title, "pass_mark": contact.pass_mark},
        "scores": [
            {
                "leader": person_data(s.leader),
                "agreement": s.agreement,
                "passed": s.passed,
                "scored_at": s.scored_at,
            }
            for s in figures["scores"]
        ],
        "passed": figures["passed"],
        "alpha": figures["alpha"],
    }


# --- Surveys ----------------------------------------------------------------------------------------------


class SurveyLinkRequestSerializer(serializers.Serializer):
    employee = IdField(help_text="Whose contact the customer is asked about (you, or your team's).")
    reference = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="The contact's reference (up to 100)."
    )


class SurveyLinkSerializer(serializers.Serializer):
    url = serializers.CharField(help_text="The one-use link to send the customer (no sign-in).")
    token = serializers.CharField()
    employee = PersonSerializer()
    reference = serializers.CharField(allow_blank=True)
    expires_at = serializers.DateTimeField()


class SurveyAnswerSerializer(serializers.Serializer):
    rating = serializers.IntegerField(help_text="1 (poor) to 5 (excellent).")
    resolved = serializers.BooleanField(required=False, allow_null=True, help_text="Was it resolved?")
    comment = serializers.CharField(required=False, allow_blank=True, help_text="Up to 2,000 characters.")


class SurveyThanksSerializer(serializers.Serializer):
    detail = serializers.CharField()
    rating = serializers.IntegerField()
    resolved = serializers.BooleanField(allow_null=True)
    comment = serializers.CharField(allow_blank=True)


class SurveyImportSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField()
    rows = serializers.IntegerField()
    created = serializers.IntegerField()
    errors = serializers.ListField(child=serializers.CharField(), help_text="Every bad row, by its number.")


class SurveyImportRefusalSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField(help_text="`invalid_import`: the report says every bad row; or `invalid`.")
    dry_run = serializers.BooleanField(required=False)
    rows = serializers.IntegerField(required=False)
    created = serializers.IntegerField(required=False)
    errors = serializers.ListField(child=serializers.CharField(), required=False)


class SkillTagsSerializer(serializers.Serializer):
    skills = serializers.ListField(child=IdField(), max_length=50, help_text="Skill ids (empty: none).")


class SurveyResponseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    employee = PersonSerializer()
    rating = serializers.IntegerField()
    resolved = serializers.BooleanField(allow_null=True)
    comment = serializers.CharField(allow_blank=True)
    received_at = serializers.DateTimeField()
    source = serializers.CharField()
    reference = serializers.CharField(allow_blank=True)
    skills = SkillRefSerializer(many=True)


def response_data(response) -> dict:
    return {
        "id": response.pk,
        "employee": person_data(response.employee),
        "rating": response.rating,
        "resolved": response.resolved,
        "comment": response.comment,
        "received_at": response.received_at,
        "source": response.source,
        "reference": response.reference,
        "skills": [skill_data(s) for s in response.skills.all()],
    }


# --- Rounds -----------------------------------------------------------------------------------------------


class RoundRequestSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=160)
    script = IdField(help_text="A mystery-shopper script's id.")
    teams = serializers.ListField(child=IdField(), min_length=1, max_length=200)
    contacts_per_team = serializers.IntegerField(help_text="1–200.")
    channels = serializers.ListField(
        child=serializers.ChoiceField(choices=Channel.choices), min_length=1, max_length=len(Channel.values)
    )
    times_of_day = serializers.ListField(
        child=serializers.ChoiceField(choices=TimeOfDay.choices),
        min_length=1,
        max_length=len(TimeOfDay.values),
    )
    shoppers = serializers.ListField(child=IdField(), min_length=1, max_length=200)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()


class RoundChangeSerializer(RoundRequestSerializer):
    """A change to a planned round: send only what changes (lists replace the whole list)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


class RoundSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    script = serializers.DictField(help_text="{id, title, story, right_answer, policies: [{id, title}]}")
    teams = serializers.ListField(child=serializers.DictField(), help_text="[{id, name}]")
    contacts_per_team = serializers.IntegerField()
    channels = serializers.ListField(child=serializers.CharField())
    times_of_day = serializers.ListField(child=serializers.CharField())
    shoppers = PersonSerializer(many=True)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    created_by = PersonSerializer()


def round_data(item) -> dict:
    script = item.script
    return {
        "id": item.pk,
        "title": item.title,
        "script": {
            "id": script.pk,
            "title": script.title,
            "story": script.story,
            "right_answer": script.right_answer,
            "policies": [{"id": p.pk, "title": p.title} for p in script.policies.all()],
        },
        "teams": [{"id": t.pk, "name": t.name} for t in item.teams.all()],
        "contacts_per_team": item.contacts_per_team,
        "channels": item.channels,
        "times_of_day": item.times_of_day,
        "shoppers": [person_data(s) for s in item.shoppers.all()],
        "starts_on": item.starts_on,
        "ends_on": item.ends_on,
        "created_by": person_data(item.created_by),
    }


class RoundDetailSerializer(RoundSerializer):
    coverage = serializers.DictField(
        help_text="planned, done; teams [{team {id, name}, planned, done, share}]; channels [{channel, "
        "label, done}]; times_of_day [{time, label, done}]; findings {quality, first_contact_resolution, "
        "handoffs_per_contact}."
    )


def coverage_data(cover: dict) -> dict:
    return {
        **cover,
        "teams": [
            {**row, "team": {"id": row["team"].pk, "name": row["team"].name}} for row in cover["teams"]
        ],
        "channels": [{**c, "label": str(c["label"])} for c in cover["channels"]],
        "times_of_day": [{**t, "label": str(t["label"])} for t in cover["times_of_day"]],
    }


class ShopContactSerializer(CheckFactsSerializer):
    employee = IdField(help_text="The person the shopper met (in a team the round covers).")
    submit = serializers.BooleanField(default=True, help_text="false keeps it as a draft.")
