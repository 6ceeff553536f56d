"""Keyboard only: a learner takes an assessment (Tab, Shift+Tab, Space, Enter and the arrow keys in radio
groups) through to submitting it and seeing the result, and a leader grades a written reply and signs off
an observation. Wherever the focus lands it must be visible: an outline at least 2px wide whose colour has
at least 3:1 contrast against what it is drawn on (WCAG 2.4.7 and 1.4.11)."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from courses import services as course_services
from courses.models import CoursePage
from lms.core.models import Team
from quizzes import services as quiz_services
from quizzes.models import Attempt, Review
from tests.fixtures.assessments import best_answers, finish_modules

from .conftest import DESKTOP, PHONE

# What the focused element looks like, and the colour behind its outline (the first opaque background
# among its ancestors: the outline is drawn outside the element).
FOCUS_SCRIPT = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  let behind = 'rgb(255, 255, 255)';
  for (let p = el.parentElement; p; p = p.parentElement) {
    const bg = getComputedStyle(p).backgroundColor;
    if (bg && bg !== 'transparent' && !bg.startsWith('rgba(0, 0, 0, 0)')) { behind = bg; break; }
  }
  // Not hidden behind anything (a sticky bar, say): the point at its centre belongs to it or its label.
  el.scrollIntoView({block: 'nearest'});
  const box = el.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  const label = el.closest('label');
  const covered = hit && !(el.contains(hit) || hit.contains(el) || (label && label.contains(hit)));
  return {
    covered: covered ? hit.tagName.toLowerCase() + '.' + String(hit.className) : null,
    element: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + (el.name ? '[name=' + el.name + ']' : ''),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor, behind,
  };
}"""


def _luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(text):
    return [int(float(n)) for n in re.findall(r"[\d.]+", text)[:3]]


def contrast(a, b):
    high, low = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def assert_focus_visible(page):
    focus = page.evaluate(FOCUS_SCRIPT)
    assert focus is not None, "nothing has the focus"
    where = focus["element"]
    assert focus["outlineStyle"] not in ("none", "hidden"), f"no focus outline on {where}"
    assert focus["outlineWidth"] >= 2, f"focus outline on {where} is {focus['outlineWidth']}px"
    ratio = contrast(focus["outlineColor"], focus["behind"])
    assert ratio >= 3, (
        f"focus outline on {where}: {focus['outlineColor']} on {focus['behind']} is {ratio:.2f}:1"
    )


def tab_to(page, selector, *, backwards=False, limit=150):
    """Press Tab (or Shift+Tab) until the element matching ``selector`` has the focus, checking at every
    stop on the way that the focus can be seen."""
    target = page.locator(selector)
    expect(target).to_have_count(1)
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        assert_focus_visible(page)
        if target.evaluate("el => el === document.activeElement"):
            return target
    raise AssertionError(f"{selector} never took the focus in {limit} presses of Tab")


def focused(page, selector):
    return page.locator(selector).evaluate("el => el === document.activeElement")


def answer_choice(page, question, option_id):
    """A radio group: Tab into it, then Space (first option) or the arrow keys, which check as they move."""
    radios = page.locator(f"#question-{question} input[type=radio]")
    values = [radios.nth(i).get_attribute("value") for i in range(radios.count())]
    tab_to(page, f"#question-{question} input[type=radio] >> nth=0")
    target = values.index(option_id)
    if target == 0:
        page.keyboard.press("Space")
    for _ in range(target):
        page.keyboard.press("ArrowDown")
        assert_focus_visible(page)
    expect(page.locator(f"#question-{question} input[value='{option_id}']")).to_be_checked()


def answer_choices(page, question, option_ids):
    boxes = page.locator(f"#question-{question} input[type=checkbox]")
    for i in range(boxes.count()):
        value = boxes.nth(i).get_attribute("value")
        tab_to(page, f"#question-{question} input[type=checkbox][value='{value}']")
        if value in option_ids:
            page.keyboard.press("Space")
    for value in option_ids:
        expect(page.locator(f"#question-{question} input[value='{value}']")).to_be_checked()


STEP_IDS = "items => items.map(i => i.dataset.stepItem)"


def answer_order(page, question, order):
    """Move each step up to its place with its own Move up button and Enter; the button keeps the focus."""
    box = f"#question-{question}"
    for place, step in enumerate(order):
        shown = page.locator(f"{box} [data-step-item]").evaluate_all(STEP_IDS)
        moves = shown.index(step) - place
        if not moves:
            continue
        button = f"{box} [data-step-item='{step}'] [data-move=up]"
        # The step is further down the list than anything arranged so far, so it is ahead in Tab order.
        tab_to(page, button)
        for _ in range(moves):
            page.keyboard.press("Enter")
        assert focused(page, button)
        assert_focus_visible(page)
    expect(page.locator(f"{box} [data-step-item]")).to_have_count(len(order))
    shown = page.locator(f"{box} [data-step-item]").evaluate_all(
        "items => items.map(i => i.dataset.stepItem)"
    )
    assert shown == list(order)


def sign_in_with_the_keyboard(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    expect(page.get_by_label("Username")).to_be_focused()  # the form's first field has the focus
    page.keyboard.type(username)
    tab_to(page, "#id_password")
    page.keyboard.type("demo1234")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/training/")


VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])


@VIEWPORTS
def test_a_learner_takes_an_assessment_with_the_keyboard_alone(demo, new_page, live_server, viewport):
    page = new_page(viewport)
    employee = get_user_model().objects.get(username="employee")
    course = CoursePage.objects.get(slug="active-listening")
    finish_modules(employee, course, course_services.enrol(user=employee, course=course))
    sign_in_with_the_keyboard(page, live_server, "employee")
    page.goto(f"{live_server.url}{course.url}")

    tab_to(page, "a:has-text('Go to the assessment') >> nth=0")
    page.keyboard.press("Enter")
    tab_to(page, "button:has-text('Start the assessment')")
    page.keyboard.press("Enter")
    expect(page.locator("#attempt-form")).to_be_visible()

    attempt = Attempt.objects.get(learner=employee, course=course)
    answers = best_answers(attempt)
    kinds = {q["id"]: q["type"] for q in attempt.snapshot["questions"]}
    assert {"single_choice", "multiple_response", "true_false", "judgement", "sequencing", "written"} <= set(
        kinds.values()
    )
    for question in page.locator("[data-question]").evaluate_all(
        "items => items.map(i => i.dataset.question)"
    ):
        kind, answer = kinds[question], answers[question]
        if kind in ("single_choice", "true_false", "judgement"):
            answer_choice(page, question, answer)
        elif kind == "multiple_response":
            answer_choices(page, question, answer)
        elif kind == "sequencing":
            answer_order(page, question, answer)
        else:
            tab_to(page, f"#question-{question} textarea")
            page.keyboard.type(answer)

    # Back up one stop and forward again: Shift+Tab works and the focus still shows.
    tab_to(page, "#submit-attempt")
    tab_to(page, "#attempt-form button:has-text('Save answers')", backwards=True)
    tab_to(page, "#submit-attempt")
    page.once("dialog", lambda dialog: dialog.accept())  # the browser's own confirm: Enter accepts it
    page.keyboard.press("Enter")

    expect(page.get_by_text(re.compile(r"review of 2 items"))).to_be_visible()
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.AWAITING_REVIEW
    saved = {a.question_id: a.response for a in attempt.answers.all()}
    for question, answer in answers.items():
        given = saved.get(question)
        if kinds[question] == "multiple_response":
            given, answer = sorted(given or []), sorted(answer)
        assert given == answer, f"{kinds[question]} question {question}: saved {given!r}, meant {answer!r}"
    # Every automatically scored answer earned full credit: the keyboard put each one where it was meant.
    credits = {a.question_id: a.credit for a in attempt.answers.all() if kinds[a.question_id] != "written"}
    assert set(credits.values()) == {1}, credits
    page.keyboard.press("Tab")
    assert_focus_visible(page)


@VIEWPORTS
def test_a_leader_grades_a_written_reply_and_signs_off_an_observation_with_the_keyboard(
    demo, new_page, live_server, viewport
):
    page = new_page(viewport)
    User = get_user_model()
    jose, leader = User.objects.get(username="jose"), User.objects.get(username="leader")
    course = CoursePage.objects.get(slug="acknowledgement-and-apology")
    finish_modules(jose, course, course_services.enrol(user=jose, course=course))
    attempt, _ = quiz_services.start_attempt(user=jose, course=course)
    quiz_services.save_answers(user=jose, attempt_id=attempt.pk, answers=best_answers(attempt))
    attempt = quiz_services.submit(user=jose, attempt_id=attempt.pk)
    written = attempt.reviews.get(kind=Review.Kind.WRITTEN)
    observation = attempt.reviews.exclude(kind=Review.Kind.WRITTEN).get()
    rubric = quiz_services.question_of(written)["rubric"]
    items = [i["id"] for i in attempt.snapshot["observation"]]

    sign_in_with_the_keyboard(page, live_server, "leader")
    page.goto(f"{live_server.url}/training/reviews/")
    tab_to(page, f"a[href='/training/reviews/{written.pk}/']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("José")
    for criterion in rubric:
        tab_to(page, f"#mark-{criterion['id']}")
        page.keyboard.type(str(criterion["points"]))
    tab_to(page, "#comment")
    page.keyboard.type("You named the problem and said what happens next.")
    tab_to(page, "button:has-text('Save grade')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Graded.")
    written.refresh_from_db()
    assert written.state == "done"
    assert written.marks == {c["id"]: c["points"] for c in rubric}

    # Back on the queue: the observation is next.
    tab_to(page, f"a[href='/training/reviews/{observation.pk}/']")
    page.keyboard.press("Enter")
    for item in items:
        tab_to(page, f"input[name=items][value='{item}']")
        page.keyboard.press("Space")
    tab_to(page, "#note")
    page.keyboard.type("Role-play on Tuesday")
    tab_to(page, "button:has-text('Sign off ticked items')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Signed off.")
    observation.refresh_from_db()
    assert observation.state == "done"
    assert observation.reviewer_id == written.reviewer_id == leader.pk


def test_the_team_view_changes_nothing_until_a_button_is_pressed(demo, new_page, live_server):
    """WCAG 3.2.2: choosing a team or a course in a select, with the arrow keys, stays on the page; the
    Show and "Choose people and a date" buttons act."""
    page = new_page(PHONE)
    sign_in_with_the_keyboard(page, live_server, "head")
    page.goto(f"{live_server.url}/training/team/")
    team_url = page.url

    tab_to(page, "#team-select")
    page.keyboard.press("ArrowDown")
    chosen = page.locator("#team-select").input_value()
    assert chosen
    page.wait_for_timeout(300)
    assert page.url == team_url, "choosing a team in the select changed the page"
    tab_to(page, "button:has-text('Show')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"team={chosen}"))
    expect(page.get_by_role("heading", level=1)).to_have_text(Team.objects.get(pk=chosen).name)

    shown = page.url
    tab_to(page, "#assign-course")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert page.url == shown, "choosing a course in the select changed the page"
    tab_to(page, "button:has-text('Choose people and a date')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/training/courses/\d+/assign/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Assign")
