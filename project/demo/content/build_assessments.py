"""Builds each demo course's assessment from ``assessments.py``; creates what is missing, keeps edits."""

from django.db import transaction

from courses.models import CoursePage, Skill
from quizzes.models import AssessmentPage

from .assessments import ASSESSMENTS


def _with_skills(blocks, skills):
    converted = []
    for block_type, value in blocks:
        value = dict(value)
        if block_type == "pool":
            value["questions"] = _with_skills(value["questions"], skills)
        else:
            value["skills"] = [skills[slug] for slug in value["skills"]]
        converted.append((block_type, value))
    return converted


@transaction.atomic
def build_assessments() -> dict[str, AssessmentPage]:
    skills = {s.slug: s for s in Skill.objects.all()}
    built = {}
    for slug, data in ASSESSMENTS.items():
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None:
            continue
        existing = AssessmentPage.objects.child_of(course).first()
        if existing:
            built[slug] = existing
            continue
        page = AssessmentPage(
            title=data["title"],
            slug="assessment",
            intro=f"<p>{data['intro']}</p>",
            awareness_threshold=data["awareness_threshold"],
            skill_threshold=data["skill_threshold"],
            skill_minimum=data["skill_minimum"],
            attempt_limit=data["attempt_limit"],
            cooldown_minutes=data["cooldown_minutes"],
            time_limit_minutes=data["time_limit_minutes"],
            questions=_with_skills(data["questions"], skills),
            observation=[
                ("item", {"skill": skills[item["skill"]], "behaviour": item["behaviour"]})
                for item in data["observation"]
            ],
        )
        course.add_child(instance=page)
        page.save_revision().publish()
        built[slug] = page
    return built
