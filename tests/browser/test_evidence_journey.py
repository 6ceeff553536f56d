"""Evidence from real service in a real browser, on the demo: `leader` records a check of `employee` with
two hand-offs and an old policy version, sees it in the team's service trends and assigns the suggested
course in one click; `employee` disputes a criterion; the head of service changes the answer and the
employee sees the outcome."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import CoursePage, Enrolment, Policy
from evidence import calibration, rules
from evidence.models import Dispute, Scorecard, ServiceCheck
from evidence.trends import team_trends
from lms.core.models import Team
from project.demo import evidence as demo_evidence
from tests.browser.conftest import DESKTOP, PHONE

REFERENCE = "CALL-2001"
PLAYBACK = "Said the problem back in their own words, so the customer knew it had landed"


def answer(page, criterion_text, choice):
    group = page.get_by_role("group", name=re.compile(re.escape(criterion_text)))
    group.get_by_label(choice, exact=True).check()


@pytest.mark.parametrize("employee_viewport", [DESKTOP, PHONE], ids=["employee-1280x900", "employee-390x844"])
def test_leader_checks_assigns_from_the_check_and_a_dispute_is_settled(
    demo, new_page, live_server, employee_viewport
):
    User = get_user_model()
    leader, employee = User.objects.get(username="leader"), User.objects.get(username="employee")
    card = Scorecard.objects.get(title=demo_evidence.SCORECARD_TITLE, live=True)
    refunds = Policy.objects.get(slug="refunds")
    course = CoursePage.objects.get(slug="knowing-our-policies")
    front = Team.objects.get(name="Front Desk")
    # The demo leaves `leader` uncalibrated on purpose; passing the current calibration here makes this
    # leader's checks count, so the new check reaches the team's figures.
    contact = rules.current_calibration()
    calibration.score_blind(contact=contact, leader=leader, answers=contact.reference_answers)
    when = timezone.localtime(timezone.now() - datetime.timedelta(hours=1))
    month = when.strftime("%Y-%m")
    before = next(m["contacts"] for m in team_trends(front)["months"] if m["month"] == month)

    def sign_in(page, username):
        page.goto(f"{live_server.url}/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill("demo1234")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/training/")

    # The leader records the check.
    page = new_page(DESKTOP)
    sign_in(page, "leader")
    page.goto(f"{live_server.url}/training/checks/new/?employee={employee.pk}&scorecard={card.pk}")
    page.get_by_label("Channel").select_option("phone")
    page.get_by_label("When").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Reference (optional)").fill(REFERENCE)
    page.get_by_label("Hand-offs").fill("2")
    for legend, choice in (
        ("The problem was defined", "Yes"),
        ("A solution was offered", "Yes"),
        ("Resolved on the first contact", "No"),
        ("The customer would be satisfied", "No"),
    ):
        page.get_by_role("group", name=legend).get_by_label(choice, exact=True).check()
    page.get_by_role("group", name=re.compile("How the customer was treated")).get_by_label(
        "3", exact=True
    ).check()
    page.locator(f"#f-policy-{refunds.pk}").select_option("other")
    page.locator(f"#f-policy-{refunds.pk}-version").fill("1")
    answer(page, "Let the customer tell it their way", "Yes")
    answer(page, PLAYBACK, "2")
    answer(page, "Named how it is affecting the customer", "Yes")
    answer(page, "Apologised for the actual thing that went wrong", "Yes")
    answer(page, "Gave the customer the policy as it stands today", "No")
    answer(page, "Sorted it on this contact, or owned the follow-up", "No")
    page.get_by_label("Notes for the employee (optional)").fill("Quoted the old £50 limit, then transferred.")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Check submitted. Emma Clarke can see it now.")).to_be_visible()
    check = ServiceCheck.objects.get(reference=REFERENCE)
    assert (check.state, check.handoffs, check.counted, check.critical_missed) == ("submitted", 2, True, True)
    statement = check.policy_statements.get()
    assert (statement.matched, statement.version_heard, statement.live_version) == (False, 1, 2)
    assert page.url.endswith(f"/training/checks/{check.pk}/")

    # It is in the team view's service trends, this month.
    page.goto(f"{live_server.url}/training/team/")
    trends = page.get_by_role("region", name="Service on real contacts: Front Desk")
    row = trends.locator(f'tr:has(time[datetime="{month}"])')
    expect(row.locator("td").first).to_have_text(str(before + 1))
    expect(row).to_contain_text(re.compile(r"Refunds and account credits: version (\d, )*1\b.* heard"))

    # One click assigns the course that teaches the missed policy skill.
    page.goto(f"{live_server.url}/training/checks/{check.pk}/")
    page.get_by_role("button", name=f"Assign {course.title}").click()
    expect(page.get_by_text(f"{course.title} assigned to Emma Clarke.")).to_be_visible()
    assert check.assignments.filter(course=course).exists()
    assert Enrolment.objects.filter(user=employee, course=course).exists()

    # The employee finds it on My checks and disputes one criterion.
    mine = new_page(employee_viewport)
    sign_in(mine, "employee")
    mine.goto(f"{live_server.url}/training/checks/mine/")
    mine.get_by_role("link", name=re.compile(REFERENCE)).click()
    mine.get_by_label("Criterion you disagree with").select_option(label=PLAYBACK)
    mine.get_by_label("Why you disagree").fill("I read the account problem back to her before the transfer.")
    mine.get_by_role("button", name="Send dispute").click()
    disputes = mine.get_by_role("region", name="Disputes")
    expect(disputes).to_contain_text("Waiting for a decision")
    dispute = Dispute.objects.get(check_record=check)
    assert dispute.old_value == 2

    # The head of service (above the leader who checked) changes the answer.
    head = new_page(DESKTOP)
    sign_in(head, "head")
    head.goto(f"{live_server.url}/training/checks/disputes/")
    item = head.get_by_role("region", name=PLAYBACK)
    item.get_by_label("Change the answer").check()
    item.get_by_role("group", name="New answer (when changing it)").get_by_label("4", exact=True).check()
    item.get_by_label("Reason for your decision").fill("The recording has her reading it back: a 4.")
    item.get_by_role("button", name="Record decision").click()
    expect(head.get_by_text("No disputes are waiting for you.")).to_be_visible()
    dispute.refresh_from_db()
    assert (dispute.state, dispute.new_value, dispute.resolved_by.username) == ("changed", 4, "head")

    # The employee sees the outcome.
    mine.reload()
    disputes = mine.get_by_role("region", name="Disputes")
    expect(disputes).to_contain_text("Score changed")
    expect(disputes).to_contain_text("Decision: The recording has her reading it back: a 4.")
    if employee_viewport == PHONE:
        width = mine.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"My check scrolls sideways on a phone: {width}"
