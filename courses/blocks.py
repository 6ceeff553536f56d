"""StreamField blocks for module bodies: teaching text, worked dialogues, live policy quotes, images,
videos with transcripts."""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from lms.core import conf

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


YOUTUBE_PLAYER_HOST = "www.youtube-nocookie.com"
VIMEO_PLAYER_HOST = "player.vimeo.com"
_YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    YOUTUBE_PLAYER_HOST,
}
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{6,20}")
_VIMEO_ID = re.compile(r"/(?:video/)?(\d+)/?$")


def video_embed_url(url: str) -> str | None:
    """The player address a video link is embedded from, or None when its host isn't allowed.

    YouTube and Vimeo links of any usual form become their privacy-friendly players
    (www.youtube-nocookie.com, Vimeo with "do not track"), when LMS_VIDEO_HOSTS allows those; a link
    straight to another allowed host (a company's own video platform) is embedded as given."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    allowed = {h.lower() for h in conf.get("LMS_VIDEO_HOSTS")}
    if parts.scheme not in ("http", "https"):
        return None
    youtube_id = _youtube_id(host, parts)
    if youtube_id and YOUTUBE_PLAYER_HOST in allowed:
        return f"https://{YOUTUBE_PLAYER_HOST}/embed/{youtube_id}"
    vimeo_id = _vimeo_id(host, parts.path)
    if vimeo_id and VIMEO_PLAYER_HOST in allowed:
        return f"https://{VIMEO_PLAYER_HOST}/video/{vimeo_id}?dnt=1"
    if host in allowed and parts.scheme == "https" and not (youtube_id or vimeo_id):
        return url.strip()
    return None


def _youtube_id(host: str, parts) -> str | None:
    if host == "youtu.be":
        candidate = parts.path.strip("/")
    elif host in _YOUTUBE_HOSTS:
        path = parts.path.rstrip("/")
        if path == "/watch":
            candidate = parse_qs(parts.query).get("v", [""])[0]
        elif path.startswith(("/embed/", "/shorts/", "/live/")):
            candidate = path.rsplit("/", 1)[1]
        else:
            return None
    else:
        return None
    return candidate if _YOUTUBE_ID.fullmatch(candidate) else None


def _vimeo_id(host: str, path: str) -> str | None:
    if host not in ("vimeo.com", "www.vimeo.com", VIMEO_PLAYER_HOST):
        return None
    match = _VIMEO_ID.search(path)
    return match[1] if match else None


class VideoURLBlock(blocks.URLBlock):
    """A video link that plays only from the hosts an administrator allows (LMS_VIDEO_HOSTS), which the
    site's Content-Security-Policy lets the page frame."""

    def clean(self, value):
        value = super().clean(value)
        if value and video_embed_url(value) is None:
            raise ValidationError(
                _("Videos can be played only from these hosts: %(hosts)s. Use a link to a video there.")
                % {"hosts": ", ".join(conf.get("LMS_VIDEO_HOSTS"))}
            )
        return value


class VideoBlock(blocks.StructBlock):
    """A video played in the module from an allowed host, with a title for screen readers and a transcript
    beside it, for anyone who can't or would rather not watch (WCAG 1.2)."""

    # Named "video" as when it was an EmbedBlock: both store the link, so existing modules keep theirs.
    video = VideoURLBlock(
        label=_("Video link"),
        help_text=_("A YouTube or Vimeo link, or a player address on a host your administrator allows."),
    )
    title = blocks.CharBlock(
        max_length=160,
        label=_("Title"),
        help_text=_("What the video is, in a few words; screen readers announce it for the player."),
    )
    caption = blocks.CharBlock(required=False, max_length=200)
    transcript = blocks.RichTextBlock(
        features=TEXT_FEATURES,
        label=_("Transcript"),
        help_text=_("Everything said and shown that matters, for people who can't hear or watch the video."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value.get("video") or "")
        return context

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
