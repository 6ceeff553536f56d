import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CataloguePage, CoursePage, Enrolment, ModulePage, Policy
from quizzes.models import AssessmentPage
from tests.factories import ModulePageFactory, PolicyFactory


class TestPageTree(WagtailPageTestCase):
    def test_page_types_nest_catalogue_course_module(self):
        self.assertAllowedParentPageTypes(CoursePage, {CataloguePage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage, AssessmentPage})
        self.assertAllowedSubpageTypes(ModulePage, set())

    def test_authors_can_create_each_page_type(self):
        root = Page.get_first_root_node()
        self.login()
        self.assertCanCreate(root, CataloguePage, {"title": "Courses", "slug": "c"})
        catalogue = CataloguePage.objects.get(slug="c")
        self.assertCanCreate(
            catalogue,
            CoursePage,
            {
                "title": "Apology",
                "slug": "apology",
                "summary": "Saying sorry well.",
                "estimated_minutes": 20,
                "validity_months": 12,
                "leaders_first": "on",
            },
        )
        course = CoursePage.objects.get(slug="apology")
        self.assertCanCreate(
            course,
            ModulePage,
            {
                "title": "Why sorry matters",
                "slug": "why",
                "estimated_minutes": 5,
                "required": "on",
                "body-count": "1",
                "body-0-deleted": "",
                "body-0-order": "0",
                "body-0-type": "text",
                "body-0-value": '{"blocks":[{"key":"a","text":"Say sorry and mean it.","type":"unstyled",'
                '"depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
            },
        )


pytestmark = pytest.mark.django_db


def test_pages_ask_anonymous_visitors_to_sign_in(client, course):
    module = course.modules().first()
    for url in ["/", course.url, module.url]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/?next=")
        assert response.url == f"/login/?next={url}"


def test_catalogue_course_and_module_render_for_a_learner(client, course, learner):
    client.force_login(learner)
    catalogue = client.get("/")
    assert catalogue.status_code == 200
    assert "Active listening" in catalogue.content.decode()
    page = client.get(course.url).content.decode()
    assert "Enrol in this course" in page
    assert "Module 1" in page
    module = client.get(course.modules().first().url).content.decode()
    assert "Module 1 of 3" in module
    assert "Enrol in “Active listening” to record your progress." in module


def test_opening_a_module_records_where_the_learner_is(client, course, learner):
    enrolment = Enrolment.objects.create(user=learner, course=course)
    second = course.modules()[1]
    client.force_login(learner)
    client.get(second.url)
    enrolment.refresh_from_db()
    assert enrolment.last_module_id == second.pk
    assert enrolment.state == Enrolment.State.IN_PROGRESS


def test_policy_block_quotes_the_live_policy(client, course, learner):
    policy = PolicyFactory(title="Refunds", body="<p>Advisers may refund up to £50.</p>")
    module = ModulePageFactory(
        parent=course, body=[("policy", {"policy": policy, "note": "Know your limit."})]
    )
    client.force_login(learner)
    assert "up to £50" in client.get(module.url).content.decode()
    policy.body = "<p>Advisers may refund up to £75.</p>"
    policy.save()
    html = client.get(module.url).content.decode()
    assert "up to £75" in html
    assert "Version 2" in html


def test_policy_version_goes_up_only_when_the_wording_changes(db):
    policy = PolicyFactory()
    assert policy.version == 1
    policy.save()
    assert Policy.objects.get(pk=policy.pk).version == 1
    policy.body = "<p>New wording.</p>"
    policy.save()
    assert Policy.objects.get(pk=policy.pk).version == 2
    # Publishing an old draft still counts up from the stored version.
    stale = Policy.objects.get(pk=policy.pk)
    stale.version = 1
    stale.title = "Renamed"
    stale.save()
    assert Policy.objects.get(pk=policy.pk).version == 3


def test_viewing_the_module_you_are_on_writes_nothing(client, course, learner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    Enrolment.objects.create(user=learner, course=course)
    module = course.modules()[1]
    client.force_login(learner)
    client.get(module.url)  # moves the bookmark
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(module.url).status_code == 200
    assert not [q["sql"] for q in ctx.captured_queries if q["sql"].startswith(("UPDATE", "INSERT"))]


def test_routing_serves_modules_and_assessments_and_hides_drafts(client, course, learner):
    from tests.factories import SkillFactory, make_assessment, sample_questions

    skill = SkillFactory(name="Listening", slug="listening")
    assessment = make_assessment(course, sample_questions(skill, skill), slug="check")
    client.force_login(learner)
    module = course.modules().first()
    assert "Module 1 of 3" in client.get(module.url).content.decode()
    response = client.get(f"{course.url}check/")
    assert response.status_code == 200 and response.context["page"].pk == assessment.pk
    module.unpublish()
    assert client.get(f"{course.url}{module.slug}/").status_code == 404
    assert client.get(f"{course.url}no-such-module/").status_code == 404
    assert client.get("/no-such-course/").status_code == 404
