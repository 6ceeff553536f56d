"""StreamField blocks for module bodies: teaching text, worked dialogues, live policy quotes, images."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class KeyPointsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, default="Key points", max_length=120)
    points = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Key points")
        template = "lms_courses/blocks/key_points.html"


class DialogueLineBlock(blocks.StructBlock):
    speaker = blocks.ChoiceBlock(
        choices=[("customer", _("Customer")), ("agent", _("Agent")), ("leader", _("Team leader"))]
    )
    text = blocks.TextBlock()


class DialogueBlock(blocks.StructBlock):
    """A worked example of a real contact, line by line."""

    title = blocks.CharBlock(max_length=160)
    situation = blocks.TextBlock(required=False, help_text=_("What is going on before the first line."))
    lines = blocks.ListBlock(DialogueLineBlock(), min_num=2)
    takeaway = blocks.TextBlock(required=False, help_text=_("What the learner should notice."))

    class Meta:
        icon = "openquote"
        label = _("Customer/agent dialogue")
        template = "lms_courses/blocks/dialogue.html"


class PolicyBlock(blocks.StructBlock):
    """Quotes a Policy snippet live, so every module shows the same current wording."""

    policy = SnippetChooserBlock("lms_courses.Policy")
    note = blocks.CharBlock(required=False, max_length=300, help_text=_("Why this policy matters here."))

    class Meta:
        icon = "doc-full"
        label = _("Policy")
        template = "lms_courses/blocks/policy.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock()
    caption = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "lms_courses/blocks/video.html"


class FigureBlock(blocks.StructBlock):
    """An image (a diagram, a screenshot of a system) with alt text, or marked decorative, and a caption.

    Wagtail's ``ImageBlock`` asks for the alt text here, where the image is used: the same picture can
    need different words in different modules."""

    image = ImageBlock(
        help_text=_(
            "Describe what the image shows and why it matters here, as you would to someone on the "
            "phone. Mark it decorative only if it adds nothing the text does not say."
        )
    )
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text=_("Shown under the image for everyone to read.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "lms_courses/blocks/image.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "doc-empty"
        label = _("Document link")
        template = "lms_courses/blocks/document.html"


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock()
    hint = blocks.TextBlock(required=False)

    class Meta:
        icon = "help"
        label = _("Reflection prompt")
        template = "lms_courses/blocks/reflection.html"


class ModuleBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Text"))
    key_points = KeyPointsBlock()
    dialogue = DialogueBlock()
    policy = PolicyBlock()
    image = FigureBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()
    reflection = ReflectionBlock()
