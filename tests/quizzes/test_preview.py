"""The author's preview: by default what a learner sees once they start (the registry's input templates,
disabled, human labels); the keys only in the "With answer keys" mode."""

import html
import re

import pytest

from quizzes import question_types
from quizzes.questions import build_snapshot
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Each question's inputs, as the attempt page renders them, disabled.
INPUTS = '<fieldset class="answer-view" disabled aria-label="Answer (disabled in the preview)">'
KEYS = (
    "Correct</span>",
    "Best reply · 100",
    "Acceptable · 60",
    "Harmful · 0",
    "The right order:",
    "Names the problem",
    "Sincere, no blame",
    "I'm sorry your refund is late, Mr Lindqvist...",
    "Advisers may approve up to £50.",
    "Listen before you fix.",
    "Answer key",
)


@pytest.fixture
def author(db):
    return UserFactory(username="author-admin", is_superuser=True, is_staff=True)


def preview(rf, author, assessment, mode: str) -> str:
    request = rf.get("/")
    request.user = author
    response = assessment.make_preview_request(request, preview_mode=mode)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_preview_offers_the_learners_view_first_and_the_keys_on_request(assessment):
    assert [str(label) for _, label in assessment.preview_modes] == ["Learner's view", "With answer keys"]
    assert assessment.default_preview_mode == ""


def test_the_learners_view_is_the_attempt_page_without_keys(rf, author, assessment):
    page = preview(rf, author, assessment, "")
    for key in KEYS:
        assert key not in page, key
    questions = build_snapshot(assessment, seed=0)["questions"]
    # Each question through its type's input template, disabled: radio buttons, boxes, positions, a reply.
    assert page.count(INPUTS) == len(questions) == 6
    for shape in ("choice", "choices", "order", "text"):
        assert f'data-response="{shape}"' in page
    assert "<textarea" in page and 'type="radio"' in page and 'type="checkbox"' in page
    # Human labels, never the internal type codes.
    labels = re.findall(r'<p class="meta">(Question \d+ · [^<]*)</p>', page)
    assert labels[0] == "Question 1 · Knowledge · Listening"
    assert labels[3] == "Question 4 · Skill · Apology"
    for name in question_types.names():
        assert name not in page, name
    assert "Learner's view" in page and "With answer keys" in page  # how to switch
    assert "Let the customer finish" in page  # the observation checklist a leader signs off


def test_the_keys_mode_sets_out_every_key(rf, author, assessment):
    page = preview(rf, author, assessment, "keys")
    for key in KEYS:
        assert key in page, key
    # The same inputs as the learner's view, the key under each, in the author's words.
    assert page.count(INPUTS) == 6
    for label in (
        "Single choice",
        "Multiple response",
        "True or false",
        "Situational judgement",
        "Sequencing",
    ):
        assert f"{label} · 1 point" in page
    assert "Written reply · 2 points" in page
    order = re.search(r"The right order:</strong></p><ol>(.*?)</ol>", page).group(1)
    assert re.findall(r"<li>(.*?)</li>", order) == ["Listen", "Acknowledge", "Apologise", "Resolve"]
    for name in question_types.names():  # "Situational judgement" is the label; "judgement" alone a code
        assert not re.search(rf"(?<![\w ]){name}(?!\w)", page), name


def test_the_admin_offers_both_modes(client, author, assessment):
    client.force_login(author)
    page = client.get(f"/admin/pages/{assessment.pk}/edit/").content.decode()
    assert "With answer keys" in html.unescape(page)
