"""One message, said again, in a real browser on the demo (issue 15): `author` publishes a material change to
the refunds policy in the Wagtail admin, with a one-line summary and a question on it; leaders first, top
down: `leader` waits for the head of service, then confirms it on a phone-sized screen (a wrong answer is
explained first); only then does `employee`'s re-attestation open; once `employee` confirms, the public verify
page of their certificate shows the new version as confirmed; then `employee` answers a booster set on the
phone, each answer explained at once. Axe checks the policy-update and booster pages at phone size."""

import datetime
import re

from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from attestation import selectors as attestation_selectors
from attestation import services as attestation_services
from attestation.models import Attestation
from boosters import services as booster_services
from boosters.models import BoosterReview, BoosterSchedule
from certificates import services as certificate_services
from certificates.models import Certificate
from courses.models import CoursePage, Policy
from courses.models.snippets import PolicyVersion
from lms.core.models import AuditEvent
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_accessibility import BLOCKING, OVERFLOW_SCRIPT, describe

POLICY_TITLE = "Refunds and account credits"
SUMMARY = "Agents may now approve goodwill credits of up to £90 per contact (was £75)."
CUSTOMER_WORDS = (
    "I can put up to £90 on your account today as a goodwill credit, and you will see it on your next bill."
)
QUESTION = "How much goodwill credit may an agent approve on one contact?"
RIGHT, WRONG = "Up to £90", "Up to £75"
EXPLANATION = "Since this change agents may approve up to £90 per contact; above that, ask your team leader."


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("demo1234")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/training/")


def assert_accessible(page, what):
    """No serious or critical axe violation, and nothing scrolls sideways (the pages here are phone-sized)."""
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{what}:\n{describe(blocking, page.url)}"
    size = page.evaluate(OVERFLOW_SCRIPT)
    assert size["scrollWidth"] <= PHONE["width"], f"{what} scrolls sideways on a phone: {size}"


def policy_updates_on_my_training(page, live_server):
    page.goto(f"{live_server.url}/training/")
    return page.get_by_role("region", name="Policy updates")


def confirm(page, *, answer):
    page.get_by_role("group", name=QUESTION).get_by_label(answer, exact=True).check()
    page.get_by_label("I have read this and will apply it").check()
    page.get_by_role("button", name="Confirm").click()


def author_publishes_a_material_change(page, live_server, policy):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("author")
    page.get_by_label("Password").fill("demo1234")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(f"{live_server.url}/admin/snippets/lms_courses/policy/edit/{policy.pk}/")
    # The agents' limit goes from £75 to £90, in the policy text and in what we tell customers.
    amount = page.locator(".DraftEditor-root").get_by_text("£75", exact=True)
    expect(amount).to_have_count(1)
    amount.dblclick()
    # A double click selects the number (with or without its pound sign, as the browser sees words).
    selected = page.evaluate("() => window.getSelection().toString()").strip()
    assert selected in ("£75", "75"), selected
    page.wait_for_timeout(200)  # Draftail takes the selection from the browser on its next tick
    page.keyboard.type("£90" if selected == "£75" else "90")
    expect(page.locator(".DraftEditor-root").get_by_text("£90", exact=True)).to_have_count(1)
    page.get_by_role("textbox", name="What we tell customers").fill(CUSTOMER_WORDS)
    # Material, with a question on it; publishing before saying what changed is refused with a reason.
    page.get_by_role("combobox", name="Kind of change").select_option("material")
    questions = page.locator("#questions-root")
    questions.get_by_role("button", name="Insert a block").first.click()
    questions.get_by_role("textbox", name=re.compile(r"^question\b", re.I)).fill(QUESTION)
    questions.locator("[data-streamfield-list-add]").last.click()
    answers = questions.get_by_role("textbox", name=re.compile(r"^answer\b", re.I))
    expect(answers).to_have_count(2)
    answers.nth(0).fill(WRONG)
    answers.nth(1).fill(RIGHT)
    questions.get_by_role("checkbox", name=re.compile("this is the right answer", re.I)).nth(1).check()
    questions.get_by_role("textbox", name=re.compile("why the right answer is right", re.I)).fill(EXPLANATION)
    publish(page)
    expect(page.get_by_text("say in one line what changed")).to_be_visible()
    assert not PolicyVersion.objects.filter(policy=policy, version=3).exists()
    page.get_by_role("textbox", name="What changed").fill(SUMMARY)
    publish(page)
    expect(page.get_by_text(re.compile(r"updated and published"))).to_be_visible()


def publish(page):
    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state("load")


def answer_booster(page, question, *, right):
    """Answers the booster question on screen as a person would: by the words of its options, or for a
    sequence by moving its steps into an order."""
    kind, options = question["type"], question["options"]
    form = page.locator("#booster-form")
    if kind == "sequencing":
        order = list(question["key_order"]) if right else list(reversed(question["key_order"]))
        for place, step in enumerate(order):
            shown = form.locator("[data-step-item]").evaluate_all("els => els.map(e => e.dataset.stepItem)")
            for _ in range(shown.index(step) - place):
                form.locator(f"[data-step-item='{step}'] [data-move=up]").click()
        expect(form.locator("[data-sequence-state]")).to_have_text("Answered: the steps are in your order.")
    elif kind == "multiple_response":
        chosen = (
            [o for o in options if o["correct"]] if right else [o for o in options if not o["correct"]][:1]
        )
        for option in chosen:
            form.get_by_label(option["text"], exact=True).check()
    elif kind == "judgement":
        ranked = sorted(options, key=lambda o: o["quality"], reverse=True)
        form.get_by_label((ranked[0] if right else ranked[-1])["text"], exact=True).check()
    else:
        option = next(o for o in options if bool(o["correct"]) == right)
        form.get_by_label(option["text"], exact=True).check()
    form.get_by_role("button", name="Answer").click()


def test_a_material_change_reaches_leader_then_team_and_boosters_repeat_it(demo, new_page, live_server):
    User = get_user_model()
    head, leader, employee = (User.objects.get(username=u) for u in ("head", "leader", "employee"))
    course = CoursePage.objects.get(slug="knowing-our-policies")
    policy = Policy.objects.get(slug="refunds")
    assert policy.version == 2
    # Emma is certified in Knowing our policies (it covers the refunds policy as it stands, version 2), and
    # her first booster set is due: the set comes a few days after the certificate.
    certificate = certificate_services.issue(
        holder=employee, course=course, reason="Passed before the journey."
    )
    assert any(e["slug"] == "refunds" and e["version"] == 2 for e in certificate.policy_versions)
    BoosterSchedule.objects.filter(user=employee, course=course).update(
        next_set_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    # --- The author publishes a material change in the admin, with its summary and a question.
    author = new_page(DESKTOP)
    author_publishes_a_material_change(author, live_server, policy)
    version = PolicyVersion.objects.get(policy=policy, version=3)
    assert (version.kind, version.summary, version.published_by.username) == ("material", SUMMARY, "author")
    assert "£90" in version.body and "£75" not in version.body.split("Team leaders")[0]
    assert Attestation.objects.filter(policy_version=version, holder=employee, attested_at=None).exists()

    # Leaders first, top down: Liam waits for the head of service (his own leader) until she confirms it.
    liam = new_page(PHONE)
    sign_in(liam, live_server, "leader")
    refunds = policy_updates_on_my_training(liam, live_server).locator("li", has_text=POLICY_TITLE)
    expect(refunds).to_contain_text("version 3 Waiting for your leader")
    outcome = attestation_services.attest(person=head, version=version, answers=[1], read_and_will_apply=True)
    assert outcome["attested"]

    # --- Before the leader confirms, Emma can read the change but not confirm it.
    emma = new_page(PHONE)
    sign_in(emma, live_server, "employee")
    refunds = policy_updates_on_my_training(emma, live_server).locator("li", has_text=POLICY_TITLE)
    expect(refunds).to_contain_text("version 3 Waiting for your leader")
    refunds.get_by_role("link", name=POLICY_TITLE).click()
    expect(emma.get_by_role("heading", level=1)).to_have_text(f"{POLICY_TITLE}, version 3")
    expect(emma.get_by_role("status")).to_contain_text(
        "Leaders first: this opens for you once Liam O'Connell, your team leader, has confirmed it."
    )
    expect(emma.get_by_role("button", name="Confirm")).to_have_count(0)
    assert not attestation_selectors.attestation_open(employee, version)
    assert_accessible(emma, "a policy update still waiting for the leader")

    # --- The leader, on a phone, opens the update from My training, reads what changed and confirms it.
    refunds = policy_updates_on_my_training(liam, live_server).locator("li", has_text=POLICY_TITLE)
    expect(refunds).to_contain_text("version 3 Policy update due")
    refunds.get_by_role("link", name=POLICY_TITLE).click()
    expect(liam.get_by_text(f"What changed: {SUMMARY}")).to_be_visible()
    changes = liam.get_by_role("region", name=re.compile(r"The changes since version \d"))
    expect(changes.locator("ins").first).to_be_visible()
    expect(changes).to_contain_text("£90")
    # Only the changed line, not the whole policy twice on a phone; the new version follows in full.
    expect(changes.locator(".policy-diff").first).to_contain_text("…")
    expect(changes.locator(".policy-diff").first).not_to_contain_text("This policy applies to every refund")
    expect(liam.get_by_role("region", name="The new version")).to_contain_text(
        "This policy applies to every refund"
    )
    expect(liam.get_by_role("region", name="The new version")).to_contain_text(CUSTOMER_WORDS)
    assert_accessible(liam, "a policy update to confirm")
    # A wrong answer confirms nothing and says why at once.
    confirm(liam, answer=WRONG)
    expect(liam.get_by_role("alert")).to_contain_text(f"not right: {EXPLANATION}")
    expect(liam.get_by_role("alert")).to_be_in_viewport()  # not three screens below the top of the page
    assert_accessible(liam, "a policy update with a wrong answer")
    confirm(liam, answer=RIGHT)
    expect(liam.get_by_text(f"Thank you: you have confirmed version 3 of “{POLICY_TITLE}”.")).to_be_visible()
    expect(liam.get_by_role("link", name=POLICY_TITLE)).to_have_count(0)
    assert_accessible(liam, "policy updates, all confirmed")

    # --- Now Emma's update is open; she confirms it.
    refunds = policy_updates_on_my_training(emma, live_server).locator("li", has_text=POLICY_TITLE)
    expect(refunds).to_contain_text("version 3 Policy update due")
    refunds.get_by_role("link", name=POLICY_TITLE).click()
    expect(emma.get_by_text(f"What changed: {SUMMARY}")).to_be_visible()
    assert_accessible(emma, "a policy update open to confirm")
    confirm(emma, answer=RIGHT)
    expect(emma.get_by_text(f"Thank you: you have confirmed version 3 of “{POLICY_TITLE}”.")).to_be_visible()
    expect(
        policy_updates_on_my_training(emma, live_server).locator("li", has_text=POLICY_TITLE)
    ).to_have_count(0)

    # --- Anyone checking Emma's certificate sees the new version, confirmed; the certificate is still valid.
    visitor = new_page(PHONE)
    visitor.goto(f"{live_server.url}/verify/{certificate.code}/")
    covered = visitor.locator(".verify__policies li", has_text=POLICY_TITLE)
    expect(covered).to_contain_text(f"{POLICY_TITLE}: version 3")
    expect(covered).to_contain_text("confirmed by the holder after the certificate was issued")
    expect(covered).not_to_contain_text("Policy update due")
    expect(visitor.get_by_role("status")).to_have_text("✔ Valid")
    expect(visitor.locator(".facts")).to_contain_text("Emma Clarke")

    # --- Emma answers her booster set on the phone: each answer is explained at once.
    started = timezone.now()
    emma.goto(f"{live_server.url}/training/")
    emma.get_by_role("link", name="Booster questions", exact=True).click()
    expect(emma.get_by_role("heading", name="Boosters", level=1)).to_be_visible()
    assert_accessible(emma, "a booster question")
    # The set the page drew (asking again returns the same set, in the same order).
    cards = booster_services.due_set(user=employee)
    assert len(cards) >= 2 and sum(c.course_id == course.pk for c in cards) == 2
    given = []
    for number, card in enumerate(cards):
        expect(emma.locator("#booster-form")).to_contain_text(f"Question {number + 1} of {len(cards)}")
        expect(emma.locator("#booster-form")).to_contain_text(card.question["prompt"])
        right = number != 1  # one slip, to see what a wrong answer shows
        answer_booster(emma, card.question, right=right)
        given.append(right)
        verdict = emma.get_by_role("region", name="Right" if right else "Not quite")
        expect(verdict).to_be_visible()
        if card.question.get("explanation"):
            expect(verdict.locator(".explanation")).to_contain_text(card.question["explanation"][:60])
        expect(verdict).to_contain_text("You will see this one again around")
        if number == 1:
            assert_accessible(emma, "a booster answered wrongly, explained")
        last = number == len(cards) - 1
        emma.get_by_role("link", name="Done" if last else "Next question").click()
    expect(
        emma.get_by_text("Nothing waiting: your next booster set will come in a few days.")
    ).to_be_visible()

    # --- What was recorded.
    confirmed = Attestation.objects.filter(policy_version=version, attested_at__isnull=False)
    assert set(confirmed.values_list("holder__username", flat=True)) >= {"head", "leader", "employee"}
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    assert any(e["slug"] == "refunds" and e["version"] == 2 for e in certificate.policy_versions)
    assert AuditEvent.objects.filter(verb="policy_update.attest", actor=employee).exists()
    reviews = BoosterReview.objects.filter(card__user=employee, answered_at__gte=started).order_by(
        "answered_at"
    )
    assert [r.correct for r in reviews] == given
    assert not BoosterSchedule.objects.filter(user=employee).exclude(pending=[]).exists()
    assert Certificate.objects.get(pk=certificate.pk).status_on(timezone.localdate()) == "valid"
