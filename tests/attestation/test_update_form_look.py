"""The policy-update page reads as finished: each question's legend sits above its answers (no fieldset
border through a wrapped legend), answers are plain list items rather than bold labels, and the diff says
“added” and “removed” in visible words, as its help text promises."""

import re

import pytest
from django.urls import reverse

from .conftest import change

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(org, certify, policy, client):
    certify(org.head)  # the top of the tree: open at once
    version = change(policy)
    client.force_login(org.head)
    response = client.get(reverse("lms:policy_update", kwargs={"version_id": version.pk}))
    assert response.status_code == 200
    return response.content.decode()


def test_each_question_is_a_borderless_fieldset_with_plain_answers(page):
    # ``.question fieldset`` has no border and a full-width legend; ``.field .checklist label`` is not bold.
    question = re.search(
        r'<div class="field question"><fieldset>\s*<legend[^>]*>(.*?)</legend>(.*?)</fieldset>', page, re.S
    )
    assert question and "How much may an adviser refund" in question.group(1)
    answers = re.findall(
        r'<li><label for="[^"]+"><input type="radio"[^>]*> (£\d+)</label></li>', question.group(2)
    )
    assert answers == ["£50", "£75"]
    assert '<ul class="checklist">' in question.group(2)


def test_the_diff_shows_added_and_removed_in_visible_words(page):
    changes = page[page.index('id="the-changes"') : page.index('id="new-text"')]
    assert re.search(r'<span class="meta">\[removed:</span> <del>[^<]*50[^<]*</del>', changes)
    assert re.search(r'<span class="meta">\[added:</span> <ins>[^<]*75[^<]*</ins>', changes)
    assert "visually-hidden" not in changes
