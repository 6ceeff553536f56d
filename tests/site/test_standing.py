"""One state and one next step per person and course: My training, the course page, the catalogue API,
the enrolments API, the team matrix and its spreadsheet all say the same thing, at every step of the way
from locked to expired."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone
from freezegun import freeze_time
from rest_framework.test import APIClient

from certificates import services as certificate_services
from certificates.models import Certificate
from certificates.standing import standing_for
from courses import services as course_services
from lms.core.models import Notification
from lms.site.dashboards import build_matrix
from lms.site.exports import matrix_rows
from quizzes import services as quiz_services
from tests.factories import (
    CoursePageFactory,
    ModulePageFactory,
    ProfileFactory,
    SkillFactory,
    TeamFactory,
    UserFactory,
    make_assessment,
    sample_questions,
)
from tests.fixtures.assessments import best_answers


@pytest.fixture
def world(catalogue):
    course = CoursePageFactory(parent=catalogue, title="Calm complaints", slug="calm", leaders_first=True)
    for n in (1, 2):
        ModulePageFactory(parent=course, title=f"Part {n}", slug=f"part-{n}")
    listening = SkillFactory(name="Listening", slug="listening")
    apology = SkillFactory(name="Apology", slug="apology")
    make_assessment(
        course,
        sample_questions(listening, apology),
        observation=[(listening, "Let the customer finish")],
        cooldown_minutes=0,
    )
    head = UserFactory(username="head", first_name="Grace", last_name="Head")
    top = TeamFactory(name="Service", leader=head)
    leader = UserFactory(username="lead", first_name="Liam", last_name="Lead")
    desk = TeamFactory(name="Desk", leader=leader, parent=top)
    ProfileFactory(user=leader, team=desk)
    learner = UserFactory(username="amy", first_name="Amy", last_name="Adviser")
    ProfileFactory(user=learner, team=desk)
    return {"course": course, "leader": leader, "learner": learner, "desk": desk}


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def surfaces(client, world) -> dict[str, tuple[str, str]]:
    """(state, next step) as each screen and export shows it."""
    learner, course = world["learner"], world["course"]
    api = APIClient()
    api.force_authenticate(learner)
    seen = {}
    own = standing_for(learner, course)
    seen["service"] = (own.state, own.next_step)
    listed = api.get(f"/api/v1/courses/{course.pk}/").json()["standing"]
    seen["courses api"] = (listed["state"], listed["next_step"])
    enrolments = [e for e in api.get("/api/v1/enrolments/").json() if e["course"] == course.pk]
    if enrolments:
        seen["enrolments api"] = (enrolments[0]["standing"]["state"], enrolments[0]["standing"]["next_step"])
    client.force_login(learner)
    page = _text(client.get(course.url).content.decode())
    match = re.search(r'data-state="(\w+)".*?next-step__what">([^<]*)<', page)
    seen["course page"] = (match.group(1), match.group(2).strip().replace("&#x27;", "'"))
    training = _text(client.get("/training/").content.decode())
    card = re.search(r'data-course="calm" data-state="(\w+)".*?next-step__what">([^<]*)<', training)
    if card:
        seen["my training"] = (card.group(1), card.group(2).strip().replace("&#x27;", "'"))
    matrix = build_matrix(teams=[world["desk"]], courses=[course])
    (row,) = [r for r in matrix.rows if r.person.user_id == learner.pk]
    seen["team matrix"] = (row.cells[0].state, row.cells[0].next_step)
    headers, rows = matrix_rows(matrix)
    buffer = io.StringIO()
    csv.writer(buffer).writerows([headers, *rows])
    sheet = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    (line,) = [r for r in sheet if r["Person"] == "Amy Adviser"]
    label = {s.label: s.state for s in (row.cells[0],)}
    seen["spreadsheet"] = (label.get(line["State"], line["State"]), line["Next step"])
    return seen


def assert_agree(client, world, state: str, step: str | None = None) -> None:
    seen = surfaces(client, world)
    assert {name: s for name, (s, _) in seen.items()} == dict.fromkeys(seen, state), seen
    steps = {text for _, text in seen.values()}
    assert len(steps) == 1, seen
    if step:
        assert step in steps.pop()


def test_every_screen_shows_the_same_state_and_next_step_from_locked_to_expired(
    client, world, django_capture_on_commit_callbacks
):
    learner, leader, course = world["learner"], world["leader"], world["course"]
    # Assigned while locked: recorded, and every screen says whom they wait for.
    assert course_services.assign_many(course=course, learners=[learner], assigned_by=leader, due_date=None)
    assert_agree(client, world, "locked", "Opens when your team leader, Liam Lead, is certified")

    certificate_services.issue(holder=leader, course=course)
    assert_agree(client, world, "not_started", "Start with “Part 1”")

    enrolment = learner.enrolments.get(course=course)
    first, second = course.modules()
    course_services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=first.pk)
    assert_agree(client, world, "in_progress", "Finish 1 more module, then take the assessment")

    course_services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=second.pk)
    assert_agree(client, world, "assessment", "Take the assessment")

    attempt, _ = quiz_services.start_attempt(user=learner, course=course)
    quiz_services.save_answers(user=learner, attempt_id=attempt.pk, answers=best_answers(attempt))
    quiz_services.submit(user=learner, attempt_id=attempt.pk)
    assert_agree(client, world, "awaiting_review", "review of 2 items")

    with django_capture_on_commit_callbacks(execute=True):  # the certificate is issued once grading commits
        for review in attempt.reviews.all():
            if review.kind == "written":
                question = quiz_services.question_of(review)
                marks = {c["id"]: c["points"] for c in question["rubric"]}
                quiz_services.grade_written(
                    reviewer=leader, review_id=review.pk, marks=marks, comment="Warm."
                )
            else:
                items = [i["id"] for i in attempt.snapshot["observation"]]
                quiz_services.sign_off(reviewer=leader, review_id=review.pk, items=items, note="Seen")
    certificate = Certificate.objects.get(holder=learner, course=course)
    assert_agree(client, world, "certified", "Certified until")
    # The certificate moment reaches the holder even though their leader's grading finished it.
    assert Notification.objects.filter(
        recipient=learner,
        kind="certificate_issued",
        link=f"/training/certificates/{certificate.pk}/?issued=1",
    ).exists()

    with freeze_time(certificate.expires_on - datetime.timedelta(days=10)):
        assert_agree(client, world, "expiring", "Renew by")
    with freeze_time(certificate.expires_on + datetime.timedelta(days=1)):
        assert_agree(client, world, "expired", "ask your team leader how to renew it")
    refresher = CoursePageFactory(parent=world["course"].get_parent(), title="Calm refresher", renews=course)
    with freeze_time(certificate.expires_on + datetime.timedelta(days=1)):
        assert_agree(client, world, "expired", f"take the refresher “{refresher.title}” to renew")


def test_a_failed_attempt_is_never_shown_as_a_finished_course(client, world):
    learner, leader, course = world["learner"], world["leader"], world["course"]
    certificate_services.issue(holder=leader, course=course)
    enrolment = course_services.enrol(user=learner, course=course)
    for module in course.modules():
        course_services.complete_module(user=learner, enrolment_id=enrolment.pk, module_id=module.pk)
    attempt, _ = quiz_services.start_attempt(user=learner, course=course)
    quiz_services.submit(user=learner, attempt_id=attempt.pk)  # nothing answered: a fail
    # The written reply still waits for a leader, so it is awaiting review, then a retry once graded.
    written = attempt.reviews.get(kind="written")
    question = quiz_services.question_of(written)
    quiz_services.grade_written(
        reviewer=leader,
        review_id=written.pk,
        marks={c["id"]: 0 for c in question["rubric"]},
        comment="Try naming the problem first.",
    )
    observation = attempt.reviews.get(kind="observation")
    items = [i["id"] for i in attempt.snapshot["observation"]]
    quiz_services.sign_off(reviewer=leader, review_id=observation.pk, items=items, note="Seen")
    attempt.refresh_from_db()
    assert attempt.passed is False
    assert_agree(client, world, "assessment", "Try the assessment again")


def test_overdue_means_not_yet_certified_on_every_screen(client, world):
    learner, leader, course = world["learner"], world["leader"], world["course"]
    certificate_services.issue(holder=leader, course=course)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with freeze_time(yesterday):
        course_services.assign_many(course=course, learners=[learner], assigned_by=leader, due_date=yesterday)
    assert standing_for(learner, course).overdue
    certificate_services.issue(holder=learner, course=course)
    assert not standing_for(learner, course).overdue
    api = APIClient()
    api.force_authenticate(learner)
    (enrolment,) = api.get("/api/v1/enrolments/").json()
    assert enrolment["overdue"] is False and enrolment["standing"]["state"] == "certified"
