"""The core journey in a real browser: the assessment opens after the modules and ends in the certificate
moment; a leader sees who waits for them; HR revokes from the register; an author previews live."""

import re

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from certificates.models import Certificate
from courses import services as course_services
from courses.models import CoursePage, ModulePage
from quizzes import services as quiz_services
from quizzes.models import Attempt, Review
from tests.fixtures.assessments import best_answers, finish_modules


def test_employee_takes_the_assessment_only_after_the_modules_and_sees_the_certificate_moment(
    demo, page, live_server, sign_in
):
    User = get_user_model()
    employee, leader = User.objects.get(username="employee"), User.objects.get(username="leader")
    course = CoursePage.objects.get(slug="active-listening")
    enrolment = course_services.enrol(user=employee, course=course)
    sign_in("employee")
    page.goto(f"{live_server.url}{course.url}")
    assessment = page.get_by_role("region", name="Assessment")
    expect(assessment).to_contain_text("opens once you have finished the required modules")
    expect(assessment.get_by_role("link", name="Go to the assessment")).to_have_count(0)

    finish_modules(employee, course, enrolment)
    page.reload()
    expect(page.locator(".next-step__what").first).to_have_text("Take the assessment.")
    page.get_by_role("region", name="Assessment").get_by_role("link", name="Go to the assessment").click()
    page.get_by_role("button", name="Start the assessment").click()
    expect(page.locator("#attempt-form")).to_be_visible()
    attempt = Attempt.objects.get(learner=employee, course=course)
    quiz_services.save_answers(user=employee, attempt_id=attempt.pk, answers=best_answers(attempt))
    page.reload()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#submit-attempt").click()
    expect(page.get_by_text(re.compile(r"review of 2 items"))).to_be_visible()

    attempt.refresh_from_db()
    for review in attempt.reviews.all():
        if review.kind == Review.Kind.WRITTEN:
            rubric = quiz_services.question_of(review)["rubric"]
            marks = {c["id"]: c["points"] for c in rubric}
            quiz_services.grade_written(
                reviewer=leader, review_id=review.pk, marks=marks, comment="Warm, clear."
            )
        else:
            items = [i["id"] for i in attempt.snapshot["observation"]]
            quiz_services.sign_off(reviewer=leader, review_id=review.pk, items=items, note="Role-play")
    certificate = Certificate.objects.get(holder=employee, course=course)
    page.goto(f"{live_server.url}/training/")
    expect(page.locator(f'[data-course="{course.slug}"]').first).to_contain_text("Certified until")
    page.goto(f"{live_server.url}/training/certificates/{certificate.pk}/?issued=1")
    expect(page.get_by_role("heading", name=re.compile("Congratulations"))).to_be_visible()
    expect(page.get_by_role("link", name="Download your certificate (PDF)")).to_be_visible()


def test_leader_sees_on_his_home_who_waits_for_him(demo, page, live_server, sign_in):
    sign_in("leader")
    call = page.locator(".leaders-first-call").first
    expect(call).to_contain_text(
        re.compile(r"\d+ people in your team are waiting for you to be certified in")
    )
    title = re.search(r"certified in “([^”]+)”", call.inner_text()).group(1)
    course = CoursePage.objects.get(title=title)
    call.get_by_role("link", name=re.compile("^Start")).click()
    expect(page).to_have_url(f"{live_server.url}{course.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_hr_revokes_a_certificate_from_the_register(demo, page, live_server, sign_in):
    certificate = Certificate.objects.filter(holder__username="zoe").first()
    assert certificate is not None and certificate.status == "valid"
    sign_in("hr")
    page.goto(f"{live_server.url}/training/register/?q=Bront")
    page.get_by_role("link", name=re.compile(f"Revoke or correct.*{certificate.course_title}")).first.click()
    manage = page.get_by_role("region", name="Revoke or correct")
    manage.get_by_label("Why it is revoked (kept with the record)").fill(
        "Issued before the observation was done"
    )
    manage.get_by_label(re.compile("Yes, revoke this certificate")).check()
    manage.get_by_role("button", name="Revoke the certificate").click()
    expect(page.get_by_text("Certificate revoked.")).to_be_visible()
    certificate.refresh_from_db()
    assert certificate.status == "revoked" and certificate.revoked_reason.startswith("Issued before")
    page.goto(f"{live_server.url}/verify/{certificate.code}/")
    expect(page.locator("#verify-status")).to_contain_text("Revoked")


def test_author_previews_a_module_live_in_the_admin(demo, page, live_server, sign_in):
    module = ModulePage.objects.live().first()
    sign_in("author")
    page.goto(f"{live_server.url}/admin/pages/{module.pk}/edit/")
    page.locator("button[data-side-panel-toggle='preview']").first.click()
    preview = page.frame_locator("iframe[title]").first
    expect(preview.get_by_role("heading", name=module.title)).to_be_visible(timeout=20_000)
