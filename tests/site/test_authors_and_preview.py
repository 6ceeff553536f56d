"""Authors work in the admin with the plugin's own group, and Wagtail's live preview may be framed by the
site itself, never by another."""

import pytest
from django.contrib.auth.models import Group

from lms.site.authors import AUTHORS_GROUP
from tests.factories import UserFactory


@pytest.fixture
def author(db):
    user = UserFactory(username="writer")
    user.groups.add(Group.objects.get(name=AUTHORS_GROUP))
    return user


def test_migrate_gives_lms_authors_what_authors_need(author, course):
    from wagtail.models import Page

    for permission in (
        "wagtailadmin.access_admin",
        "lms_courses.add_skill",
        "lms_courses.change_policy",
        "lms_courses.publish_policy",
        "lms_certificates.change_certificatedesign",
        "wagtailimages.add_image",
    ):
        assert author.has_perm(permission), permission
    module = course.modules().first().specific
    assert module.permissions_for_user(author).can_publish()
    assert Page.objects.get(pk=course.pk).permissions_for_user(author).can_add_subpage()
    assert not author.has_perm("lms.manage_training")  # authors are not HR


def test_the_training_menu_and_snippets_open_for_an_author(client, author):
    client.force_login(author)
    admin = client.get("/admin/").content.decode()
    assert "Training" in admin
    for url in (
        "/admin/snippets/lms_courses/skill/",
        "/admin/snippets/lms_courses/policy/",
        "/admin/snippets/lms_certificates/certificatedesign/",
    ):
        assert client.get(url).status_code == 200, url


def test_a_live_preview_may_be_framed_by_the_site_only(client, course, rf):
    # Wagtail's preview panel renders through make_preview_request: a simulated request for the page's own
    # URL, through the whole middleware chain, shown in an iframe of the admin.
    admin = UserFactory(username="boss", is_superuser=True, is_staff=True)
    module = course.modules().first().specific
    request = rf.get(f"/admin/pages/{module.pk}/edit/preview/")
    request.user = admin
    preview = module.make_preview_request(request, module.default_preview_mode)
    assert preview.status_code == 200 and module.title in preview.content.decode()
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    # The same page served to learners stays unframeable.
    client.force_login(admin)
    page = client.get(module.url)
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
