"""Getting in: invitations for imported staff, password reset by email, and leavers."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from certificates import services as certificate_services
from certificates.models import Certificate
from lms.core import conf
from lms.core.models import AuditEvent, Notification, Profile
from lms.core.notifications.kinds import Kind
from tests.factories import ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADER = "employee_id,name,email,team,leader,job_title,parent_team\n"
STAFF = HEADER + (
    "L1,Liam Lead,liam@example.com,Desk,L1,Team leader,\n"
    "A1,Ann Agent,ann@example.com,Desk,L1,Adviser,\n"
    "A2,Bob Agent,bob@example.com,Desk,L1,Adviser,\n"
)
NEW_PASSWORD = "Harbour-lights-47"
LINK = re.compile(r"https?://[^\s\"<>]+/(?:welcome|password/reset)/[^\s\"<>]+/")


def csv_file(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("staff.csv", text.encode("utf-8"), content_type="text/csv")


def link_in(message) -> str:
    """The one set-password link of an email, as a path; the HTML part carries the same one."""
    links = set(LINK.findall(message.body))
    assert len(links) == 1, message.body
    html = message.alternatives[0][0]
    assert next(iter(links)) in html
    return re.sub(r"^https?://[^/]+", "", links.pop())


def person(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def hr_client(client, hr):
    client.force_login(hr)
    return client


@pytest.fixture
def imported(hr_client, mailoutbox, django_capture_on_commit_callbacks):
    """The three people of STAFF imported by HR, with their invitations delivered."""
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post("/training/staff/import/", {"file": csv_file(STAFF)})
    assert response.status_code == 200, response.content.decode()
    return response


def invitation_to(mailoutbox, address: str):
    found = [m for m in mailoutbox if m.to == [address]]
    assert found, [m.to for m in mailoutbox]
    return found[-1]


# --- Invitations ----------------------------------------------------------------------------------------


def test_an_imported_person_is_invited_sets_a_password_and_signs_in(imported, mailoutbox, client):
    html = imported.content.decode()
    assert "Invitations are on their way to 3 new people." in html
    assert {tuple(m.to) for m in mailoutbox} == {
        ("liam@example.com",),
        ("ann@example.com",),
        ("bob@example.com",),
    }
    email = invitation_to(mailoutbox, "ann@example.com")
    assert "ready" in email.subject and "a1" in email.body  # their username, to sign in with later
    assert Notification.objects.get(recipient=person("a1")).kind == Kind.INVITATION
    assert AuditEvent.objects.filter(verb="invitation.send", subject=person("a1")).count() == 1
    path = link_in(email)

    client.logout()
    # Django's own flow: the token leaves the address on the first visit (it is kept in the session).
    landing = client.get(path)
    assert landing.status_code == 302 and "set-password" in landing.url
    page = client.get(landing.url)
    assert page.status_code == 200
    assert "Set your password" in page.content.decode() and "extends" not in page.content.decode()
    # The password validators apply.
    weak = client.post(landing.url, {"new_password1": "password", "new_password2": "password"})
    assert weak.status_code == 200 and "too common" in weak.content.decode()
    assert not person("a1").has_usable_password()

    done = client.post(landing.url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done.url == "/training/"
    assert client.get("/training/").status_code == 200  # signed in straight away
    assert person("a1").check_password(NEW_PASSWORD)
    # The invitation has done its work: it waits in nobody's unread messages.
    assert not Notification.objects.filter(recipient=person("a1"), read_at=None).exists()

    # Next time they sign in on the sign-in page.
    client.post("/logout/")
    signed_in = client.post("/login/", {"username": "a1", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302 and signed_in.url == "/training/"

    # The link has done its work: it no longer opens the form, and says what to do instead.
    client.post("/logout/")
    again = client.get(path, follow=True)
    text = again.content.decode()
    assert again.status_code == 200 and "This invitation link no longer works" in text
    assert "new_password1" not in text and "/password/reset/" in text


def test_hr_resends_an_invitation_and_the_old_link_stops_working(
    imported, hr_client, mailoutbox, client, django_capture_on_commit_callbacks
):
    ann = person("a1")
    old = link_in(invitation_to(mailoutbox, "ann@example.com"))
    member = hr_client.get(f"/training/team/members/{ann.pk}/")
    assert "Resend invitation" in member.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post(f"/training/team/members/{ann.pk}/invite/", follow=True)
    assert "Invitation emailed to Ann Agent at ann@example.com" in response.content.decode()
    new = link_in(invitation_to(mailoutbox, "ann@example.com"))
    assert new != old
    assert AuditEvent.objects.filter(verb="invitation.resend", subject=ann).count() == 1

    # The staff import page lists who is still waiting, with the same button.
    page = hr_client.get("/training/staff/import/").content.decode()
    assert "Invited, not signed in yet" in page and f"/training/team/members/{ann.pk}/invite/" in page

    hr_client.logout()
    stale = client.get(old, follow=True)
    assert "This invitation link no longer works" in stale.content.decode()
    fresh = client.get(new, follow=True)
    assert "new_password1" in fresh.content.decode()


def test_resend_is_refused_for_someone_not_in_hr(imported, mailoutbox):
    ann = person("a1")
    # Ann's own team leader, signed in with a password, asks for the same thing HR can.
    leader = person("l1")
    leader.set_password(NEW_PASSWORD)
    leader.save()
    client = Client()
    client.force_login(leader)
    before = len(mailoutbox)
    response = client.post(f"/training/team/members/{ann.pk}/invite/")
    assert response.status_code == 403
    api = APIClient()
    api.force_authenticate(leader)
    refused = api.post("/api/v1/invitations/", {"person": ann.pk}, format="json")
    assert refused.status_code == 403 and refused.json()["code"] == "permission_denied"
    assert len(mailoutbox) == before
    assert not AuditEvent.objects.filter(verb="invitation.resend").exists()


def test_api_invitation_and_its_clear_errors(imported, hr, mailoutbox, django_capture_on_commit_callbacks):
    api = APIClient()
    api.force_authenticate(hr)
    ann = person("a1")
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/invitations/", {"person": ann.pk}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["person"] == ann.pk and body["email"] == "ann@example.com" and body["resent"] is True
    assert len([m for m in mailoutbox if m.to == ["ann@example.com"]]) == 2

    missing = api.post("/api/v1/invitations/", {"person": 987654}, format="json")
    assert missing.status_code == 404 and missing.json()["code"] == "person_not_found"
    assert "987654" in missing.json()["detail"]
    wrong = api.post("/api/v1/invitations/", {"person": "ann"}, format="json")
    assert wrong.status_code == 400 and wrong.json()["code"] == "invalid"
    assert "person" in wrong.json()["detail"]
    empty = api.post("/api/v1/invitations/", {}, format="json")
    assert empty.status_code == 400 and "person" in empty.json()["detail"]

    # Someone who has set a password is told they are already active, and nothing is sent.
    sent = len(mailoutbox)
    active = api.post("/api/v1/invitations/", {"person": hr.pk}, format="json")
    assert active.status_code == 409 and active.json()["code"] == "already_active"
    assert "Forgot your password?" in active.json()["detail"]
    assert len(mailoutbox) == sent


def test_an_active_person_is_shown_as_active_not_invited(hr_client, org):
    ann = org.member(org.desk, "ann")
    page = hr_client.get(f"/training/team/members/{ann.pk}/").content.decode()
    assert "Already active" in page and "Resend invitation" not in page
    response = hr_client.post(f"/training/team/members/{ann.pk}/invite/", follow=True)
    assert "already active" in response.content.decode()
    assert not Notification.objects.filter(kind=Kind.INVITATION).exists()


def test_a_malformed_invitation_link_says_so(imported, client):
    ann = person("a1")
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(ann.pk))
    for path in (
        f"/welcome/{uid}/not-a-token/",
        f"/welcome/{uid}/zzzzzzzzzzzzzzzzzzzzz-abc/",
        "/welcome/bm9ib2R5/1-2/",
        f"/welcome/{uid}/{'9' * 40}/",
        f"/welcome/{urlsafe_base64_encode(b'9' * 30)}/1-2/",  # an id no database column can hold
        f"/welcome/{urlsafe_base64_encode(b'-1')}/1-2/",
    ):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        assert "This invitation link no longer works" in response.content.decode()
    assert not person("a1").has_usable_password()


def test_a_dry_run_sends_no_invitation(hr_client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post("/training/staff/import/", {"file": csv_file(STAFF), "dry_run": "1"})
    assert "3 new people would be emailed an invitation." in response.content.decode()
    assert "and email an invitation to ann@example.com" in response.content.decode()
    assert mailoutbox == [] and not Notification.objects.exists()


# --- Password reset --------------------------------------------------------------------------------------


def test_the_sign_in_page_offers_a_reset(client):
    page = client.get("/login/").content.decode()
    assert "Forgot your password?" in page and 'href="/password/reset/"' in page


def test_password_reset_by_email_works_once(client, org, mailoutbox):
    ann = org.member(org.desk, "ann", email="Ann.Agent@example.com")
    known = client.post("/password/reset/", {"email": "ann.agent@example.com"})
    unknown = client.post("/password/reset/", {"email": "nobody@example.com"})
    # The same answer either way: nothing says who has an account.
    assert known.status_code == unknown.status_code == 302 and known.url == unknown.url
    sent_page = client.get(known.url).content.decode()
    assert "Check your email" in sent_page and "If that address belongs to an account" in sent_page
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["Ann.Agent@example.com"]
    email = mailoutbox[0]
    assert email.subject == "Reset your Frontline LMS password" and "ann" in email.body
    path = link_in(email)

    landing = client.get(path)
    assert landing.status_code == 302
    form = client.get(landing.url)
    assert "Choose a new password" in form.content.decode()
    done = client.post(landing.url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done.url == "/password/reset/done/"
    assert "Your password is changed" in client.get(done.url).content.decode()
    ann.refresh_from_db()
    assert ann.check_password(NEW_PASSWORD)
    assert client.post("/login/", {"username": "ann", "password": NEW_PASSWORD}).status_code == 302

    client.post("/logout/")
    again = client.get(path, follow=True).content.decode()
    assert "This reset link no longer works" in again and "new_password1" not in again


def test_a_reset_link_for_an_invited_person_sets_their_first_password(imported, client, mailoutbox):
    # Lost the invitation? "Forgot your password?" works for someone who has never set one.
    client.logout()
    client.post("/password/reset/", {"email": "bob@example.com"})
    reset = mailoutbox[-1]
    assert reset.subject == "Reset your Frontline LMS password" and reset.to == ["bob@example.com"]


def test_no_reset_email_for_a_leaver(client, org, mailoutbox):
    ann = org.member(org.desk, "ann")
    ann.is_active = False
    ann.save()
    response = client.post("/password/reset/", {"email": ann.email})
    assert response.status_code == 302 and mailoutbox == []


def test_a_malformed_reset_link_says_so(client):
    for path in (
        "/password/reset/xx/yy/",
        "/password/reset/MQ/1-2/",
        f"/password/reset/MQ/{'a' * 60}/",
        "/password/reset/OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5/1-2/",  # an id no database column can hold
    ):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        assert "This reset link no longer works" in response.content.decode()


def test_bad_email_in_the_reset_form_is_named(client, mailoutbox):
    response = client.post("/password/reset/", {"email": "not an address"})
    assert response.status_code == 200 and "valid email address" in response.content.decode()
    assert mailoutbox == []


# --- Leavers ---------------------------------------------------------------------------------------------


@pytest.fixture
def staff_with_a_leaver(imported, course):
    """STAFF imported; Bob then holds a certificate and a password."""
    bob = person("a2")
    bob.set_password(NEW_PASSWORD)
    bob.save()
    certificate_services.issue(holder=bob, course=course)
    return bob


def test_people_missing_from_the_file_are_leavers(hr_client, staff_with_a_leaver):
    bob = staff_with_a_leaver
    without_bob = STAFF.replace("A2,Bob Agent,bob@example.com,Desk,L1,Adviser,\n", "")

    dry = hr_client.post(
        "/training/staff/import/", {"file": csv_file(without_bob), "dry_run": "1", "leavers": "1"}
    )
    html = dry.content.decode()
    assert dry.status_code == 200
    assert "Would be marked inactive: 1 person" in html and "Bob Agent (A2)" in html
    assert "Ann Agent (A1)" not in html.split('id="leavers"')[1].split("</ul>")[0]
    # The HR person running it (no employee id) and others outside the file's world are untouched.
    bob.refresh_from_db()
    assert bob.is_active

    real = hr_client.post("/training/staff/import/", {"file": csv_file(without_bob), "leavers": "1"})
    assert "Marked inactive: 1 person" in real.content.decode()
    bob.refresh_from_db()
    assert not bob.is_active and person("a1").is_active
    event = AuditEvent.objects.get(verb="person.deactivate")
    assert event.subject == bob and "Missing" in event.reason
    # Nothing Bob did is deleted, and he can no longer sign in.
    assert Certificate.objects.filter(holder=bob).count() == 1
    assert Profile.objects.filter(user=bob, employee_id="A2").exists()
    client = Client()
    refused = client.post("/login/", {"username": "a2", "password": NEW_PASSWORD})
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    api = APIClient().post("/api/v1/auth/token/", {"username": "a2", "password": NEW_PASSWORD}, format="json")
    assert api.status_code in (400, 401, 403)


def test_an_active_column_marks_people_inactive_and_back(hr_client, staff_with_a_leaver):
    bob = staff_with_a_leaver
    with_column = STAFF.replace("parent_team\n", "parent_team,active\n").replace(",\n", ",,yes\n")
    leaving = with_column.replace(
        "bob@example.com,Desk,L1,Adviser,,yes", "bob@example.com,Desk,L1,Adviser,,no"
    )
    dry = hr_client.post("/training/staff/import/", {"file": csv_file(leaving), "dry_run": "1"})
    assert "Would be marked inactive: 1 person" in dry.content.decode()
    bob.refresh_from_db()
    assert bob.is_active
    hr_client.post("/training/staff/import/", {"file": csv_file(leaving)})
    bob.refresh_from_db()
    assert not bob.is_active
    assert Certificate.objects.filter(holder=bob).exists()

    back = hr_client.post("/training/staff/import/", {"file": csv_file(with_column)})
    assert "Mark active again: Bob Agent (A2)" in back.content.decode()
    bob.refresh_from_db()
    assert bob.is_active
    assert AuditEvent.objects.filter(verb="person.reactivate", subject=bob).count() == 1


def test_bad_active_values_and_inactive_leaders_import_nothing(hr_client, org):
    bad = (
        "employee_id,name,email,team,leader,job_title,parent_team,active\n"
        "L1,Liam Lead,liam@example.com,Desk,L1,Team leader,,no\n"  # 2: a leader leaving...
        "A1,Ann Agent,ann@example.com,Desk,L1,Adviser,,maybe\n"  # 3: not yes or no; and led by a leaver
    )
    response = hr_client.post("/training/staff/import/", {"file": csv_file(bad)})
    html = response.content.decode()
    assert response.status_code == 400 and "Nothing was imported" in html
    assert "Line 3: active must be yes or no (or empty for yes), not “maybe”." in html
    assert "Line 3: Leader L1 is marked inactive on line 2" in html
    assert not Profile.objects.filter(employee_id__in=["L1", "A1"]).exists()


def test_hr_cannot_mark_themselves_a_leaver(hr_client, hr):
    ProfileFactory(user=hr, employee_id="HR1")
    response = hr_client.post("/training/staff/import/", {"file": csv_file(STAFF), "leavers": "1"})
    assert response.status_code == 400
    assert "You (HR1) are missing from this file" in response.content.decode()
    hr.refresh_from_db()
    assert hr.is_active


def test_the_template_shows_the_active_column(hr_client):
    body = hr_client.get("/training/staff/template.csv").content.decode()
    assert body.splitlines()[0].endswith(",active")


def test_a_new_person_marked_inactive_is_not_invited(
    hr_client, mailoutbox, django_capture_on_commit_callbacks
):
    text = HEADER.replace("\n", ",active\n") + "A9,Cat Gone,cat@example.com,Desk,,Adviser,,no\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post("/training/staff/import/", {"file": csv_file(text)})
    assert response.status_code == 200
    assert not person("a9").is_active and mailoutbox == []


def test_someone_without_a_profile_has_no_sign_in_section(hr_client):
    outsider = UserFactory(username="outsider")
    page = hr_client.get(f"/training/team/members/{outsider.pk}/").content.decode()
    assert "Signing in" not in page


def test_a_reset_ends_a_lockout_on_the_account(client, org, mailoutbox, settings):
    settings.AXES_ENABLED = True
    ann = org.member(org.desk, "ann")
    for _ in range(conf.get("LMS_LOGIN_MAX_FAILURES")):
        client.post("/login/", {"username": "ann", "password": "wrong-guess"})
    locked = client.post("/login/", {"username": "ann", "password": "pass1234"})
    assert "Too many unsuccessful sign-ins" in locked.content.decode()

    client.post("/password/reset/", {"email": ann.email})
    landing = client.get(link_in(mailoutbox[-1]))
    client.post(landing.url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    signed_in = client.post("/login/", {"username": "ann", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302 and signed_in.url == "/training/"


def test_reset_requests_are_capped_per_client_and_per_address(client, org, mailoutbox, settings):
    settings.LMS_PASSWORD_RESET_PER_HOUR = 2
    ann = org.member(org.desk, "ann")
    for _ in range(3):
        response = client.post("/password/reset/", {"email": ann.email}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429 and "Too many reset requests" in response.content.decode()
    assert len(mailoutbox) == 2
    # From elsewhere the answer is the usual one, but Ann's inbox gets nothing more this hour.
    elsewhere = client.post("/password/reset/", {"email": ann.email}, REMOTE_ADDR="10.0.0.2")
    assert elsewhere.status_code == 302 and elsewhere.url == "/password/reset/sent/"
    assert len(mailoutbox) == 2
