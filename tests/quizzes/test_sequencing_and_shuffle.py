"""Sequencing: untouched is unanswered, the list shows the learner's order, and the position <select>s work
without JavaScript. Option order: shuffled from each attempt's own seed for every type where it could hint."""

import re

import pytest
from django.http import QueryDict
from django.template.loader import render_to_string

from courses.models import Enrolment
from quizzes import question_types, services
from quizzes.models import Attempt
from quizzes.question_types import UnreadableAnswer
from quizzes.questions import build_snapshot
from tests.quizzes.test_question_types import PostedForm

SEQUENCING = question_types.get("sequencing")
STEPS = [("s1", "Listen to the whole story"), ("s2", "Acknowledge the problem"), ("s3", "Put it right")]


def sequencing_question(shown=("s3", "s1", "s2")):
    text = dict(STEPS)
    return {
        "id": "q7",
        "type": "sequencing",
        "dimension": "skill",
        "skills": [{"slug": "listening", "name": "Listening"}],
        "points": 1,
        "scenario": "",
        "prompt": "Put these in order.",
        "explanation": "",
        "options": [{"id": step, "text": text[step]} for step in shown],
        "key_order": [step for step, _ in STEPS],
    }


def posted(**positions) -> QueryDict:
    data = QueryDict(mutable=True)
    for step, value in positions.items():
        data[f"q-q7-pos-{step}"] = value
    return data


def render(question, saved):
    q = {**SEQUENCING.public(question), "saved": saved, "error": None}
    q.update(SEQUENCING.input_context(q, saved))
    return render_to_string(SEQUENCING.input_template, {"q": q})


def posted_back(html) -> QueryDict:
    form = PostedForm()
    form.feed(html)
    return form.data


# The rule on the server: untouched is unanswered


def test_a_form_without_positions_is_unanswered_not_the_order_shown():
    question = sequencing_question()
    assert SEQUENCING.from_post(question, QueryDict(), "q-q7") is None
    # What the page posts for steps nobody has arranged: every position left blank.
    assert SEQUENCING.from_post(question, posted(s1="", s2="", s3=""), "q-q7") is None


def test_positions_for_every_step_are_the_answer_even_in_the_order_shown():
    question = sequencing_question()
    assert SEQUENCING.from_post(question, posted(s1="2", s2="3", s3="1"), "q-q7") == ["s3", "s1", "s2"]
    assert SEQUENCING.from_post(question, posted(s1="1", s2="2", s3="3"), "q-q7") == ["s1", "s2", "s3"]


@pytest.mark.parametrize(
    ("positions", "message"),
    [
        ({"s1": "1", "s2": "", "s3": ""}, "Give every step a position: 2 of 3 still need one."),
        ({"s1": "1", "s2": "1", "s3": "2"}, "Give each step its own position."),
        ({"s1": "1", "s2": "2", "s3": "4"}, "Give each step a position from 1 to 3."),
        ({"s1": "1", "s2": "two", "s3": "3"}, "Give each step a position from 1 to 3."),
    ],
)
def test_part_positions_or_clashes_are_sent_back_to_the_learner(positions, message):
    with pytest.raises(UnreadableAnswer, match=re.escape(message)):
        SEQUENCING.from_post(sequencing_question(), posted(**positions), "q-q7")


# The page: the order as arranged (or as saved), positions only once arranged


def step_order(html):
    return re.findall(r'data-step-item="([\w-]+)"', html)


def test_untouched_steps_show_no_positions_and_post_back_as_unanswered():
    question = sequencing_question()
    html = render(question, saved=None)
    assert step_order(html) == ["s3", "s1", "s2"]  # as shuffled for this attempt
    assert html.count('<option value="" selected>') == 3
    assert "Not answered:" in html
    assert SEQUENCING.from_post(question, posted_back(html), "q-q7") is None


def test_saved_steps_are_listed_in_the_saved_order_and_post_back_as_that_order():
    question = sequencing_question()
    html = render(question, saved=["s2", "s3", "s1"])
    assert step_order(html) == ["s2", "s3", "s1"]
    assert 'value=""' not in html
    assert "Answered" in html
    data = posted_back(html)
    assert [data[f"q-q7-pos-{s}"] for s in ("s2", "s3", "s1")] == ["1", "2", "3"]
    assert SEQUENCING.from_post(question, data, "q-q7") == ["s2", "s3", "s1"]
    # A saved order that does not fit the steps (never cleaned) is not shown as an answer.
    assert step_order(render(question, saved=["s1", "zz", "s2"])) == ["s3", "s1", "s2"]


def test_the_page_carries_drag_handles_move_buttons_and_a_polite_announcer():
    html = render(sequencing_question(), saved=None)
    assert html.count("data-drag-handle") == 3
    assert html.count('data-move="up"') == html.count('data-move="down"') == 3
    assert 'Move up<span class="visually-hidden">: Listen to the whole story</span>' in html
    assert 'aria-live="polite" data-sequence-announce' in html
    # Hidden until the script shows them: without it, the <select>s are the whole control.
    assert re.search(r"data-moves hidden", html) and re.search(
        r'data-drag-handle aria-hidden="true"[^>]*hidden', html
    )


# Through the browser form and the API


def start(client, course):
    response = client.post(f"/training/courses/{course.pk}/assessment/start/")
    assert response.status_code == 302
    return Attempt.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


@pytest.mark.django_db
def test_an_untouched_sequencing_question_is_not_saved_from_the_form(
    client, auto_assessment, enrolled, learner, course
):
    client.force_login(learner)
    attempt = start(client, course)
    seq = next(q for q in attempt.snapshot["questions"] if q["type"] == "sequencing")
    first = attempt.snapshot["questions"][0]
    data = {f"q-{seq['id']}-pos-{o['id']}": "" for o in seq["options"]}
    data[f"q-{first['id']}"] = first["options"][0]["id"]
    response = client.post(f"/training/attempts/{attempt.pk}/save/", data)
    assert response.status_code == 302
    saved = dict(attempt.answers.values_list("question_id", "response"))
    assert set(saved) == {first["id"]}
    page = client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    assert "Not answered:" in page

    # Arranged (the script sends the order as a list of step ids): saved, and shown in that order.
    order = list(reversed([o["id"] for o in seq["options"]]))
    response = client.patch(
        f"/api/v1/attempts/{attempt.pk}/",
        {"answers": {seq["id"]: order}},
        content_type="application/json",
    )
    assert response.status_code == 200
    page = client.get(f"/training/attempts/{attempt.pk}/").content.decode()
    fieldset = page[page.index(f'id="question-{seq["id"]}"') :]
    assert step_order(fieldset)[: len(order)] == order
    assert "Answered: the steps are in your order." in fieldset


@pytest.mark.django_db
def test_submitting_untouched_steps_leaves_the_question_unanswered(
    client, auto_assessment, enrolled, learner, course
):
    client.force_login(learner)
    attempt = start(client, course)
    seq = next(q for q in attempt.snapshot["questions"] if q["type"] == "sequencing")
    data = {f"q-{seq['id']}-pos-{o['id']}": "" for o in seq["options"]}
    client.post(f"/training/attempts/{attempt.pk}/submit/", data)
    attempt.refresh_from_db()
    assert attempt.state != Attempt.State.OPEN
    assert not attempt.answers.filter(question_id=seq["id"]).exists()


# Option order: shuffled per attempt


SHUFFLED = ("single_choice", "multiple_response", "judgement", "sequencing")


@pytest.mark.django_db
def test_every_type_whose_order_could_hint_is_shuffled_from_the_seed(auto_assessment):
    orders = {}
    for seed in range(60):
        for question in build_snapshot(auto_assessment, seed=seed)["questions"]:
            orders.setdefault((question["type"], question["id"]), []).append(
                [o["id"] for o in question["options"]]
            )
    assert {kind for kind, _ in orders} >= set(SHUFFLED)
    for (kind, _), seen in orders.items():
        if kind == "true_false":
            # Always True then False: the same two places for every statement, so position says nothing.
            assert all(order == ["true", "false"] for order in seen)
            continue
        assert len({tuple(order) for order in seen}) > 1, kind
        # Every option, the authored first (often the key) included, comes first in some attempts.
        assert {order[0] for order in seen} == set(seen[0]), kind
    # The steps are never shown in the right order.
    snapshots = [build_snapshot(auto_assessment, seed=seed) for seed in range(60)]
    for snapshot in snapshots:
        seq = next(q for q in snapshot["questions"] if q["type"] == "sequencing")
        assert [o["id"] for o in seq["options"]] != seq["key_order"]
    # And the same seed gives the same attempt.
    assert build_snapshot(auto_assessment, seed=5) == build_snapshot(auto_assessment, seed=5)


def test_steps_still_in_order_after_five_shuffles_are_rotated():
    class Stubborn:
        def shuffle(self, items):  # a shuffle that keeps landing on the answer
            pass

    fields = SEQUENCING.snapshot_fields({"steps": ["Listen", "Acknowledge", "Resolve"]}, "q", Stubborn())
    assert [o["id"] for o in fields["options"]] == ["q-1", "q-2", "q-0"]
    assert fields["key_order"] == ["q-0", "q-1", "q-2"]


@pytest.mark.django_db
def test_each_attempt_has_its_own_seed_and_its_own_order(
    auto_assessment, enrolled, learner, other_learner, course
):
    auto_assessment.cooldown_minutes = 0
    auto_assessment.save()
    course.assessment_opens_early = True  # this test is about seeds, not the modules before the assessment
    course.save()
    first, _ = services.start_attempt(user=learner, course=course)
    services.submit(user=learner, attempt_id=first.pk)
    retake, created = services.start_attempt(user=learner, course=course)
    Enrolment.objects.create(user=other_learner, course=course)
    someone_else, _ = services.start_attempt(user=other_learner, course=course)
    assert created and retake.pk != first.pk
    attempts = [first, retake, someone_else]
    assert len({a.seed for a in attempts}) == 3

    def orders(attempt):
        return [
            tuple(o["id"] for o in q["options"])
            for q in attempt.snapshot["questions"]
            if q["type"] in SHUFFLED
        ]

    assert len({tuple(orders(a)) for a in attempts}) == 3
