"""Leaders first that speaks, HR's certificate actions in the interface, and the audit trail in words."""

import csv
import io

import pytest

from certificates import services as certificate_services
from certificates.models import Certificate
from courses import services as course_services
from lms.core.models import AuditEvent
from tests.factories import CoursePageFactory, ModulePageFactory, ProfileFactory, TeamFactory, UserFactory


@pytest.fixture
def org(catalogue):
    course = CoursePageFactory(
        parent=catalogue, title="Owning the outcome", slug="owning", leaders_first=True
    )
    module = ModulePageFactory(parent=course, title="Why it matters", slug="why")
    head = UserFactory(username="head", first_name="Grace", last_name="Head")
    top = TeamFactory(name="Service", leader=head)
    leader = UserFactory(username="lead", first_name="Liam", last_name="Lead")
    desk = TeamFactory(name="Desk", leader=leader, parent=top)
    ProfileFactory(user=leader, team=desk)
    people = [UserFactory(username=f"p{n}", first_name=f"Pat{n}", last_name="Person") for n in range(3)]
    for person in people:
        ProfileFactory(user=person, team=desk)
    return {"course": course, "module": module, "leader": leader, "people": people, "head": head}


def test_a_leader_sees_on_their_home_and_team_view_who_waits_for_their_certificate(client, org):
    client.force_login(org["leader"])
    home = client.get("/training/").content.decode()
    assert "3 people in your team are waiting for you to be certified in “Owning the outcome”" in home
    assert f'href="{org["course"].url}"' in home
    team = client.get("/training/team/").content.decode()
    assert "3 people in your team are waiting for you to be certified" in team
    # Once certified, the call disappears from both.
    certificate_services.issue(holder=org["leader"], course=org["course"])
    assert "waiting for you to be certified" not in client.get("/training/").content.decode()
    assert "waiting for you to be certified" not in client.get("/training/team/").content.decode()


def test_an_exception_takes_that_person_off_the_leaders_count(client, org):
    hr = UserFactory(username="hr", hr=True)
    certificate_services.grant_exception(person=org["people"][0], course=org["course"], by=hr, reason="Cover")
    client.force_login(org["leader"])
    assert "2 people in your team are waiting for you" in client.get("/training/").content.decode()


def test_a_locked_learner_is_told_whom_they_wait_for_and_is_not_invited_to_enrol(client, org):
    client.force_login(org["people"][0])
    page = client.get(org["course"].url).content.decode()
    assert "Opens when your team leader, Liam Lead, is certified." in page
    assert "Enrol in this course" not in page
    module = client.get(org["module"].url).content.decode()
    assert "Opens when your team leader, Liam Lead, is certified." in module
    assert "Enrol in" not in module


def test_assigning_a_locked_course_is_recorded_and_shows_the_wait(client, org):
    client.force_login(org["leader"])
    person = org["people"][1]
    response = client.post(f"/training/courses/{org['course'].pk}/assign/", {"people": [person.pk]})
    assert response.status_code == 302 and response.url == org["course"].url
    assert person.enrolments.filter(course=org["course"]).exists()
    event = AuditEvent.objects.get(verb="enrolment.assign", subject=person)
    assert event.actor == org["leader"] and event.data["course"] == "Owning the outcome"
    client.force_login(person)
    assert (
        "Opens when your team leader, Liam Lead, is certified." in client.get("/training/").content.decode()
    )


@pytest.fixture
def hr_and_certificate(org):
    hr = UserFactory(username="hr", first_name="Harriet", last_name="Rowe", hr=True)
    holder = org["people"][0]
    certificate = certificate_services.issue(holder=holder, course=org["course"])
    return hr, holder, certificate


def test_hr_revokes_from_the_certificate_page_only_with_a_reason_and_a_confirmation(
    client, hr_and_certificate
):
    hr, holder, certificate = hr_and_certificate
    client.force_login(hr)
    register = client.get("/training/register/").content.decode()
    assert f"/training/certificates/{certificate.pk}/#manage" in register
    page = client.get(f"/training/certificates/{certificate.pk}/").content.decode()
    assert "Revoke the certificate" in page and "Issue the correction" in page
    url = f"/training/certificates/{certificate.pk}/revoke/"
    unconfirmed = client.post(url, {"reason": "Issued in error"})
    assert unconfirmed.status_code == 400 and "Tick the box to confirm" in unconfirmed.content.decode()
    no_reason = client.post(url, {"reason": " ", "confirm": "yes"})
    assert no_reason.status_code == 400 and "Say why" in no_reason.content.decode()
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is None
    done = client.post(url, {"reason": "Issued in error", "confirm": "yes", "next": "/training/register/"})
    assert done.status_code == 302 and done.url == "/training/register/"
    assert Certificate.objects.get(pk=certificate.pk).status == "revoked"


def test_a_holder_sees_their_certificate_page_but_cannot_revoke_it(client, hr_and_certificate):
    _, holder, certificate = hr_and_certificate
    client.force_login(holder)
    page = client.get(f"/training/certificates/{certificate.pk}/?issued=1").content.decode()
    assert "Congratulations" in page and "Download your certificate (PDF)" in page
    assert "Revoke the certificate" not in page
    refused = client.post(
        f"/training/certificates/{certificate.pk}/revoke/", {"reason": "Mine", "confirm": "yes"}
    )
    assert refused.status_code == 403
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is None


def test_hr_corrects_a_name_and_lands_on_the_new_certificate(client, hr_and_certificate):
    hr, holder, certificate = hr_and_certificate
    client.force_login(hr)
    response = client.post(
        f"/training/certificates/{certificate.pk}/correct/",
        {"holder_name": "Patricia Person", "reason": "Preferred name", "confirm": "yes"},
    )
    new = Certificate.objects.get(replaces=certificate)
    assert response.status_code == 302 and response.url == f"/training/certificates/{new.pk}/"
    assert new.holder_name == "Patricia Person"
    assert Certificate.objects.get(pk=certificate.pk).status == "replaced"


def test_the_register_says_when_nothing_matches(client, hr_and_certificate):
    hr, *_ = hr_and_certificate
    client.force_login(hr)
    page = client.get("/training/register/?q=nobody-by-this-name").content.decode()
    assert "0 certificates match." in page and "No certificates match these filters." in page


def test_the_audit_trail_reads_as_sentences_filters_by_date_and_exports(client, org, hr_and_certificate):
    hr, holder, certificate = hr_and_certificate
    course_services.assign_many(
        course=org["course"], learners=[org["people"][2]], assigned_by=hr, due_date=None
    )
    from lms.site import services as site_services

    site_services.nudge(sender=org["leader"], recipients=org["people"][:2], message="Nearly there!")
    certificate_services.revoke(certificate_id=certificate.pk, by=hr, reason="Issued in error")
    client.force_login(hr)
    page = client.get("/training/audit/").content.decode()
    assert "Harriet Rowe revoked Pat0 Person&#x27;s certificate in “Owning the outcome”." in page
    assert "Harriet Rowe assigned “Owning the outcome” to Pat2 Person, with no due date." in page
    assert "Liam Lead sent a nudge to Pat0 Person and Pat1 Person." in page
    table = page[page.index('aria-label="Audit events"') :]
    assert "certificate.revoke" not in table and ">Certificate revoked<" in page  # words, not codes
    filtered = client.get("/training/audit/?verb=team.nudge").content.decode()
    filtered = filtered[filtered.index('aria-label="Audit events"') :]
    assert "sent a nudge" in filtered and "revoked" not in filtered
    assert "Nothing matches" in client.get("/training/audit/?since=2099-01-01").content.decode()
    bad = client.get("/training/audit/?since=yesterday")
    assert bad.status_code == 400 and "is not a date" in bad.content.decode()
    rows = list(csv.DictReader(io.StringIO(client.get("/training/audit/?format=csv").content.decode())))
    assert {"When", "Who", "Action", "What happened"} <= set(rows[0])
    assert any(r["Action"] == "Certificate revoked" and r["Why"] == "Issued in error" for r in rows)
