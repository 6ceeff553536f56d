"""The catalogue a person expects: search, filters by skill and by state, and courses offered only to the
audience they are for (teams and the teams below them, job titles), on the page and in the API."""

import dataclasses
import html
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from courses import selectors, services
from courses.models import Enrolment
from lms.core.models import Profile
from tests.factories import (
    CoursePageFactory,
    ModulePageFactory,
    SkillFactory,
    TeamFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(catalogue):
    """Three courses with words in different fields, and two skills between them."""
    listening = SkillFactory(name="Listening", slug="listening")
    apology = SkillFactory(name="Apology", slug="apology")
    courses = SimpleNamespace(
        listening=CoursePageFactory(
            parent=catalogue,
            title="Active listening",
            slug="active-listening",
            summary="Give customers your full attention.",
            description="<p>Let them finish before you answer.</p>",
        ),
        sorry=CoursePageFactory(
            parent=catalogue,
            title="Sincere apologies",
            slug="sincere-apologies",
            summary="Say sorry for the specific problem.",
            description="<p>Never blame the customer.</p>",
        ),
        refunds=CoursePageFactory(
            parent=catalogue,
            title="Refunds and credits",
            slug="refunds-and-credits",
            summary="Know what you may approve.",
            description="<p>Goodwill credits up to fifty pounds.</p>",
        ),
    )
    courses.listening.skills.set([listening])
    courses.sorry.skills.set([apology])
    courses.refunds.skills.set([apology, listening])
    for course in (courses.listening, courses.sorry, courses.refunds):
        course.save_revision().publish()  # the skills are kept on the page's revision too
        ModulePageFactory(parent=course, title=f"{course.title}: the basics")
    return courses


def cards(response) -> list[str]:
    """The slugs of the course cards on a catalogue page, in order."""
    assert response.status_code == 200
    return [entry.course.slug for entry in response.context["entries"]]


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def api_slugs(client, **params) -> list[str]:
    response = client.get("/api/v1/courses/", params)
    assert response.status_code == 200, response.content
    return [course["url"].strip("/").rsplit("/", 1)[-1] for course in response.json()]


@pytest.fixture
def api(learner):
    client = APIClient()
    client.force_authenticate(learner)
    return client


# Search


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("sincere", ["sincere-apologies"]),  # a word of the title
        ("attention", ["active-listening"]),  # of the summary
        ("goodwill", ["refunds-and-credits"]),  # of the description
        ("GOODWILL   fifty", ["refunds-and-credits"]),  # every word, any capitals and spacing
        ("goodwill attention", []),  # every word must match
        ("listen", ["active-listening"]),  # the start of a word in the title
    ],
)
def test_search_finds_courses_by_title_summary_and_description(client, learner, shelf, q, expected):
    client.force_login(learner)
    assert cards(client.get("/", {"q": q})) == expected


def test_search_in_the_api_matches_the_page(api, shelf):
    assert api_slugs(api, q="goodwill") == ["refunds-and-credits"]
    assert api_slugs(api, q="sorry") == ["sincere-apologies"]
    assert len(api_slugs(api)) == 3


def test_a_search_that_finds_nothing_says_so_and_offers_to_clear(client, learner, shelf):
    client.force_login(learner)
    response = client.get("/", {"q": "meter readings"})
    text = page_text(response)
    assert cards(response) == []
    assert "No courses match" in text
    assert "“meter readings”" in text
    assert "0 of 3 courses match" in text
    assert 'class="clear-filters" href="/"' in text
    assert "No courses have been published yet" not in text


def test_the_form_keeps_what_was_asked_and_offers_only_skills_in_the_catalogue(client, learner, shelf):
    SkillFactory(name="Leading", slug="leading")  # on no course
    client.force_login(learner)
    text = page_text(client.get("/", {"q": "credits", "skill": "apology"}))
    assert 'name="q" value="credits"' in text
    assert '<option value="apology" selected>Apology</option>' in text
    assert '<option value="listening">Listening</option>' in text
    assert 'value="leading"' not in text
    # A real skill no course covers yet: nothing matches, and the menu still shows what was chosen.
    response = client.get("/", {"skill": "leading"})
    assert cards(response) == []
    assert '<option value="leading" selected>Leading</option>' in page_text(response)
    assert "Check the filters" not in page_text(response)


def test_without_filters_there_is_no_count_and_no_clear_link(client, learner, shelf):
    client.force_login(learner)
    text = page_text(client.get("/"))
    assert "Clear filters" not in text
    assert 'id="result-count"' not in text


# Filters


def test_filter_by_skill(client, learner, shelf, api):
    client.force_login(learner)
    assert cards(client.get("/", {"skill": "apology"})) == ["sincere-apologies", "refunds-and-credits"]
    assert cards(client.get("/", {"skill": "listening"})) == ["active-listening", "refunds-and-credits"]
    assert api_slugs(api, skill="apology") == ["sincere-apologies", "refunds-and-credits"]


def test_filter_by_state(client, learner, shelf, api):
    enrolment = Enrolment.objects.create(user=learner, course=shelf.sorry)
    module = shelf.sorry.modules().first()
    services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=module.pk)
    client.force_login(learner)
    response = client.get("/", {"state": "in_progress"})
    assert cards(response) == ["sincere-apologies"]
    assert "1 of 3 courses matches" in page_text(response)
    assert cards(client.get("/", {"state": "not_started"})) == ["active-listening", "refunds-and-credits"]
    assert cards(client.get("/", {"state": "certified"})) == []
    assert api_slugs(api, state="in_progress") == ["sincere-apologies"]
    # The menu offers the states the person is in, with the standings' own labels.
    text = page_text(client.get("/"))
    assert '<option value="in_progress">In progress</option>' in text
    assert '<option value="not_started">Not started</option>' in text
    assert 'value="certified"' not in text


def test_the_state_filter_reads_each_courses_standing(client, learner, shelf, monkeypatch):
    """The catalogue never works a state out itself: whatever the standing says is what it filters on."""
    real = selectors.course_standings

    def standings(user, courses):
        answer = real(user, courses)
        if shelf.refunds.pk in answer:
            answer[shelf.refunds.pk] = dataclasses.replace(answer[shelf.refunds.pk], state="expired")
        return answer

    monkeypatch.setattr(selectors, "course_standings", standings)
    client.force_login(learner)
    assert cards(client.get("/", {"state": "expired"})) == ["refunds-and-credits"]
    assert "refunds-and-credits" not in cards(client.get("/", {"state": "not_started"}))


def test_filters_combine(client, learner, shelf, api):
    enrolment = Enrolment.objects.create(user=learner, course=shelf.refunds)
    module = shelf.refunds.modules().first()
    services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=module.pk)
    client.force_login(learner)
    assert cards(client.get("/", {"q": "credits", "skill": "apology"})) == ["refunds-and-credits"]
    assert cards(client.get("/", {"q": "sincere", "skill": "listening"})) == []
    assert cards(client.get("/", {"skill": "listening", "state": "not_started"})) == ["active-listening"]
    response = client.get("/", {"q": "apologies", "skill": "apology", "state": "in_progress"})
    assert cards(response) == []
    assert "No courses match" in page_text(response)
    assert api_slugs(api, skill="apology", state="not_started") == ["sincere-apologies"]
    assert api_slugs(api, q="credits", skill="listening", state="not_started") == []


# Bad values


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"skill": "juggling"}, "Skill: there is no skill “juggling”."),
        ({"skill": "<b>x</b>"}, "Skill: there is no skill “<b>x</b>”."),
        ({"state": "finished"}, "State: “finished” is not one of not_started, in_progress"),
        ({"q": "refund " * 20}, "Search: use at most 100 characters (this one has 139)."),
        ({"q": "?!"}, "Search: type a word to look for"),
    ],
)
def test_bad_values_get_a_clear_message_on_the_page_and_a_400_in_the_api(
    client, learner, shelf, api, params, message
):
    client.force_login(learner)
    response = client.get("/", params)
    text = page_text(response)
    assert message in text
    assert "Showing every course instead." in text
    assert len(cards(response)) == 3
    assert "<b>x</b>" not in response.content.decode()  # echoed back escaped, never as markup
    assert 'class="clear-filters" href="/"' in text
    answer = api.get("/api/v1/courses/", params)
    assert answer.status_code == 400
    assert answer.json() == {"detail": answer.json()["detail"], "code": "invalid_filter"}
    assert message in answer.json()["detail"]


def test_several_bad_values_are_named_together(api, shelf):
    detail = api.get("/api/v1/courses/", {"skill": "nope", "state": "nope"}).json()["detail"]
    assert "Skill:" in detail
    assert "State:" in detail


def test_the_api_documents_its_filters(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/v1/courses/"]["get"]
    params = {p["name"]: p for p in operation["parameters"]}
    assert {"q", "skill", "state"} <= set(params)
    assert sorted(params["state"]["schema"]["enum"]) == sorted(selectors.STANDING_STATES)
    assert all(p["in"] == "query" for p in params.values())
    assert "invalid_filter" in operation["responses"]["400"]["description"]
    course = schema["components"]["schemas"]["Course"]["properties"]
    assert {"shown_to", "in_audience"} <= set(course)


def test_the_states_agree_with_the_standing_and_its_api_enum():
    from certificates.standing import STATE_LABELS
    from courses.api import StandingSerializer

    assert set(selectors.STANDING_STATES) == set(STATE_LABELS)
    assert list(StandingSerializer().fields["state"].choices) == list(selectors.STANDING_STATES)


# Audience


@pytest.fixture
def offered(catalogue, org):
    """Courses for the service (and so every team below it), for the desk only, for team leaders by
    job title, for both the line team and quality coaches, and one for everyone."""
    courses = SimpleNamespace(
        service=CoursePageFactory(parent=catalogue, title="Service basics", slug="service-basics"),
        desk=CoursePageFactory(parent=catalogue, title="Desk know-how", slug="desk-know-how"),
        leaders=CoursePageFactory(
            parent=catalogue,
            title="Leading a team",
            slug="leading-a-team",
            audience_job_titles="Team Leader\n\n  Head of service  \n",
        ),
        line=CoursePageFactory(
            parent=catalogue, title="Line craft", slug="line-craft", audience_job_titles="Quality coach"
        ),
        everyone=CoursePageFactory(parent=catalogue, title="For everyone", slug="for-everyone"),
    )
    courses.service.audience_teams.set([org.service])
    courses.desk.audience_teams.set([org.desk])
    courses.line.audience_teams.set([org.line])
    for course in vars(courses).values():
        course.save()
    return courses


def person(username: str, team=None, job_title: str = "Customer service adviser"):
    user = UserFactory(username=username)
    Profile.objects.update_or_create(user=user, defaults={"team": team, "job_title": job_title})
    return user


def visible_to(user, client) -> list[str]:
    client.force_login(user)
    return cards(client.get("/"))


def test_a_team_audience_includes_every_team_below_it(client, org, offered):
    below_desk = TeamFactory(name="Desk nights", parent=org.desk, leader=None)
    night = person("night", below_desk)
    desk = person("desk-adviser", org.desk)
    line = person("line-adviser", org.line)
    assert visible_to(desk, client) == ["service-basics", "desk-know-how", "for-everyone"]
    assert visible_to(night, client) == ["service-basics", "desk-know-how", "for-everyone"]
    assert visible_to(line, client) == ["service-basics", "line-craft", "for-everyone"]
    # The head works in the team above the desk: offered the service's course, not the desk's.
    assert visible_to(org.head, client) == ["service-basics", "for-everyone"]


def test_someone_in_no_team_sees_only_courses_for_everyone(client, offered):
    assert visible_to(person("loner"), client) == ["for-everyone"]
    assert visible_to(UserFactory(username="no-profile"), client) == ["for-everyone"]


def test_a_job_title_audience_ignores_capitals_and_spaces(client, org, offered):
    assert visible_to(person("tl", job_title="team leader"), client) == ["leading-a-team", "for-everyone"]
    coach = person("coach", org.desk, job_title="QUALITY COACH")
    assert "line-craft" in visible_to(coach, client)  # by title, though the line is not their team
    assert "leading-a-team" in visible_to(person("hos", job_title="Head of Service"), client)
    near_miss = person("near", job_title="Team leader, Front Desk")  # another title altogether
    assert "leading-a-team" not in visible_to(near_miss, client)
    assert visible_to(person("untitled", job_title=""), client) == ["for-everyone"]


def test_the_api_lists_the_same_audience(org, offered):
    desk = person("desk-adviser", org.desk)
    client = APIClient()
    client.force_authenticate(desk)
    assert api_slugs(client) == ["service-basics", "desk-know-how", "for-everyone"]
    # One course by id answers whoever it is offered to, and says whether it is offered to the caller.
    leaders = client.get(f"/api/v1/courses/{offered.leaders.pk}/").json()
    assert leaders["in_audience"] is False
    assert leaders["shown_to"] == "people titled “Team Leader” or “Head of service”"
    service = client.get(f"/api/v1/courses/{offered.service.pk}/").json()
    assert service["in_audience"] is True
    assert service["shown_to"] == "the Service team and the teams below it"


def test_a_course_someone_was_assigned_stays_visible_whatever_the_audience(client, org, offered):
    adviser = person("line-adviser", org.line)
    assert "desk-know-how" not in visible_to(adviser, client)
    Enrolment.objects.create(
        user=adviser, course=offered.desk, source=Enrolment.Source.ASSIGNED, assigned_by=org.head
    )
    assert visible_to(adviser, client) == ["service-basics", "desk-know-how", "line-craft", "for-everyone"]
    api = APIClient()
    api.force_authenticate(adviser)
    courses = {c["title"]: c for c in api.get("/api/v1/courses/").json()}
    assert courses["Desk know-how"]["in_audience"] is False
    assert courses["Desk know-how"]["enrolment"] is not None


def test_hr_see_every_course_marked_with_who_it_is_for(client, hr, offered):
    client.force_login(hr)
    response = client.get("/")
    assert cards(response) == [
        "service-basics",
        "desk-know-how",
        "leading-a-team",
        "line-craft",
        "for-everyone",
    ]
    text = page_text(response)
    assert text.count("Shown only to") == 4
    assert "the Desk team and the teams below it" in text
    assert "the Line team and the teams below it, and to people titled “Quality coach”" in text
    api = APIClient()
    api.force_authenticate(hr)
    assert len(api.get("/api/v1/courses/").json()) == 5


def test_wagtail_editors_see_every_course(client, offered):
    editor = UserFactory(username="editor")
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    assert len(visible_to(editor, client)) == 5
    assert "Shown only to" in page_text(client.get("/"))


def test_learners_do_not_see_the_audience_marks(client, org, offered):
    client.force_login(person("desk-adviser", org.desk))
    assert "Shown only to" not in page_text(client.get("/"))


def test_an_empty_catalogue_for_someone_still_says_so(client, catalogue, org):
    course = CoursePageFactory(parent=catalogue, title="Desk only", slug="desk-only")
    course.audience_teams.set([org.desk])
    course.save()
    outsider = UserFactory(username="outsider")
    client.force_login(outsider)
    response = client.get("/")
    assert cards(response) == []
    assert "No courses have been published yet." in page_text(response)
    assert "No courses match" not in page_text(response)


def test_audiences_ask_the_same_number_of_queries_for_2_and_8_restricted_courses(catalogue, org):
    client = APIClient()
    client.force_authenticate(person("counted", org.desk))

    def add(n: int) -> None:
        for i in range(n):
            course = CoursePageFactory(
                parent=catalogue, audience_job_titles="Customer service adviser" if i % 2 else ""
            )
            course.audience_teams.set([org.desk] if i % 2 == 0 else [org.line])
            course.save()
            ModulePageFactory(parent=course)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/courses/").status_code == 200
        return len(ctx)

    add(2)
    client.get("/api/v1/courses/")  # warm the site-root cache that page URLs use
    two = count()
    add(6)
    assert len(client.get("/api/v1/courses/").json()) == 8
    assert count() == two


def test_who_a_course_is_shown_to_reads_as_a_sentence(catalogue, org):
    from courses.models import CoursePage

    course = CoursePageFactory(parent=catalogue, audience_job_titles="Coach\nTrainer\nTeam leader")
    course.audience_teams.set([org.line, org.desk])
    course.save()
    assert CoursePage.objects.get(pk=course.pk).shown_to() == (
        "the Desk and Line teams and the teams below them, and to people titled “Coach”, “Trainer” or "
        "“Team leader”"
    )
    assert CoursePageFactory(parent=catalogue).shown_to() == ""
