"""Recording checks: who may, every fact validated, drafts never lost, disputes settled by the checker's
leader or HR, a missed skill suggesting the course that teaches it."""

import datetime

import pytest
from django.utils import timezone

from evidence import calibration, services
from evidence.facts import CheckInvalid
from evidence.models import Dispute, ServiceCheck
from lms.core.exceptions import Conflict, Forbidden, LMSError
from lms.core.models import AuditEvent

from .conftest import full


@pytest.fixture
def employee(org):
    return org.member(org.desk, "ellie", first_name="Ellie", last_name="Evans")


def record(checker, employee, scorecard, body, submit=True):
    return services.record_check(
        checker=checker, employee=employee, scorecard=scorecard, data=body, submit=submit
    )


def test_a_certified_leader_records_a_check(certified_lead, employee, scorecard, ids, policy):
    body = full(ids, handoffs=2, policies=[{"policy": policy.pk, "matched": False, "version": 1}])
    check = record(certified_lead, employee, scorecard, body)
    assert check.state == ServiceCheck.State.SUBMITTED
    assert check.score == 96 and check.skill_scores == {"listening": 94, "apology": 100}
    assert check.handoffs == 2
    statement = check.policy_statements.get()
    assert (statement.live_version, statement.version_heard, statement.matched) == (2, 1, False)
    assert not check.counted  # the leader has not calibrated yet
    assert AuditEvent.objects.filter(verb="service_check.submit", subject=employee).exists()


def test_hr_checks_count_at_once(hr, employee, scorecard, ids):
    assert record(hr, employee, scorecard, full(ids)).counted


@pytest.mark.parametrize(
    "who, code",
    [
        ("other_lead", "not_your_team"),
        ("employee", "own_contact"),
        ("uncertified", "not_certified"),
        ("peer", "not_your_team"),
    ],
)
def test_who_may_not_check(org, taught, employee, scorecard, ids, who, code):
    from certificates import services as certificate_services

    certificate_services.issue(holder=org.other_lead, course=taught)  # certified, but leads another team
    checker = {
        "other_lead": org.other_lead,
        "employee": employee,
        "uncertified": org.lead,  # leads the team, holds no certificate
        "peer": org.member(org.desk, "peer"),
    }[who]
    with pytest.raises(Forbidden) as refused:
        record(checker, employee, scorecard, full(ids))
    assert refused.value.code == code
    assert not ServiceCheck.objects.exists()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("handoffs", -1, "Hand-offs is a whole number"),
        ("handoffs", 51, "Hand-offs is a whole number"),
        ("handoffs", "two", "Hand-offs is a whole number"),
        ("treatment", 0, "Treatment is a whole number"),
        ("treatment", 6, "Treatment is a whole number"),
        ("channel", "pigeon", "Choose one of"),
        ("contacted_at", "yesterday", "Give the date and time"),
        ("contacted_at", "2999-01-01T10:00:00+00:00", "cannot be in the future"),
        ("problem_defined", "maybe", "Answer yes or no"),
        ("reference", "x" * 101, "100 characters"),
        ("note", "x" * 5001, "5000 characters"),
        ("policies", [{"policy": 999999, "matched": True}], "no published policy"),
        ("policies", [{"policy": "abc", "matched": True}], "not a policy id"),
        ("policies", [{"policy": 1}], "needs “policy”"),
        ("answers", {"nope": "yes"}, "no criterion"),
    ],
)
def test_every_fact_is_validated_and_nothing_saved(
    certified_lead, employee, scorecard, ids, field, value, message
):
    with pytest.raises(CheckInvalid) as refused:
        record(certified_lead, employee, scorecard, full(ids, **{field: value}))
    assert message in refused.value.errors[field]
    assert not ServiceCheck.objects.exists()


def test_a_policy_version_that_does_not_exist_is_refused(certified_lead, employee, scorecard, ids, policy):
    with pytest.raises(CheckInvalid, match="has no version 7"):
        record(
            certified_lead,
            employee,
            scorecard,
            full(ids, policies=[{"policy": policy.pk, "matched": False, "version": 7}]),
        )


def test_a_half_filled_check_is_kept_as_a_draft(certified_lead, employee, scorecard, ids):
    draft = record(certified_lead, employee, scorecard, {"channel": "email", "handoffs": 1}, submit=False)
    assert draft.is_draft and draft.handoffs == 1
    with pytest.raises(CheckInvalid) as refused:
        services.update_check(check=draft, by=certified_lead, data={"note": "Calm throughout."}, submit=True)
    assert "treatment" in refused.value.errors and "answers" in refused.value.errors
    draft.refresh_from_db()
    assert draft.is_draft and draft.note == "Calm throughout."  # what was typed is kept
    done = services.update_check(check=draft, by=certified_lead, data=full(ids), submit=True)
    assert done.state == ServiceCheck.State.SUBMITTED and done.score == 96
    with pytest.raises(Conflict):
        services.update_check(check=done, by=certified_lead, data={"note": "later"}, submit=False)


def test_someone_else_cannot_touch_a_draft(certified_lead, org, employee, scorecard, ids):
    draft = record(certified_lead, employee, scorecard, {"channel": "email"}, submit=False)
    with pytest.raises(LMSError) as refused:
        services.update_check(check=draft, by=org.head, data={"note": "x"}, submit=False)
    assert refused.value.code == "check_not_found"


def test_who_sees_a_check(certified_lead, org, employee, scorecard, ids, hr):
    check = record(certified_lead, employee, scorecard, full(ids))
    for viewer in (employee, certified_lead, org.head, hr):
        assert services.check_for(user=viewer, check_id=check.pk) == check
    stranger = org.member(org.line, "stranger")
    for viewer in (stranger, org.other_lead):
        with pytest.raises(LMSError):
            services.check_for(user=viewer, check_id=check.pk)


def test_dispute_settled_by_the_checkers_leader(certified_lead, org, employee, scorecard, ids):
    body = full(ids)
    body["answers"][ids["Let the customer finish"]] = "no"
    check = record(certified_lead, employee, scorecard, body)
    assert check.score == 46  # (0 + 0.75 + 2) / 6
    item = services.dispute(
        check=check,
        by=employee,
        criterion=ids["Let the customer finish"],
        comment="I let them finish; listen at 2:10.",
    )
    with pytest.raises(Conflict):
        services.dispute(check=check, by=employee, criterion=ids["Let the customer finish"], comment="Again")
    for refused in (certified_lead, employee, org.other_lead):
        with pytest.raises(Forbidden):
            services.resolve_dispute(dispute=item, by=refused, outcome="uphold", resolution="No")
    services.resolve_dispute(
        dispute=item, by=org.head, outcome="change", resolution="Heard the call: they did.", new_value="yes"
    )
    check.refresh_from_db()
    item.refresh_from_db()
    assert check.score == 96 and item.state == Dispute.State.CHANGED
    assert item.old_value == "no" and item.new_value == "yes"
    event = AuditEvent.objects.get(verb="service_check.dispute_resolve")
    assert event.actor == org.head and event.data["after"] == "yes"
    with pytest.raises(Conflict):
        services.resolve_dispute(dispute=item, by=org.head, outcome="uphold", resolution="again")


def test_only_the_employee_disputes_and_only_known_criteria(certified_lead, org, employee, scorecard, ids):
    check = record(certified_lead, employee, scorecard, full(ids))
    with pytest.raises(Forbidden):
        services.dispute(check=check, by=org.head, criterion=ids["Let the customer finish"], comment="x")
    with pytest.raises(LMSError, match="no criterion"):
        services.dispute(check=check, by=employee, criterion="zzz", comment="x")
    with pytest.raises(LMSError, match="Say why"):
        services.dispute(check=check, by=employee, criterion=ids["Let the customer finish"], comment="  ")


def test_a_missed_skill_suggests_its_course_and_assigning_it_is_tracked(
    certified_lead, employee, scorecard, ids, taught
):
    body = full(ids)
    body["answers"][ids["Offered a next step"]] = "no"
    check = record(certified_lead, employee, scorecard, body)
    suggestions = services.suggestions(check)
    assert [(s["skill"].slug, s["course"].pk) for s in suggestions] == [("apology", taught.pk)]
    item = services.assign_from_check(
        check=check, by=certified_lead, skill=suggestions[0]["skill"], course=taught
    )
    assert employee.enrolments.filter(course=taught).exists()
    assert services.suggestions(check)[0]["assigned"]
    figures = services.before_and_after(item)
    assert figures["before_count"] == 0  # the leader's check does not count before calibration
    assert figures["after"] is None


def test_coaching_actions(certified_lead, employee, scorecard, ids, org):
    check = record(certified_lead, employee, scorecard, full(ids))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    action = services.add_action(
        check=check, by=certified_lead, owner=employee, text="Listen to two calls with Sam", due_on=tomorrow
    )
    with pytest.raises(LMSError, match="in the past"):
        services.add_action(
            check=check,
            by=certified_lead,
            owner=employee,
            text="x",
            due_on=tomorrow - datetime.timedelta(days=2),
        )
    with pytest.raises(Forbidden):
        services.add_action(check=check, by=employee, owner=employee, text="x", due_on=tomorrow)
    stranger = org.member(org.line, "stranger")
    with pytest.raises(LMSError, match="employee or one of their leaders"):
        services.add_action(check=check, by=certified_lead, owner=stranger, text="x", due_on=tomorrow)
    with pytest.raises(LMSError):
        services.complete_action(action=action, by=certified_lead)
    assert services.complete_action(action=action, by=employee).done_at is not None


def test_passing_calibration_makes_a_leaders_checks_count(certified_lead, hr, employee, scorecard, ids):
    check = record(certified_lead, employee, scorecard, full(ids))
    assert not check.counted
    reference = full(ids)["answers"]
    contact = calibration.publish(
        by=hr,
        scorecard=scorecard,
        title="Boiler call",
        transcript="Customer: my boiler…",
        reference_answers=reference,
    )
    result = calibration.score_blind(contact=contact, leader=certified_lead, answers=reference)
    assert result.passed and result.agreement == 100
    check.refresh_from_db()
    assert check.counted
    assert record(certified_lead, employee, scorecard, full(ids)).counted
