import pytest
from django.utils import timezone

from certificates.services import issue
from lms.core.exceptions import Conflict, Forbidden, LMSError, NotFound
from lms.core.models import AuditEvent
from quizzes import selectors, services
from quizzes.models import Attempt, Review
from quizzes.questions import build_snapshot
from tests.factories import ProfileFactory, TeamFactory, UserFactory
from tests.quizzes.conftest import best_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(learner):
    head = UserFactory(username="head")
    top = TeamFactory(name="Service", leader=head)
    leader = UserFactory(username="lead")
    team = TeamFactory(name="Desk", leader=leader, parent=top)
    ProfileFactory(user=learner, team=team)
    ProfileFactory(user=leader, team=team)
    other_leader = UserFactory(username="otherlead")
    TeamFactory(name="Line", leader=other_leader, parent=top)
    return {"head": head, "leader": leader, "other_leader": other_leader}


@pytest.fixture
def submitted(assessment, enrolled, learner, course):
    attempt, _ = services.start_attempt(user=learner, course=course)
    services.save_answers(user=learner, attempt_id=attempt.pk, answers=best_answers(attempt))
    return services.submit(user=learner, attempt_id=attempt.pk)


def reviews_of(attempt):
    written = attempt.reviews.get(kind=Review.Kind.WRITTEN)
    observation = attempt.reviews.get(kind=Review.Kind.OBSERVATION)
    return written, observation


def full_marks(review):
    question = services.question_of(review)
    return {c["id"]: c["points"] for c in question["rubric"]}


def test_certified_leader_grades_and_signs_off_then_the_attempt_is_graded(org, submitted, course):
    leader = org["leader"]
    issue(holder=leader, course=course)
    assert [r.pk for r in selectors.review_queue(user=leader)] == list(
        submitted.reviews.order_by("created_at").values_list("pk", flat=True)
    )
    written, observation = reviews_of(submitted)
    services.grade_written(
        reviewer=leader, review_id=written.pk, marks=full_marks(written), comment="Warm, clear."
    )
    submitted.refresh_from_db()
    assert submitted.state == Attempt.State.AWAITING_REVIEW  # the observation is still to come
    items = [i["id"] for i in submitted.snapshot["observation"]]
    services.sign_off(reviewer=leader, review_id=observation.pk, items=items[:1], note="Seen on a live call")
    observation.refresh_from_db()
    assert observation.state == Review.State.PENDING
    services.sign_off(reviewer=leader, review_id=observation.pk, items=items[1:], note="Role-play")
    submitted.refresh_from_db()
    assert submitted.state == Attempt.State.GRADED
    assert submitted.passed and submitted.skill_score == 100
    verbs = list(AuditEvent.objects.filter(subject=submitted.learner).values_list("verb", flat=True))
    assert sorted(verbs) == ["review.grade", "review.sign_off", "review.sign_off"]
    assert selectors.review_queue(user=leader) == []


def test_leader_without_a_valid_certificate_is_refused(org, submitted, course):
    written, _ = reviews_of(submitted)
    assert selectors.review_queue(user=org["leader"]) == []
    with pytest.raises(Forbidden) as error:
        services.grade_written(
            reviewer=org["leader"], review_id=written.pk, marks=full_marks(written), comment="x"
        )
    assert error.value.code == "not_certified"
    # An expired certificate does not count either.
    import datetime

    issue(holder=org["leader"], course=course, issued_on=datetime.date(2000, 1, 1))
    with pytest.raises(Forbidden):
        services.grade_written(
            reviewer=org["leader"], review_id=written.pk, marks=full_marks(written), comment="x"
        )
    written.refresh_from_db()
    assert written.state == Review.State.PENDING


def test_nobody_grades_their_own_work(org, course, assessment):
    from courses.models import Enrolment

    leader = org["leader"]
    issue(holder=leader, course=course)
    Enrolment.objects.create(user=leader, course=course)
    # The leader sits the assessment themselves: their own attempt is never theirs to grade.
    own = Attempt.objects.create(
        learner=leader,
        assessment=assessment,
        course=course,
        number=1,
        seed=1,
        snapshot=build_snapshot(assessment, seed=1),
        started_at=timezone.now(),
    )
    services.submit(user=leader, attempt_id=own.pk)
    written = own.reviews.get(kind=Review.Kind.WRITTEN)
    with pytest.raises(Forbidden) as error:
        services.grade_written(reviewer=leader, review_id=written.pk, marks=full_marks(written), comment="me")
    assert error.value.code == "own_work"
    assert written not in selectors.review_queue(user=leader)


def test_other_teams_leader_cannot_see_or_grade(org, submitted, course):
    other = org["other_leader"]
    issue(holder=other, course=course)
    written, _ = reviews_of(submitted)
    assert selectors.review_queue(user=other) == []
    with pytest.raises(NotFound):
        services.grade_written(reviewer=other, review_id=written.pk, marks=full_marks(written), comment="x")


def test_leader_above_the_team_may_review(org, submitted, course):
    issue(holder=org["head"], course=course)
    written, _ = reviews_of(submitted)
    assert written in selectors.review_queue(user=org["head"])
    services.grade_written(
        reviewer=org["head"], review_id=written.pk, marks=full_marks(written), comment="Good"
    )


def test_bad_marks_are_refused_with_every_problem_named(org, submitted, course):
    leader = org["leader"]
    issue(holder=leader, course=course)
    written, _ = reviews_of(submitted)
    question = services.question_of(written)
    first, second = question["rubric"]
    with pytest.raises(LMSError) as error:
        services.grade_written(
            reviewer=leader, review_id=written.pk, marks={first["id"]: 99, "zzz": 1}, comment=""
        )
    message = error.value.message
    assert f"“{second['criterion']}” needs a mark" in message
    assert "“zzz” is not a criterion" in message
    assert "whole number from 0 to 2" in message
    assert "add a comment" in message
    written.refresh_from_db()
    assert written.state == Review.State.PENDING
    services.grade_written(reviewer=leader, review_id=written.pk, marks=full_marks(written), comment="Fine")
    with pytest.raises(Conflict):
        services.grade_written(
            reviewer=leader, review_id=written.pk, marks=full_marks(written), comment="Again"
        )


def test_partial_rubric_marks_feed_the_skill_score(org, submitted, course):
    leader = org["leader"]
    issue(holder=leader, course=course)
    written, observation = reviews_of(submitted)
    marks = dict.fromkeys(full_marks(written), 0)
    services.grade_written(
        reviewer=leader, review_id=written.pk, marks=marks, comment="Try naming the problem."
    )
    items = [i["id"] for i in submitted.snapshot["observation"]]
    services.sign_off(reviewer=leader, review_id=observation.pk, items=items)
    submitted.refresh_from_db()
    # Skill questions: judgement 1 + sequencing 1 + written 0 of 2 points = 50%.
    assert submitted.skill_score == 50
    assert submitted.passed is False


def test_unknown_observation_items_change_nothing(org, submitted, course):
    leader = org["leader"]
    issue(holder=leader, course=course)
    _, observation = reviews_of(submitted)
    with pytest.raises(LMSError) as error:
        services.sign_off(reviewer=leader, review_id=observation.pk, items=["nope"])
    assert error.value.code == "invalid_items"
    observation.refresh_from_db()
    assert observation.marks == {}
