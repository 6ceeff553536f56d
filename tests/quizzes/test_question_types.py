"""The question-type registry: every registered type round-trips from the author's block to the learner's
feedback without giving its key away, and a type registered from outside is picked up everywhere."""

import json
import pathlib
import re
from html.parser import HTMLParser

import pytest
from django.http import QueryDict
from django.template.loader import render_to_string
from rest_framework.test import APIClient
from wagtail import blocks as wagtail_blocks

from lms.core.exceptions import LMSError
from quizzes import blocks, question_types, services
from quizzes.models import AssessmentPage
from quizzes.models.assessment import ReviewTiming
from quizzes.question_types.base import PUBLIC_KEYS, invalid_answer
from quizzes.questions import build_snapshot, public_question
from tests.factories import make_assessment

QUIZZES = pathlib.Path(__file__).resolve().parents[2] / "quizzes"
SECRET = "SECRET"  # marks every text that must stay on the server until submission
ANSWER_SHAPES = {"choice", "choices", "order", "text"}
# What result_for sets itself; a type's explanation must not overwrite any of it.
RESULT_KEYS = {"id", "type", "dimension", "skills", "scenario", "prompt", "options", "response", "credit"}


def sample_values(skill) -> dict:
    """One authored question per type. A newly registered type needs an entry here."""
    common = {"skills": [skill], "points": 1, "explanation": f"{SECRET} why"}
    options = [
        {"text": "Any adviser", "correct": True},
        {"text": "Only a manager", "correct": False},
        {"text": "Nobody", "correct": False},
    ]
    return {
        "single_choice": {**common, "prompt": "Who may approve it?", "options": options},
        "multiple_response": {**common, "prompt": "Which show listening?", "options": options},
        "true_false": {**common, "statement": "Refunds take a week.", "answer": True},
        "judgement": {
            **common,
            "scenario": "The customer is angry.",
            "prompt": "What would you say next?",
            "options": [
                {"text": "I understand.", "quality": 100},
                {"text": "Calm down.", "quality": 0},
                {"text": "Let me check.", "quality": 60},
            ],
        },
        "sequencing": {**common, "prompt": "Order these.", "steps": ["Listen", "Acknowledge", "Resolve"]},
        "written": {
            **common,
            "scenario": "A refund is late.",
            "prompt": "Write your reply.",
            "rubric": [{"criterion": "Apologises", "description": f"{SECRET} sincere", "points": 2}],
            "model_answer": f"{SECRET} I'm sorry.",
        },
    }


BEST = {
    "single_choice": lambda q: next(o["id"] for o in q["options"] if o["correct"]),
    "multiple_response": lambda q: [o["id"] for o in q["options"] if o["correct"]],
    "true_false": lambda q: next(o["id"] for o in q["options"] if o["correct"]),
    "judgement": lambda q: max(q["options"], key=lambda o: o["quality"])["id"],
    "sequencing": lambda q: list(q["key_order"]),
    "written": lambda q: "I'm so sorry <your> refund is late & I'll chase it.",
}


class PostedForm(HTMLParser):
    """What a browser would post from a rendered input template, and the answer shapes it declares."""

    def __init__(self):
        super().__init__()
        self.data = QueryDict(mutable=True)
        self.shapes = []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-response" in attrs:
            self.shapes.append(attrs["data-response"])
        if tag == "input" and (attrs.get("type") not in ("radio", "checkbox") or "checked" in attrs):
            self.data.appendlist(attrs["name"], attrs.get("value", ""))
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.appendlist(self._select, attrs["value"])
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.data.appendlist(self._textarea, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data.setlist(self._textarea, [self.data[self._textarea] + data])


def render_input(kind, question, saved, error=None) -> str:
    q = {**kind.public(question), "saved": saved, "error": error}
    q.update(kind.input_context(q, saved))
    return render_to_string(kind.input_template, {"q": q})


# The built-in registry


def test_every_authorable_block_is_a_registered_type_whose_dimension_comes_from_the_block():
    children = blocks.QuestionChoiceBlock().child_blocks
    assert list(children) == question_types.names()
    for name, child in children.items():
        kind = question_types.get(name)
        assert type(child) is kind.block
        assert kind.dimension == child.dimension


def test_the_block_class_dimension_is_the_one_that_is_read(db, course, skills, monkeypatch):
    page = make_assessment(course, [("single_choice", sample_values(skills[0])["single_choice"])])
    assert build_snapshot(page, seed=1)["questions"][0]["dimension"] == "awareness"
    monkeypatch.setattr(blocks.SingleChoiceBlock, "dimension", blocks.SKILL)
    assert build_snapshot(page, seed=1)["questions"][0]["dimension"] == "skill"


def test_every_type_has_a_sample_for_the_round_trip():
    assert set(question_types.names()) <= set(BEST), "add a sample and a best answer for the new type"


@pytest.mark.django_db
@pytest.mark.parametrize("name", question_types.names())
def test_round_trip_snapshot_public_form_clean_score_explain(name, course, skills):
    kind = question_types.get(name)
    page = make_assessment(course, [(name, sample_values(skills[0])[name])])
    question = build_snapshot(page, seed=7)["questions"][0]
    assert question["type"] == name
    assert json.loads(json.dumps(question)) == question  # it is stored as JSON for years
    assert build_snapshot(page, seed=7)["questions"][0] == question  # the seed reproduces it

    # Before submission: neither the API's view nor the page's inputs carry a key.
    public = public_question(question)
    assert set(public) == {*PUBLIC_KEYS, "options"}
    raw = json.dumps(public)
    for key in ("correct", "quality", "key_order", "rubric", "explanation", "model_answer", "points"):
        assert f'"{key}"' not in raw
    assert SECRET not in raw
    best = BEST[name](question)
    html = render_input(kind, question, saved=None)
    assert SECRET not in html
    for word in ("correct", "quality", "key_order", "rubric"):
        assert word not in html.lower()

    # The input template, saved with the best answer and posted back, reads as that answer.
    form = PostedForm()
    form.feed(render_input(kind, question, saved=best))
    assert len(form.shapes) == 1 and form.shapes[0] in ANSWER_SHAPES
    assert all(field.startswith(f"q-{question['id']}") for field in form.data)
    posted = kind.from_post(question, form.data, f"q-{question['id']}")
    assert posted == best
    assert kind.from_post(question, QueryDict(), f"q-{question['id']}") is None

    assert services.clean_response(question, posted) == best
    with pytest.raises(LMSError) as error:
        services.clean_response(question, {"not": "an answer"})
    assert error.value.code == "invalid_answer"
    assert error.value.message.startswith(f"Question “{question['prompt'][:60]}”: ")

    if kind.needs_review:
        assert kind.credit(question, best) is None
    else:
        assert kind.credit(question, best) == 1.0
        assert kind.credit(question, None) == 0.0

    explained = kind.explain(question)
    assert explained and not set(explained) & RESULT_KEYS
    assert [o["chosen"] for o in kind.result_options(question, None)] == [False] * len(question["options"])


def test_lookups_of_unknown_types_fail_plainly():
    with pytest.raises(question_types.UnknownQuestionType, match="Unknown question type 'nope'"):
        question_types.get("nope")
    with pytest.raises(LMSError) as error:
        services.clean_response({"id": "q1", "type": "nope", "prompt": "Hm"}, "x")
    assert error.value.code == "invalid_answer"
    assert error.value.message == "Question “Hm”: unknown question type."
    with pytest.raises(ValueError, match="already registered"):
        question_types.register(type(question_types.get("written")))


def test_no_type_switches_outside_the_registry():
    script = (QUIZZES / "static/lms_quizzes/js/attempt.js").read_text()
    for name in question_types.names():
        assert f'"{name}"' not in script
    for template in (QUIZZES / "templates").rglob("*.html"):
        assert not re.search(r"\.type\s*==", template.read_text()), template


# A type registered from outside: one class plus its two templates


class ShortAnswerBlock(blocks.QuestionBlock):
    dimension = blocks.SKILL
    prompt = wagtail_blocks.TextBlock()
    accepted = wagtail_blocks.ListBlock(wagtail_blocks.CharBlock())


class ShortAnswer(question_types.QuestionType):
    """A word or phrase, right when it matches an accepted answer (its templates are in ./templates)."""

    name = "short_answer"
    block = ShortAnswerBlock

    def snapshot_fields(self, value, qid, rng):
        return {"accepted": [a.strip().lower() for a in value["accepted"]]}

    def from_post(self, question, data, name):
        return data.get(name) or None

    def clean(self, question, response):
        if not isinstance(response, str):
            raise invalid_answer(question, "write your answer as text.")
        return response

    def score(self, question, response):
        return 1.0 if response.strip().lower() in question["accepted"] else 0.0

    def explain(self, question):
        return {"accepted": question["accepted"]}


@pytest.fixture
def short_answer(settings):
    question_types.register(ShortAnswer)
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [pathlib.Path(__file__).parent / "templates"]}]
    yield question_types.get("short_answer")
    question_types.unregister("short_answer")


@pytest.fixture
def attempt_with_short_answer(short_answer, auto_assessment, enrolled, learner, course, skills):
    """An attempt whose snapshot also asks a short-answer question (authors cannot build one)."""
    attempt, _ = services.start_attempt(user=learner, course=course)
    stream = wagtail_blocks.StreamBlock([("short_answer", ShortAnswerBlock())])
    child = stream.to_python(
        [
            {
                "type": "short_answer",
                "id": "sa-1",
                "value": {
                    "skills": [skills[0].pk],
                    "points": 1,
                    "prompt": "Which form records a complaint?",
                    "accepted": ["Complaint Log"],  # not hex, so no option UUID contains it
                },
            }
        ]
    )[0]
    attempt.snapshot["questions"].append(short_answer.snapshot(child, rng=None))
    attempt.save(update_fields=["snapshot"])
    return attempt


@pytest.mark.django_db
def test_a_registered_type_reaches_the_page_the_api_grading_and_the_result(
    attempt_with_short_answer, client, learner
):
    attempt = attempt_with_short_answer
    asked = attempt.snapshot["questions"][-1]
    assert (asked["type"], asked["dimension"], asked["accepted"]) == (
        "short_answer",
        "skill",
        ["complaint log"],
    )

    api = APIClient()
    api.force_authenticate(learner)
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert "short_answer" in schema["components"]["schemas"]["TypeEnum"]["enum"]
    body = api.get(f"/api/v1/attempts/{attempt.pk}/").json()
    shown = next(q for q in body["questions"] if q["id"] == "sa-1")
    assert (
        shown["type"] == "short_answer"
        and "accepted" not in shown
        and "complaint log" not in json.dumps(body).lower()
    )
    refused = api.patch(
        f"/api/v1/attempts/{attempt.pk}/", {"answers": {"sa-1": ["Complaint Log"]}}, format="json"
    )
    assert refused.status_code == 400 and "write your answer as text" in refused.json()["detail"]

    client.force_login(learner)
    html = client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert 'data-type="short_answer"' in html and 'data-response="text"' in html
    assert 'name="q-sa-1"' in html and "complaint log" not in html.lower()

    client.post(f"/training/attempts/{attempt.pk}/submit/", {"q-sa-1": " complaint LOG "})
    attempt.refresh_from_db()
    assert attempt.answers.get(question_id="sa-1").credit == 1.0
    # The attempt failed with attempts left: the learner sees their own answer in the type's input,
    # and none of its key.
    result = client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert 'value=" complaint LOG "' in result and "Accepted answers" not in result
    assert "accepted" not in json.dumps(api.get(f"/api/v1/attempts/{attempt.pk}/result/").json())
    # Where the author shows the keys after every attempt, the type's feedback template shows it.
    AssessmentPage.objects.filter(pk=attempt.assessment_id).update(review_answers=ReviewTiming.ALWAYS)
    result = client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert "Accepted answers:</strong> complaint log" in result
