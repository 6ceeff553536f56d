"""Images in modules: Wagtail images with alt text (or marked decorative) and a caption, rendered
responsively; and the demo's diagrams, placed once in their modules."""

import html
import io
import os
import re

import pytest
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.blocks import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model

from courses.blocks import FigureBlock, ModuleBodyBlock
from courses.models import CoursePage, Enrolment, ModulePage
from tests.factories import ModulePageFactory

pytestmark = pytest.mark.django_db


def a_picture(title="Four steps", size=(1000, 600)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#0b5cad").save(buffer, format="PNG")
    image = get_image_model()(title=title, file=ImageFile(buffer, name="steps.png"))
    image.save()
    return image


def figure(image, *, alt="", decorative=False, caption=""):
    return (
        "image",
        {"image": {"image": image, "alt_text": alt, "decorative": decorative}, "caption": caption},
    )


@pytest.fixture
def module_with(course):
    def make(*blocks):
        return ModulePageFactory(
            parent=course, title="Pictured", slug="pictured", body=[("text", "<p>Before.</p>"), *blocks]
        )

    return make


def test_an_image_renders_with_its_alt_text_caption_and_sizes(client, course, learner, module_with):
    image = a_picture()
    module = module_with(
        figure(image, alt="Listen, name the problem, name the effect, act.", caption="The four steps.")
    )
    Enrolment.objects.create(user=learner, course=course)
    client.force_login(learner)
    page = client.get(module.url).content.decode()
    tag = re.search(r"<img[^>]*figure__image[^>]*>", page).group(0)
    assert 'alt="Listen, name the problem, name the effect, act."' in tag
    widths = sorted(int(w) for w in re.findall(r" (\d+)w", tag))
    assert widths == [400, 800, 1000]  # a 1000 px picture is never enlarged
    assert 'sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"' in tag
    assert 'loading="lazy"' in tag
    assert re.search(r'src="/media/images/steps[^"]*\.width-400\.png"', tag)
    assert '<figcaption class="figure__caption">The four steps.</figcaption>' in page
    assert "block block--image" in page


def test_a_decorative_image_has_an_empty_alt(client, course, learner, module_with):
    module = module_with(figure(a_picture(title="A pattern"), decorative=True, alt="ignored"))
    client.force_login(learner)
    page = client.get(module.url).content.decode()
    tag = re.search(r"<img[^>]*figure__image[^>]*>", page).group(0)
    assert 'alt=""' in tag
    assert "ignored" not in page
    assert "A pattern" not in tag  # never the image's title in place of words chosen for this module
    assert "<figcaption" not in page


def test_an_image_needs_alt_text_unless_it_is_decorative(db):
    image = a_picture()
    block = FigureBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}}))
    assert "alt text" in str(raised.value.block_errors["image"].block_errors["alt_text"])
    cleaned = block.clean(block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": True}}))
    assert cleaned["image"].decorative is True
    assert "image" in ModuleBodyBlock.base_blocks
    with pytest.raises(StreamBlockValidationError):
        ModuleBodyBlock().clean(
            ModuleBodyBlock().to_python([{"type": "image", "value": {"image": {"image": None}}}])
        )


def test_a_module_whose_image_was_deleted_still_renders(client, course, learner, module_with):
    image = a_picture()
    module = module_with(figure(image, alt="Gone soon"))
    image.delete()
    client.force_login(learner)
    response = client.get(module.url)
    assert response.status_code == 200
    assert "<figure" not in response.content.decode()


# The demo's diagrams


def image_blocks(module: ModulePage) -> list:
    return [block.value for block in module.body if block.block_type == "image"]


def quietly(command: str) -> None:
    with open(os.devnull, "w") as quiet:
        call_command(command, stdout=quiet)


def test_the_demo_places_its_diagrams_once_with_real_alt_text(demo, client, django_user_model):
    from project.demo.content.illustrations import ILLUSTRATIONS

    Image = get_image_model()
    assert len(ILLUSTRATIONS) >= 2
    for item in ILLUSTRATIONS:
        module = ModulePage.objects.get(
            slug=item.module, path__startswith=CoursePage.objects.get(slug=item.course).path
        )
        (value,) = image_blocks(module)
        assert value["image"].title == item.title
        assert value["image"].contextual_alt_text == item.alt_text
        assert len(item.alt_text) > 80 and value["image"].decorative is False
        assert value["caption"] == item.caption
        assert value["image"].width == 1000
        types = [block.block_type for block in module.body]
        assert types[types.index("image") + 1] == item.before
    count = Image.objects.count()
    quietly("lms_demo")
    assert Image.objects.count() == count
    item = ILLUSTRATIONS[0]
    module = ModulePage.objects.get(slug=item.module)
    assert len(image_blocks(module)) == 1
    # Learners see them: the first diagram in its module, as the employee reads it.
    client.login(username="employee", password="demo1234")
    page = client.get(module.url).content.decode()
    assert f'alt="{html.escape(item.alt_text)}"' in page


def test_the_demo_reaches_a_demo_built_before_diagrams_but_not_a_module_an_author_edited(
    demo, django_user_model
):
    from project.demo.content.build_courses import build_curriculum
    from project.demo.content.illustrations import ILLUSTRATIONS

    first, second = (ModulePage.objects.get(slug=item.module) for item in ILLUSTRATIONS[:2])
    for module, user in ((first, None), (second, django_user_model.objects.get(username="author"))):
        module.body = [(b.block_type, b.value) for b in module.body if b.block_type != "image"]
        module.save_revision(user=user).publish()  # None: as the builder saved it before diagrams existed
    build_curriculum()
    assert len(image_blocks(ModulePage.objects.get(pk=first.pk))) == 1
    assert image_blocks(ModulePage.objects.get(pk=second.pk)) == []  # the author took it out: left out


def test_the_demo_offers_the_leaders_course_to_leaders_only(demo, client, django_user_model):
    leaders = CoursePage.objects.get(slug="leading-a-service-team")
    for username, sees in (
        ("employee", False),
        ("employee2", False),
        ("leader", True),
        ("head", True),
        ("hr", True),
    ):
        client.login(username=username, password="demo1234")
        slugs = [entry.course.slug for entry in client.get("/").context["entries"]]
        assert (leaders.slug in slugs) is sees, username
        assert "active-listening" in slugs
    # A demo built before audiences existed gets it on the next run, unless an author set one.
    leaders.audience_job_titles = ""
    leaders.save_revision().publish()
    quietly("lms_demo")
    assert "Team leader, Front Desk" in CoursePage.objects.get(pk=leaders.pk).job_titles()
    leaders = CoursePage.objects.get(pk=leaders.pk)
    leaders.audience_job_titles = ""
    leaders.save_revision(user=django_user_model.objects.get(username="author")).publish()
    quietly("lms_demo")
    assert CoursePage.objects.get(pk=leaders.pk).job_titles() == []
