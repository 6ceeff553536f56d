import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from lms.core.models import AuditEvent, Profile, Team
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

GOOD = (
    "employee_id,name,email,team,leader,job_title,parent_team\n"
    "H1,Grace Head,grace@example.com,Service,H1,Head of service,\n"
    "L1,Liam Lead,liam@example.com,Desk,L1,Team leader,Service\n"
    "A1,Ann Agent,ann@example.com,Desk,L1,Adviser,Service\n"
    "A2,Bob Agent,bob@example.com,Desk,L1,Adviser,Service\n"
)


def csv_file(text, name="staff.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def hr_client(client, hr):
    client.force_login(hr)
    return client


def test_dry_run_shows_changes_and_changes_nothing(hr_client):
    response = hr_client.post("/training/staff/import/", {"file": csv_file(GOOD), "dry_run": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dry run" in html and "Add Ann Agent (A1)" in html and "Create team “Desk”" in html
    assert not Profile.objects.filter(employee_id="A1").exists()
    assert not Team.objects.filter(name="Desk").exists()


def test_import_creates_people_and_the_team_tree(hr_client):
    response = hr_client.post("/training/staff/import/", {"file": csv_file(GOOD)})
    assert response.status_code == 200 and "Imported" in response.content.decode()
    desk = Team.objects.get(name="Desk")
    assert desk.leader.email == "liam@example.com"
    assert desk.parent.name == "Service"
    assert Profile.objects.get(employee_id="A1").team == desk
    assert AuditEvent.objects.filter(verb="staff.import").count() == 1
    # Importing again updates instead of duplicating.
    hr_client.post(
        "/training/staff/import/",
        {"file": csv_file(GOOD.replace("Adviser,Service\nA2", "Senior adviser,Service\nA2"))},
    )
    assert Profile.objects.filter(employee_id="A1").count() == 1
    assert Profile.objects.get(employee_id="A1").job_title == "Senior adviser"


def test_one_bad_file_imports_nothing_and_reports_every_bad_row(hr_client):
    bad = (
        "employee_id,name,email,team,leader,job_title,parent_team\n"
        "L1,Liam Lead,liam@example.com,Desk,L1,Team leader,Line\n"  # 2: fine on its own
        "A1,Ann Agent,not-an-email,Desk,L1,Adviser,Line\n"  # 3: bad email
        "A1,Ann Again,ann2@example.com,Desk,L1,Adviser,Line\n"  # 4: duplicate id
        "A3,Cat Agent,cat@example.com,Desk,Z9,Adviser,Line\n"  # 5: unknown leader (and team leader clash)
        "L2,Lee Line,lee@example.com,Line,L2,Team leader,Desk\n"  # 6: Line below Desk below Line: a cycle
    )
    response = hr_client.post("/training/staff/import/", {"file": csv_file(bad)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "Line 3: “not-an-email” is not a valid email address." in html
    assert "Line 4: Duplicate employee_id A1 (also on line 3)." in html
    assert "Line 5: Unknown leader Z9" in html
    assert "would loop" in html
    assert not Profile.objects.exclude(employee_id=None).exists()
    assert not Team.objects.exists()
    assert get_user_model().objects.count() == 1  # only HR


def test_missing_columns_and_wrong_file_type(hr_client):
    response = hr_client.post(
        "/training/staff/import/", {"file": csv_file("name,email\nAnn,ann@example.com\n")}
    )
    assert "Missing columns: employee_id, team, leader, job_title." in response.content.decode()
    response = hr_client.post("/training/staff/import/", {"file": csv_file(GOOD, name="staff.xlsx")})
    assert "is not a .csv file" in response.content.decode()
    assert not Team.objects.exists()


def test_import_api_is_hr_only_and_all_or_nothing(db):
    employee = UserFactory()
    api = APIClient()
    api.force_authenticate(employee)
    assert api.post("/api/v1/staff-imports/", {"file": csv_file(GOOD)}, format="multipart").status_code == 403
    api.force_authenticate(UserFactory(username="hr2", hr=True))
    dry = api.post("/api/v1/staff-imports/", {"file": csv_file(GOOD)}, format="multipart").json()
    assert dry["dry_run"] is True and dry["applied"] is False and dry["changes"]
    bad = api.post(
        "/api/v1/staff-imports/",
        {"file": csv_file(GOOD + "A9,,x,Desk,L1,Adviser,\n"), "dry_run": "false"},
        format="multipart",
    )
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_import"
    assert {e["line"] for e in bad.json()["errors"]} == {6}
    assert not Team.objects.exists()
    done = api.post(
        "/api/v1/staff-imports/", {"file": csv_file(GOOD), "dry_run": "false"}, format="multipart"
    ).json()
    assert done["applied"] is True and Team.objects.count() == 2


def test_a_bad_row_marks_nobody_inactive_and_invites_nobody(
    hr_client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hr_client.post("/training/staff/import/", {"file": csv_file(GOOD)})
    invited = len(mailoutbox)
    assert invited == 4  # one invitation per new person
    # Bob is missing (a leaver) and a new person arrives, but one row is bad: nothing at all happens.
    without_bob = GOOD.replace("A2,Bob Agent,bob@example.com,Desk,L1,Adviser,Service\n", "")
    bad = (
        without_bob + "A3,Cat Agent,cat@example.com,Desk,L1,Adviser,Service\nA4,,dan@example.com,Desk,L1,,\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post("/training/staff/import/", {"file": csv_file(bad), "leavers": "1"})
    assert response.status_code == 400 and "Line 6: name is empty." in response.content.decode()
    assert Profile.objects.get(employee_id="A2").user.is_active
    assert not Profile.objects.filter(employee_id="A3").exists()
    assert not AuditEvent.objects.filter(verb="person.deactivate").exists()
    assert len(mailoutbox) == invited


def test_without_an_active_column_nobody_changes_standing(hr_client):
    hr_client.post("/training/staff/import/", {"file": csv_file(GOOD)})
    bob = Profile.objects.get(employee_id="A2").user
    bob.is_active = False
    bob.save()
    # The same file again, without the active column and without the leavers option: Bob stays inactive.
    response = hr_client.post("/training/staff/import/", {"file": csv_file(GOOD)})
    assert response.status_code == 200
    bob.refresh_from_db()
    assert not bob.is_active
