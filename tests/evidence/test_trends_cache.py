"""A team's service trends are kept in the cache and never served stale: a new check, a survey import, a
calibration that makes a leader's checks count, a graded attempt, a renamed skill and a moved person each
show on the next view."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from evidence import calibration, services, surveys
from evidence.summaries import team_service_trends

from .conftest import full

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def when(days_ago=0) -> str:
    return (timezone.now() - datetime.timedelta(days=days_ago)).isoformat()


def contacts(team) -> int:
    return sum(m["contacts"] for m in team_service_trends(team, months=2)["months"])


def record(checker, person, scorecard, ids, **facts):
    return services.record_check(
        checker=checker,
        employee=person,
        scorecard=scorecard,
        data=full(ids, contacted_at=when(), **facts),
        submit=True,
    )


def test_a_second_view_asks_nothing_and_a_new_check_shows_at_once(org, hr, scorecard, ids, policy):
    ann = org.member(org.desk, "ann")
    record(hr, ann, scorecard, ids)
    assert contacts(org.desk) == 1
    with CaptureQueriesContext(connection) as again:
        assert contacts(org.desk) == 1
    assert len(again) == 0
    # With a policy statement: the check's statements are written in bulk, which sends no signal.
    record(hr, ann, scorecard, ids, policies=[{"policy": policy.pk, "matched": False}])
    months = team_service_trends(org.desk, months=2)["months"]
    assert sum(m["contacts"] for m in months) == 2
    assert months[-1]["policy_accuracy"] == 0


def test_a_survey_import_shows_at_once(org, hr):
    org.member(org.desk, "ann")
    assert team_service_trends(org.desk, months=1)["months"] == []
    csv = f"employee,rating,resolved,comment,received\nann,5,yes,Lovely,{TODAY.isoformat()}\n"
    assert surveys.import_csv(upload=io.BytesIO(csv.encode()), by=hr, dry_run=False).created == 1
    assert team_service_trends(org.desk, months=1)["months"][0]["responses"] == 1


def test_a_passed_calibration_makes_the_leaders_checks_count_at_once(org, hr, scorecard, ids, certified_lead):
    ann = org.member(org.desk, "ann")
    assert not record(certified_lead, ann, scorecard, ids).counted
    assert contacts(org.desk) == 0
    reference = full(ids)["answers"]
    contact = calibration.publish(
        by=hr,
        scorecard=scorecard,
        title="Boiler call",
        transcript="…",
        reference_answers=reference,
        pass_mark=75,
    )
    assert calibration.score_blind(contact=contact, leader=certified_lead, answers=reference).passed
    assert contacts(org.desk) == 1


def test_someone_moved_into_the_team_brings_their_checks(org, hr, scorecard, ids):
    lee = org.member(org.line, "lee")
    record(hr, lee, scorecard, ids)
    assert contacts(org.desk) == 0
    lee.lms_profile.team = org.desk
    lee.lms_profile.save()
    assert contacts(org.desk) == 1


def test_a_renamed_skill_shows_at_once(org, hr, scorecard, ids, skills):
    record(hr, org.member(org.desk, "ann"), scorecard, ids)
    names = {s["name"] for s in team_service_trends(org.desk, months=1)["skills"]}
    listening, _apology = skills
    listening.name = "Careful listening"
    listening.save()
    renamed = {s["name"] for s in team_service_trends(org.desk, months=1)["skills"]}
    assert "Careful listening" in renamed and "Careful listening" not in names


def test_a_graded_attempt_shows_in_the_training_columns(org, course, auto_assessment):
    from quizzes.models import Attempt

    ann = org.member(org.desk, "ann")
    assert team_service_trends(org.desk, months=1)["months"] == []
    Attempt.objects.create(
        learner=ann,
        assessment=auto_assessment,
        course=course,
        number=1,
        seed=1,
        snapshot={"questions": []},
        started_at=timezone.now(),
        state=Attempt.State.GRADED,
        graded_at=timezone.now(),
        awareness_score=80,
        skill_score=70,
        passed=True,
    )
    month = team_service_trends(org.desk, months=1)["months"][0]
    assert (month["awareness"], month["skill"]) == (80, 70)
