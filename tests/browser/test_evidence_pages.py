"""The evidence pages (service checks, disputes, rounds, calibration, surveys) as each role, checked with
axe-core in Chromium at a desktop and a phone size: no serious or critical violation, and nothing scrolls
sideways on a phone except a table in its own scroll box. A check form refused on submit is checked too,
with its errors beside the fields."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from certificates import services as certificate_services
from evidence import calibration, rounds, services, surveys
from evidence.models import Scorecard, ShopperScript
from evidence.scoring import snapshot_of
from tests.browser import test_accessibility as a11y
from tests.evidence.conftest import criterion, full
from tests.factories import PolicyFactory

PASSWORD = "pass1234"  # noqa: S105 - the factories' test password


def build(org, hr, skills, course):
    listening, apology = skills
    course.skills.set(skills)
    course.save()
    certificate_services.issue(holder=org.lead, course=course)
    employee = org.member(org.desk, "ellie", first_name="Ellie", last_name="Evans")
    shopper = org.member(org.line, "shopper", first_name="Sol", last_name="Shopper")
    card = Scorecard(
        title="Phone contact",
        sections=[
            (
                "section",
                {
                    "title": "Listening",
                    "criteria": [
                        criterion("Let the customer finish", listening, weight=3),
                        criterion("Named the problem back", listening, scale="1_5"),
                    ],
                },
            ),
            (
                "section",
                {
                    "title": "Putting it right",
                    "criteria": [
                        criterion(
                            "Apologised for the specific problem", apology, allow_na=False, critical=True
                        ),
                        criterion("Offered a next step", apology, weight=2),
                    ],
                },
            ),
        ],
    )
    card.save()
    ids = {c["text"]: c["id"] for s in snapshot_of(card)["sections"] for c in s["criteria"]}
    policy = PolicyFactory(title="Refunds", slug="refunds")
    body = full(ids, answers={**full(ids)["answers"], ids["Offered a next step"]: "no"})
    body["policies"] = [{"policy": policy.pk, "matched": False, "version": None}]
    check = services.record_check(checker=org.lead, employee=employee, scorecard=card, data=body, submit=True)
    draft = services.record_check(
        checker=org.lead, employee=employee, scorecard=card, data={"reference": "DRAFT"}, submit=False
    )
    services.dispute(
        check=check, by=employee, criterion=ids["Offered a next step"], comment="I did offer one."
    )
    services.add_action(
        check=check, by=org.lead, owner=employee, text="Shadow Sam", due_on=timezone.localdate()
    )
    script = ShopperScript.objects.create(
        title="Late parcel", story="Ask for a refund.", right_answer="Offer the refund.", scorecard=card
    )
    today = timezone.localdate()
    shop_round = rounds.plan(
        by=hr,
        title="Spring round",
        script=script,
        teams=[org.desk],
        contacts_per_team=4,
        channels=["phone", "email"],
        times_of_day=["morning", "afternoon"],
        shoppers=[shopper],
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
    )
    rounds.log_contact(shop_round=shop_round, shopper=shopper, employee=employee, data=full(ids), submit=True)
    contact = calibration.publish(
        by=hr,
        scorecard=card,
        title="Refund call",
        transcript="Customer: my parcel is late.",
        reference_answers=full(ids)["answers"],
    )
    used = surveys.create_link(by=employee, employee=employee)
    surveys.answer(token=used.token, rating=4, resolved="yes", comment="Kind and quick")
    fresh = surveys.create_link(by=employee, employee=employee)
    return {
        None: [
            ("survey", f"/survey/{fresh.token}/"),
            ("survey thanks", "/survey/thanks/"),
            ("survey already answered", f"/survey/{used.token}/", 410),
            ("survey unknown", "/survey/no-such-link/", 404),
        ],
        "ellie": [
            ("my checks", "/training/checks/mine/"),
            ("my check", f"/training/checks/{check.pk}/"),
            ("send a survey link", "/training/surveys/link/"),
        ],
        "lead": [
            ("service checks", "/training/checks/"),
            ("record a check", f"/training/checks/new/?employee={employee.pk}&scorecard={card.pk}"),
            ("a draft", f"/training/checks/{draft.pk}/edit/"),
            ("a check with suggestions", f"/training/checks/{check.pk}/"),
            ("calibration, blind", "/training/calibration/"),
            ("customer comments", "/training/surveys/comments/"),
            ("service trends", "/training/checks/trends/"),
        ],
        "head": [
            ("disputes waiting", "/training/checks/disputes/"),
            ("rounds", "/training/rounds/"),
            ("round coverage", f"/training/rounds/{shop_round.pk}/"),
        ],
        "hr": [
            ("plan a round", "/training/rounds/new/"),
            ("change a round", f"/training/rounds/{shop_round.pk}/edit/"),
            ("publish a calibration", f"/training/calibration/new/?scorecard={card.pk}"),
            ("calibration summary", f"/training/calibration/{contact.pk}/"),
            ("survey import", "/training/surveys/import/"),
        ],
        "shopper": [
            ("my rounds", "/training/rounds/mine/"),
            ("log a contact", f"/training/rounds/{shop_round.pk}/log/?employee={employee.pk}"),
        ],
    }


def sign_in(browser, live_server, viewport, username):
    context = browser.new_context(viewport=viewport, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    if username:
        page.goto(f"{live_server.url}/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/training/")
    return context, page


def audit(page, axe, viewport, label, failures, overflows):
    page.wait_for_load_state("load")
    blocking = [v for v in axe.run(page).response["violations"] if v["impact"] in a11y.BLOCKING]
    if blocking:
        failures.append(f"{label}:\n{a11y.describe(blocking, page.url)}")
    if viewport == a11y.PHONE:
        size = page.evaluate(a11y.OVERFLOW_SCRIPT)
        if size["scrollWidth"] > size["innerWidth"]:
            overflows.append(f"{label}: {size['scrollWidth']}px wide; sticking out: {size['culprits']}")


@pytest.mark.parametrize("viewport", [a11y.DESKTOP, a11y.PHONE], ids=["desktop-1280x900", "phone-390x844"])
def test_evidence_pages_have_no_serious_or_critical_axe_violation(
    org, hr, skills, course, browser, live_server, viewport
):
    pages = build(org, hr, skills, course)
    axe = Axe()
    failures, overflows, checked = [], [], 0
    for role, entries in pages.items():
        context, page = sign_in(browser, live_server, viewport, role)
        try:
            for name, path, *status in entries:
                response = page.goto(f"{live_server.url}{path}")
                expected = status[0] if status else 200
                assert response is not None and response.status == expected, f"{role or 'anonymous'}: {name}"
                audit(page, axe, viewport, f"{role or 'anonymous'} — {name}", failures, overflows)
                checked += 1
            if role == "lead":
                # Submitting an empty check: the page comes back with each error beside its field.
                page.goto(f"{live_server.url}{entries[1][1]}")
                page.get_by_role("button", name="Submit").click()
                page.wait_for_load_state("load")
                assert page.locator(".field-error").count() >= 8
                audit(page, axe, viewport, "lead — check refused on submit", failures, overflows)
                checked += 1
        finally:
            context.close()
    assert checked == 25
    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)
    assert not overflows, "pages scroll sideways on a phone:\n" + "\n".join(overflows)
