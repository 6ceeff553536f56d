"""The whole learner journey and the leader's review on a phone (390x844, touch, 3x pixels), by taps.

A learner opens the catalogue, enrols in a course, works through every module, starts the assessment,
answers one question of every type the registry knows, reloads (autosave brought everything back),
submits and reads the result; their certified team leader, on a phone too, looks at the team view, grades
the written reply and signs off the observation; the learner sees the pass and downloads the certificate.

At every step, as a person holding the phone would notice: the page never scrolls sideways (a wide table
may scroll inside its own box), every primary button is at least 44x44 CSS pixels (WCAG 2.5.5, Apple's and
Google's touch guidance), and any chart's text is at least 12px as drawn.
"""

import io
import itertools
import os
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from pypdf import PdfReader

from certificates import services as certificate_services
from certificates.models import Certificate
from quizzes.models import Attempt
from quizzes.question_types import registry
from tests.factories import ProfileFactory, make_assessment, sample_questions
from tests.fixtures.assessments import best_answers

from .test_accessibility import CHART_TEXT_SCRIPT, MIN_CHART_TEXT_PX

# A phone as Playwright's device descriptors describe one (an iPhone 12/13/14-sized screen).
PHONE_DEVICE = {
    "viewport": {"width": 390, "height": 844},
    "screen": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "locale": "en-GB",
}
MIN_TARGET_PX = 44
SCREENSHOTS = os.environ.get("LMS_PHONE_SCREENSHOTS")
SHOT_NUMBERS = itertools.count(1)

# Primary controls: every button-styled link or button in the page's content, each form's submit button,
# the sequencing Move up / Move down buttons, every answer option and form control a thumb has to hit,
# and the header's menu links, Sign out and language switcher. Links inside running text are not
# measured. Hidden controls (display: none) are skipped.
TARGETS_SCRIPT = """(min) => {
  const selector = 'main .button, main button, main input[type=submit], main label.option, '
    + 'main .checklist label, main input[type=number], main select, main textarea, '
    + 'header .nav a, header button, header select';
  const small = [];
  let measured = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (el.closest('[hidden], .visually-hidden')) continue;
    const box = el.getBoundingClientRect();
    if (!box.width && !box.height) continue;
    measured += 1;
    if (box.width < min - 0.5 || box.height < min - 0.5) {
      const text = (el.innerText || el.value || el.name || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
      small.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${text}" `
        + `${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return {measured, small};
}"""

# Does the page scroll sideways? On a mobile browser a page wider than the screen makes the layout
# viewport (window.innerWidth) grow to fit it, so widths are held against the screen's own 390px.
# ``culprits``: what sticks out of the screen, unless it is inside a box that scrolls on its own.
PAGE_WIDTH_SCRIPT = """(screenWidth) => {
  const inScrollBox = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > screenWidth + 1 && !inScrollBox(el)) {
      const classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/).join('.') : '';
      culprits.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (classes ? '.' + classes : '')
        + ' right=' + Math.round(r.right));
      if (culprits.length >= 5) break;
    }
  }
  return {
    scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth,
    clientWidth: document.documentElement.clientWidth, culprits,
  };
}"""


def check_phone_step(page, step, *, charts=False):
    """What a person holding the phone would notice on this page, whatever the step."""
    page.wait_for_load_state("load")
    if SCREENSHOTS:  # LMS_PHONE_SCREENSHOTS=<folder>: a full-page picture of every step, to look at
        name = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        page.screenshot(
            path=os.path.join(SCREENSHOTS, f"{next(SHOT_NUMBERS):02d}-{name}.png"), full_page=True
        )
    screen = PHONE_DEVICE["viewport"]["width"]
    width = page.evaluate(PAGE_WIDTH_SCRIPT, screen)
    culprits = width["culprits"]
    assert width["scrollWidth"] <= width["innerWidth"] == width["clientWidth"] == screen, (
        f"{step}: the page scrolls sideways ({width['scrollWidth']}px wide, the browser widened its "
        f"viewport to {width['innerWidth']}px on a {screen}px screen); sticking out: {culprits}"
    )
    assert not culprits, f"{step}: wider than the screen, outside a scroll box: {culprits}"
    # Wide tables scroll inside their own box, which does not make the page wider.
    for box in page.locator("main .table-scroll").all():
        assert box.evaluate("el => el.getBoundingClientRect().right") <= screen + 1, step
    targets = page.evaluate(TARGETS_SCRIPT, MIN_TARGET_PX)
    assert not targets["small"], (
        f"{step}: tap targets under {MIN_TARGET_PX}x{MIN_TARGET_PX}px: {targets['small']}"
    )
    smallest = page.evaluate(CHART_TEXT_SCRIPT)
    if charts:
        assert smallest is not None, f"{step}: expected a chart"
    if smallest is not None:
        assert smallest >= MIN_CHART_TEXT_PX, f"{step}: chart text is {smallest:.1f}px on a phone"


@pytest.fixture
def phone(browser):
    """``phone()``: a fresh touch-screen phone (its own cookies), closed after the test."""
    contexts = []

    def _phone():
        context = browser.new_context(**PHONE_DEVICE)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield _phone
    for context in contexts:
        context.close()


def sign_in_by_tapping(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    check_phone_step(page, f"{username}: sign in")
    page.get_by_label("Username").tap()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").tap()
    page.get_by_label("Password").fill("pass1234")
    page.get_by_role("button", name="Sign in").tap()
    page.wait_for_url(f"{live_server.url}/training/")
    check_phone_step(page, f"{username}: My training")


@pytest.fixture
def phone_course(course, skills, org):
    """Active listening (three modules) with an assessment holding one question of every type and a
    two-item observation; Emma works in Desk, whose leader Liam is certified in the course."""
    listening, apology = skills
    course.skills.add(listening, apology)
    assessment = make_assessment(
        course,
        sample_questions(listening, apology),
        observation=[
            (listening, "Let the customer finish before answering"),
            (apology, "Apologised for the specific problem"),
        ],
        attempt_limit=2,
    )
    learner = org.member(org.desk, "emma", first_name="Emma", last_name="Clarke")
    for person in (learner, org.lead):
        person.set_password("pass1234")
        person.save()
    ProfileFactory(user=org.lead)
    certificate_services.issue(holder=org.lead, course=course)
    return course, assessment, learner


def tap_option(item, text):
    item.locator("label.option", has_text=text).tap()


def answer_by_tapping(page, question, answer):
    """Give ``answer`` (as ``best_answers`` gives it) to one question on the page, by taps and typing."""
    kind = question["type"]
    item = page.locator(f"#question-{question['id']}")
    item.scroll_into_view_if_needed()
    options = {o["id"]: o["text"] for o in question.get("options", [])}
    if kind in ("single_choice", "true_false", "judgement"):
        tap_option(item, options[answer])
        expect(item.locator(f"input[value='{answer}']")).to_be_checked()
    elif kind == "multiple_response":
        for option_id in answer:
            tap_option(item, options[option_id])
        for option_id, _ in options.items():
            box = item.locator(f"input[value='{option_id}']")
            (expect(box).to_be_checked() if option_id in answer else expect(box).not_to_be_checked())
    elif kind == "sequencing":
        # The phone gets the scripted list: Move up buttons big enough for a thumb, no numbers to choose.
        expect(item.locator("[data-move=up]").first).to_be_visible()
        for place, step in enumerate(answer):
            shown = item.locator("[data-step-item]").evaluate_all("els => els.map(e => e.dataset.stepItem)")
            for _ in range(shown.index(step) - place):
                item.locator(f"[data-step-item='{step}'] [data-move=up]").tap()
        shown = item.locator("[data-step-item]").evaluate_all("els => els.map(e => e.dataset.stepItem)")
        assert shown == list(answer)
        expect(item.locator("[data-sequence-state]")).to_have_text("Answered: the steps are in your order.")
    elif kind == "written":
        box = item.locator("textarea")
        box.tap()
        box.fill(answer)
    else:  # a type this journey does not know yet: the test must learn it
        raise AssertionError(f"the phone journey does not answer {kind!r} questions yet")


def shown_answers(page, questions):
    """What the attempt page shows for each question, in the same shape as ``best_answers``."""
    shown = {}
    for q in questions:
        item = page.locator(f"#question-{q['id']}")
        if q["type"] in ("single_choice", "true_false", "judgement"):
            shown[q["id"]] = item.locator("input[type=radio]:checked").get_attribute("value")
        elif q["type"] == "multiple_response":
            shown[q["id"]] = sorted(
                item.locator("input[type=checkbox]:checked").evaluate_all("els => els.map(e => e.value)")
            )
        elif q["type"] == "sequencing":
            shown[q["id"]] = item.locator("[data-step-item]").evaluate_all(
                "els => els.map(e => e.dataset.stepItem)"
            )
        elif q["type"] == "written":
            shown[q["id"]] = item.locator("textarea").input_value()
    return shown


def test_a_learner_and_their_leader_do_the_whole_journey_on_phones(phone_course, phone, live_server, org):
    course, assessment, learner = phone_course
    page = phone()
    sign_in_by_tapping(page, live_server, "emma")

    # The catalogue, then the course.
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Courses")
    check_phone_step(page, "catalogue")
    page.get_by_role("link", name="Active listening").first.tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Active listening")
    check_phone_step(page, "course page, not enrolled")
    page.get_by_role("button", name="Enrol in this course").tap()
    expect(page.get_by_role("heading", name="Modules")).to_be_visible()
    check_phone_step(page, "course page, enrolled")

    # Every module, marked done; each leads on to the next, the last back to the course.
    page.get_by_role("link", name="Module 1", exact=True).tap()
    for n in (1, 2, 3):
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Module {n}")
        expect(page.get_by_text(f"Module {n} of 3")).to_be_visible()
        check_phone_step(page, f"module {n}")
        page.get_by_role("button", name="Mark as complete and continue").tap()
        if n < 3:
            page.wait_for_url(re.compile(rf"/module-{n + 1}/$"))
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Module 3")
    enrolment = learner.enrolments.get(course=course)
    assert enrolment.completions.count() == 3

    # To the assessment, from the course page.
    page.goto(f"{live_server.url}{course.url}")
    expect(page.locator(".module-item .badge--done")).to_have_count(3)
    check_phone_step(page, "course page, modules done")
    page.get_by_role("link", name="Go to the assessment").first.tap()
    page.wait_for_url(re.compile(r"/assessment/$"))
    expect(page.get_by_role("button", name="Start the assessment")).to_be_visible()
    check_phone_step(page, "assessment page")
    page.get_by_role("button", name="Start the assessment").tap()
    expect(page.get_by_role("region", name="Attempt status")).to_be_visible()
    check_phone_step(page, "attempt page, nothing answered")

    attempt = Attempt.objects.get(learner=learner, course=course)
    questions = attempt.snapshot["questions"]
    kinds = {q["type"] for q in questions}
    assert kinds == set(registry.names()), f"one question of every registered type, got {sorted(kinds)}"
    answers = best_answers(attempt)
    answers[next(q["id"] for q in questions if q["type"] == "written")] = (
        "I'm sorry your refund is late, Mr Lindqvist, and that you had to chase it. I have checked: it "
        "was held for a bank detail. I've fixed that and it will be in your account by Friday."
    )
    for q in questions:
        answer_by_tapping(page, q, answers[q["id"]])
    expect(page.locator("#save-status")).to_contain_text("All answers saved", timeout=10_000)
    check_phone_step(page, "attempt page, every question answered")
    # The sticky status bar stays on screen as the learner scrolls, slim enough to leave room for the
    # questions, and never hides the Submit button.
    page.locator("#submit-attempt").scroll_into_view_if_needed()
    expect(page.locator("#save-status")).to_be_in_viewport()
    bar = page.get_by_role("region", name="Attempt status").bounding_box()
    assert bar["height"] <= 844 * 0.1, f"the attempt bar takes {bar['height']:.0f}px of an 844px screen"
    assert page.evaluate(
        """() => { const b = document.querySelector('#submit-attempt').getBoundingClientRect();
                   const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                   return hit && hit.closest('#submit-attempt') !== null; }"""
    ), "something covers the Submit button"

    # Everything given was saved on the server, then a reload brings it all back.
    for _ in range(50):
        if attempt.answers.count() == len(questions):
            break
        page.wait_for_timeout(200)

    # (Multiple response in any order: a set of ticks.)
    def comparable(given):
        return {
            q["id"]: sorted(given[q["id"]]) if q["type"] == "multiple_response" else given.get(q["id"])
            for q in questions
        }

    expected = comparable(answers)
    assert comparable(dict(attempt.answers.values_list("question_id", "response"))) == expected
    page.reload()
    expect(page.get_by_role("region", name="Attempt status")).to_be_visible()
    assert shown_answers(page, questions) == expected
    check_phone_step(page, "attempt page, after a reload")

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#submit-attempt").tap()
    expect(page.get_by_role("heading", name="Submitted — waiting for your team leader")).to_be_visible()
    expect(page.get_by_role("table", name="Scores by skill")).to_be_visible()
    expect(page.locator("#awareness-score")).to_have_text("100%")
    check_phone_step(page, "result, waiting for the leader")
    result_url = page.url

    # The leader, on their own phone: the team view (with its charts), then Reviews.
    leader_page = phone()
    sign_in_by_tapping(leader_page, live_server, "lead")
    leader_page.goto(f"{live_server.url}/training/team/")
    expect(leader_page.get_by_role("heading", level=1)).to_have_text("My team")
    expect(leader_page.get_by_role("table", name="Team progress")).to_contain_text("Emma Clarke")
    expect(leader_page.locator("#reviews-waiting")).to_have_text("2")
    check_phone_step(leader_page, "team view", charts=True)
    leader_page.get_by_role("link", name=re.compile(r"2 reviews waiting")).tap()
    expect(leader_page.get_by_role("heading", level=1)).to_have_text("Reviews waiting for you")
    queue = leader_page.get_by_role("table", name="Reviews waiting for you")
    expect(queue.locator("tbody tr")).to_have_count(2)
    check_phone_step(leader_page, "review queue")
    queue.get_by_role("link", name=re.compile(r"^Grade")).tap()
    expect(leader_page.locator("#learner-reply")).to_contain_text("Mr Lindqvist")
    check_phone_step(leader_page, "grading a written reply")
    for field in leader_page.locator("input[type=number]").all():
        field.tap()
        field.fill(field.get_attribute("max"))
    leader_page.get_by_label("Comment for the learner").tap()
    leader_page.get_by_label("Comment for the learner").fill("You named the delay, owned it and gave a day.")
    leader_page.get_by_role("button", name="Save grade").tap()
    expect(leader_page.get_by_role("status").first).to_contain_text("Graded")
    check_phone_step(leader_page, "review queue after grading")
    leader_page.get_by_role("link", name=re.compile(r"^Sign off")).tap()
    expect(leader_page.get_by_text("Let the customer finish before answering")).to_be_visible()
    check_phone_step(leader_page, "signing off an observation")
    for label in leader_page.locator(".checklist label").all():
        label.tap()
    expect(leader_page.locator("input[name=items]:checked")).to_have_count(2)
    leader_page.get_by_label("Note (what you watched, and when)").tap()
    leader_page.get_by_label("Note (what you watched, and when)").fill(
        "Role-played a late refund on Tuesday."
    )
    leader_page.get_by_role("button", name="Sign off ticked items").tap()
    expect(leader_page.get_by_text("Nothing is waiting")).to_be_visible()
    check_phone_step(leader_page, "review queue, all done")
    # The team view now draws Emma's knowledge and skill per skill too, readable on the phone.
    leader_page.get_by_role("link", name="My team").tap()
    emma_row = leader_page.get_by_role("table", name="Team progress").locator("tr", has_text="Emma Clarke")
    expect(emma_row).to_contain_text("Certified until")
    expect(leader_page.get_by_role("img", name=re.compile("Knowledge and skill per skill"))).to_be_visible()
    check_phone_step(leader_page, "team view with the skill picture", charts=True)

    # Back on the learner's phone: the result now says passed, and the certificate is there.
    certificate = Certificate.objects.get(holder=learner, course=course)
    page.goto(result_url)
    expect(page.get_by_role("heading", name="Passed — well done")).to_be_visible()
    expect(page.get_by_text("Your leader says:")).to_be_visible()
    check_phone_step(page, "result, passed")
    page.get_by_role("link", name="See your certificate").tap()
    record = page.get_by_role("region", name="The certificate")
    expect(record).to_be_visible()
    expect(record.locator("#certificate-status")).to_have_text("Valid")
    expect(record).to_contain_text("Emma Clarke")
    check_phone_step(page, "certificate page")
    with page.expect_download() as download_info:
        page.get_by_role(
            "link", name=re.compile(r"^Download (your certificate \(PDF\)|the PDF)$")
        ).first.tap()
    pdf = download_info.value.path().read_bytes()
    assert pdf.startswith(b"%PDF-")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Emma Clarke" in text and "Active listening" in text and certificate.code in text
    assert get_user_model().objects.get(pk=learner.pk).certificates.count() == 1


PROBE = """<!DOCTYPE html><html lang="en"><head>
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Probe</title></head>
<body><main>{}</main></body></html>"""


def test_the_phone_checks_see_what_a_person_would(phone):
    """The checks above fail where a person would struggle: a page wider than the phone (which a mobile
    browser hides by widening its viewport), a small button, tiny chart text; a wide table in its own
    scroll box and big buttons pass."""
    page = phone()
    page.set_content(PROBE.format('<div style="width: 600px">A wide banner</div>'))
    with pytest.raises(AssertionError, match="scrolls sideways"):
        check_phone_step(page, "wide page")
    page.set_content(
        PROBE.format(
            '<div class="table-scroll" style="overflow-x: auto"><table style="width: 900px"><tr><td>Wide'
            '</td></tr></table></div><button style="width: 120px; height: 48px">Save</button>'
        )
    )
    check_phone_step(page, "wide table in its own box")
    page.set_content(PROBE.format('<button style="padding: 2px">Save</button>'))
    with pytest.raises(AssertionError, match=r"""tap targets under 44x44px: \['button "Save" """):
        check_phone_step(page, "small button")
    page.set_content(
        PROBE.format(
            '<figure class="chart"><svg viewBox="0 0 800 100" width="100%"><text x="0" y="20" '
            'font-size="12">Certified</text></svg></figure>'
        )
    )
    with pytest.raises(AssertionError, match=r"chart text is [0-9]\.[0-9]px"):
        check_phone_step(page, "shrunken chart", charts=True)
