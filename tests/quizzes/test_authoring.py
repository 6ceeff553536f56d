"""The authoring check: no question gives its answer away by option length, and no option repeats another
(DESIGN §4 rule 7). Each rule on a crafted question, a fair question that passes, where authors see it
(the edit view and the Question quality report), the command's exit status, and the demo content."""

import io

import pytest
from django.core.management import CommandError, call_command

from project.demo.content.assessments import ASSESSMENTS
from quizzes import authoring
from quizzes.authoring import KEYED_LONGEST, LENGTH_PREDICTS, REPEATED, check_question, check_questions
from quizzes.models import AssessmentPage
from tests.factories import UserFactory, make_assessment


def choice(prompt, *options):
    """A choice question; options are (text, correct)."""
    return {"prompt": prompt, "options": [{"text": t, "correct": c} for t, c in options]}


def judgement(*options, scenario="Mrs Okafor has been cut off twice."):
    """A judgement question; options are (text, quality)."""
    return {
        "scenario": scenario,
        "prompt": "What would you say next?",
        "options": [{"text": t, "quality": q} for t, q in options],
    }


def kinds(findings):
    return sorted(f.kind for f in findings)


FAIR_CHOICE = choice(
    "Who may approve a £40 goodwill credit?",
    ("Any adviser", True),
    ("Only a team leader, after the call", False),
    ("A manager in Customer Relations", False),
    ("Nobody", False),
)
FAIR_JUDGEMENT = judgement(
    ("'I'm sorry you were cut off twice, Mrs Okafor. I'll stay with you now.'", 100),
    ("'I'm so sorry, I really am, that must have been so frustrating for you, truly.'", 60),
    ("'Sorry about that. What's the account number?'", 25),
    ("'The line drops sometimes, I'm afraid, it's the network. Could you ring back later on today?'", 0),
)


# Each rule on a crafted question


def test_a_fair_question_passes():
    assert check_question(FAIR_CHOICE) == []
    assert check_question(FAIR_JUDGEMENT) == []
    multiple = choice(
        "Which show you are listening?",
        ("Summarising back what you heard", True),
        ("Asking a clarifying question", True),
        ("Typing the notes while the customer talks, to save time later", False),
        ("Interrupting to save time", False),
    )
    assert check_question(multiple) == []


def test_single_choice_whose_right_answer_is_strictly_longest_is_flagged():
    question = choice(
        "Who may approve a £40 goodwill credit?",
        ("Any adviser, up to £50 per contact and £100 a year per account", True),
        ("Only a team leader", False),
        ("A manager", False),
        ("Nobody", False),
    )
    (finding,) = check_question(question, where="Question 3")
    assert finding.kind == KEYED_LONGEST
    assert finding.where == "Question 3"
    assert finding.about == "Who may approve a £40 goodwill credit?"
    assert "The right answer is the longest option (62 characters; the longest wrong one has 18)." in (
        finding.problem
    )
    assert "Trim the right answer" in finding.fix
    assert str(finding).startswith("Question 3: “Who may approve a £40 goodwill credit?”: The right answer")
    # As long as a wrong option, it is not singled out.
    tied = choice("Q?", ("Twelve", True), ("Eleven", False), ("One", False))
    assert check_question(tied) == []


def test_multiple_response_whose_longest_option_is_right_is_flagged():
    question = choice(
        "Which show you are listening?",
        ("Summarising back what you heard, in the customer's own words", True),
        ("Asking a clarifying question", True),
        ("Typing loudly", False),
        ("Interrupting to save time", False),
    )
    assert kinds(check_question(question)) == [KEYED_LONGEST]
    assert "The longest option is a right answer" in check_question(question)[0].problem


def test_judgement_whose_best_reply_is_longest_is_flagged():
    question = judgement(
        ("'I'm sorry you were cut off twice, Mrs Okafor. I'll stay on the line with you now.'", 100),
        ("'The line drops sometimes, I'm afraid. What's your account number?'", 0),
        ("'Sorry about that. Can I take the account number?'", 60),
    )
    findings = check_question(question)
    assert KEYED_LONGEST in kinds(findings)
    assert "The best reply is the longest" in findings[0].problem
    assert findings[0].about == "Mrs Okafor has been cut off twice."  # the scenario names a judgement


def test_judgement_whose_length_rises_with_quality_is_flagged_even_when_the_best_is_not_longest():
    question = judgement(
        ("'I'm sorry you were cut off twice. I'll stay with you now.'", 100),
        ("'Sorry about that, Mrs Okafor, the line must have dropped. Account number?'", 60),
        ("'The line drops sometimes.'", 25),
        ("'Call back.'", 0),
    )
    findings = check_question(question)
    assert kinds(findings) == [LENGTH_PREDICTS]
    assert "rank correlation 0.80" in findings[0].problem
    assert authoring.rank_correlation([3, 4, 2, 1], [100, 60, 25, 0]) == pytest.approx(0.8)
    assert authoring.rank_correlation([5, 5, 5], [100, 60, 0]) is None  # lengths never vary
    # With two replies there is no ladder to read, only the longest reply.
    assert check_question(judgement(("'Short.'", 100), ("'A much longer reply.'", 0))) == []


def test_choice_whose_right_options_are_clearly_longer_on_average_is_flagged():
    question = choice(
        "Which of these are in the complaints policy?",
        ("Acknowledge within 1 working day, with a reference and the owner's name", True),
        ("Update the customer at least every 10 working days", True),
        ("Only log it when the customer says 'complaint' in so many words, to avoid noise", False),
        ("Never", False),
        ("Log nothing", False),
    )
    findings = check_question(question)
    assert kinds(findings) == [LENGTH_PREDICTS]
    assert "clearly longer than the wrong ones (60 characters on average, against 32)" in findings[0].problem
    # A few characters on short options are no cue.
    assert (
        check_question(choice("Q?", ("Twelve", True), ("Eleven.", False), ("1", False), ("2", False))) == []
    )


def test_repeated_options_are_flagged_whatever_their_case_spacing_and_punctuation():
    question = choice(
        "What do you say?",
        ("Call back.", True),
        ("Please hold", False),
        ("please  hold!", False),
        ("Goodbye", False),
    )
    findings = check_question(question)
    assert kinds(findings) == [REPEATED]
    assert findings[0].problem == "Options 2 and 3 say the same thing (“please hold!”)."
    assert authoring.normalise(" Please,  HOLD… ") == "please hold"
    steps = {"prompt": "Order these.", "steps": ["Listen", "Acknowledge", "listen."]}
    assert kinds(check_question(steps)) == [REPEATED]


def test_pools_are_checked_question_by_question_and_named():
    blocks = [
        ("true_false", {"statement": "Refunds take a week.", "answer": True}),
        ("single_choice", FAIR_CHOICE),
        (
            "pool",
            {
                "title": "Listening in practice",
                "draw": 1,
                "questions": [
                    ("judgement", FAIR_JUDGEMENT),
                    ("single_choice", choice("Pick?", ("The longest of them all", True), ("No", False))),
                ],
            },
        ),
    ]
    check = check_questions(blocks)
    assert check.questions == 4 and check.flagged == 1
    (finding,) = check.findings
    assert finding.question == "Question 3 (pool “Listening in practice”), question 2: “Pick?”"


def test_long_prompts_are_shortened_at_a_word():
    short = authoring.shorten("word " * 30)
    assert short.endswith("word…") and len(short) <= authoring.SHORT_TEXT
    assert authoring.shorten("  A short   prompt? ") == "A short prompt?"


# On real pages: the StreamField value, the edit view, the report and the command


@pytest.fixture
def flagged(course, skills):
    listening, _ = skills
    return make_assessment(
        course,
        [
            ("single_choice", {**FAIR_CHOICE, "skills": [listening]}),
            (
                "pool",
                {
                    "title": "In practice",
                    "draw": 1,
                    "questions": [
                        ("judgement", {**FAIR_JUDGEMENT, "skills": [listening]}),
                        (
                            "judgement",
                            {
                                **judgement(
                                    ("'Sorry, Mr Reid. I'll find the payment now, while you wait.'", 100),
                                    ("'Account number?'", 0),
                                ),
                                "skills": [listening],
                            },
                        ),
                    ],
                },
            ),
        ],
        slug="flagged",
        title="Flagged assessment",
    )


@pytest.fixture
def fair(course, skills):
    listening, _ = skills
    return make_assessment(
        course,
        [
            ("single_choice", {**FAIR_CHOICE, "skills": [listening]}),
            ("judgement", {**FAIR_JUDGEMENT, "skills": [listening]}),
        ],
        slug="fair",
        title="Fair assessment",
    )


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="author-root", is_superuser=True, is_staff=True))
    return client


@pytest.mark.django_db
def test_a_page_is_checked_from_its_stream_field(flagged, fair):
    check = authoring.check_assessment(flagged)
    assert (check.questions, check.flagged) == (3, 1)
    assert check.findings[0].where == "Question 2 (pool “In practice”), question 2"
    assert not authoring.check_assessment(fair)


@pytest.mark.django_db
def test_the_edit_view_warns_about_each_flagged_question(admin_client, flagged, fair):
    html = admin_client.get(f"/admin/pages/{flagged.pk}/edit/").content.decode()
    assert "Question quality: 1 question gives its answer away by option length" in html
    assert "Question 2 (pool “In practice”), question 2" in html
    assert "The best reply is the longest" in html
    assert f"/admin/reports/question-quality/?assessment={flagged.pk}" in html
    assert "Question quality:" not in admin_client.get(f"/admin/pages/{fair.pk}/edit/").content.decode()


@pytest.mark.django_db
def test_the_report_lists_flagged_questions_with_a_link_to_edit(admin_client, flagged, fair):
    response = admin_client.get("/admin/reports/question-quality/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Flagged assessment" in html and f"/admin/pages/{flagged.pk}/edit/" in html
    assert "The best reply is the longest" in html
    assert "Fair assessment" not in html
    only_fair = admin_client.get(f"/admin/reports/question-quality/?assessment={fair.pk}").content.decode()
    assert "Every question passes" in only_fair
    assert "Question quality" in admin_client.get("/admin/reports/question-quality/").content.decode()


@pytest.mark.django_db
def test_the_report_is_for_page_editors_only(client, flagged):
    client.force_login(UserFactory(username="staff-only", is_staff=True))
    response = client.get("/admin/reports/question-quality/")
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_the_command_exits_1_naming_what_to_change_and_0_when_all_pass(flagged, fair):
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("lms_check_questions", stdout=out)
    assert error.value.returncode == 1
    assert str(error.value) == "1 of 5 questions need another look, in 1 assessment."
    printed = out.getvalue()
    assert f"Flagged assessment (id {flagged.pk})" in printed
    assert "Question 2 (pool “In practice”), question 2" in printed
    assert "Make the best reply more concise" in printed
    assert "Fair assessment" not in printed

    out = io.StringIO()
    call_command("lms_check_questions", "--assessment", str(fair.pk), stdout=out)
    assert "All 2 questions pass" in out.getvalue()

    with pytest.raises(CommandError) as error:
        call_command("lms_check_questions", "--assessment", "999999")
    assert error.value.returncode == 2


@pytest.mark.django_db
def test_the_command_checks_the_latest_revision_authors_are_editing(fair, skills):
    draft = fair.get_latest_revision_as_object()
    draft.questions = [
        (
            "single_choice",
            {**choice("Pick?", ("The longest of them all", True), ("No", False)), "skills": [skills[0]]},
        )
    ]
    draft.save_revision()
    with pytest.raises(CommandError):
        call_command("lms_check_questions", "--assessment", str(fair.pk), stdout=io.StringIO())


# The demo content


def _walk(blocks):
    for block_type, value in blocks:
        if block_type == "pool":
            yield from _walk(value["questions"])
        else:
            yield block_type, value


def test_the_demo_content_gives_nothing_away_by_length():
    findings = [f for data in ASSESSMENTS.values() for f in check_questions(data["questions"]).findings]
    assert [str(f) for f in findings] == []
    # Nor is the best option simply the shortest instead: no more often than chance (one in four).
    keyed_shortest = asked = 0
    for data in ASSESSMENTS.values():
        for block_type, value in _walk(data["questions"]):
            if block_type in ("single_choice", "judgement"):
                asked += 1
                lengths = [authoring.length(o["text"]) for o in value["options"]]
                best = next(o for o in value["options"] if o.get("correct") or o.get("quality") == 100)
                keyed_shortest += authoring.length(best["text"]) == min(lengths)
    assert asked == 30 and keyed_shortest <= asked // 3


@pytest.mark.django_db
def test_the_built_demo_passes_the_check(demo):
    assert AssessmentPage.objects.count() == len(ASSESSMENTS)
    expected = sum(1 for data in ASSESSMENTS.values() for _ in _walk(data["questions"]))
    out = io.StringIO()
    call_command("lms_check_questions", stdout=out)
    assert f"All {expected} questions pass" in out.getvalue()
