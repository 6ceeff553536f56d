"""Each kind of notification reaches the right person, with the right link, in the app and by email."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from certificates import services as cert_services
from certificates.models import Certificate, ExpiryReminder
from certificates.reminders import (
    send_due_soon_notices,
    send_expiry_reminders,
    send_leader_digests,
    send_overdue_notices,
)
from courses import services as course_services
from courses.models import Enrolment
from lms.core.exceptions import Forbidden
from lms.core.models import Notification
from quizzes import services as quiz_services
from quizzes.models import Attempt, Review
from tests.factories import CoursePageFactory
from tests.fixtures.assessments import finish_modules, pass_assessment

pytestmark = pytest.mark.django_db

BASE = "http://testserver"  # WAGTAILADMIN_BASE_URL in the test settings: the public base of every link


def only(**filters) -> Notification:
    return Notification.objects.get(**filters)


def email_to(mailoutbox, address):
    [message] = [m for m in mailoutbox if m.to == [address]]
    return message


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def test_an_assignment_tells_the_learner_who_assigned_what_and_by_when(
    org, ann, course, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = course_services.assign(
            course=course, learner=ann, assigned_by=org.lead, due_date=datetime.date(2099, 6, 30)
        )
    note = only(kind="assigned")
    assert note.recipient == ann and note.link == course.url == "/active-listening/"
    assert note.subject == "New training for you: “Active listening” (due 30 June 2099)"
    assert note.text == "Liam Lead has assigned you “Active listening”, due by 30 June 2099."
    assert note.occasion == f"enrolment:{enrolment.pk}:due:2099-06-30"
    message = email_to(mailoutbox, "ann@example.com")
    assert message.subject == note.subject
    assert (
        "Liam Lead has asked you to take “Active listening” and to finish it by 30 June 2099" in message.body
    )
    assert f"{BASE}/active-listening/" in message.body
    assert f'href="{BASE}/active-listening/"' in html_of(message)
    assert "Start the course" in html_of(message)
    note.refresh_from_db()
    assert note.email_state == "sent" and note.attempts == 1 and note.sent_at and note.email_to == ann.email

    # The same assignment again tells nobody anything new; a new due date does.
    course_services.assign(
        course=course, learner=ann, assigned_by=org.lead, due_date=datetime.date(2099, 6, 30)
    )
    assert Notification.objects.filter(kind="assigned").count() == 1
    course_services.assign(
        course=course, learner=ann, assigned_by=org.lead, due_date=datetime.date(2099, 7, 31)
    )
    assert Notification.objects.filter(kind="assigned").count() == 2


def test_an_assignment_that_fails_tells_nobody(
    org, ann, course, mailoutbox, django_capture_on_commit_callbacks
):
    bob = org.member(org.line, "bob")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Forbidden, match="cannot assign"):
        course_services.assign_many(
            course=course, learners=[ann, bob], assigned_by=org.lead, due_date=datetime.date(2099, 1, 1)
        )
    assert not Notification.objects.exists() and not mailoutbox


def test_a_certificate_issued_links_its_page_and_pdf(
    ann, course, auto_assessment, mailoutbox, django_capture_on_commit_callbacks
):
    enrolment = Enrolment.objects.create(user=ann, course=course)
    finish_modules(ann, course, enrolment)
    with django_capture_on_commit_callbacks(execute=True):
        pass_assessment(ann, course)
    certificate = Certificate.objects.get(holder=ann)
    note = only(kind="certificate_issued")
    assert note.recipient == ann
    assert note.link == f"/training/certificates/{certificate.pk}/?issued=1"
    assert note.context["pdf_link"] == f"/training/certificates/{certificate.pk}/pdf/"
    assert note.subject == "Your certificate in “Active listening” is ready"
    message = email_to(mailoutbox, ann.email)
    assert f"{BASE}/training/certificates/{certificate.pk}/pdf/" in message.body
    html = html_of(message)
    assert f'href="{BASE}/training/certificates/{certificate.pk}/?issued=1"' in html
    assert f'href="{BASE}/training/certificates/{certificate.pk}/pdf/"' in html
    # My training shows the moment, wherever the holder was when it happened.
    client = Client()
    client.force_login(ann)
    assert "Your certificate in “Active listening” is ready" in client.get("/training/").content.decode()


def test_grading_and_sign_off_tell_the_learner(
    org, ann, awaiting_review, mailoutbox, django_capture_on_commit_callbacks
):
    attempt = awaiting_review
    written = attempt.reviews.get(kind=Review.Kind.WRITTEN)
    observation = attempt.reviews.get(kind=Review.Kind.OBSERVATION)
    rubric = quiz_services.question_of(written)["rubric"]
    with django_capture_on_commit_callbacks(execute=True):
        quiz_services.grade_written(
            reviewer=org.lead,
            review_id=written.pk,
            marks={rubric[0]["id"]: 2, rubric[1]["id"]: 1},
            comment="Warm, but say sorry for the delay itself.",
        )
    graded = only(kind="reviewed", occasion=f"review:{written.pk}")
    assert graded.recipient == ann and graded.link == f"/training/attempts/{attempt.pk}/"
    assert graded.subject == "Liam Lead has graded your reply in “Active listening”"
    assert "3 of 4 points" in graded.text and "say sorry for the delay itself" in graded.text
    assert graded.context["finished"] is False
    assert "3 of 4 points" in email_to(mailoutbox, ann.email).body

    items = [i["id"] for i in attempt.snapshot["observation"]]
    with django_capture_on_commit_callbacks(execute=True):
        quiz_services.sign_off(reviewer=org.lead, review_id=observation.pk, items=items[:1], note="Live call")
    assert not Notification.objects.filter(occasion=f"review:{observation.pk}").exists()  # not done yet
    with django_capture_on_commit_callbacks(execute=True):
        quiz_services.sign_off(reviewer=org.lead, review_id=observation.pk, items=items[1:], note="Role-play")
    signed = only(kind="reviewed", occasion=f"review:{observation.pk}")
    assert signed.recipient == ann and signed.link == f"/training/attempts/{attempt.pk}/"
    assert signed.context["finished"] is True
    assert signed.context["behaviours"] == ["Let the customer finish", "Apologised for the specific problem"]
    assert Attempt.objects.get(pk=attempt.pk).state == Attempt.State.GRADED
    assert "your result is ready" in [m for m in mailoutbox if "signed off" in m.subject][0].body
    assert not Notification.objects.filter(recipient=org.lead, kind="reviewed").exists()


def test_expiry_reminders_go_to_holder_and_leader_at_each_threshold_once(
    org, ann, course, mailoutbox, django_capture_on_commit_callbacks
):
    refresher = CoursePageFactory(parent=course.get_parent(), title="Listening refresher", renews=course)
    certificate = cert_services.issue(holder=ann, course=course, issued_on=datetime.date(2026, 1, 10))
    assert certificate.expires_on == datetime.date(2027, 1, 10)
    with freeze_time("2026-11-05"):  # 66 days left: nothing yet
        assert send_expiry_reminders() == 0
    with freeze_time("2026-11-12"), django_capture_on_commit_callbacks(execute=True):  # 59 days left
        assert send_expiry_reminders() == 1
        assert send_expiry_reminders() == 0
    holder_note = only(kind="expiring")
    assert holder_note.recipient == ann and holder_note.link == refresher.url
    assert holder_note.subject == "Your “Active listening” certificate expires on 10 January 2027"
    assert "The short refresher “Listening refresher” renews it." in holder_note.text
    leader_note = only(kind="team_expiring")
    assert leader_note.recipient == org.lead and leader_note.link == f"/training/team/members/{ann.pk}/"
    assert sorted(m.to[0] for m in mailoutbox) == [ann.email, org.lead.email]
    assert ExpiryReminder.objects.get().recipients == [ann.email, org.lead.email]
    with freeze_time("2027-01-05"), django_capture_on_commit_callbacks(execute=True):  # 5 days: the 7-day one
        assert send_expiry_reminders() == 1
    assert sorted(ExpiryReminder.objects.values_list("days_before", flat=True)) == [7, 60]
    assert Notification.objects.filter(kind="expiring").count() == 2
    assert len(mailoutbox) == 4


@pytest.fixture
def assignments(org, ann, course, catalogue):
    """Ann has "Active listening" due on 20 March 2026 and "Refunds" due on 1 March 2026 (assigned long
    before, in January), and nothing else."""
    refunds = CoursePageFactory(parent=catalogue, title="Refunds", slug="refunds")
    with freeze_time("2026-01-05"):
        listening = course_services.assign(
            course=course, learner=ann, assigned_by=org.lead, due_date=datetime.date(2026, 3, 20)
        )
        late = course_services.assign(
            course=refunds, learner=ann, assigned_by=org.lead, due_date=datetime.date(2026, 3, 1)
        )
    return listening, late


def test_due_soon_a_week_ahead_and_overdue_the_day_after(ann, course, assignments):
    listening, refunds = assignments
    with freeze_time("2026-02-20"):  # Refunds due in 9 days: too early
        assert send_due_soon_notices() == 0
    with freeze_time("2026-02-22"):  # due in 7 days
        assert send_due_soon_notices() == 1
        assert send_due_soon_notices() == 0
    due = only(kind="due_soon")
    assert due.recipient == ann and due.link == "/refunds/"
    assert due.subject == "“Refunds” is due in 7 days"
    assert "Next: Start." in due.text
    with freeze_time("2026-03-01"):  # due today: not overdue yet
        assert send_overdue_notices() == 0
    with freeze_time("2026-03-02"):
        assert send_overdue_notices() == 1
        assert send_overdue_notices() == 0
    overdue = only(kind="overdue")
    assert overdue.recipient == ann and overdue.link == "/refunds/"
    assert overdue.subject == "“Refunds” is overdue"
    assert "was due on 1 March 2026" in overdue.text
    assert overdue.occasion == f"enrolment:{refunds.pk}:due:2026-03-01"


def test_no_due_or_overdue_notice_once_certified(ann, course, assignments):
    listening, _ = assignments
    cert_services.issue(holder=ann, course=course, issued_on=datetime.date(2026, 3, 1))
    with freeze_time("2026-03-14"):
        send_due_soon_notices()
    with freeze_time("2026-03-22"):
        send_overdue_notices()
    assert not Notification.objects.filter(occasion__startswith=f"enrolment:{listening.pk}:").exclude(
        kind="assigned"
    )


def test_an_assignment_inside_the_week_is_not_followed_by_a_due_soon_notice(org, ann, course):
    with freeze_time("2026-03-10"):
        course_services.assign(
            course=course, learner=ann, assigned_by=org.lead, due_date=datetime.date(2026, 3, 14)
        )
    with freeze_time("2026-03-11"):
        assert send_due_soon_notices() == 0
    assert not Notification.objects.filter(kind="due_soon").exists()


def test_leaders_get_a_digest_only_when_there_is_something_to_do(
    org, ann, course, catalogue, awaiting_review, mailoutbox, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    refunds = CoursePageFactory(parent=catalogue, title="Refunds", slug="refunds")
    Enrolment.objects.create(
        user=ann, course=refunds, source="assigned", due_date=today - datetime.timedelta(days=40)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert send_leader_digests(today) == 2  # Liam (Desk) and Grace, who leads the service above it
        assert send_leader_digests(today) == 0
    liam = only(kind="leader_digest", recipient=org.lead)
    assert liam.subject == "Your team today: 2 reviews waiting for you and 1 person overdue"
    assert liam.link == "/training/reviews/"
    assert liam.occasion == f"digest:{today.isoformat()}"
    assert [row["person"] for row in liam.context["reviews"]] == ["Ann Owner", "Ann Owner"]
    due = (today - datetime.timedelta(days=40)).strftime("%-d %b %Y")
    assert liam.context["overdue"] == [
        {"person": "Ann Owner", "course": "Refunds", "due": due, "state": "Not started"}
    ]
    grace = only(kind="leader_digest", recipient=org.head)
    assert grace.subject == "Your team today: 1 person overdue"  # she may not review: not certified
    assert grace.link == "/training/team/"
    # Priya leads Line, where nobody waits and nobody is late: no message at all.
    assert not Notification.objects.filter(recipient=org.other_lead).exists()
    message = email_to(mailoutbox, org.lead.email)
    assert f"Ann Owner: “Refunds”, due {due}" in message.body
    assert f"{BASE}/training/reviews/" in html_of(message)
    # Ann gets no overdue notice of her own for a date this old; her leaders' digests list it.
    send_overdue_notices(today)
    assert not Notification.objects.filter(kind="overdue").exists()
