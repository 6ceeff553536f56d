"""Cached page routes and course structure: faster, and never stale after an author's change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import Enrolment
from courses.progress import modules_by_course
from tests.factories import ModulePageFactory

pytestmark = pytest.mark.django_db


def _queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries]


def test_a_cached_route_skips_wagtails_routing_queries(client, course, learner):
    client.force_login(learner)
    url = course.modules().first().url
    first = _queries(client, url)
    second = _queries(client, url)
    assert any("wagtailcore_site" in sql for sql in first)
    assert not any("wagtailcore_site" in sql for sql in second)
    assert len(second) < len(first)


def test_the_cache_is_off_when_set_to_zero(client, course, learner, settings):
    settings.LMS_PAGE_CACHE_SECONDS = 0
    client.force_login(learner)
    url = course.modules().first().url
    _queries(client, url)
    assert any("wagtailcore_site" in sql for sql in _queries(client, url))


def test_publishing_a_change_shows_on_the_next_request(client, course, learner):
    client.force_login(learner)
    module = course.modules().first()
    assert "Module 1" in client.get(module.url).content.decode()
    module.title = "Hearing the whole story"
    module.save_revision().publish()
    assert "Hearing the whole story" in client.get(module.url).content.decode()


def test_unpublished_renamed_and_new_pages_are_seen_at_once(client, course, learner):
    client.force_login(learner)
    first, second, _third = course.modules()
    assert client.get(first.url).status_code == 200
    assert client.get(second.url).status_code == 200
    first.unpublish()
    assert client.get(f"{course.url}module-1/").status_code == 404
    second.slug = "renamed"
    second.save_revision().publish()
    assert client.get(f"{course.url}module-2/").status_code == 404
    assert client.get(f"{course.url}renamed/").status_code == 200
    # Course structure follows too: a new module counts at once.
    assert [m.pk for m in modules_by_course([course])[course.pk]] == [second.pk, _third.pk]
    ModulePageFactory(parent=course, title="Module 4", slug="module-4")
    assert len(modules_by_course([course])[course.pk]) == 3
    assert "Module 1 of 3" in client.get(f"{course.url}renamed/").content.decode()


def test_what_is_cached_is_the_page_never_the_person(client, course, learner, other_learner):
    Enrolment.objects.create(user=learner, course=course)
    module = course.modules().first()
    client.force_login(learner)
    assert "Mark as complete" in client.get(module.url).content.decode()
    client.force_login(other_learner)
    html = client.get(module.url).content.decode()
    assert "Mark as complete" not in html and "Enrol in “Active listening”" in html


def test_deploy_check_warns_when_the_page_cache_is_per_process(settings):
    from courses.page_cache import check_shared_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [w.id for w in check_shared_cache()] == ["lms_courses.W001"]
    settings.LMS_PAGE_CACHE_SECONDS = 0
    assert check_shared_cache() == []
    settings.LMS_PAGE_CACHE_SECONDS = 300
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    assert check_shared_cache() == []


def test_a_change_bumps_the_version_again_when_it_commits(course, django_capture_on_commit_callbacks):
    from courses import page_cache

    before = page_cache.version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        module = course.modules().first()
        module.title = "Renamed"
        module.save_revision().publish()
    during = page_cache.version()
    assert during > before and callbacks
    for callback in callbacks:
        callback()
    assert page_cache.version() > during


def test_pages_still_serve_when_the_cache_is_down(client, course, learner, monkeypatch):
    from courses import page_cache

    def broken(request):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(page_cache, "prime_route", broken)
    client.force_login(learner)
    assert "Module 1 of 3" in client.get(course.modules().first().url).content.decode()


def test_a_course_found_by_id_is_kept_until_pages_change(course):
    from courses.services import get_course
    from lms.core.exceptions import NotFound

    get_course(course.pk)
    with CaptureQueriesContext(connection) as again:
        assert get_course(course.pk).title == course.title
    assert again.captured_queries == []
    course.title = "Listening, again"
    course.save_revision().publish()
    assert get_course(course.pk).title == "Listening, again"
    course.unpublish()
    with pytest.raises(NotFound):
        get_course(course.pk)


def _catalogue(client) -> dict:
    response = client.get("/api/v1/courses/")
    assert response.status_code == 200
    return {c["title"]: c for c in response.json()}


def test_the_catalogue_answer_is_kept_until_a_page_skill_or_team_changes(client, course, learner, skills):
    from lms.core.models import Team
    from tests.factories import CoursePageFactory

    listening, _apology = skills
    desk = Team.objects.create(name="Front Desk")
    course.skills.set([listening])
    course.audience_teams.set([desk])
    course.save_revision().publish()
    client.force_login(learner)
    first = _catalogue(client)
    assert first == {} or first["Active listening"]["skills"] == ["Listening"]
    # The second reading asks for no page, no site and no skill: the courses come from the cache.
    with CaptureQueriesContext(connection) as again:
        _catalogue(client)
    tables = " ".join(q["sql"] for q in again.captured_queries)
    assert "wagtailcore_page" not in tables and "wagtailcore_site" not in tables
    assert "lms_courses_skill" not in tables
    client.logout()
    from tests.factories import UserFactory

    hr = UserFactory(username="hr-reader")
    from django.contrib.auth.models import Permission

    hr.user_permissions.add(Permission.objects.get(codename="manage_training"))
    client.force_login(hr)  # HR sees every course, whoever it is offered to
    assert _catalogue(client)["Active listening"]["shown_to"].startswith("the Front Desk team")
    listening.name = "Careful listening"
    listening.save()
    desk.name = "Welcome Desk"
    desk.save()
    shown = _catalogue(client)["Active listening"]
    assert shown["skills"] == ["Careful listening"] and shown["shown_to"].startswith("the Welcome Desk team")
    CoursePageFactory(parent=course.get_parent(), title="Saying sorry", slug="saying-sorry")
    assert "Saying sorry" in _catalogue(client)
