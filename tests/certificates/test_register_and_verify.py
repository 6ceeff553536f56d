import datetime
import io
import zipfile

import pytest
from django.core import mail
from freezegun import freeze_time
from rest_framework.test import APIClient

from certificates import services
from certificates.models import Certificate, CertificateExport, ExpiryReminder
from certificates.reminders import send_expiry_reminders
from lms.core import conf
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(org, course):
    """An adviser in Desk (whose leader is lead), and someone in another team (Line)."""
    agent = org.member(org.desk, "agent", first_name="Zoë", last_name="Brontë", email="agent@example.com")
    other = org.member(org.line, "other", first_name="Tom", last_name="Baker")
    return {"lead": org.lead, "agent": agent, "other": other, "desk": org.desk}


@pytest.mark.parametrize(
    ("issued", "today", "revoke", "expected"),
    [
        ("2026-01-01", "2026-03-01", False, "valid"),
        ("2026-01-01", "2026-12-15", False, "expiring"),
        ("2025-01-01", "2026-03-01", False, "expired"),
        ("2026-01-01", "2026-03-01", True, "revoked"),
    ],
)
def test_each_verification_status(course, learner, hr, issued, today, revoke, expected):
    certificate = services.issue(holder=learner, course=course, issued_on=datetime.date.fromisoformat(issued))
    if revoke:
        services.revoke(certificate_id=certificate.pk, by=hr, reason="Issued in error")
    with freeze_time(today):
        body = APIClient().get(f"/api/v1/verify/{certificate.code}/").json()
        assert body["status"] == expected
        assert body["holder"] == certificate.holder_name
        assert body["course"] == course.title
        # The public check names the certificate and its issuer, and nothing else about the person.
        assert set(body) == {
            "code",
            "status",
            "holder",
            "course",
            "issued_on",
            "expires_on",
            "organisation",
            "policies",
        }
        assert body["organisation"] == conf.organisation_name()
        html = APIClient().get(f"/verify/{certificate.code}/").content.decode()
        assert certificate.holder_name in html
        assert learner.email not in html


def test_unknown_code_is_a_plain_not_found_and_guessing_is_throttled(db):
    client = APIClient()
    response = client.get("/api/v1/verify/not-a-real-code/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert "Not found" in client.get("/verify/not-a-real-code/").content.decode()
    statuses = [client.get(f"/verify/guess-{i}/").status_code for i in range(40)]
    assert 429 in statuses and statuses.index(429) == 29  # the page allows 30 a minute
    api_statuses = [client.get(f"/api/v1/verify/guess-{i}/").status_code for i in range(40)]
    assert 429 in api_statuses


def test_certificates_api_shows_own_and_hr_sees_all_with_filters(course, people, hr):
    mine = services.issue(holder=people["agent"], course=course)
    services.issue(holder=people["other"], course=course)
    client = APIClient()
    client.force_authenticate(people["agent"])
    rows = client.get("/api/v1/certificates/").json()
    assert [r["code"] for r in rows] == [mine.code]
    assert rows[0]["pdf_url"].endswith(f"/api/v1/certificates/{mine.pk}/pdf/")
    client.force_authenticate(hr)
    assert len(client.get("/api/v1/certificates/").json()) == 2
    by_team = client.get(f"/api/v1/certificates/?team={people['desk'].pk}").json()
    assert [r["holder"] for r in by_team] == ["Zoë Brontë"]
    assert [r["holder"] for r in client.get("/api/v1/certificates/?q=baker").json()] == ["Tom Baker"]
    bad = client.get("/api/v1/certificates/?status=bogus&team=abc")
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_filter"
    assert "status: “bogus”" in bad.json()["detail"] and "team: “abc”" in bad.json()["detail"]


def test_nobody_reaches_another_persons_certificate_by_id(course, people):
    theirs = services.issue(holder=people["other"], course=course)
    client = APIClient()
    client.force_authenticate(people["agent"])
    assert client.get(f"/api/v1/certificates/{theirs.pk}/").status_code == 404
    assert client.get(f"/api/v1/certificates/{theirs.pk}/pdf/").status_code == 404
    # The holder's own leader may see it; another team's leader may not.
    mine = services.issue(holder=people["agent"], course=course)
    client.force_authenticate(people["lead"])
    assert client.get(f"/api/v1/certificates/{mine.pk}/").status_code == 200
    assert client.get(f"/api/v1/certificates/{theirs.pk}/").status_code == 404


def test_register_page_filters_and_one_bad_filter_changes_nothing(client, course, people, hr):
    services.issue(holder=people["agent"], course=course)
    services.issue(holder=people["other"], course=course)
    client.force_login(people["agent"])
    assert client.get("/training/register/").status_code == 403
    client.force_login(hr)
    html = client.get(f"/training/register/?team={people['desk'].pk}").content.decode()
    assert "Zoë Brontë" in html and "Tom Baker" not in html
    bad = client.get("/training/register/?expires_within=soon")
    assert bad.status_code == 400 and "expires_within: “soon” is not a whole number." in bad.content.decode()
    response = client.post("/training/register/export/", {"status": "nope"}, follow=True)
    assert "status: “nope”" in response.content.decode()
    assert not CertificateExport.objects.exists()


def test_bulk_export_builds_a_zip_with_a_csv_register(
    client, course, people, hr, django_capture_on_commit_callbacks
):
    a = services.issue(holder=people["agent"], course=course)
    b = services.issue(holder=people["other"], course=course)
    api = APIClient()
    api.force_authenticate(hr)
    with pytest.raises(Exception):  # noqa: B017 - any refusal: employees cannot export
        services.request_export(user=people["agent"], filters={})
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/certificate-exports/", {"filters": {"course": course.pk}}, format="json")
    assert response.status_code == 202
    export = CertificateExport.objects.get()
    detail = api.get(f"/api/v1/certificate-exports/{export.pk}/").json()
    assert detail["state"] == "done" and detail["percent"] == 100 and detail["download_url"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(api.get(detail["download_url"]).streaming_content)))
    names = archive.namelist()
    assert "register.csv" in names and len([n for n in names if n.endswith(".pdf")]) == 2
    register = archive.read("register.csv").decode()
    assert a.code in register and b.code in register
    # Another HR person cannot download this export.
    api.force_authenticate(UserFactory(username="hr2", hr=True))
    assert api.get(detail["download_url"]).status_code == 404


def test_expiry_reminders_go_once_per_threshold_to_holder_and_leader(
    course, people, django_capture_on_commit_callbacks
):
    services.issue(
        holder=people["agent"], course=course, issued_on=datetime.date(2026, 1, 10)
    )  # expires 2027-01-10
    mail.outbox.clear()
    with freeze_time("2026-11-05"), django_capture_on_commit_callbacks(execute=True):  # 66 days left
        assert send_expiry_reminders() == 0
    with freeze_time("2026-11-12"), django_capture_on_commit_callbacks(execute=True):  # 59 days left
        assert send_expiry_reminders() == 1
        assert send_expiry_reminders() == 0
    # One email each, sent after the work commits: the holder's and their leader's.
    assert sorted(m.to[0] for m in mail.outbox) == ["agent@example.com", "lead@example.com"]
    assert all("expires on 10 January 2027" in m.subject for m in mail.outbox)
    with freeze_time("2027-01-05"), django_capture_on_commit_callbacks(execute=True):  # 5 days left
        assert send_expiry_reminders() == 1  # the 7-day reminder, not the missed 30-day one
    assert sorted(ExpiryReminder.objects.values_list("days_before", flat=True)) == [7, 60]


def test_renewed_certificates_get_no_reminder_and_the_check_is_one_query(course, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from certificates.reminders import due_reminders

    def count_due() -> tuple[int, int]:
        with freeze_time("2026-11-12"), CaptureQueriesContext(connection) as ctx:
            due = list(due_reminders())
        return len(due), len(ctx)

    services.issue(holder=people["agent"], course=course, issued_on=datetime.date(2026, 1, 10))
    one, queries = count_due()
    for n in range(5):
        services.issue(
            holder=UserFactory(username=f"holder{n}"), course=course, issued_on=datetime.date(2026, 1, 10)
        )
    assert count_due() == (one + 5, queries)
    # The agent renews: their old certificate is no longer due a reminder.
    services.issue(holder=people["agent"], course=course, issued_on=datetime.date(2026, 11, 1))
    assert count_due() == (one + 4, queries)


def test_my_training_shows_certificates_and_expiry_warnings(client, course, people):
    with freeze_time("2026-12-20"):
        services.issue(holder=people["agent"], course=course, issued_on=datetime.date(2026, 1, 10))
        client.force_login(people["agent"])
        html = client.get("/training/").content.decode()
        assert "My certificates" in html
        assert "expires on 10 Jan 2027" in html
        assert Certificate.objects.get().status == "expiring"


def test_design_preview_is_a_real_pdf_with_sample_text(rf, db):
    from pypdf import PdfReader

    from certificates.models import CertificateDesign

    design = CertificateDesign.objects.create(
        name="Brand", title="Certificate of skill", accent_colour="#aa3300"
    )
    request = rf.get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    response = design.serve_preview(request, "")
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "certificate of skill" in text.lower() and "Zoë Brontë-Nguyễn" in text


def test_design_edit_form_renders_in_the_admin(client, db):
    from certificates.models import CertificateDesign

    design = CertificateDesign.objects.create(name="Brand")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(f"/admin/snippets/lms_certificates/certificatedesign/edit/{design.pk}/")
    assert response.status_code == 200
    assert "Accent colour" in response.content.decode()
