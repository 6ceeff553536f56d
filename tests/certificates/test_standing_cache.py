"""Standings served from the cache change the moment anything that decides them changes
(certificates.standing_cache): each event below is read through a cache primed just before it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from freezegun import freeze_time

from certificates import services
from certificates.leaders_first import waiting_on
from certificates.standing import ASSESSMENT, AWAITING_REVIEW, LOCKED, _Person, standings_for, standings_many
from courses import services as course_services
from courses.models import Enrolment
from lms.core.models import Profile
from quizzes import services as quiz_services
from tests.factories import CoursePageFactory, ModulePageFactory
from tests.fixtures.assessments import best_answers, finish_modules

pytestmark = pytest.mark.django_db


def standing(person, course, *, today=None):
    team_id = Profile.objects.filter(user=person).values_list("team_id", flat=True).first()
    return standings_many([_Person(person.pk, team_id)], [course], today=today)[(person.pk, course.pk)]


@pytest.fixture
def agent(org):
    return org.member(org.desk, "agent")


@pytest.fixture
def lf_course(catalogue):
    course = CoursePageFactory(parent=catalogue, title="Policies", leaders_first=True)
    ModulePageFactory(parent=course)
    return course


def test_a_second_read_is_served_without_a_query(course, learner, django_assert_num_queries):
    Enrolment.objects.create(user=learner, course=course)
    people = [_Person(learner.pk, None)]
    first = standings_many(people, [course])
    with django_assert_num_queries(0):
        again = standings_many(people, [course])
    assert again == first and again[(learner.pk, course.pk)].enrolled
    standings_for(learner, [course])
    with django_assert_num_queries(0):
        standings_for(learner, [course])  # the detailed standing is kept too


def test_with_the_cache_off_every_read_asks_the_database(course, learner, settings):
    settings.LMS_STANDING_CACHE_SECONDS = 0
    people = [_Person(learner.pk, None)]
    standings_many(people, [course])
    with CaptureQueriesContext(connection) as again:
        standings_many(people, [course])
    assert len(again) > 0


def test_enrolling_starting_and_finishing_modules_show_at_once(course, learner):
    assert not standing(learner, course).enrolled
    enrolment = course_services.enrol(user=learner, course=course)
    assert standing(learner, course).enrolled and standing(learner, course).percent == 0
    modules = list(course.modules())
    course_services.open_module(enrolment=enrolment, module=modules[0])
    assert standing(learner, course).state == "in_progress"
    course_services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=modules[0].pk)
    after = standing(learner, course)
    assert (after.percent, after.modules_left) == (33, 2)
    assert standings_for(learner, [course])[course.pk].target == modules[1]


def test_starting_and_submitting_an_attempt_show_at_once(course, learner, assessment, enrolled):
    finish_modules(learner, course, enrolled)
    assert standing(learner, course).state == ASSESSMENT
    attempt, _ = quiz_services.start_attempt(user=learner, course=course)
    assert "Continue your assessment" in standing(learner, course).next_step
    quiz_services.save_answers(user=learner, attempt_id=attempt.pk, answers=best_answers(attempt))
    quiz_services.submit(user=learner, attempt_id=attempt.pk)
    assert standing(learner, course).state == AWAITING_REVIEW  # the written reply waits for a leader


def test_a_leaders_certificate_opens_the_course_for_their_team_at_once(org, agent, hr, lf_course):
    services.issue(holder=org.head, course=lf_course)
    assert standing(agent, lf_course).state == LOCKED
    certificate = services.issue(holder=org.lead, course=lf_course)
    assert standing(agent, lf_course).state != LOCKED
    services.revoke(certificate_id=certificate.pk, by=hr, reason="Issued in error")
    assert standing(agent, lf_course).state == LOCKED


def test_an_hr_exception_opens_the_course_at_once(org, agent, hr, lf_course):
    assert standing(agent, lf_course).state == LOCKED
    services.grant_exception(person=agent, course=lf_course, by=hr, reason="Covering a leave gap")
    assert standing(agent, lf_course).state != LOCKED


def test_the_leader_waited_for_is_named_as_they_are_now(org, agent, lf_course):
    assert standing(agent, lf_course).blocked_by == "Liam Lead"
    org.lead.first_name = "Lee"
    org.lead.save()
    assert standing(agent, lf_course).blocked_by == "Lee Lead"
    org.desk.leader = org.other_lead
    org.desk.save()
    assert standing(agent, lf_course).blocked_by == "Priya Raman"


def test_moving_to_another_team_shows_its_leader(org, agent, lf_course):
    assert standing(agent, lf_course).blocked_by == "Liam Lead"
    profile = Profile.objects.get(user=agent)
    profile.team = org.line
    profile.save()
    assert standing(agent, lf_course).blocked_by == "Priya Raman"


def test_signing_in_does_not_clear_anyone(org, agent, lf_course, django_assert_num_queries):
    people = [_Person(agent.pk, org.desk.pk)]
    standings_many(people, [lf_course])
    org.lead.last_login = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    org.lead.save(update_fields=["last_login"])
    with django_assert_num_queries(0):
        standings_many(people, [lf_course])


def test_a_module_added_to_the_course_counts_at_once(course, learner, enrolled):
    assert standing(learner, course).modules_left == 3
    ModulePageFactory(parent=course, title="Module 4", slug="module-4")
    assert standing(learner, course).modules_left == 4


def test_the_language_and_the_day_are_part_of_what_is_kept(course, learner, enrolled):
    enrolled.due_date = datetime.date(2026, 3, 10)
    enrolled.save()
    english = standing(learner, course, today=datetime.date(2026, 3, 10))
    with translation.override("es"):
        spanish = standing(learner, course, today=datetime.date(2026, 3, 10))
    assert english.next_step != spanish.next_step
    assert not english.overdue
    assert standing(learner, course, today=datetime.date(2026, 3, 11)).overdue


def test_a_cool_down_message_is_kept_only_until_the_cool_down_ends(
    course, learner, auto_assessment, enrolled
):
    finish_modules(learner, course, enrolled)
    with freeze_time("2026-03-02 10:00:00"):
        attempt, _ = quiz_services.start_attempt(user=learner, course=course)
        quiz_services.submit(user=learner, attempt_id=attempt.pk)  # nothing answered: failed
        waiting = standings_for(learner, [course])[course.pk]
        assert "again after" in waiting.next_step
    with freeze_time("2026-03-02 11:01:00"):
        assert standings_for(learner, [course])[course.pk].next_step == "Try the assessment again."


def test_who_waits_on_a_leader_follows_members_certificates_and_exceptions(org, agent, hr, lf_course):
    services.issue(holder=org.head, course=lf_course)
    assert [(c.title, n) for c, n in waiting_on(org.lead)] == [("Policies", 1)]
    newcomer = org.member(org.desk, "newcomer")
    assert [n for _, n in waiting_on(org.lead)] == [2]
    services.grant_exception(person=newcomer, course=lf_course, by=hr, reason="Covering a leave gap")
    assert [n for _, n in waiting_on(org.lead)] == [1]
    services.issue(holder=org.lead, course=lf_course)
    assert waiting_on(org.lead) == []


def test_deploy_check_warns_when_the_standings_cache_is_per_process(settings):
    from certificates.checks import check_shared_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [w.id for w in check_shared_cache()] == ["lms_certificates.W002"]
    settings.LMS_STANDING_CACHE_SECONDS = 0
    assert check_shared_cache() == []
    settings.LMS_STANDING_CACHE_SECONDS = 3600
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    assert check_shared_cache() == []


def test_leaders_first_access_is_kept_until_a_leader_is_certified(
    org, agent, lf_course, django_assert_num_queries
):
    from certificates.leaders_first import access_rule

    services.issue(holder=org.head, course=lf_course)
    assert access_rule(agent, [lf_course])[lf_course.pk].code == "leaders_first"
    with django_assert_num_queries(0):
        assert "Liam Lead" in access_rule(agent, [lf_course])[lf_course.pk].detail
    services.issue(holder=org.lead, course=lf_course)
    assert access_rule(agent, [lf_course]) == {}
