import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import Enrolment, ModuleCompletion
from tests.factories import CoursePageFactory, ModulePageFactory, UserFactory

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_enrol_from_the_course_page(client, course, learner):
    client.force_login(learner)
    response = client.post(f"/training/courses/{course.pk}/enrol/", follow=True)
    assert response.redirect_chain[-1][0] == course.url
    assert Enrolment.objects.filter(user=learner, course=course).exists()
    assert "Continue" not in response.content.decode()
    assert "Start: Module 1" in response.content.decode()


def test_enrolling_twice_says_so_and_changes_nothing(client, course, learner):
    client.force_login(learner)
    client.post(f"/training/courses/{course.pk}/enrol/")
    response = client.post(f"/training/courses/{course.pk}/enrol/", follow=True)
    assert any("already enrolled" in m for m in messages_of(response))
    assert Enrolment.objects.filter(user=learner).count() == 1


def test_enrolling_in_an_unknown_course_says_so(client, learner):
    client.force_login(learner)
    response = client.post("/training/courses/98765/enrol/", follow=True)
    assert any("no course with id 98765" in m for m in messages_of(response))
    assert not Enrolment.objects.exists()


def test_enrol_needs_post_and_sign_in(client, course):
    url = f"/training/courses/{course.pk}/enrol/"
    response = client.post(url)
    assert response.status_code == 302
    assert response.url == f"/login/?next={url}"
    client.force_login(UserFactory())
    assert client.get(f"/training/courses/{course.pk}/enrol/").status_code == 405
    assert not Enrolment.objects.exists()


def test_complete_module_redirects_to_the_next_one(client, course, learner):
    enrolment = Enrolment.objects.create(user=learner, course=course)
    first, second, third = course.modules()
    client.force_login(learner)
    response = client.post(f"/training/enrolments/{enrolment.pk}/modules/{first.pk}/complete/")
    assert response["Location"] == second.url
    client.post(f"/training/enrolments/{enrolment.pk}/modules/{second.pk}/complete/")
    page = client.get(course.url).content.decode()
    assert "Continue where you left off: Module 3" in page
    response = client.post(f"/training/enrolments/{enrolment.pk}/modules/{third.pk}/complete/", follow=True)
    assert "You have finished every module" in response.content.decode()


def test_completing_a_module_in_someone_elses_enrolment_is_refused(client, course, learner, other_learner):
    theirs = Enrolment.objects.create(user=other_learner, course=course)
    client.force_login(learner)
    response = client.post(
        f"/training/enrolments/{theirs.pk}/modules/{course.modules().first().pk}/complete/", follow=True
    )
    assert any("no enrolment" in m for m in messages_of(response))
    assert not ModuleCompletion.objects.exists()


def test_my_training_lists_due_dates_and_overdue(client, catalogue, learner):
    import datetime

    from django.utils import timezone

    late = CoursePageFactory(parent=catalogue, title="Apology basics")
    ModulePageFactory(parent=late)
    Enrolment.objects.create(
        user=learner,
        course=late,
        source="assigned",
        due_date=timezone.localdate() - datetime.timedelta(days=2),
    )
    client.force_login(learner)
    html = client.get("/training/").content.decode()
    assert "Apology basics" in html
    assert "Overdue" in html
    assert "You have 1 overdue course" in html


def test_my_training_query_count_does_not_grow_with_enrolments(client, catalogue, learner):
    def count_queries():
        client.force_login(learner)
        client.get("/training/")  # warm per-process caches (site root paths)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/training/").status_code == 200
        return len(ctx)

    def add_courses(n):
        for _ in range(n):
            course = CoursePageFactory(parent=catalogue)
            ModulePageFactory(parent=course)
            ModulePageFactory(parent=course)
            Enrolment.objects.create(user=learner, course=course)

    add_courses(2)
    small = count_queries()
    add_courses(8)
    assert count_queries() == small


def test_leader_assigns_through_the_form(client, course, org):
    member = org.member(org.desk, "member", first_name="Mia", last_name="Member")
    outsider = org.member(org.line, "outsider", first_name="Otto", last_name="Outsider")
    client.force_login(org.lead)
    page = client.get(f"/training/courses/{course.pk}/assign/").content.decode()
    assert member.get_full_name() in page
    assert outsider.get_full_name() not in page
    response = client.post(
        f"/training/courses/{course.pk}/assign/", {"people": [outsider.pk], "due_date": "2099-05-01"}
    )
    assert response.status_code == 200
    assert not Enrolment.objects.exists()
    response = client.post(
        f"/training/courses/{course.pk}/assign/", {"people": [member.pk], "due_date": "2001-01-01"}
    )
    assert "in the past" in response.content.decode()
    assert not Enrolment.objects.exists()
    response = client.post(
        f"/training/courses/{course.pk}/assign/", {"people": [member.pk], "due_date": "2099-05-01"}
    )
    assert response.status_code == 302
    assert response.url == course.url
    assert Enrolment.objects.get(user=member).due_date.isoformat() == "2099-05-01"


def test_employees_cannot_open_the_assign_form(client, course, learner):
    client.force_login(learner)
    assert client.get(f"/training/courses/{course.pk}/assign/").status_code == 403
