"""Every page of the product, as each role, checked with axe-core in Debian's Chromium at a desktop and a
phone size: no violation of impact serious or critical, and on a phone nothing scrolls sideways except a
wide table inside its own scroll box."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model

from certificates import services as certificate_services
from certificates.models import Certificate
from courses import services as course_services
from courses.models import CoursePage
from quizzes import services as quiz_services
from quizzes.models import Review
from tests.fixtures.assessments import best_answers, finish_modules

from .conftest import DESKTOP, PHONE

BLOCKING = {"serious", "critical"}


def grade_everything(*, reviewer, attempt):
    for review in attempt.reviews.all():
        if review.kind == Review.Kind.WRITTEN:
            rubric = quiz_services.question_of(review)["rubric"]
            marks = {c["id"]: c["points"] for c in rubric}
            quiz_services.grade_written(reviewer=reviewer, review_id=review.pk, marks=marks, comment="Clear.")
        else:
            items = [i["id"] for i in attempt.snapshot["observation"]]
            quiz_services.sign_off(reviewer=reviewer, review_id=review.pk, items=items, note="Role-play")


def take_assessment(*, user, slug):
    course = CoursePage.objects.get(slug=slug)
    enrolment = course_services.enrol(user=user, course=course)
    finish_modules(user, course, enrolment)
    attempt, _ = quiz_services.start_attempt(user=user, course=course)
    return course, attempt


def pages_to_check():
    """On top of the demo: Emma mid-attempt in Active listening (some answers saved) and certified in
    Knowing our policies; José's Acknowledgement attempt waiting for his leader's two reviews."""
    User = get_user_model()
    employee, leader, jose = (User.objects.get(username=u) for u in ("employee", "leader", "jose"))

    course, open_attempt = take_assessment(user=employee, slug="active-listening")
    answers = best_answers(open_attempt)
    half = dict(list(answers.items())[: len(answers) // 2])
    quiz_services.save_answers(user=employee, attempt_id=open_attempt.pk, answers=half)
    module = course.modules()[0]

    _, passed = take_assessment(user=employee, slug="knowing-our-policies")
    quiz_services.save_answers(user=employee, attempt_id=passed.pk, answers=best_answers(passed))
    passed = quiz_services.submit(user=employee, attempt_id=passed.pk)
    grade_everything(reviewer=leader, attempt=passed)
    certificate = Certificate.objects.get(holder=employee, course__slug="knowing-our-policies")

    _, waiting = take_assessment(user=jose, slug="acknowledgement-and-apology")
    quiz_services.save_answers(user=jose, attempt_id=waiting.pk, answers=best_answers(waiting))
    waiting = quiz_services.submit(user=jose, attempt_id=waiting.pk)
    written = waiting.reviews.get(kind=Review.Kind.WRITTEN)
    observation = waiting.reviews.exclude(kind=Review.Kind.WRITTEN).get()

    hr = User.objects.get(username="hr")
    export = certificate_services.request_export(user=hr, filters={"q": "Bront"})
    assessment = quiz_services.assessment_for(course)
    from courses.models.snippets import PolicyVersion

    refunds = PolicyVersion.objects.filter(policy__slug="refunds").order_by("-version").first()

    return {
        None: [
            ("sign in", "/login/"),
            ("verify form", "/verify/"),
            ("verify result", f"/verify/{certificate.code}/"),
        ],
        "employee": [
            ("My training", "/training/"),
            ("catalogue", "/"),
            ("course page", course.url),
            ("module page", module.url),
            ("attempt page mid-attempt", f"/training/attempts/{open_attempt.pk}/"),
            ("result page", f"/training/attempts/{passed.pk}/"),
            ("certificate page", f"/training/certificates/{certificate.pk}/?issued=1"),
            ("notifications", "/training/notifications/"),
            ("notification settings", "/training/settings/notifications/"),
            ("policy page", "/training/policies/refunds/"),
            ("policy updates", "/training/policy-updates/"),
            ("policy questions", "/training/policy-questions/"),
            ("boosters", "/training/boosters/"),
            ("course feedback form", f"/training/feedback/{certificate.course_id}/"),
            ("a refusal (403)", "/training/team/", 403),
            ("a missing page (404)", "/no-such-page/", 404),
        ],
        "leader": [
            ("team view", "/training/team/"),
            ("member page", f"/training/team/members/{jose.pk}/"),
            ("assign a course", f"/training/courses/{course.pk}/assign/"),
            ("review queue", "/training/reviews/"),
            ("review of a written reply", f"/training/reviews/{written.pk}/"),
            ("observation sign-off", f"/training/reviews/{observation.pk}/"),
            ("a policy update to confirm", f"/training/policy-updates/{refunds.pk}/"),
            ("recall from boosters", "/training/boosters/team/"),
        ],
        "hr": [
            ("organisation", "/training/organisation/"),
            ("cascade", "/training/organisation/cascade/"),
            ("expiries", "/training/organisation/expiring/"),
            ("register", "/training/register/"),
            ("audit trail", "/training/audit/"),
            ("staff import", "/training/staff/import/"),
            ("certificate export", f"/training/exports/{export.pk}/"),
            ("item statistics", "/training/statistics/"),
            ("statistics of one assessment", f"/training/statistics/{assessment.pk}/"),
            ("policy update progress", "/training/policy-updates/progress/"),
            ("policy questions overview", "/training/policy-questions/overview/"),
            ("course feedback", "/training/feedback/"),
        ],
    }


def describe(violations, url):
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({url})")
        for node in v["nodes"][:5]:
            lines.append(f"      at {' '.join(node['target'])}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"         {summary[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"      … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


# Anything wider than the viewport that is not inside a box that scrolls on its own.
OVERFLOW_SCRIPT = """() => {
  const width = window.innerWidth;
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
    if (r.width && r.right > width + 1 && !inScrollBox(el)) {
      const classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/).join('.') : '';
      culprits.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (classes ? '.' + classes : '')
        + ' right=' + Math.round(r.right));
      if (culprits.length >= 5) break;
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits};
}"""


# The smallest text in any chart, in CSS pixels as drawn (an SVG's text scales with the SVG).
CHART_TEXT_SCRIPT = """() => {
  let smallest = null;
  for (const svg of document.querySelectorAll('.chart svg')) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll('text')) {
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (smallest === null || size < smallest) smallest = size;
    }
  }
  return smallest;
}"""
MIN_CHART_TEXT_PX = 12


def sign_in_context(browser, live_server, viewport, username):
    context = browser.new_context(viewport=viewport, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    if username:
        page.goto(f"{live_server.url}/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill("demo1234")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/training/")
    return context, page


def check_pages(browser, live_server, viewport):
    axe = Axe()
    pages = pages_to_check()
    failures, overflows, small_text, checked = [], [], [], 0
    for role, entries in pages.items():
        context, page = sign_in_context(browser, live_server, viewport, role)
        try:
            for name, path, *status in entries:
                url = f"{live_server.url}{path}"
                response = page.goto(url)
                expected = status[0] if status else 200
                assert response is not None and response.status == expected, f"{role or 'anonymous'}: {name}"
                page.wait_for_load_state("load")
                results = axe.run(page)
                blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
                if blocking:
                    failures.append(f"{role or 'anonymous'} — {name}:\n{describe(blocking, path)}")
                if viewport == PHONE:
                    size = page.evaluate(OVERFLOW_SCRIPT)
                    if size["scrollWidth"] > size["innerWidth"]:
                        overflows.append(
                            f"{role or 'anonymous'} — {name} ({path}): document is {size['scrollWidth']}px "
                            f"wide in a {size['innerWidth']}px viewport; sticking out: {size['culprits']}"
                        )
                smallest = page.evaluate(CHART_TEXT_SCRIPT)
                if smallest is not None and smallest < MIN_CHART_TEXT_PX:
                    small_text.append(f"{role} — {name}: chart text is {smallest:.1f}px")
                checked += 1
        finally:
            context.close()
    return checked, failures, overflows, small_text


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop-1280x900", "phone-390x844"])
def test_every_page_as_every_role_has_no_serious_or_critical_axe_violation(
    demo, browser, live_server, viewport
):
    checked, failures, overflows, small_text = check_pages(browser, live_server, viewport)
    assert checked >= 29
    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)
    assert not overflows, "pages scroll sideways on a phone:\n" + "\n".join(overflows)
    assert not small_text, f"chart text under {MIN_CHART_TEXT_PX}px:\n" + "\n".join(small_text)
