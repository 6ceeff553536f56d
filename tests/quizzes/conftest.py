import pytest

from courses import services as course_services
from courses.models import Enrolment
from tests.factories import SkillFactory, make_assessment, sample_questions


@pytest.fixture
def skills(db):
    return SkillFactory(name="Listening", slug="listening"), SkillFactory(name="Apology", slug="apology")


@pytest.fixture
def assessment(course, skills):
    listening, apology = skills
    return make_assessment(
        course,
        sample_questions(listening, apology),
        observation=[
            (listening, "Let the customer finish"),
            (apology, "Apologised for the specific problem"),
        ],
    )


@pytest.fixture
def auto_assessment(course, skills):
    """Only automatically graded questions, no observation: graded at once on submit."""
    listening, apology = skills
    questions = [q for q in sample_questions(listening, apology) if q[0] != "written"]
    return make_assessment(course, questions, slug="auto", title="Auto")


def finish_modules(user, course, enrolment):
    """Complete every module of ``course``, as the learner would: the assessment opens after them."""
    for module in course.modules():
        course_services.complete_module(user=user, enrolment_id=enrolment.pk, module_id=module.pk)


@pytest.fixture
def enrolled(course, learner):
    """The learner, enrolled with every module done: ready for the assessment."""
    enrolment = Enrolment.objects.create(user=learner, course=course)
    finish_modules(learner, course, enrolment)
    return enrolment


@pytest.fixture
def just_enrolled(course, learner):
    """The learner, enrolled with no module done yet."""
    return Enrolment.objects.create(user=learner, course=course)


def best_answers(attempt):
    """The full-marks response to every automatically graded question in an attempt."""
    answers = {}
    for q in attempt.snapshot["questions"]:
        if q["type"] in ("single_choice", "true_false"):
            answers[q["id"]] = next(o["id"] for o in q["options"] if o["correct"])
        elif q["type"] == "multiple_response":
            answers[q["id"]] = [o["id"] for o in q["options"] if o["correct"]]
        elif q["type"] == "judgement":
            answers[q["id"]] = max(q["options"], key=lambda o: o["quality"])["id"]
        elif q["type"] == "sequencing":
            answers[q["id"]] = list(q["key_order"])
        elif q["type"] == "written":
            answers[q["id"]] = "I'm so sorry your refund is late. I've chased it and it will arrive Friday."
    return answers
