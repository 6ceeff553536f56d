import pytest
from django.core.management import CommandError, call_command

from courses.models import CoursePage, ModulePage, Policy, Skill
from lms.core.models import Team

pytestmark = pytest.mark.django_db


def test_demo_builds_the_organisation_and_curriculum(demo, django_user_model):
    for username in ["hr", "head", "leader", "employee", "leader2", "employee2", "author", "admin"]:
        assert django_user_model.objects.get(username=username).check_password("demo1234")
    front = Team.objects.get(name="Front Desk")
    support = Team.objects.get(name="Support Line")
    assert front.leader.username == "leader"
    assert support.leader.username == "leader2"
    assert front.parent == support.parent == Team.objects.get(leader__username="head")
    assert django_user_model.objects.get(username="employee").lms_profile.team == front
    assert django_user_model.objects.get(username="employee2").lms_profile.team == support
    titles = set(CoursePage.objects.values_list("title", flat=True))
    assert len(titles) >= 5
    for course in CoursePage.objects.all():
        assert course.get_children().type(ModulePage).count() >= 3, course.title
    assert CoursePage.objects.filter(leaders_first=True).exists()
    assert CoursePage.objects.filter(leaders_first=False).exists()


def test_demo_is_idempotent(demo, django_user_model):
    counts = (
        django_user_model.objects.count(),
        Team.objects.count(),
        CoursePage.objects.count(),
        ModulePage.objects.count(),
        Policy.objects.count(),
        Skill.objects.count(),
    )
    call_command("lms_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (
        django_user_model.objects.count(),
        Team.objects.count(),
        CoursePage.objects.count(),
        ModulePage.objects.count(),
        Policy.objects.count(),
        Skill.objects.count(),
    )


def test_demo_refuses_to_run_unless_enabled(db, settings):
    settings.LMS_DEMO_ENABLED = False
    with pytest.raises(CommandError, match="LMS_DEMO_ENABLED"):
        call_command("lms_demo")


@pytest.mark.parametrize("username", ["employee", "leader", "hr", "head", "employee2"])
def test_every_learner_page_renders_for_demo_users(demo, client, username):
    client.login(username=username, password="demo1234")
    course = CoursePage.objects.get(slug="active-listening")
    module = course.get_children().live().first()
    for url in ["/", course.url, module.url, "/training/"]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)


@pytest.mark.parametrize("username", ["hr", "author", "admin"])
def test_admin_renders_for_staff_demo_users(demo, client, username):
    client.login(username=username, password="demo1234")
    response = client.get("/admin/")
    assert response.status_code == 200
    course = CoursePage.objects.get(slug="active-listening")
    if username != "hr":
        assert client.get(f"/admin/pages/{course.pk}/edit/").status_code == 200
    else:
        assert client.get("/admin/snippets/lms/team/").status_code == 200


def test_employee_is_kept_out_of_the_admin(demo, client):
    client.login(username="employee", password="demo1234")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == "/admin/login/?next=/admin/"


def test_demo_has_a_locked_and_an_open_leaders_first_course_for_employee(demo, django_user_model):
    from courses.access import course_access

    employee = django_user_model.objects.get(username="employee")
    states = {
        c.slug: course_access(user=employee, course=c) for c in CoursePage.objects.filter(leaders_first=True)
    }
    locked = [slug for slug, access in states.items() if not access.is_open]
    assert "first-contact-resolution" in locked
    assert "Liam O'Connell" in states["first-contact-resolution"].detail
    assert any(access.is_open for access in states.values())
