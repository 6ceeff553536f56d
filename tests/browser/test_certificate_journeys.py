import io
import re
import zipfile

from playwright.sync_api import expect
from pypdf import PdfReader

from certificates.models import Certificate, CertificateExport
from courses import services as course_services
from courses.models import CoursePage
from quizzes import services as quiz_services
from quizzes.models import Review
from tests.fixtures.assessments import finish_modules, pass_assessment


def prepare_employee_for_last_module(username="employee", slug="active-listening"):
    """Everything but the last module: enrolled, modules 1..n-1 done, assessment passed and reviewed."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=username)
    leader = get_user_model().objects.get(username="leader")
    course = CoursePage.objects.get(slug=slug)
    course.assessment_opens_early = True  # the assessment before the last module, as the course allows
    course.save()
    enrolment = course_services.enrol(user=user, course=course)
    modules = list(course.modules())
    finish_modules(user, course, enrolment, modules[:-1])
    attempt = pass_assessment(user, course)
    for review in attempt.reviews.all():
        if review.kind == Review.Kind.WRITTEN:
            question = quiz_services.question_of(review)
            marks = {c["id"]: c["points"] for c in question["rubric"]}
            quiz_services.grade_written(
                reviewer=leader, review_id=review.pk, marks=marks, comment="Good reply."
            )
        else:
            items = [i["id"] for i in attempt.snapshot["observation"]]
            quiz_services.sign_off(reviewer=leader, review_id=review.pk, items=items, note="Role-play")
    return course, modules[-1]


def test_employee_finishes_downloads_pdf_and_verifies_it(demo, page, live_server, sign_in, settings):
    settings.LMS_PUBLIC_BASE_URL = live_server.url
    course, last = prepare_employee_for_last_module()
    assert not Certificate.objects.filter(holder__username="employee", course=course).exists()

    sign_in("employee")
    page.goto(f"{live_server.url}{last.url}")
    page.get_by_role("button", name="Mark as complete and continue").click()
    # The last module was the last requirement: the learner lands on their new certificate.
    record = page.get_by_role("region", name="The certificate")
    expect(record).to_be_visible()
    expect(record.locator("#certificate-status")).to_have_text("Valid")
    expect(record).to_contain_text("Emma Clarke")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"^Download (your certificate \(PDF\)|the PDF)$")).click()
    pdf = download_info.value.path().read_bytes()
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    certificate = Certificate.objects.get(holder__username="employee", course=course)
    assert "Emma Clarke" in text and "Active listening" in text and certificate.code in text

    verify_url = re.search(r"https?://\S+/verify/\S+/", text.replace("\n", "")).group(0)
    assert verify_url == f"{live_server.url}/verify/{certificate.code}/"
    page.goto(verify_url)
    expect(page.locator("#verify-status")).to_contain_text("Valid")
    expect(page.get_by_text("Emma Clarke")).to_be_visible()


def test_hr_filters_the_register_and_downloads_a_zip(demo, page, live_server, sign_in):
    sign_in("hr")
    page.get_by_role("link", name="Certificates").click()
    page.get_by_label("Team (and teams below)").select_option(label="Front Desk")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#result-count")).to_contain_text("certificate")
    holders = (
        page.get_by_role("table", name="Certificates").locator("tbody tr td:first-child").all_inner_texts()
    )
    # Front Desk only: its leader and the advisers who passed; not Support Line's leader (Priya Raman).
    assert set(holders) == {"Liam O'Connell", "Zoë Brontë", "Emma Clarke"}
    page.get_by_role("button", name=re.compile("as ZIP")).click()
    expect(page.locator("#export-state")).to_contain_text("Ready", timeout=60_000)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the ZIP").click()
    archive = zipfile.ZipFile(download_info.value.path())
    pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
    assert len(pdfs) == len(holders)
    assert "register.csv" in archive.namelist()
    assert CertificateExport.objects.get().requested_by.username == "hr"
