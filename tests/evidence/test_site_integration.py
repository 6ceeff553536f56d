"""The evidence shows where people already look: HR's organisation view, My training's spreadsheet and the
calendar feed carry service trends and coaching follow-ups."""

import datetime

import pytest
from django.utils import timezone

from evidence import services
from lms.site.calendar import feed_token

from .conftest import full


@pytest.fixture
def followup(org, hr, scorecard, ids):
    employee = org.member(org.desk, "ellie", first_name="Ellie", last_name="Evans")
    check = services.record_check(
        checker=hr, employee=employee, scorecard=scorecard, data=full(ids), submit=True
    )
    action = services.add_action(
        check=check,
        by=hr,
        owner=employee,
        text="Listen to two calls with Sam",
        due_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    return employee, action


def test_the_organisation_view_shows_service_trends_per_top_team(client, hr, followup, org):
    client.force_login(hr)
    page = client.get("/training/organisation/").content.decode()
    assert f"Service on real contacts: {org.service.name}" in page


def test_follow_ups_are_in_the_calendar_feed(client, followup):
    employee, action = followup
    feed = client.get(f"/training/calendar/{feed_token(employee)}.ics").content.decode()
    assert "Follow-up: Listen to two calls with Sam" in feed
    assert action.due_on.strftime("%Y%m%d") in feed
    action.done_at = timezone.now()
    action.save()
    assert (
        "Listen to two calls"
        not in client.get(f"/training/calendar/{feed_token(employee)}.ics").content.decode()
    )


def test_follow_ups_are_in_the_my_training_spreadsheet(client, followup):
    employee, action = followup
    client.force_login(employee)
    text = client.get("/training/export/?format=csv").content.decode()
    assert (
        "Listen to two calls with Sam,Follow-up after a service check,," + action.due_on.isoformat() in text
    )
