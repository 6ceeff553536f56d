"""Builds the demo curriculum from ``curriculum.py``. Creates what is missing and leaves the rest alone,
so running it again never duplicates pages or overwrites an author's edits."""

from django.db import transaction
from wagtail.models import Page, Site

from courses.models import CataloguePage, CoursePage, ModulePage, Policy, Skill

from . import curriculum

CATALOGUE_SLUG = "courses"


def _catalogue() -> CataloguePage:
    existing = CataloguePage.objects.filter(slug=CATALOGUE_SLUG).first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    catalogue = root.add_child(
        instance=CataloguePage(
            title="Customer service courses",
            slug=CATALOGUE_SLUG,
            intro=(
                "<p>Short, practical courses for everyone who looks after our customers. Each one ends "
                "in an assessment that checks what you can <em>do</em>, not only what you know.</p>"
            ),
        )
    )
    catalogue.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=catalogue,
            is_default_site=True,
            site_name="Frontline LMS",
        )
    else:
        old_root = site.root_page
        site.root_page = catalogue
        site.site_name = "Frontline LMS"
        site.save()
        # Wagtail's placeholder welcome page has nothing in it worth keeping.
        if (
            old_root.specific_class is Page
            and old_root.slug == "home"
            and not old_root.get_children().exists()
        ):
            old_root.delete()
    return catalogue


def _body(blocks: list[tuple[str, object]], policies: dict[str, Policy]) -> list[tuple[str, object]]:
    body = []
    for block_type, value in blocks:
        if block_type == "policy":
            value = {**value, "policy": policies[value["policy"]]}
        body.append((block_type, value))
    return body


@transaction.atomic
def build_curriculum() -> dict[str, object]:
    skills = {}
    for data in curriculum.SKILLS:
        skills[data["slug"]], _ = Skill.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"], "description": data["description"]}
        )
    policies = {}
    for data in curriculum.POLICIES:
        policy = Policy.objects.filter(slug=data["slug"]).first()
        if policy is None:
            policy = Policy(
                slug=data["slug"], title=data["title"], summary=data["summary"], body=data["body"]
            )
            policy.save()
            policy.save_revision().publish()
        policies[data["slug"]] = policy

    catalogue = _catalogue()
    courses = {}
    for data in curriculum.COURSES:
        course = CoursePage.objects.filter(slug=data["slug"]).first()
        if course is None:
            course = catalogue.add_child(
                instance=CoursePage(
                    title=data["title"],
                    slug=data["slug"],
                    summary=data["summary"],
                    audience=data["audience"],
                    estimated_minutes=data["estimated_minutes"],
                    leaders_first=data["leaders_first"],
                    validity_months=data["validity_months"],
                )
            )
            course.skills.set([skills[s] for s in data["skills"]])
            course.save_revision().publish()
        courses[data["slug"]] = course
        for module_data in data["modules"]:
            if ModulePage.objects.filter(slug=module_data["slug"]).child_of(course).exists():
                continue
            module = course.add_child(
                instance=ModulePage(
                    title=module_data["title"],
                    slug=module_data["slug"],
                    summary=module_data["summary"],
                    estimated_minutes=module_data["estimated_minutes"],
                    body=_body(module_data["body"], policies),
                )
            )
            module.save_revision().publish()
    return {"catalogue": catalogue, "courses": courses, "skills": skills, "policies": policies}
