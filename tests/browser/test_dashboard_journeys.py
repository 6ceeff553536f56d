import re

from playwright.sync_api import expect

from courses.models import Enrolment
from lms.core.models import Profile, Team


def test_leader_sees_lock_and_gaps_assigns_and_employee_sees_it(demo, page, live_server, sign_in):
    sign_in("leader")
    page.get_by_role("link", name="My team").click()
    matrix = page.get_by_role("table", name="Team progress")
    emma = matrix.get_by_role("row").filter(has_text="Emma Clarke")
    expect(emma).to_contain_text("Locked (leaders first)")
    expect(emma).to_contain_text("Waiting for you to be certified")
    expect(page.get_by_role("img", name=re.compile("Knowledge and skill per skill"))).to_be_visible()
    expect(page.get_by_role("table", name="Skill gaps")).to_contain_text("Active listening")

    page.get_by_label("Assign a course with a due date").select_option(label="Knowing our policies")
    page.get_by_role("button", name="Choose people and a date").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Assign “Knowing our policies”")
    page.get_by_label("Emma Clarke").check()
    page.get_by_label("Due date").fill("2099-06-30")
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_role("status").first).to_contain_text("Assigned")
    page.get_by_role("button", name=re.compile("Sign out")).click()

    sign_in("employee")
    card = page.locator("[data-course=knowing-our-policies]")
    expect(card).to_contain_text("Due 30 Jun 2099")
    expect(card).to_contain_text("Assigned by Liam O'Connell")
    assert (
        Enrolment.objects.get(user__username="employee", course__slug="knowing-our-policies").due_date.year
        == 2099
    )


def test_hr_uploads_a_csv_with_one_bad_row_and_nothing_is_imported(
    demo, page, live_server, sign_in, tmp_path
):
    people_before, teams_before = Profile.objects.count(), Team.objects.count()
    csv = tmp_path / "staff.csv"
    csv.write_text(
        "employee_id,name,email,team,leader,job_title\n"
        "E9001,Nia Jones,nia@example.com,Billing,E9001,Team leader\n"
        "E9002,Omar Khan,omar-at-example.com,Billing,E9001,Billing adviser\n"
        "E9003,Pia Lund,pia@example.com,Billing,E9001,Billing adviser\n",
        encoding="utf-8",
    )
    sign_in("hr")
    page.get_by_role("link", name="Organisation").click()
    page.get_by_role("link", name="Import staff").click()
    page.get_by_label("CSV file").set_input_files(str(csv))
    page.get_by_label(re.compile("Dry run")).uncheck()
    page.get_by_role("button", name="Upload").click()
    report = page.locator("#import-report")
    expect(report).to_contain_text("Nothing was imported")
    expect(report).to_contain_text("Line 3: “omar-at-example.com” is not a valid email address.")
    assert (Profile.objects.count(), Team.objects.count()) == (people_before, teams_before)
