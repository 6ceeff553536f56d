import pytest

from quizzes import grading

Q_SINGLE = {
    "id": "s",
    "type": "single_choice",
    "dimension": "awareness",
    "points": 1,
    "skills": [{"slug": "listening", "name": "Listening"}],
    "options": [{"id": "a", "text": "A", "correct": True}, {"id": "b", "text": "B", "correct": False}],
}
Q_MULTI = {
    "id": "m",
    "type": "multiple_response",
    "dimension": "awareness",
    "points": 1,
    "skills": [{"slug": "listening", "name": "Listening"}],
    "options": [
        {"id": "a", "text": "", "correct": True},
        {"id": "b", "text": "", "correct": True},
        {"id": "c", "text": "", "correct": False},
        {"id": "d", "text": "", "correct": False},
    ],
}
Q_JUDGE = {
    "id": "j",
    "type": "judgement",
    "dimension": "skill",
    "points": 1,
    "skills": [{"slug": "apology", "name": "Apology"}],
    "options": [
        {"id": "best", "text": "", "quality": 100},
        {"id": "ok", "text": "", "quality": 60},
        {"id": "bad", "text": "", "quality": 0},
    ],
}
Q_SEQ = {
    "id": "q",
    "type": "sequencing",
    "dimension": "skill",
    "points": 1,
    "skills": [{"slug": "apology", "name": "Apology"}],
    "options": [{"id": x, "text": x} for x in "dcba"],
    "key_order": ["a", "b", "c", "d"],
}
Q_WRITTEN = {
    "id": "w",
    "type": "written",
    "dimension": "skill",
    "points": 2,
    "skills": [{"slug": "apology", "name": "Apology"}],
    "options": [],
    "rubric": [
        {"id": "r1", "criterion": "Ack", "description": "", "points": 2},
        {"id": "r2", "criterion": "Sorry", "description": "", "points": 3},
    ],
}


def test_single_choice_and_true_false_are_all_or_nothing():
    assert grading.credit_for(Q_SINGLE, "a") == 1.0
    assert grading.credit_for(Q_SINGLE, "b") == 0.0
    assert grading.credit_for(Q_SINGLE, None) == 0.0


@pytest.mark.parametrize(
    ("response", "credit"),
    [
        (["a", "b"], 1.0),
        (["a"], 0.5),
        (["a", "c"], 0.0),
        (["a", "b", "c"], 0.5),
        (["c", "d"], 0.0),
        ([], 0.0),
    ],
)
def test_multiple_response_partial_credit_with_penalty_for_wrong_picks(response, credit):
    assert grading.credit_for(Q_MULTI, response) == credit


@pytest.mark.parametrize(("response", "credit"), [("best", 1.0), ("ok", 0.6), ("bad", 0.0)])
def test_judgement_credit_follows_how_good_the_reply_is(response, credit):
    assert grading.credit_for(Q_JUDGE, response) == pytest.approx(credit)


@pytest.mark.parametrize(
    ("order", "credit"),
    [(list("abcd"), 1.0), (list("dcba"), 0.0), (list("bacd"), 5 / 6), (list("abdc"), 5 / 6)],
)
def test_sequencing_credit_counts_pairs_in_the_right_order(order, credit):
    assert grading.credit_for(Q_SEQ, order) == pytest.approx(credit)


def test_written_waits_for_a_person_and_then_uses_the_rubric():
    assert grading.credit_for(Q_WRITTEN, "some reply") is None
    assert grading.written_credit(Q_WRITTEN, {"r1": 2, "r2": 1}) == pytest.approx(3 / 5)
    # Marks above a criterion's maximum are capped.
    assert grading.written_credit(Q_WRITTEN, {"r1": 9, "r2": 3}) == 1.0


def _score(credits, **kw):
    thresholds = {"awareness_threshold": 70, "skill_threshold": 70, "skill_minimum": 50} | kw
    return grading.score([Q_SINGLE, Q_MULTI, Q_JUDGE, Q_SEQ, Q_WRITTEN], credits, **thresholds)


def test_pass_needs_both_dimensions():
    full = {"s": 1, "m": 1, "j": 1, "q": 1, "w": 1}
    assert _score(full).passed
    knows_but_cannot_do = _score({**full, "j": 0.0, "q": 0.5, "w": 0.4})
    assert knows_but_cannot_do.awareness_score == 100
    assert knows_but_cannot_do.skill_score == 33  # (0 + 0.5 + 0.4 × 2 points) / 4 = 32.5
    assert not knows_but_cannot_do.passed
    does_but_does_not_know = _score({**full, "s": 0, "m": 0.5})
    assert does_but_does_not_know.skill_score == 100
    assert does_but_does_not_know.awareness_score == 25
    assert not does_but_does_not_know.passed


def test_each_skill_must_reach_its_minimum():
    # Overall both dimensions pass, but listening awareness is only 50%, below a minimum of 60.
    result = _score({"s": 1, "m": 0, "j": 1, "q": 1, "w": 1}, awareness_threshold=50, skill_minimum=60)
    listening = next(s for s in result.skills if s["slug"] == "listening")
    assert listening["awareness"] == 50
    assert listening["skill_score"] is None
    assert not result.passed
    assert _score({"s": 1, "m": 0, "j": 1, "q": 1, "w": 1}, awareness_threshold=50, skill_minimum=50).passed


def test_verdicts_name_the_gap_between_knowing_and_doing():
    result = _score({"s": 1, "m": 1, "j": 0, "q": 0.2, "w": 0.2})
    words = grading.skill_verdicts(result.skills, threshold=70)
    assert "Strong in listening." in words
    assert any(w.startswith("You know apology but need to practise") for w in words)
