import re

from playwright.sync_api import expect

from courses.models import Enrolment, ModuleCompletion


def test_employee_completes_two_modules_reloads_and_is_offered_the_next(demo, page, live_server, sign_in):
    sign_in("employee")
    page.get_by_role("link", name="Courses", exact=True).click()
    page.get_by_role("link", name="Active listening").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Active listening")
    page.get_by_role("button", name="Enrol in this course").click()
    expect(page.get_by_role("status").first).to_contain_text("You are enrolled")

    page.get_by_role("link", name=re.compile(r"^Start:")).click()
    first_title = page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("button", name="Mark as complete and continue").click()
    expect(page.get_by_role("status").first).to_contain_text("Module done")
    second_title = page.get_by_role("heading", level=1).inner_text()
    assert second_title != first_title
    page.get_by_role("button", name="Mark as complete and continue").click()
    third_title = page.get_by_role("heading", level=1).inner_text()

    # Back on the course page after a reload, it offers exactly the next module.
    page.get_by_role("link", name="← Active listening").click()
    page.reload()
    continue_link = page.locator("#continue-link")
    expect(continue_link).to_have_text(f"Continue where you left off: {third_title}")
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", re.compile(r"^[1-9]\d?$"))

    # My training says the same.
    page.get_by_role("link", name="My training").click()
    expect(page.get_by_role("link", name=f"Continue: {third_title}")).to_be_visible()

    enrolment = Enrolment.objects.get(user__username="employee", course__slug="active-listening")
    assert ModuleCompletion.objects.filter(enrolment=enrolment).count() == 2
