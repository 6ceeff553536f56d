"""Changing a planned mystery-shopper round, in the site and through PATCH /api/v1/shop-rounds/{id}/: the
same rules as planning; refused for anyone but HR or a head of service over its teams (sent a valid body);
once contacts are logged, changes that would take one out of the plan are refused and nothing is saved;
every change is in the audit trail with its old and new values."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from evidence import rounds
from evidence.models import ShopperScript, ShopRound
from lms.core.models import AuditEvent
from tests.factories import TeamFactory, UserFactory

from .conftest import full


@pytest.fixture
def employee(org):
    return org.member(org.desk, "ellie", first_name="Ellie", last_name="Evans")


@pytest.fixture
def shopper(org):
    return org.member(org.line, "shopper", first_name="Sasha", last_name="Shop")


@pytest.fixture
def scripts(scorecard, hr):
    def script(title):
        return ShopperScript.objects.create(
            title=title,
            story="Your parcel is five days late; ask for a refund.",
            right_answer="Apologise, check the tracking, offer the refund.",
            scorecard=scorecard,
            created_by=hr,
        )

    return script("Refund for a late parcel"), script("Changing a delivery address")


@pytest.fixture
def planned(org, hr, scripts, shopper):
    return rounds.plan(
        by=hr,
        title="Spring round",
        script=scripts[0],
        teams=[org.desk],
        contacts_per_team=4,
        channels=["phone", "email"],
        times_of_day=["morning", "afternoon"],
        shoppers=[shopper],
        starts_on=datetime.date(2026, 11, 1),
        ends_on=datetime.date(2026, 11, 30),
    )


@pytest.fixture
def logged(planned, shopper, employee, ids):
    """One contact logged: by phone, on 20 November in the morning, with Ellie on the Desk."""
    return rounds.log_contact(shop_round=planned, shopper=shopper, employee=employee, data=full(ids))


def form_body(item, **overrides) -> dict:
    body = {
        "title": item.title,
        "script": item.script_id,
        "teams": [t.pk for t in item.teams.all()],
        "contacts_per_team": str(item.contacts_per_team),
        "channels": list(item.channels),
        "times_of_day": list(item.times_of_day),
        "shoppers": [u.pk for u in item.shoppers.all()],
        "starts_on": item.starts_on.isoformat(),
        "ends_on": item.ends_on.isoformat(),
    }
    body.update(overrides)
    return body


def plan_of(item) -> dict:
    item = ShopRound.objects.get(pk=item.pk)
    return {
        "title": item.title,
        "script": item.script_id,
        "teams": sorted(t.pk for t in item.teams.all()),
        "contacts_per_team": item.contacts_per_team,
        "channels": item.channels,
        "times_of_day": item.times_of_day,
        "shoppers": sorted(u.pk for u in item.shoppers.all()),
        "starts_on": item.starts_on,
        "ends_on": item.ends_on,
    }


def changes_recorded() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(verb="shop_round.change").order_by("pk"))


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def url_of(item) -> str:
    return f"/api/v1/shop-rounds/{item.pk}/"


# --- In the site ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["hr", "head"])
def test_hr_or_the_head_of_service_changes_a_round_before_any_contact(client, org, hr, planned, scripts, who):
    editor = hr if who == "hr" else org.head
    client.force_login(editor)
    edit = reverse("lms:round_edit", kwargs={"round_id": planned.pk})
    page = client.get(edit).content.decode()
    assert 'value="Spring round"' in page and "every part of the plan can change" in page
    assert (
        reverse("lms:round_edit", kwargs={"round_id": planned.pk})
        in client.get(reverse("lms:round", kwargs={"round_id": planned.pk})).content.decode()
    )

    body = form_body(
        planned,
        title="Spring round, both teams",
        script=scripts[1].pk,
        teams=[org.desk.pk, org.line.pk],
        contacts_per_team="6",
        channels=["chat"],
        times_of_day=["evening"],
        starts_on="2026-11-10",
        ends_on="2026-12-10",
    )
    response = client.post(edit, body)
    assert response.status_code == 302
    after = plan_of(planned)
    assert after["title"] == "Spring round, both teams" and after["script"] == scripts[1].pk
    assert after["teams"] == sorted([org.desk.pk, org.line.pk]) and after["contacts_per_team"] == 6
    assert after["channels"] == ["chat"] and after["times_of_day"] == ["evening"]
    assert after["starts_on"] == datetime.date(2026, 11, 10) and after["ends_on"] == datetime.date(
        2026, 12, 10
    )

    (event,) = changes_recorded()
    assert event.actor == editor and event.object_id == str(planned.pk)
    changed = {c["field"]: (c["old"], c["new"]) for c in event.data["changes"]}
    assert changed["teams"] == ("Desk", "Desk, Line")
    assert changed["script"] == ("Refund for a late parcel", "Changing a delivery address")
    assert changed["contacts_per_team"] == ("4", "6") and "shoppers" not in changed


@pytest.mark.parametrize("who", ["leader", "employee", "shopper", "other_head"])
def test_nobody_else_changes_a_round(client, org, planned, certified_lead, employee, shopper, who):
    if who == "other_head":  # heads another service, with teams of its own below it
        asker = UserFactory(username="head2")
        TeamFactory(name="Billing", leader=UserFactory(username="lead3"), parent=TeamFactory(leader=asker))
    else:
        asker = {"leader": certified_lead, "employee": employee, "shopper": shopper}[who]
    before = plan_of(planned)
    body = form_body(planned, title="Taken over", contacts_per_team="9")
    client.force_login(asker)
    response = client.post(reverse("lms:round_edit", kwargs={"round_id": planned.pk}), body)
    assert response.status_code in (403, 404)
    assert plan_of(planned) == before and not changes_recorded()


def test_bad_input_is_refused_and_nothing_is_saved(client, hr, planned):
    before = plan_of(planned)
    client.force_login(hr)
    edit = reverse("lms:round_edit", kwargs={"round_id": planned.pk})
    body = form_body(planned, title="Changed", contacts_per_team="500", ends_on="2026-10-01")
    response = client.post(edit, body)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_contacts_per_team_error"' in html and 'id="id_ends_on_error"' in html
    assert 'value="Changed"' in html  # what was typed is shown again
    response = client.post(edit, form_body(planned, channels=[]))
    assert response.status_code == 400 and 'id="id_channels_error"' in response.content.decode()
    assert plan_of(planned) == before and not changes_recorded()


def test_after_contacts_only_what_keeps_them_in_the_plan_changes(client, org, hr, planned, logged, scripts):
    before = plan_of(planned)
    client.force_login(hr)
    edit = reverse("lms:round_edit", kwargs={"round_id": planned.pk})
    assert "1 contact is already logged against this round" in client.get(edit).content.decode()

    refusals = {
        "script": (form_body(planned, script=scripts[1].pk), "The script stays"),
        "team": (form_body(planned, teams=[org.line.pk]), "“Desk” stays in the round"),
        "channel": (form_body(planned, channels=["email"]), "Phone stays in the round"),
        "time": (form_body(planned, times_of_day=["afternoon"]), "stays in the round: contacts at that time"),
        "shopper": (form_body(planned, shoppers=[org.other_lead.pk]), "Sasha Shop stays a shopper"),
        "dates": (form_body(planned, starts_on="2026-11-21"), "must still cover the days"),
    }
    for name, (body, message) in refusals.items():
        response = client.post(edit, {**body, "title": "Renamed too"})
        html = response.content.decode()
        assert response.status_code == 400, name
        assert message in html and "you can still change the title" in html, name
        assert plan_of(planned) == before, name
    assert not changes_recorded()

    # Adding, renaming, a new target and dates that still cover the contact are fine.
    body = form_body(
        planned,
        title="Spring round (extended)",
        teams=[org.desk.pk, org.line.pk],
        channels=["phone", "email", "chat"],
        times_of_day=["morning", "afternoon", "evening"],
        shoppers=[planned.shoppers.get().pk, org.other_lead.pk],
        contacts_per_team="2",
        starts_on="2026-11-20",
        ends_on="2026-12-31",
    )
    assert client.post(edit, body).status_code == 302
    after = plan_of(planned)
    assert after["title"] == "Spring round (extended)" and after["teams"] == sorted(
        [org.desk.pk, org.line.pk]
    )
    assert after["contacts_per_team"] == 2 and after["ends_on"] == datetime.date(2026, 12, 31)
    (event,) = changes_recorded()
    assert event.data["contacts_logged"] == 1


# --- Through the API ---------------------------------------------------------------------------------------


def test_patch_changes_what_is_sent(org, planned, shopper):
    response = api(org.head).patch(
        url_of(planned), {"contacts_per_team": 8, "channels": ["phone", "chat"]}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["contacts_per_team"] == 8 and body["channels"] == ["phone", "chat"]
    assert body["title"] == "Spring round" and [t["name"] for t in body["teams"]] == ["Desk"]
    assert body["coverage"]["planned"] == 8
    (event,) = changes_recorded()
    assert event.actor == org.head
    assert {c["field"] for c in event.data["changes"]} == {"contacts_per_team", "channels"}
    # Sending what is already there changes nothing and records nothing.
    assert api(org.head).patch(url_of(planned), {"contacts_per_team": 8}, format="json").status_code == 200
    assert len(changes_recorded()) == 1


def test_patch_refused_for_others(org, planned, certified_lead, employee, shopper):
    before = plan_of(planned)
    body = {"title": "Taken over", "contacts_per_team": 9}
    for asker, status, code in (
        (shopper, 403, "not_allowed"),  # sees the round, may not change it
        (certified_lead, 404, "round_not_found"),  # a team leader is not told of rounds over their team
        (employee, 404, "round_not_found"),
    ):
        response = api(asker).patch(url_of(planned), body, format="json")
        assert response.status_code == status and response.json()["code"] == code, asker
    assert api().patch(url_of(planned), body, format="json").status_code in (401, 403)
    assert plan_of(planned) == before and not changes_recorded()


def test_patch_bad_input_saves_nothing(org, hr, planned):
    before = plan_of(planned)
    for body, status, code in (
        ({"title": "New", "contacts_per_team": 0}, 400, "invalid_round"),
        ({"title": "New", "starts_on": "2026-12-05"}, 400, "invalid_round"),  # after it ends
        ({"title": "New", "channels": ["pigeon"]}, 400, "invalid"),
        ({"title": "New", "teams": []}, 400, "invalid"),
        ({"title": "New", "script": 999999}, 404, "script_not_found"),
        ({"title": "New", "teams": [999999]}, 404, "team_not_found"),
        ({"title": "New", "shoppers": [999999]}, 404, "user_not_found"),
    ):
        response = api(hr).patch(url_of(planned), body, format="json")
        assert response.status_code == status and response.json()["code"] == code, body
    assert plan_of(planned) == before and not changes_recorded()


def test_a_head_of_service_adds_only_teams_they_lead(org, planned):
    elsewhere = TeamFactory(name="Billing")
    before = plan_of(planned)
    response = api(org.head).patch(url_of(planned), {"teams": [org.desk.pk, elsewhere.pk]}, format="json")
    assert response.status_code == 400 and "only for the teams you lead" in response.json()["detail"]
    assert plan_of(planned) == before


def test_patch_after_contacts(org, hr, planned, logged, scripts):
    before = plan_of(planned)
    response = api(hr).patch(url_of(planned), {"script": scripts[1].pk, "title": "New"}, format="json")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "round_in_progress" and "The script stays" in body["detail"]
    response = api(hr).patch(url_of(planned), {"channels": ["email"]}, format="json")
    assert response.status_code == 409 and "Phone stays in the round" in response.json()["detail"]
    assert plan_of(planned) == before and not changes_recorded()
    response = api(hr).patch(url_of(planned), {"title": "New", "channels": ["phone", "chat"]}, format="json")
    assert response.status_code == 200 and response.json()["coverage"]["done"] == 1


def test_the_change_is_in_the_schema_and_the_audit_trail_words_it(client, hr, planned):
    schema = api(hr).get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/v1/shop-rounds/{id}/"]["patch"]
    assert operation["operationId"] == "shop_rounds_partial_update"
    assert {"200", "400", "403", "404", "409"} <= set(operation["responses"])
    api(hr).patch(url_of(planned), {"title": "Autumn round"}, format="json")
    client.force_login(hr)
    page = client.get("/training/audit/", {"verb": "shop_round.change"}).content.decode()
    assert "Mystery-shopper round changed" in page  # the filter offers it
    assert "Nothing matches these filters" not in page and "<td>Hannah Rees" in page  # and lists the change
