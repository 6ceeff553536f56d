import datetime
import threading

import pytest
from django.db import connection

from certificates import services
from certificates.models import Certificate
from courses import services as course_services
from lms.core.exceptions import Conflict, Forbidden, LMSError
from lms.core.models import AuditEvent
from quizzes import services as quiz_services
from tests.factories import (
    CoursePageFactory,
    ModulePageFactory,
    PolicyFactory,
    automatic_questions,
    make_assessment,
)
from tests.fixtures.assessments import finish_modules, pass_assessment


@pytest.mark.django_db(transaction=True)
def test_certificate_issued_at_once_when_the_last_requirement_is_met(
    auto_assessment, enrolled, learner, course
):
    course.assessment_opens_early = True  # so the assessment can come before the last module
    course.save()
    policy = PolicyFactory(slug="refunds", title="Refunds")
    ModulePageFactory(parent=course, body=[("policy", {"policy": policy, "note": ""})])
    attempt = pass_assessment(learner, course)
    assert attempt.passed
    assert not Certificate.objects.exists()  # modules are not finished yet
    finish_modules(learner, course, enrolled)
    certificate = Certificate.objects.get(holder=learner)
    assert certificate.course_title == course.title
    assert certificate.holder_name == learner.get_full_name()
    assert (certificate.awareness_score, certificate.skill_score) == (100, 100)
    assert certificate.policy_versions == [{"slug": "refunds", "title": "Refunds", "version": 1}]
    assert certificate.expires_on == certificate.issued_on.replace(year=certificate.issued_on.year + 1)
    assert len(certificate.code) >= 22  # 128 bits, URL-safe
    assert AuditEvent.objects.filter(verb="certificate.issue", subject=learner).count() == 1


@pytest.mark.django_db(transaction=True)
def test_no_certificate_while_a_review_is_pending(assessment, enrolled, learner, course):
    finish_modules(learner, course, enrolled)
    attempt = pass_assessment(learner, course)
    assert attempt.state == "awaiting_review"
    assert not Certificate.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_failed_attempt_earns_nothing(auto_assessment, enrolled, learner, course):
    finish_modules(learner, course, enrolled)
    attempt, _ = quiz_services.start_attempt(user=learner, course=course)
    quiz_services.submit(user=learner, attempt_id=attempt.pk)
    assert not Certificate.objects.exists()


@pytest.mark.django_db
def test_revoke_keeps_the_record_with_a_reason(learner, course, hr):
    certificate = services.issue(holder=learner, course=course)
    with pytest.raises(Forbidden):
        services.revoke(certificate_id=certificate.pk, by=learner, reason="x")
    with pytest.raises(LMSError) as error:
        services.revoke(certificate_id=certificate.pk, by=hr, reason="  ")
    assert error.value.code == "reason_required"
    services.revoke(certificate_id=certificate.pk, by=hr, reason="Issued to the wrong person")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_reason == "Issued to the wrong person"
    with pytest.raises(Conflict):
        services.revoke(certificate_id=certificate.pk, by=hr, reason="again")
    assert AuditEvent.objects.filter(verb="certificate.revoke").count() == 1


@pytest.mark.django_db
def test_a_correction_replaces_the_old_certificate(learner, course, hr):
    old = services.issue(holder=learner, course=course)
    new = services.correct(certificate_id=old.pk, by=hr, holder_name="Zoë Brontë", reason="Accent missing")
    old.refresh_from_db()
    assert old.status == Certificate.Status.REPLACED
    assert new.replaces == old and new.holder_name == "Zoë Brontë" and new.code != old.code
    assert new.issued_on == old.issued_on and new.expires_on == old.expires_on


@pytest.mark.django_db(transaction=True)
def test_refresher_path_renews_and_keeps_history(catalogue, skills, learner):
    main = CoursePageFactory(parent=catalogue, title="Listening", validity_months=12)
    ModulePageFactory(parent=main)
    refresher = CoursePageFactory(parent=catalogue, title="Listening booster", renews=main)
    ModulePageFactory(parent=refresher)
    make_assessment(refresher, automatic_questions(*skills))
    first = services.issue(holder=learner, course=main, issued_on=datetime.date(2025, 1, 5))
    enrolment = course_services.enrol(user=learner, course=refresher)
    finish_modules(learner, refresher, enrolment)
    pass_assessment(learner, refresher)
    renewed = Certificate.objects.filter(holder=learner, course=main).exclude(pk=first.pk).get()
    assert renewed.renewal_of == first
    assert renewed.course_title == "Listening"
    assert renewed.expires_on > first.expires_on
    assert Certificate.objects.filter(holder=learner).count() == 2  # history kept


@pytest.mark.django_db(transaction=True)
def test_a_refresher_alone_does_not_certify(catalogue, skills, learner):
    main = CoursePageFactory(parent=catalogue, title="Listening")
    refresher = CoursePageFactory(parent=catalogue, title="Booster", renews=main)
    ModulePageFactory(parent=refresher)
    make_assessment(refresher, automatic_questions(*skills))
    enrolment = course_services.enrol(user=learner, course=refresher)
    finish_modules(learner, refresher, enrolment)
    pass_assessment(learner, refresher)
    assert not Certificate.objects.exists()


@pytest.mark.requires_postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_issue_requests_issue_exactly_once(auto_assessment, enrolled, learner, course):
    finish_modules(learner, course, enrolled)

    attempt = pass_assessment(learner, course)
    assert Certificate.objects.filter(attempt=attempt).count() == 1
    Certificate.objects.all().delete()
    barrier = threading.Barrier(6)
    errors = []

    def run():
        try:
            barrier.wait()
            services.issue_if_eligible(user=learner, course=course)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert Certificate.objects.filter(holder=learner, course=course).count() == 1
