"""Review options (DESIGN §4 rule 7): what a learner sees after an attempt. Scores, pass or fail, the
skills that fell short and their own answers always; the keys and explanations only as the assessment's
options allow, by default after a pass or the last attempt, and the same on the page and in the API."""

import html
import json
import re

import pytest
from freezegun import freeze_time
from rest_framework.test import APIClient

from certificates.services import issue
from quizzes import services
from quizzes.models import Attempt, Review
from quizzes.models.assessment import ReviewTiming
from tests.factories import ProfileFactory, TeamFactory, UserFactory
from tests.quizzes.conftest import best_answers

pytestmark = pytest.mark.django_db

# Every JSON key that carries a key or an explanation.
KEY_FIELDS = (
    "correct",
    "quality",
    "quality_label",
    "correct_options",
    "option_quality",
    "correct_order",
    "rubric",
    "model_answer",
    "credit",
)
EXPLANATIONS = (
    "Advisers may approve up to £50.",
    "Summaries and questions show attention.",
    "A specific apology sounds sincere.",
    "Name, apology, ownership.",
    "Listen before you fix.",
)
MODEL_ANSWER = "I'm sorry your refund is late, Mr Lindqvist..."
RUBRIC_DESCRIPTIONS = ("Names the problem", "Sincere, no blame")
# What the page says only when it shows keys.
PAGE_KEY_MARKS = (
    "Correct</span>",
    "best reply",
    "acceptable",
    "harmful",
    "The right order",
    "Why:",
    "A strong reply",
)


def wrong_answers(attempt) -> dict:
    """A poor response to every question, so the attempt fails."""
    answers = {}
    for q in attempt.snapshot["questions"]:
        if q["type"] in ("single_choice", "true_false"):
            answers[q["id"]] = next(o["id"] for o in q["options"] if not o["correct"])
        elif q["type"] == "multiple_response":
            answers[q["id"]] = [next(o["id"] for o in q["options"] if not o["correct"])]
        elif q["type"] == "judgement":
            answers[q["id"]] = min(q["options"], key=lambda o: o["quality"])["id"]
        elif q["type"] == "sequencing":
            answers[q["id"]] = list(reversed(q["key_order"]))
        elif q["type"] == "written":
            answers[q["id"]] = "Calm down, please."
    return answers


@pytest.fixture
def api(learner):
    client = APIClient()
    client.force_authenticate(learner)
    return client


def sit(api, course, answers_for) -> tuple[Attempt, dict]:
    """Start, answer and submit through the API; the attempt and the submit response's body."""
    body = api.post(f"/api/v1/courses/{course.pk}/attempts/").json()
    attempt = Attempt.objects.get(pk=body["id"])
    api.patch(f"/api/v1/attempts/{attempt.pk}/", {"answers": answers_for(attempt)}, format="json")
    submitted = api.post(f"/api/v1/attempts/{attempt.pk}/submit/")
    assert submitted.status_code == 200
    attempt.refresh_from_db()
    return attempt, submitted.json()


def result_json(api, attempt) -> dict:
    response = api.get(f"/api/v1/attempts/{attempt.pk}/result/")
    assert response.status_code == 200
    return response.json()


def result_page(client, learner, attempt) -> str:
    client.force_login(learner)
    return html.unescape(client.get(f"/training/attempts/{attempt.pk}/").content.decode())


def assert_no_keys_in_json(data: dict, *, explanations_too: bool = True) -> None:
    raw = json.dumps(data)
    for field in KEY_FIELDS:
        assert f'"{field}"' not in raw, field
    if explanations_too:
        assert '"explanation"' not in raw
        for text in (*EXPLANATIONS, MODEL_ANSWER, *RUBRIC_DESCRIPTIONS):
            assert json.dumps(text)[1:-1] not in raw, text


def assert_no_keys_in_page(page: str) -> None:
    for mark in PAGE_KEY_MARKS:
        assert mark not in page, mark
    for text in (*EXPLANATIONS, MODEL_ANSWER, *RUBRIC_DESCRIPTIONS):
        assert text not in page, text


def set_options(assessment, **options) -> None:
    for name, value in options.items():
        setattr(assessment, name, value)
    assessment.save()


def test_keys_are_hidden_after_a_failed_attempt_with_attempts_left(
    api, client, auto_assessment, enrolled, learner, course
):
    attempt, submitted = sit(api, course, wrong_answers)
    assert attempt.passed is False and attempt.number == 1  # two attempts left
    result = result_json(api, attempt)
    for data in (submitted, result):
        assert data["review"]["answers"] is False and data["review"]["explanations"] is False
        assert "once you pass or have used your last attempt" in data["review"]["note"]
        assert_no_keys_in_json(data)
        # What always shows: scores, pass or fail, the skills that fell short in plain words.
        assert data["passed"] is False and data["awareness_score"] is not None
        assert {s["skill"] for s in data["skills"]} == {"Listening", "Apology"}
        assert data["verdicts"]
    # The learner still sees their own responses.
    given = wrong_answers(attempt)
    for question in result["questions"]:
        assert question["response"] == given[question["id"]]
        chosen = {o["id"] for o in question["options"] if o["chosen"]}
        expected = given[question["id"]]
        assert chosen == (set(expected) if isinstance(expected, list) else {expected})
        assert all(set(o) == {"id", "text", "chosen"} for o in question["options"])

    page = result_page(client, learner, attempt)
    assert_no_keys_in_page(page)
    assert "Not passed yet" in page and 'id="verdicts"' in page
    assert "once you pass or have used your last attempt" in page
    single = attempt.snapshot["questions"][0]
    assert f'value="{given[single["id"]]}" checked' in page  # their answer, as they gave it
    inputs = '<fieldset class="answer-view answer-view--result" disabled aria-label="Your answer">'
    assert page.count(inputs) == len(attempt.snapshot["questions"])
    assert not re.search(r"· <strong>\d+%</strong>", page)  # no mark per question either


def test_keys_show_after_a_pass(api, client, auto_assessment, enrolled, learner, course):
    attempt, submitted = sit(api, course, best_answers)
    assert attempt.passed
    for data in (submitted, result_json(api, attempt)):
        assert data["review"] == {"answers": True, "explanations": True, "note": ""}
        raw = json.dumps(data)
        for field in ("correct_options", "option_quality", "correct_order", "credit", "explanation"):
            assert f'"{field}"' in raw
    page = result_page(client, learner, attempt)
    for text in (*EXPLANATIONS, "Correct</span>", "best reply", "The right order"):
        assert text in page


def test_keys_show_after_the_last_attempt(api, client, auto_assessment, enrolled, learner, course):
    set_options(auto_assessment, attempt_limit=2, cooldown_minutes=0)
    first, submitted = sit(api, course, wrong_answers)
    assert_no_keys_in_json(submitted)
    last, submitted = sit(api, course, wrong_answers)
    assert last.number == 2 and last.passed is False
    assert submitted["review"] == {"answers": True, "explanations": True, "note": ""}
    assert '"correct_options"' in json.dumps(submitted)
    # Once no attempt is left, every attempt's result shows them, the first one's too.
    assert result_json(api, first)["review"]["answers"] is True
    page = result_page(client, learner, first)
    assert "Advisers may approve up to £50." in page and "Correct</span>" in page


def test_each_review_option_is_respected_on_its_own(api, client, auto_assessment, enrolled, learner, course):
    set_options(
        auto_assessment,
        cooldown_minutes=0,
        review_answers=ReviewTiming.ALWAYS,
        review_explanations=ReviewTiming.PASS_OR_LAST,
    )
    attempt, submitted = sit(api, course, wrong_answers)
    assert submitted["review"]["answers"] is True and submitted["review"]["explanations"] is False
    assert submitted["review"]["note"].startswith("The explanations appear once you pass")
    raw = json.dumps(submitted)
    assert '"correct_options"' in raw and '"credit"' in raw and '"explanation"' not in raw
    assert all(text not in raw for text in EXPLANATIONS)
    page = result_page(client, learner, attempt)
    assert "Correct</span>" in page and "Why:" not in page
    assert all(text not in page for text in EXPLANATIONS)

    set_options(auto_assessment, review_answers=ReviewTiming.NEVER, review_explanations=ReviewTiming.ALWAYS)
    data = result_json(api, attempt)
    assert data["review"]["answers"] is False and data["review"]["explanations"] is True
    assert "The right answers are not shown for this assessment" in data["review"]["note"]
    assert_no_keys_in_json(data, explanations_too=False)
    assert {q["explanation"] for q in data["questions"]} == set(EXPLANATIONS)
    page = result_page(client, learner, attempt)
    assert "Correct</span>" not in page and "Listen before you fix." in page


def test_never_and_only_after_a_pass(api, client, auto_assessment, enrolled, learner, course):
    set_options(
        auto_assessment,
        attempt_limit=1,
        review_answers=ReviewTiming.PASS,
        review_explanations=ReviewTiming.PASS,
    )
    attempt, submitted = sit(api, course, wrong_answers)  # the last attempt, failed
    assert_no_keys_in_json(submitted)
    assert submitted["review"]["note"] == "The right answers and the explanations appear once you pass."
    assert_no_keys_in_page(result_page(client, learner, attempt))

    set_options(auto_assessment, review_answers=ReviewTiming.NEVER, review_explanations=ReviewTiming.NEVER)
    Attempt.objects.filter(pk=attempt.pk).update(passed=True)  # even a pass shows nothing
    data = result_json(api, attempt)
    assert_no_keys_in_json(data)
    assert "are not shown for this assessment" in data["review"]["note"]


def test_nothing_shows_while_another_attempt_is_open(api, client, auto_assessment, enrolled, learner, course):
    set_options(
        auto_assessment,
        cooldown_minutes=0,
        review_answers=ReviewTiming.ALWAYS,
        review_explanations=ReviewTiming.ALWAYS,
    )
    first, submitted = sit(api, course, wrong_answers)
    assert submitted["review"]["answers"] is True
    api.post(f"/api/v1/courses/{course.pk}/attempts/")  # the second attempt, now open
    data = result_json(api, first)
    assert_no_keys_in_json(data)
    assert "while you have another attempt in progress" in data["review"]["note"]
    assert_no_keys_in_page(result_page(client, learner, first))


def test_a_leaders_marks_and_comment_show_while_the_keys_stay_hidden(
    api, client, assessment, enrolled, learner, course
):
    leader = UserFactory(username="lead")
    ProfileFactory(user=learner, team=TeamFactory(leader=leader))
    issue(holder=leader, course=course)
    attempt, submitted = sit(api, course, wrong_answers)
    written = next(q for q in submitted["questions"] if q["type"] == "written")
    assert written["review"] == {"state": "pending", "marks": {}, "comment": "", "criteria": []}
    assert_no_keys_in_json(submitted)
    assert "Waiting for your team leader to grade it." in result_page(client, learner, attempt)

    review = attempt.reviews.get(kind=Review.Kind.WRITTEN)
    rubric = services.question_of(review)["rubric"]
    services.grade_written(
        reviewer=leader,
        review_id=review.pk,
        marks={rubric[0]["id"]: 1, rubric[1]["id"]: 0},
        comment="Name the refund first.",
    )
    observation = attempt.reviews.get(kind=Review.Kind.OBSERVATION)
    items = [i["id"] for i in attempt.snapshot["observation"]]
    services.sign_off(reviewer=leader, review_id=observation.pk, items=items, note="Seen")
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.GRADED and attempt.passed is False

    data = result_json(api, attempt)
    assert_no_keys_in_json(data)
    written = next(q for q in data["questions"] if q["type"] == "written")
    assert written["response"] == "Calm down, please."
    assert written["review"]["comment"] == "Name the refund first."
    assert [(c["criterion"], c["awarded"], c["points"]) for c in written["review"]["criteria"]] == [
        ("Acknowledges", 1, 2),
        ("Apologises", 0, 2),
    ]
    page = result_page(client, learner, attempt)
    assert_no_keys_in_page(page)
    assert "Your leader says:</strong> Name the refund first." in page
    assert "Acknowledges: 1 of 2" in page and "Calm down, please." in page


def test_the_assessment_page_says_when_the_keys_show(client, auto_assessment, enrolled, learner):
    client.force_login(learner)
    page = html.unescape(client.get(auto_assessment.url).content.decode())
    assert "Right answers and why" in page and "After a pass or the last attempt" in page


# The next step after submitting


def test_after_a_pass_with_modules_left_the_next_step_is_the_modules(
    api, client, auto_assessment, just_enrolled, learner, course
):
    course.assessment_opens_early = True
    course.save()
    attempt, submitted = sit(api, course, best_answers)
    assert attempt.passed
    standing = submitted["standing"]
    assert standing["state"] == "in_progress" and standing["modules_left"] == 3
    assert standing["next_step"] == "Assessment passed: finish 3 more modules for your certificate."
    first_module = course.modules().first()
    assert standing["next_url"] == first_module.url and standing["certificate_url"] is None
    assert result_json(api, attempt)["standing"] == standing
    page = result_page(client, learner, attempt)
    assert "Your next step" in page
    assert "Assessment passed: finish 3 more modules for your certificate." in page
    assert f'href="{first_module.url}"' in page


def test_while_a_leader_reviews_the_next_step_is_to_wait(api, client, assessment, enrolled, learner, course):
    attempt, submitted = sit(api, course, best_answers)
    assert submitted["standing"]["state"] == "awaiting_review"
    assert submitted["standing"]["reviews_waiting"] == 2
    page = result_page(client, learner, attempt)
    assert "Wait for a team leader's review of 2 items" in page


def test_a_failed_attempt_points_back_to_the_modules_and_the_retry(
    api, client, auto_assessment, enrolled, learner, course
):
    with freeze_time("2026-03-02 09:00"):
        attempt, submitted = sit(api, course, wrong_answers)
        assert submitted["standing"]["state"] == "assessment"
        assert submitted["standing"]["next_step"].startswith(
            "Revisit the modules; you can try the assessment"
        )
        assert "Revisit the modules" in result_page(client, learner, attempt)


def test_a_pass_that_completes_the_course_leads_to_the_certificate(
    client, auto_assessment, enrolled, learner, course, django_capture_on_commit_callbacks
):
    from tests.quizzes.test_views import form_data, start

    client.force_login(learner)
    attempt = start(client, course)
    with django_capture_on_commit_callbacks(execute=True):  # the certificate is issued once grading commits
        client.post(f"/training/attempts/{attempt.pk}/submit/", form_data(attempt, best_answers(attempt)))
    certificate = learner.certificates.get()
    link = f"/training/certificates/{certificate.pk}/?issued=1"
    page = client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert "Your certificate is ready" in page and f'id="certificate-link" href="{link}"' in page
    api = APIClient()
    api.force_authenticate(learner)
    standing = result_json(api, attempt)["standing"]
    assert standing["state"] == "certified" and standing["certificate"] == certificate.pk
    assert standing["certificate_url"] == standing["next_url"] == link
    assert client.get(link).status_code == 200


def test_the_schema_documents_review_and_standing(api):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    result = schema["components"]["schemas"]["Result"]["properties"]
    assert {"review", "standing", "questions", "verdicts"} <= set(result)
    start = schema["paths"]["/api/v1/courses/{id}/attempts/"]["post"]["description"]
    assert "modules_incomplete" in start
