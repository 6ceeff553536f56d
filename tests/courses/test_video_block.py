"""Videos in modules: played only from the hosts an administrator allows (and the page's Content-Security-
Policy follows that list), through privacy-friendly players, with a title and a transcript beside them."""

import html

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from courses.blocks import VideoBlock, video_embed_url
from courses.models import Enrolment
from tests.factories import ModulePageFactory

pytestmark = pytest.mark.django_db

TRANSCRIPT = "<p>Agent: I can hear how frustrating this has been. Let me put it right today.</p>"


def video(url, *, title="Acknowledging a late delivery", transcript=TRANSCRIPT, caption=""):
    return {"video": url, "title": title, "caption": caption, "transcript": transcript}


def clean(value):
    block = VideoBlock()
    return block.clean(block.to_python(value))


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
    ],
)
def test_a_link_to_an_allowed_host_validates_and_plays_from_a_privacy_friendly_player(url, player):
    assert clean(video(url))["video"] == url
    assert video_embed_url(url) == player


@pytest.mark.parametrize(
    "url",
    [
        "https://videos.example.net/watch/42",
        "https://www.dailymotion.com/video/x7tgad0",
        "ftp://player.vimeo.com/1",
    ],
)
def test_a_link_to_any_other_host_is_refused_naming_the_allowed_hosts(url):
    with pytest.raises(StructBlockValidationError) as raised:
        clean(video(url))
    message = str(raised.value.block_errors["video"])
    assert "Videos can be played only from these hosts" in message
    assert "www.youtube-nocookie.com, player.vimeo.com" in message


def test_the_allowed_hosts_follow_the_setting(settings):
    settings.LMS_VIDEO_HOSTS = ["videos.example.net"]
    assert (
        clean(video("https://videos.example.net/embed/42"))["video"] == "https://videos.example.net/embed/42"
    )
    with pytest.raises(StructBlockValidationError) as raised:
        clean(video("https://youtu.be/dQw4w9WgXcQ"))
    assert "videos.example.net" in str(raised.value.block_errors["video"])


def test_a_video_needs_a_title_and_a_transcript():
    with pytest.raises(StructBlockValidationError) as raised:
        clean(video("https://youtu.be/dQw4w9WgXcQ", title="", transcript=""))
    assert set(raised.value.block_errors) == {"title", "transcript"}


@pytest.fixture
def video_module(course, learner):
    module = ModulePageFactory(
        parent=course,
        title="Watch",
        slug="watch",
        body=[("text", "<p>Before.</p>"), ("video", video("https://www.youtube.com/watch?v=dQw4w9WgXcQ"))],
    )
    Enrolment.objects.create(user=learner, course=course)
    return module


def test_the_module_page_plays_the_video_with_its_title_and_shows_the_transcript(
    client, learner, video_module
):
    client.force_login(learner)
    response = client.get(video_module.url)
    page = html.unescape(response.content.decode())
    assert '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in page
    assert 'title="Acknowledging a late delivery"' in page
    assert "Read the transcript" in page
    assert "I can hear how frustrating this has been." in page
    # The page's own policy lets it frame the player it embeds.
    assert "https://www.youtube-nocookie.com" in _frame_src(response)


def test_a_video_whose_host_is_no_longer_allowed_offers_a_link_and_keeps_its_transcript(
    client, learner, video_module, settings
):
    settings.LMS_VIDEO_HOSTS = ["player.vimeo.com"]
    client.force_login(learner)
    page = html.unescape(client.get(video_module.url).content.decode())
    assert "<iframe" not in page
    assert "Open the video on its own site" in page
    assert "I can hear how frustrating this has been." in page


def _frame_src(response) -> list[str]:
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip()
    )
    return directives["frame-src"].split()


def test_the_content_security_policy_frames_the_configured_hosts_and_follows_the_setting(client, settings):
    assert _frame_src(client.get("/login/")) == [
        "'self'",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]
    settings.LMS_VIDEO_HOSTS = ["videos.example.net"]
    assert _frame_src(client.get("/login/")) == ["'self'", "https://videos.example.net"]


def test_an_author_edits_a_module_with_a_video_in_the_admin(client, video_module, django_user_model):
    author = django_user_model.objects.create_superuser("author", "author@example.com", "x")
    client.force_login(author)
    response = client.get(f"/admin/pages/{video_module.pk}/edit/")
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Transcript" in page and "Video link" in page
