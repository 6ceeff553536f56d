"""Each person chooses which kinds come by email, reads their messages and marks them read: on the site and
through the API, only their own."""

import datetime

import pytest
from django.test import Client
from rest_framework.test import APIClient

from lms.core.models import Notification, NotificationPreference
from lms.core.notifications import announce, service
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def notice(person, n=1, title="Active listening"):
    return announce.course_assigned(
        learner=person,
        assigned_by=None,
        enrolment_id=n,
        course_title=title,
        course_link="/active-listening/",
        due_date=datetime.date(2099, 6, 30),
    )


@pytest.fixture
def ann(db):
    return UserFactory(username="ann", first_name="Ann", last_name="Owner")


@pytest.fixture
def bob(db):
    return UserFactory(username="bob", first_name="Bob", last_name="Other")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api_as(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


# --- Choosing -----------------------------------------------------------------------------------------------


def test_the_settings_page_saves_choices_with_a_confirmation(ann):
    client = signed_in(ann)
    assert 'href="/training/settings/notifications/"' in client.get("/training/").content.decode()
    page = client.get("/training/settings/notifications/").content.decode()
    assert "A course is assigned to me" in page and 'value="assigned" checked' in page
    assert "Daily summary" not in page  # Ann leads nobody: leaders' kinds are not offered
    response = client.post(
        "/training/settings/notifications/",
        {"email": ["assigned", "certificate_issued", "expiring"]},
        follow=True,
    )
    html = response.content.decode()
    assert response.redirect_chain == [("/training/settings/notifications/", 302)]
    assert "Saved. You will get 3 kinds of message by email as well as here" in html
    assert 'value="due_soon">' in html and 'value="assigned" checked' in html
    assert service.email_choices(ann) == {
        "assigned": True,
        "due_soon": False,
        "overdue": False,
        "certificate_issued": True,
        "reviewed": False,
        "expiring": True,
        "team_expiring": True,  # not offered to her, so left as it was
        "leader_digest": True,
        "nudge": False,  # offered and not ticked
        "policy_update": False,
        "policy_question": False,
        "booster": False,
    }
    # Turned off: recorded in the app, not emailed.
    assert service.wants_email(ann, "due_soon") is False
    response = client.post("/training/settings/notifications/", {}, follow=True)
    assert "Saved. You will get no training emails" in response.content.decode()


def test_leaders_are_offered_their_digest(org):
    page = signed_in(org.lead).get("/training/settings/notifications/").content.decode()
    assert "Daily summary: reviews waiting and people overdue" in page


def test_the_settings_page_asks_people_to_sign_in(client):
    response = client.get("/training/settings/notifications/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_preferences_through_the_api(ann):
    api = api_as(ann)
    body = api.get("/api/v1/notification-preferences/").json()
    rows = {row["kind"]: row for row in body["preferences"]}
    assert set(rows) == {
        "assigned",
        "due_soon",
        "overdue",
        "certificate_issued",
        "reviewed",
        "expiring",
        "team_expiring",
        "leader_digest",
        "nudge",
        "policy_update",
        "policy_question",
        "booster",
    }
    assert rows["assigned"] == {
        "kind": "assigned",
        "label": "A course is assigned to me",
        "help": "Who assigned it and when it is due.",
        "leaders_only": False,
        "in_app": True,
        "email": True,
    }
    assert rows["leader_digest"]["leaders_only"] is True
    changed = api.patch("/api/v1/notification-preferences/", {"email": {"due_soon": False}}, format="json")
    assert changed.status_code == 200
    assert {r["kind"]: r["email"] for r in changed.json()["preferences"]}["due_soon"] is False
    assert NotificationPreference.objects.get(user=ann, kind="due_soon").email is False
    assert service.wants_email(ann, "assigned") is True


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"email": {"nonsense": True}}, "unknown_kind"),
        ({"email": {"due_soon": "sometimes"}}, "invalid"),
        ({"email": ["due_soon"]}, "invalid"),
        ({}, "invalid"),
    ],
)
def test_bad_preferences_change_nothing_and_say_why(ann, body, code):
    response = api_as(ann).patch("/api/v1/notification-preferences/", body, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == code and response.json()["detail"]
    assert not NotificationPreference.objects.exists()


# --- Reading ------------------------------------------------------------------------------------------------


def test_my_training_lists_unread_messages_newest_first_and_marks_them_read(ann):
    older = notice(ann, 1, "Older course")
    Notification.objects.filter(pk=older.pk).update(created_at=older.created_at - datetime.timedelta(hours=1))
    newer = notice(ann, 2, "Newer course")
    client = signed_in(ann)
    page = client.get("/training/").content.decode()
    assert page.index("Newer course") < page.index("Older course")
    assert "2 unread" in page
    assert f'action="/training/notifications/{newer.pk}/read/"' in page
    assert 'action="/training/notifications/read-all/"' in page
    response = client.post(f"/training/notifications/{newer.pk}/read/", {"next": "/training/#notices"})
    assert response.status_code == 302 and response["Location"] == "/training/#notices"
    assert Notification.objects.get(pk=newer.pk).read_at is not None
    page = client.get("/training/").content.decode()
    assert "Newer course" not in page and "Older course" in page
    client.post("/training/notifications/read-all/", {"next": "/training/"})
    page = client.get("/training/").content.decode()
    assert "No new messages." in page and "Older course" not in page
    # Read ones stay on the messages page.
    everything = client.get("/training/notifications/").content.decode()
    assert "Newer course" in everything and "Older course" in everything


def test_the_header_counts_unread_messages_with_one_query(ann, django_assert_num_queries):
    client = signed_in(ann)
    assert "data-unread" not in client.get("/training/").content.decode()
    notice(ann, 1)
    notice(ann, 2)
    page = client.get("/training/notifications/").content.decode()
    assert 'data-unread="2"' in page and '2<span class="visually-hidden"> unread messages</span>' in page

    from django.template import Context, Template

    from lms.core.context_processors import Nav

    nav = Nav(ann)
    template = Template("{{ nav.unread_notifications }}{{ nav.unread_notifications }}")
    with django_assert_num_queries(1):
        assert template.render(Context({"nav": nav})) == "22"
    with django_assert_num_queries(0):
        Nav(ann)  # nothing is counted unless a template asks


def test_nobody_marks_or_reads_another_persons_messages(ann, bob):
    theirs = notice(bob, 1)
    mine = notice(ann, 2)
    # The page: another person's message is a missing one, and stays unread.
    response = signed_in(ann).post(f"/training/notifications/{theirs.pk}/read/", {"next": "/training/"})
    assert response.status_code == 404
    # The API likewise, with a body it would accept for one's own.
    api = api_as(ann)
    refused = api.post(f"/api/v1/notifications/{theirs.pk}/read/", {}, format="json")
    assert refused.status_code == 404
    assert refused.json() == {
        "detail": f"You have no notification with id {theirs.pk}.",
        "code": "notification_not_found",
    }
    assert Notification.objects.get(pk=theirs.pk).read_at is None
    listed = api.get("/api/v1/notifications/").json()
    assert [n["id"] for n in listed["results"]] == [mine.pk]
    assert api.post("/api/v1/notifications/read-all/").json() == {"marked": 1}
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_messages_through_the_api(ann):
    first = notice(ann, 1, "Older course")
    Notification.objects.filter(pk=first.pk).update(created_at=first.created_at - datetime.timedelta(hours=1))
    second = notice(ann, 2, "Newer course")
    api = api_as(ann)
    listed = api.get("/api/v1/notifications/").json()
    assert listed["count"] == 2 and [n["id"] for n in listed["results"]] == [second.pk, first.pk]
    row = listed["results"][0]
    assert row["kind"] == "assigned" and row["kind_label"] == "A course is assigned to me"
    assert row["link"] == "http://testserver/active-listening/" and row["unread"] is True
    assert row["subject"] == "New training for you: “Newer course” (due 30 June 2099)"
    read = api.post(f"/api/v1/notifications/{second.pk}/read/")
    assert read.status_code == 200 and read.json()["unread"] is False and read.json()["read_at"]
    again = api.post(f"/api/v1/notifications/{second.pk}/read/")
    assert again.json()["read_at"] == read.json()["read_at"]  # reading twice changes nothing
    assert [n["id"] for n in api.get("/api/v1/notifications/?unread=true").json()["results"]] == [first.pk]
    assert [n["id"] for n in api.get("/api/v1/notifications/?unread=false").json()["results"]] == [second.pk]
    bad = api.get("/api/v1/notifications/?unread=maybe")
    assert bad.status_code == 400 and bad.json()["code"] == "invalid"
    assert APIClient().get("/api/v1/notifications/").status_code in (401, 403)


def test_the_schema_documents_the_notification_endpoints(ann):
    schema = api_as(ann).get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    paths = schema["paths"]
    assert {"get", "patch"} <= set(paths["/api/v1/notification-preferences/"])
    assert "get" in paths["/api/v1/notifications/"]
    read = paths["/api/v1/notifications/{id}/read/"]["post"]
    assert {"200", "404"} <= set(read["responses"])
    error = read["responses"]["404"]["content"]["application/json"]["schema"]["$ref"]
    assert error.endswith("/Error")
