"""Trend figures, calibration agreement, surveys and rounds, from known data."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from evidence import calibration, rounds, services, surveys, trends
from evidence.models import ServiceCheck, SurveyResponse
from lms.core.exceptions import Forbidden, LMSError

from .conftest import full

TODAY = datetime.date(2026, 11, 30)


@pytest.fixture
def desk(org, hr, scorecard, ids, policy):
    """Two people on the desk: October and November checks by HR (so they count), surveys, policies."""
    ann, bob = org.member(org.desk, "ann"), org.member(org.desk, "bob")

    def check(person, when, handoffs, fcr, matched, version=None, answers=None):
        body = full(ids, contacted_at=when, handoffs=handoffs, resolved_first_contact=fcr)
        body["policies"] = [
            {"policy": policy.pk, "matched": matched, **({"version": version} if version else {})}
        ]
        if answers:
            body["answers"].update(answers)
        return services.record_check(checker=hr, employee=person, scorecard=scorecard, data=body, submit=True)

    check(ann, "2026-10-05T10:00:00+00:00", 0, True, True)
    check(bob, "2026-10-06T10:00:00+00:00", 2, False, False, version=1)
    check(ann, "2026-11-03T10:00:00+00:00", 1, True, True)
    check(
        bob,
        "2026-11-04T10:00:00+00:00",
        3,
        False,
        False,
        answers={ids["Apologised for the specific problem"]: "no"},
    )
    for person, rating, day in ((ann, 5, 10), (ann, 4, 11), (bob, 2, 12), (bob, 3, 13)):
        SurveyResponse.objects.create(
            employee=person,
            rating=rating,
            received_at=timezone.make_aware(datetime.datetime(2026, 11, day, 9)),
            source=SurveyResponse.Source.IMPORT,
        )
    return ann, bob


def test_team_trends_from_known_data(org, desk):
    figures = trends.team_trends(org.desk, months=3, today=TODAY)
    september, october, november = figures["months"]
    assert september["month"] == "2026-09" and september["contacts"] == 0 and september["quality"] is None
    assert october["contacts"] == 2
    assert october["handoffs_per_contact"] == 1.0
    assert october["first_contact_resolution"] == 50
    assert october["policy_accuracy"] == 50
    assert october["policy_versions_heard"][0]["versions"] == [1, 2]
    assert october["policy_versions_heard"][0]["count"] == 2
    assert october["quality"] == 96
    assert november["handoffs_per_contact"] == 2.0
    assert november["quality"] == 48  # 96 and 0 (a critical miss)
    assert november["policy_accuracy"] == 50
    assert november["policy_versions_heard"][0]["count"] == 2  # the live version and an unknown other
    assert november["csat"] == 50 and november["responses"] == 4
    assert figures["skills"]["apology"][2]["quality"] == 50  # 100 and 0


def test_the_head_sees_every_team_below(org, desk):
    figures = trends.team_trends(org.service, months=2, today=TODAY)
    assert figures["months"][1]["contacts"] == 2


def test_uncounted_checks_are_left_out(org, desk, certified_lead, scorecard, ids):
    services.record_check(
        checker=certified_lead,
        employee=desk[0],
        scorecard=scorecard,
        data=full(ids, contacted_at="2026-11-20T10:00:00+00:00", handoffs=9),
        submit=True,
    )
    assert trends.team_trends(org.desk, months=1, today=TODAY)["months"][0]["contacts"] == 2


def test_trend_queries_do_not_grow_with_checks(org, desk, hr, scorecard, ids):
    def count():
        with CaptureQueriesContext(connection) as queries:
            trends.team_trends(org.desk, months=3, today=TODAY)
        return len(queries)

    before = count()
    for day in range(1, 11):
        services.record_check(
            checker=hr,
            employee=desk[1],
            scorecard=scorecard,
            data=full(ids, contacted_at=f"2026-11-{day:02d}T15:00:00+00:00"),
            submit=True,
        )
    assert count() == before


def test_calibration_agreement_and_spread(hr, org, scorecard, ids, certified_lead):
    reference = full(ids)["answers"]
    contact = calibration.publish(
        by=hr,
        scorecard=scorecard,
        title="Boiler call",
        transcript="…",
        reference_answers=reference,
        pass_mark=75,
    )
    close = {**reference, ids["Named the problem back"]: 5}  # within one point: agrees
    off = {**reference, ids["Let the customer finish"]: "no", ids["Named the problem back"]: 1}
    assert calibration.agreement(contact.snapshot, reference, close) == 100
    assert calibration.agreement(contact.snapshot, reference, off) == 50
    first = calibration.score_blind(contact=contact, leader=certified_lead, answers=off)
    assert not first.passed
    second = calibration.score_blind(contact=contact, leader=org.head, answers=close)
    assert second.passed
    summary = calibration.summary(contact)
    assert summary["passed"] == 1
    assert summary["alpha"] is not None and summary["alpha"] < 1
    assert calibration.alpha(contact.snapshot, [reference, reference]) == 1.0  # leaders who agree fully
    assert calibration.alpha(contact.snapshot, [reference]) is None  # one leader: no spread to tell
    employee = org.member(org.desk, "cal")
    with pytest.raises(Forbidden):
        calibration.score_blind(contact=contact, leader=employee, answers=reference)


def test_alpha_from_known_scorings(scorecard, ids):
    """Two leaders disagree on one criterion of four: alpha by the textbook formula, 1 - Do/De."""
    from evidence.scoring import snapshot_of

    snapshot = snapshot_of(scorecard)
    first = {
        ids["Let the customer finish"]: "yes",  # 1
        ids["Named the problem back"]: 4,  # 0.75
        ids["Apologised for the specific problem"]: "yes",  # 1
        ids["Offered a next step"]: "no",  # 0
    }
    second = {**first, ids["Apologised for the specific problem"]: "no"}
    values = [1, 0.75, 1, 0, 1, 0.75, 0, 0]
    n = len(values)
    observed = 2 * (1 - 0) ** 2 / n  # one unit disagrees by 1, counted both ways, m_u - 1 = 1
    expected = sum((a - b) ** 2 for i, a in enumerate(values) for j, b in enumerate(values) if i != j) / (
        n * (n - 1)
    )
    assert calibration.alpha(snapshot, [first, second]) == round(1 - observed / expected, 3)
    assert calibration.alpha(snapshot, [first, dict(first)]) == 1.0


def test_survey_link_is_used_once(org, scorecard):
    person = org.member(org.desk, "sue")
    link = surveys.create_link(by=person, employee=person, reference="CALL-9")
    assert len(link.token) >= 32
    response = surveys.answer(token=link.token, rating=5, resolved="yes", comment="Sorted in one call.")
    assert response.employee == person and response.resolved is True
    with pytest.raises(LMSError) as refused:
        surveys.answer(token=link.token, rating=1, resolved="no", comment="again")
    assert refused.value.code == "survey_used"
    assert SurveyResponse.objects.count() == 1
    with pytest.raises(LMSError) as unknown:
        surveys.answer(token="nope", rating=5, resolved="", comment="")
    assert unknown.value.code == "survey_not_found"
    with pytest.raises(Forbidden):
        surveys.create_link(by=org.member(org.line, "other"), employee=person)


@pytest.mark.parametrize("rating", [0, 6, "", "five"])
def test_survey_rating_bounds(org, rating):
    person = org.member(org.desk, "sue")
    link = surveys.create_link(by=person, employee=person)
    with pytest.raises(LMSError, match="1 to 5"):
        surveys.answer(token=link.token, rating=rating, resolved="", comment="")
    link.refresh_from_db()
    assert link.used_at is None


def test_survey_csv_is_all_or_nothing(org, hr):
    org.member(org.desk, "ann", email="ann@example.com")
    bad = (
        "employee,rating,resolved,comment,received\n"
        "ann,5,yes,Lovely,2026-11-01\n"
        "nobody,4,yes,,2026-11-01\n"
        "ann@example.com,9,no,,2026-11-02\n"
        "ann,3,perhaps,,2026-11-02\n"
        "ann,3,no,,not-a-date\n"
    )
    report = surveys.import_csv(upload=io.BytesIO(bad.encode()), by=hr, dry_run=False)
    assert not report.ok and len(report.errors) == 4
    assert "Row 3" in report.errors[0] and "nobody" in report.errors[0]
    assert SurveyResponse.objects.count() == 0
    good = (
        "employee,rating,resolved,comment,received\n"
        "ann,5,yes,Lovely,2026-11-01\n"
        "ann@example.com,2,no,Slow,2026-11-02\n"
    )
    assert surveys.import_csv(upload=SimpleUploadedFile("s.csv", good.encode()), by=hr, dry_run=True).ok
    assert SurveyResponse.objects.count() == 0
    report = surveys.import_csv(upload=io.BytesIO(good.encode()), by=hr, dry_run=False)
    assert report.created == 2 and surveys.csat(SurveyResponse.objects.values_list("rating", flat=True)) == 50
    with pytest.raises(Forbidden):
        surveys.import_csv(upload=io.BytesIO(good.encode()), by=org.lead, dry_run=False)


def test_a_round_plans_and_logs_contacts(org, hr, scorecard, ids):
    from evidence.models import ShopperScript

    script = ShopperScript.objects.create(
        title="Boiler not fixed", story="…", right_answer="…", scorecard=scorecard, created_by=hr
    )
    shopper = org.member(org.line, "shopper")
    plan = rounds.plan(
        by=org.head,
        title="November round",
        script=script,
        teams=[org.desk, org.line],
        contacts_per_team=2,
        channels=["phone", "email"],
        times_of_day=["morning", "evening"],
        shoppers=[shopper],
        starts_on=datetime.date(2026, 11, 1),
        ends_on=datetime.date(2026, 11, 30),
    )
    with pytest.raises(LMSError, match="Contacts per team"):
        rounds.plan(
            by=hr,
            title="x",
            script=script,
            teams=[org.desk],
            contacts_per_team=0,
            channels=["phone"],
            times_of_day=["morning"],
            shoppers=[shopper],
            starts_on=TODAY,
            ends_on=TODAY,
        )
    with pytest.raises(Forbidden):
        rounds.plan(
            by=org.lead,
            title="x",
            script=script,
            teams=[org.desk],
            contacts_per_team=1,
            channels=["phone"],
            times_of_day=["morning"],
            shoppers=[shopper],
            starts_on=TODAY,
            ends_on=TODAY,
        )
    ann = org.member(org.desk, "ann")
    contact = rounds.log_contact(
        shop_round=plan,
        shopper=shopper,
        employee=ann,
        data=full(ids, contacted_at="2026-11-03T09:00:00+00:00"),
    )
    assert contact.kind == ServiceCheck.Kind.SHOP and contact.counted
    with pytest.raises(LMSError, match="channels"):
        rounds.log_contact(shop_round=plan, shopper=shopper, employee=ann, data=full(ids, channel="chat"))
    with pytest.raises(Forbidden):
        rounds.log_contact(shop_round=plan, shopper=org.lead, employee=ann, data=full(ids))
    cover = rounds.coverage(plan)
    assert cover["planned"] == 4 and cover["done"] == 1
    assert [t["done"] for t in cover["teams"]] == [1, 0]
    assert {c["channel"]: c["done"] for c in cover["channels"]} == {"phone": 1, "email": 0}
    assert {t["time"]: t["done"] for t in cover["times_of_day"]} == {"morning": 1, "evening": 0}
    assert cover["findings"]["quality"] == 96
