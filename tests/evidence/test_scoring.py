"""The score of a check: weighted average of applicable criteria, zero on a critical miss, per skill too."""

import pytest

from evidence import scoring
from lms.core.exceptions import LMSError


@pytest.fixture
def snapshot(scorecard):
    return scoring.snapshot_of(scorecard)


def test_weights_and_not_applicable(snapshot, ids):
    answers = {
        ids["Let the customer finish"]: "yes",  # weight 3, 1.0
        ids["Named the problem back"]: 4,  # weight 1, 0.75
        ids["Apologised for the specific problem"]: "yes",  # weight 2, 1.0
        ids["Offered a next step"]: "na",  # left out
    }
    result = scoring.score(snapshot, answers)
    assert result.score == 96  # (3 + 0.75 + 2) / 6
    assert result.skills == {"listening": 94, "apology": 100}  # (3 + 0.75) / 4; 2 / 2
    assert not result.critical_missed


def test_a_missed_criterion_lowers_by_its_weight(snapshot, ids):
    answers = {
        ids["Let the customer finish"]: "no",
        ids["Named the problem back"]: 1,
        ids["Apologised for the specific problem"]: "yes",
        ids["Offered a next step"]: "yes",
    }
    result = scoring.score(snapshot, answers)
    assert result.score == 50  # (0 + 0 + 2 + 2) / 8
    assert result.skills == {"listening": 0, "apology": 100}
    assert set(result.missed) == {ids["Let the customer finish"], ids["Named the problem back"]}


def test_a_critical_miss_scores_the_check_and_its_skill_zero(snapshot, ids):
    answers = {
        ids["Let the customer finish"]: "yes",
        ids["Named the problem back"]: 5,
        ids["Apologised for the specific problem"]: "no",
        ids["Offered a next step"]: "yes",
    }
    result = scoring.score(snapshot, answers)
    assert result.score == 0
    assert result.critical_missed
    assert result.skills == {"listening": 100, "apology": 0}


def test_not_applicable_refused_where_not_allowed(snapshot, ids):
    with pytest.raises(LMSError, match="must be answered"):
        scoring.clean_answers(snapshot, {ids["Apologised for the specific problem"]: "n/a"}, complete=False)


@pytest.mark.parametrize("value", [0, 6, "7", "many", True, 2.5])
def test_scale_values_out_of_range_refused(snapshot, ids, value):
    with pytest.raises(LMSError, match="1 to 5"):
        scoring.clean_answers(snapshot, {ids["Named the problem back"]: value}, complete=False)


def test_unknown_criterion_and_incomplete_answers_refused(snapshot, ids):
    with pytest.raises(LMSError, match="no criterion"):
        scoring.clean_answers(snapshot, {"not-a-criterion": "yes"}, complete=False)
    with pytest.raises(LMSError, match="Missing: Named the problem back"):
        scoring.clean_answers(
            snapshot,
            {
                ids["Let the customer finish"]: "yes",
                ids["Apologised for the specific problem"]: "yes",
                ids["Offered a next step"]: "yes",
            },
            complete=True,
        )


def test_editing_the_scorecard_makes_a_new_version_and_keeps_old_snapshots(scorecard, ids):
    before = scoring.snapshot_of(scorecard)
    data = scorecard.sections.raw_data
    data[0]["value"]["criteria"][0]["value"]["weight"] = 5
    scorecard.sections = data
    scorecard.save()
    scorecard.refresh_from_db()
    assert scorecard.version == 2
    assert before["version"] == 1
    assert scoring.snapshot_of(scorecard)["sections"][0]["criteria"][0]["weight"] == 5
    scorecard.save()
    scorecard.refresh_from_db()
    assert scorecard.version == 2  # saving without a change is not a new version
