import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from courses.models import CataloguePage, CoursePage, Enrolment, ModulePage, Policy, Skill
from lms.core import conf
from lms.core.models import Profile, Team


def join_hr_group(user, create, extracted, **kwargs):
    """Make ``user`` HR the way the product does: membership of the group that ``ensure_hr_group`` creates
    after every migrate (named by ``LMS_HR_GROUP``), which carries ``roles.HR_PERMISSION``."""
    user.groups.add(Group.objects.get(name=conf.get("LMS_HR_GROUP")))
    for cache in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(cache, None)


class UserFactory(factory.django.DjangoModelFactory):
    """A person. ``UserFactory(hr=True)`` is someone in HR."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    class Params:
        hr = factory.Trait(hr_group=factory.PostGeneration(join_hr_group))

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("pass1234")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")
    leader = factory.SubFactory(UserFactory)


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    team = None
    job_title = "Customer service adviser"


def default_locale():
    """The default locale, made again where a transactional test's flush emptied it (tests/baseline.py)."""
    from django.conf import settings
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code=get_supported_language_variant(settings.LANGUAGE_CODE))[
        0
    ]


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ("slug",)

    locale = factory.LazyFunction(default_locale)
    name = factory.Sequence(lambda n: f"Skill {n}")
    slug = factory.Sequence(lambda n: f"skill-{n}")


class PolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Policy

    locale = factory.LazyFunction(default_locale)
    title = factory.Sequence(lambda n: f"Policy {n}")
    slug = factory.Sequence(lambda n: f"policy-{n}")
    body = "<p>Refunds up to £50 may be approved by any adviser.</p>"


class CataloguePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CataloguePage

    title = "Courses"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "Why this course matters."
    audience = "Everyone who talks to customers"
    leaders_first = False


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What this module covers."
    body = factory.LazyFunction(lambda: [("text", "<p>Listen first, then help.</p>")])


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    user = factory.SubFactory(UserFactory)
    course = None


def sample_questions(listening, apology):
    """One question of every type, with known keys, for grading tests."""
    return [
        (
            "single_choice",
            {
                "prompt": "Who may approve a £40 goodwill credit?",
                "skills": [listening],
                "points": 1,
                "options": [
                    {"text": "Any adviser", "correct": True},
                    {"text": "Only a manager", "correct": False},
                    {"text": "Nobody", "correct": False},
                ],
                "explanation": "Advisers may approve up to £50.",
            },
        ),
        (
            "multiple_response",
            {
                "prompt": "Which show you are listening? Choose all that apply.",
                "skills": [listening],
                "points": 1,
                "options": [
                    {"text": "Summarising back", "correct": True},
                    {"text": "Interrupting to save time", "correct": False},
                    {"text": "Asking a clarifying question", "correct": True},
                    {"text": "Typing loudly", "correct": False},
                ],
                "explanation": "Summaries and questions show attention.",
            },
        ),
        (
            "true_false",
            {
                "statement": "An apology should say what went wrong.",
                "skills": [apology],
                "points": 1,
                "answer": True,
                "explanation": "A specific apology sounds sincere.",
            },
        ),
        (
            "judgement",
            {
                "scenario": "Mrs Okafor has been cut off twice.",
                "prompt": "What do you say next?",
                "skills": [apology],
                "points": 1,
                "options": [
                    {
                        "text": "I'm sorry you were cut off twice, Mrs Okafor. I'll stay with you.",
                        "quality": 100,
                    },
                    {"text": "Sorry about that. What's the account number?", "quality": 60},
                    {"text": "The line drops sometimes.", "quality": 20},
                    {"text": "You need to call back later.", "quality": 0},
                ],
                "explanation": "Name, apology, ownership.",
            },
        ),
        (
            "sequencing",
            {
                "prompt": "Put the complaint steps in order.",
                "skills": [apology],
                "points": 1,
                "steps": ["Listen", "Acknowledge", "Apologise", "Resolve"],
                "explanation": "Listen before you fix.",
            },
        ),
        (
            "written",
            {
                "scenario": "Mr Lindqvist's refund is late.",
                "prompt": "Write your reply.",
                "skills": [apology],
                "points": 2,
                "rubric": [
                    {"criterion": "Acknowledges", "description": "Names the problem", "points": 2},
                    {"criterion": "Apologises", "description": "Sincere, no blame", "points": 2},
                ],
                "model_answer": "I'm sorry your refund is late, Mr Lindqvist...",
                "explanation": "",
            },
        ),
    ]


def automatic_questions(listening, apology):
    """``sample_questions`` without the written reply: everything is marked the moment it is submitted."""
    return [q for q in sample_questions(listening, apology) if q[0] != "written"]


def make_assessment(course, questions, observation=(), **fields):
    from quizzes.models import AssessmentPage

    defaults = {
        "title": "Assessment",
        "slug": "assessment",
        "awareness_threshold": 70,
        "skill_threshold": 70,
        "skill_minimum": 50,
        "attempt_limit": 3,
        "cooldown_minutes": 60,
        "time_limit_minutes": 30,
    }
    defaults.update(fields)
    page = AssessmentPage(
        questions=questions,
        observation=[("item", {"skill": s, "behaviour": b}) for s, b in observation],
        **defaults,
    )
    course.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
