import re

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from courses.models import CoursePage
from quizzes.models import Attempt
from tests.fixtures.assessments import finish_modules


def answer_question(item):
    """Give some answer to one question on the page, whatever its type."""
    kind = item.get_attribute("data-type")
    if kind == "multiple_response":
        item.locator("input[type=checkbox]").first.check()
    elif kind == "sequencing":
        selects = item.locator("select")
        # Swap the first two steps: the page keeps the order complete.
        selects.nth(0).select_option("2")
    elif kind == "written":
        item.locator("textarea").fill(
            "I'm sorry this has dragged on, Mrs Okafor. Let me check what happened and call you back by four."
        )
    else:
        item.locator("input[type=radio]").first.check()


def positions(item) -> dict[str, str]:
    """A sequencing question as shown: the position chosen in each step's select, by the select's name
    (``q-<question id>-pos-<step id>``)."""
    selects = item.locator("select[name*='-pos-']")
    return dict(selects.evaluate_all("selects => selects.map(s => [s.name, s.value])"))


def saved_answers(page, attempt, expected: int, seconds: int = 10) -> dict:
    """The attempt's saved responses by question id, once ``expected`` of them have arrived (autosave
    batches changes, so the last batch may still be on its way when the status first says saved)."""
    for _ in range(seconds * 5):
        saved = dict(attempt.answers.values_list("question_id", "response"))
        if len(saved) >= expected:
            break
        page.wait_for_timeout(200)
    return saved


def test_employee_answers_reloads_submits_and_leader_reviews(demo, page, live_server, sign_in):
    sign_in("employee")
    page.goto(f"{live_server.url}/active-listening/")
    page.get_by_role("button", name="Enrol in this course").click()
    # The assessment opens once the modules are done (DESIGN §4 rule 7): finish them, then go to it.
    employee = get_user_model().objects.get(username="employee")
    course = CoursePage.objects.get(slug="active-listening")
    finish_modules(employee, course, employee.enrolments.get(course=course))
    page.reload()
    page.get_by_role("link", name="Go to the assessment").first.click()
    page.get_by_role("button", name="Start the assessment").click()
    expect(page.get_by_role("region", name="Attempt status")).to_be_visible()

    questions = page.locator("li.question")
    count = questions.count()
    assert count >= 8
    half = count // 2
    kinds = [questions.nth(i).get_attribute("data-type") for i in range(count)]
    # The first half, and the sequencing question wherever it falls, are answered before the reload.
    before_reload = [i for i in range(count) if i < half or kinds[i] == "sequencing"]
    sequencing = [i for i in before_reload if kinds[i] == "sequencing"]
    assert sequencing, kinds  # the demo assessment always asks one
    presented, shown = {}, {}
    for i in before_reload:
        if i in sequencing:
            presented[i] = positions(questions.nth(i))
        answer_question(questions.nth(i))
        if i in sequencing:
            shown[i] = positions(questions.nth(i))
            assert shown[i] != presented[i]  # a real change, so a forgotten answer cannot look saved
            assert sorted(shown[i].values(), key=int) == [str(n) for n in range(1, len(shown[i]) + 1)]
    expect(page.locator("#save-status")).to_contain_text("All answers saved", timeout=10_000)

    # Reload: every answer given is still there.
    attempt = Attempt.objects.get(learner__username="employee")
    saved_before = saved_answers(page, attempt, len(before_reload))
    assert len(saved_before) == len(before_reload)
    for i in sequencing:
        # What was saved is the order on the page: steps sorted by the position chosen for each.
        qid = questions.nth(i).get_attribute("data-question")
        order = sorted(shown[i], key=lambda name: int(shown[i][name]))
        assert [f"q-{qid}-pos-{step}" for step in saved_before[qid]] == order
    page.reload()
    for i in before_reload:
        item = questions.nth(i)
        kind = item.get_attribute("data-type")
        if kind in ("single_choice", "true_false", "judgement"):
            expect(item.locator("input[type=radio]:checked")).to_have_count(1)
        elif kind == "multiple_response":
            expect(item.locator("input[type=checkbox]:checked")).to_have_count(1)
        elif kind == "written":
            expect(item.locator("textarea")).to_have_value(re.compile("Mrs Okafor"))
        elif kind == "sequencing":
            # The saved order is what is shown: each step's select holds the position it was given.
            for name, position in shown[i].items():
                expect(item.locator(f"select[name='{name}']")).to_have_value(position)
            assert positions(item) == shown[i]
    for i in range(count):
        if i not in before_reload:
            answer_question(questions.nth(i))
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name=re.compile("waiting for your team leader"))).to_be_visible()
    expect(page.locator("#verdicts")).to_be_visible()
    expect(page.get_by_role("table", name="Scores by skill")).to_be_visible()

    # The leader (certified in Active listening) grades the reply and signs off the observation.
    page.get_by_role("button", name=re.compile("Sign out")).click()
    sign_in("leader")
    page.get_by_role("link", name="Reviews").click()
    page.get_by_role("link", name=re.compile(r"^Grade")).click()
    expect(page.locator("#learner-reply")).to_contain_text("Mrs Okafor")
    for field in page.locator("input[type=number]").all():
        field.fill(field.get_attribute("max"))
    page.get_by_label("Comment for the learner").fill("Warm and specific, and you gave a time. Well done.")
    page.get_by_role("button", name="Save grade").click()
    expect(page.get_by_role("status").first).to_contain_text("Graded")
    page.get_by_role("link", name=re.compile(r"^Sign off")).click()
    for box in page.locator("input[name=items]").all():
        box.check()
    page.get_by_label("Note (what you watched, and when)").fill("Role-played a billing complaint on Tuesday.")
    page.get_by_role("button", name="Sign off ticked items").click()
    expect(page.get_by_text("Nothing is waiting")).to_be_visible()

    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.GRADED
    assert attempt.skill_score is not None and attempt.awareness_score is not None
    assert not attempt.reviews.filter(state="pending").exists()
