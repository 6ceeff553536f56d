import datetime

import pytest
from django.utils import timezone

from courses import selectors, services
from courses.models import Enrolment, ModuleCompletion
from lms.core.exceptions import Conflict, Forbidden, LMSError, NotFound
from tests.factories import CoursePageFactory, ModulePageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_enrol_creates_one_enrolment(course, learner):
    enrolment = services.enrol(user=learner, course=course)
    assert enrolment.state == Enrolment.State.NOT_STARTED
    assert enrolment.source == Enrolment.Source.SELF
    assert Enrolment.objects.filter(user=learner).count() == 1


def test_enrolling_twice_is_a_conflict_and_changes_nothing(course, learner):
    first = services.enrol(user=learner, course=course)
    with pytest.raises(Conflict) as error:
        services.enrol(user=learner, course=course)
    assert error.value.code == "already_enrolled"
    assert list(Enrolment.objects.filter(user=learner)) == [first]


def test_unknown_course_is_a_clear_not_found(db):
    with pytest.raises(NotFound) as error:
        services.get_course(999999)
    assert error.value.code == "course_not_found"
    assert "999999" in error.value.message
    with pytest.raises(NotFound):
        services.get_course("abc")


def test_draft_course_is_not_found(catalogue, learner):
    draft = CoursePageFactory(parent=catalogue, live=False)
    with pytest.raises(NotFound):
        services.get_course(draft.pk)


def test_completing_modules_moves_progress_and_next_module(course, learner):
    enrolment = services.enrol(user=learner, course=course)
    modules = list(course.modules())
    _, progress = services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=modules[0].pk)
    assert progress.percent == 33
    assert progress.next_module == modules[1]
    enrolment.refresh_from_db()
    assert enrolment.state == Enrolment.State.IN_PROGRESS
    assert enrolment.last_module_id == modules[0].pk
    for module in modules[1:]:
        _, progress = services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=module.pk)
    enrolment.refresh_from_db()
    assert progress.percent == 100
    assert progress.next_module is None
    assert enrolment.state == Enrolment.State.COMPLETED
    assert enrolment.completed_at is not None


def test_completing_a_module_twice_is_harmless(course, learner):
    enrolment = services.enrol(user=learner, course=course)
    module = course.modules().first()
    services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=module.pk)
    services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=module.pk)
    assert ModuleCompletion.objects.filter(enrolment=enrolment).count() == 1


def test_cannot_complete_a_module_of_a_course_you_are_not_in(course, catalogue, learner, other_learner):
    other_course = CoursePageFactory(parent=catalogue)
    other_module = ModulePageFactory(parent=other_course)
    enrolment = services.enrol(user=learner, course=course)

    # A module from another course.
    with pytest.raises(NotFound) as error:
        services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=other_module.pk)
    assert error.value.code == "module_not_found"
    # Somebody else's enrolment looks like a missing one.
    with pytest.raises(NotFound) as error:
        services.complete_module(
            user=other_learner, enrolment_id=enrolment.pk, module_id=course.modules().first().pk
        )
    assert error.value.code == "enrolment_not_found"
    assert not ModuleCompletion.objects.exists()
    enrolment.refresh_from_db()
    assert enrolment.state == Enrolment.State.NOT_STARTED


def test_optional_modules_do_not_hold_back_progress(catalogue, learner):
    course = CoursePageFactory(parent=catalogue)
    required = ModulePageFactory(parent=course)
    ModulePageFactory(parent=course, required=False)
    enrolment = services.enrol(user=learner, course=course)
    _, progress = services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=required.pk)
    assert progress.percent == 100
    assert progress.is_complete


@pytest.fixture
def member(org):
    """An adviser in Desk, which Liam Lead leads."""
    return org.member(org.desk, "member")


def test_leader_assigns_a_course_with_a_due_date_to_their_team(course, org, member):
    leader = org.lead
    due = timezone.localdate() + datetime.timedelta(days=14)
    enrolment = services.assign(course=course, learner=member, assigned_by=leader, due_date=due)
    assert enrolment.source == Enrolment.Source.ASSIGNED
    assert enrolment.due_date == due
    assert enrolment.assigned_by == leader


def test_assigning_keeps_existing_progress(course, org, member):
    leader = org.lead
    enrolment = services.enrol(user=member, course=course)
    services.complete_module(user=member, enrolment_id=enrolment.pk, module_id=course.modules().first().pk)
    services.assign(course=course, learner=member, assigned_by=leader, due_date=None)
    assert Enrolment.objects.filter(user=member).count() == 1
    assert ModuleCompletion.objects.filter(enrolment=enrolment).count() == 1


def test_leader_cannot_assign_outside_their_teams_and_nothing_changes(course, org, member):
    leader = org.lead
    stranger = org.member(org.line, "stranger")
    with pytest.raises(Forbidden) as error:
        services.assign_many(course=course, learners=[member, stranger], assigned_by=leader, due_date=None)
    assert error.value.code == "not_your_team"
    assert not Enrolment.objects.exists()


def test_hr_assigns_anyone_but_not_in_the_past(course, hr):
    person = UserFactory()
    services.assign(course=course, learner=person, assigned_by=hr, due_date=None)
    with pytest.raises(LMSError) as error:
        services.assign(
            course=course,
            learner=person,
            assigned_by=hr,
            due_date=timezone.localdate() - datetime.timedelta(1),
        )
    assert error.value.code == "due_date_past"
    assert Enrolment.objects.get(user=person).due_date is None


def test_overdue_and_my_training_order(catalogue, learner):
    first = CoursePageFactory(parent=catalogue)
    second = CoursePageFactory(parent=catalogue)
    third = CoursePageFactory(parent=catalogue)
    for c in (first, second, third):
        ModulePageFactory(parent=c)
    today = timezone.localdate()
    Enrolment.objects.create(user=learner, course=first, due_date=today + datetime.timedelta(days=10))
    late = Enrolment.objects.create(user=learner, course=second, due_date=today - datetime.timedelta(days=1))
    Enrolment.objects.create(user=learner, course=third)
    rows = selectors.my_training(user=learner)
    assert [e.course_id for e, _ in rows] == [second.pk, first.pk, third.pk]
    assert late.is_overdue
    assert not rows[1][0].is_overdue
