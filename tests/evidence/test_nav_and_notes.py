"""Disputes waiting in the site's navigation (the ``lms_nav_badges`` hook evidence registers), and the note
on every policy's page that contacts with customers may be checked (``lms_policy_page_notes``)."""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from certificates import services as certificate_services
from evidence import services
from evidence.models import Dispute
from lms.core.context_processors import Nav, lms
from tests.factories import TeamFactory, UserFactory

from .test_pages import as_, submitted

BADGE = re.compile(
    r'href="/training/checks/disputes/"[^>]*>Disputes <span class="badge[^"]*" data-nav-badge="(\d+)"'
)


@pytest.fixture
def employee(org):
    return org.member(org.desk, "ellie", first_name="Ellie", last_name="Evans")


@pytest.fixture
def people(org, hr, employee, certified_lead):
    return {"employee": employee, "leader": certified_lead, "hr": hr}


@pytest.fixture
def evenings(org, taught):
    """A team below Desk, led by Eve (certified, so she may check her own team): disputes about her checks
    go up the tree to Desk's leader and to the head above them both."""
    eve = UserFactory(username="eve", first_name="Eve", last_name="Okafor")
    team = TeamFactory(name="Evenings", leader=eve, parent=org.desk)
    org.member(team, "sam", first_name="Sam", last_name="Lowe")
    from tests.factories import ProfileFactory

    ProfileFactory(user=eve, team=team)
    certificate_services.issue(holder=eve, course=taught)
    return team


def disputed(checker, employee, scorecard, ids, text="Let the customer finish"):
    check = submitted(checker, employee, scorecard, ids)
    return services.dispute(check=check, by=employee, criterion=ids[text], comment="I did let them finish.")


def badge_count(client, user) -> int | None:
    """The count the navigation shows ``user`` beside Disputes, or None when there is no such link."""
    html = as_(client, user).get(reverse("lms:my_training")).content.decode()
    found = BADGE.search(html)
    return int(found.group(1)) if found else None


def test_the_count_of_disputes_waiting_for_each_person(client, org, people, scorecard, ids, evenings):
    disputed(people["leader"], people["employee"], scorecard, ids)
    sam = org.people["sam"]
    eve = evenings.leader
    disputed(eve, sam, scorecard, ids)
    settled = disputed(eve, sam, scorecard, ids, text="Offered a next step")
    settled.state = Dispute.State.UPHELD
    settled.save()

    # Desk's leader settles Eve's (from the team above hers), never their own check's.
    assert badge_count(client, org.lead) == 1
    # The head leads both from above (two levels up for Eve's); HR settles any.
    assert badge_count(client, org.head) == 2
    assert badge_count(client, people["hr"]) == 2
    # The checker of the only dispute in her team, another team's leader and the employees: no link at all.
    assert badge_count(client, eve) is None
    assert badge_count(client, org.other_lead) is None
    assert badge_count(client, people["employee"]) is None
    html = as_(client, org.head).get(reverse("lms:my_training")).content.decode()
    assert '2<span class="visually-hidden"> disputes waiting for your decision</span>' in html
    # The link leads to the page that lists exactly those.
    page = client.get(reverse("lms:disputes")).content.decode()
    assert page.count("I did let them finish.") == 2


def test_no_link_once_every_dispute_is_settled(client, org, people, scorecard, ids):
    item = disputed(people["leader"], people["employee"], scorecard, ids)
    assert badge_count(client, org.head) == 1
    item.state = Dispute.State.CHANGED
    item.save()
    assert badge_count(client, org.head) is None


def test_the_badges_cost_one_query_whatever_the_number_of_disputes(
    org, people, scorecard, ids, evenings, django_assert_num_queries
):
    def nav_of(user):
        nav = Nav(user)
        _ = nav.is_leader, nav.is_hr  # the menu works these out before the badges
        return nav

    disputed(people["leader"], people["employee"], scorecard, ids)
    nav = nav_of(org.head)
    with django_assert_num_queries(1):
        assert [b.count for b in nav.badges] == [1]
    with django_assert_num_queries(0):
        _ = nav.badges  # worked out once

    for n in range(3):
        person = org.member(evenings, f"extra{n}")
        disputed(evenings.leader, person, scorecard, ids)
    nav = nav_of(org.head)
    with django_assert_num_queries(1):
        assert [b.count for b in nav.badges] == [4]
    nav = nav_of(people["hr"])
    with django_assert_num_queries(1):
        assert [b.count for b in nav.badges] == [4]
    # Someone who settles nothing costs nothing.
    nav = nav_of(people["employee"])
    with django_assert_num_queries(0):
        assert nav.badges == []


def test_one_dispute_query_per_page_and_none_for_anonymous_visitors(client, org, people, scorecard, ids):
    disputed(people["leader"], people["employee"], scorecard, ids)
    table = Dispute._meta.db_table

    as_(client, org.head)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("lms:my_training")).status_code == 200
    assert len([q for q in queries if table in q["sql"]]) == 1

    client.logout()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("lms:login")).status_code == 200
    assert not [q for q in queries if table in q["sql"]]


def test_the_nav_is_made_once_per_request(org):
    request = RequestFactory().get("/")
    request.user = org.head
    first = lms(request)["lms_nav"]
    assert first is lms(request)["lms_nav"]
    _ = first.badges  # counted once, then read from the request's nav by every later template
    assert "badges" in lms(request)["lms_nav"].__dict__


# --- The policy page ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["employee", "leader", "hr"])
def test_the_policy_page_says_contacts_may_be_checked(client, people, policy, role):
    html = as_(client, people[role]).get(reverse("lms:policy", kwargs={"slug": policy.slug})).content.decode()
    note = html[html.index('data-note="checks"') :]
    note = note[: note.index("</section>")]
    assert "Your contacts with customers may be checked" in note
    assert "mystery shopper" in note and "“Refunds” matches its current version" in note
    assert "dispute" in note and f'href="{reverse("lms:my_checks")}"' in note


def test_the_policy_note_in_spanish(client, people, policy):
    client.force_login(people["employee"])
    url = reverse("lms:policy", kwargs={"slug": policy.slug})
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'data-note="checks"' in html and 'lang="es"' in html
    assert "Sus contactos con clientes pueden revisarse" in html
    assert "Your contacts with customers may be checked" not in html
