"""Builds the demo curriculum from ``curriculum.py``. Creates what is missing and leaves the rest alone,
so running it again never duplicates pages or overwrites an author's edits.

Later additions to the demo (a course's audience, the diagrams of ``illustrations.py``) also reach a demo
built before them, but only on pages no author has touched: every revision still the builder's own
(saved without a user) and no draft waiting."""

import io

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from courses.models import CataloguePage, CoursePage, ModulePage, Policy, Skill

from . import curriculum, illustrations

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


def _untouched(page: Page) -> bool:
    """True while only this builder has saved ``page``: no author's revision and no draft waiting."""
    return not page.has_unpublished_changes and not page.revisions.exclude(user=None).exists()


def _set_audience(course: CoursePage, data: dict) -> None:
    """Give a course built before audiences existed the audience the curriculum now asks for."""
    titles = "\n".join(data.get("audience_job_titles", []))
    if not titles or course.audience_job_titles or course.audience_teams.exists() or not _untouched(course):
        return
    course.audience_job_titles = titles
    course.save_revision().publish()


def _image(item: illustrations.Illustration):
    """The Wagtail image for ``item``, drawn and stored the first time (found by its title after)."""
    Image = get_image_model()
    image = Image.objects.filter(title=item.title).first()
    if image is None:
        image = Image(title=item.title, file=ImageFile(io.BytesIO(item.draw()), name=item.filename))
        image._set_image_file_metadata()
        image.save()
    return image


def _shows(module: ModulePage, image) -> bool:
    return any(
        block.block_type == "image" and block.value["image"] and block.value["image"].pk == image.pk
        for block in module.body
    )


def place_illustrations(courses: dict[str, CoursePage]) -> dict[str, object]:
    """Store each diagram as a Wagtail image and add it, with its alt text and caption, to its module:
    once, and never to a module an author has edited (they may have removed it on purpose)."""
    images = {}
    for item in illustrations.ILLUSTRATIONS:
        course = courses.get(item.course)
        module = ModulePage.objects.child_of(course).filter(slug=item.module).first() if course else None
        if module is None:
            continue
        image = images[item.filename] = _image(item)
        if _shows(module, image) or not _untouched(module):
            continue
        position = next(
            (i for i, block in enumerate(module.body) if block.block_type == item.before), len(module.body)
        )
        module.body.insert(
            position,
            (
                "image",
                {
                    "image": {"image": image, "alt_text": item.alt_text, "decorative": False},
                    "caption": item.caption,
                },
            ),
        )
        module.save_revision().publish()
    return images


@transaction.atomic
def build_curriculum() -> dict[str, object]:
    skills = {}
    for data in curriculum.SKILLS:
        skills[data["slug"]], _ = Skill.objects.originals().get_or_create(
            slug=data["slug"], defaults={"name": data["name"], "description": data["description"]}
        )
    policies = {}
    for data in curriculum.POLICIES:
        policy = Policy.objects.by_slug(data["slug"], original=True)
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
                    audience_job_titles="\n".join(data.get("audience_job_titles", [])),
                )
            )
            course.skills.set([skills[s] for s in data["skills"]])
            course.save_revision().publish()
        else:
            _set_audience(course, data)
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
    images = place_illustrations(courses)
    return {
        "catalogue": catalogue,
        "courses": courses,
        "skills": skills,
        "policies": policies,
        "images": images,
    }
