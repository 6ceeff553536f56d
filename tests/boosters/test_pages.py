"""The Boosters page: one question at a time, the answer and why at once, without JavaScript; pausing; and
the daily "boosters waiting" notice, at most once a day."""

import datetime

import pytest
from freezegun import freeze_time

from boosters import services
from boosters.jobs import send_booster_reminders
from boosters.models import BoosterCard, BoosterReview
from boosters.services import course_settings
from lms.core.models import Notification

from .conftest import START, best_response, wrong_response

LATER = START + datetime.timedelta(days=3)


@pytest.fixture
def page(client, learner, certified):
    client.force_login(learner)
    return client


def test_one_question_at_a_time_answered_with_a_plain_form(page):
    with freeze_time(LATER):
        shown = page.get("/training/boosters/")
        html = shown.content.decode()
        assert shown.status_code == 200
        assert "Question 1 of 2" in html and html.count('name="card"') == 1
        card = BoosterCard.objects.get(pk=shown.context["card"].pk)
        # Nothing on the page gives the answer away before it is given.
        assert card.question["explanation"] not in html
        response = best_response(card.question)
        form = {"card": card.pk, f"q-{card.question['id']}": response}
        answered = page.post("/training/boosters/", form)
        html = answered.content.decode()
    assert answered.status_code == 200
    assert "Right" in html and card.question["explanation"] in html and "Next question" in html
    assert BoosterReview.objects.get().correct is True


def test_no_answer_chosen_is_asked_again_and_saves_nothing(page):
    with freeze_time(LATER):
        card = page.get("/training/boosters/").context["card"]
        again = page.post("/training/boosters/", {"card": card.pk})
    assert again.status_code == 400 and "Choose an answer first." in again.content.decode()
    assert not BoosterReview.objects.exists()


def test_a_wrong_answer_shows_the_right_one_and_why(page):
    with freeze_time(LATER):
        card = page.get("/training/boosters/").context["card"]
        answered = page.post(
            "/training/boosters/",
            {"card": card.pk, f"q-{card.question['id']}": wrong_response(card.question)},
        )
    html = answered.content.decode()
    assert "Not quite" in html and card.question["explanation"] in html
    assert BoosterReview.objects.get().correct is False


def test_pause_and_resume_from_the_page(page, learner):
    with freeze_time(LATER):
        page.post("/training/boosters/pause/", {"paused": "1"})
        assert 'id="boosters-paused"' in page.get("/training/boosters/").content.decode()
        page.post("/training/boosters/pause/", {"paused": "0"})
        assert "Question 1 of 2" in page.get("/training/boosters/").content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client, certified):
    assert client.get("/training/boosters/").status_code == 302


def test_boosters_waiting_is_told_once_a_day_and_not_while_paused(certified, learner, other_learner):
    with freeze_time(LATER):
        assert send_booster_reminders() == 1
        assert send_booster_reminders() == 0
        notice = Notification.objects.get(recipient=learner)
        assert notice.link == "/training/boosters/" and "2 short questions" in notice.text
    with freeze_time(LATER + datetime.timedelta(days=1)):
        # The set is still waiting: one notice a day.
        assert send_booster_reminders() == 1
    services.pause(user=learner)
    with freeze_time(LATER + datetime.timedelta(days=2)):
        assert send_booster_reminders() == 0
    assert Notification.objects.filter(recipient=learner).count() == 2


def test_authors_set_boosters_per_course_in_the_training_menu(admin_client, course):
    listing = admin_client.get("/admin/snippets/lms_boosters/boostersettings/")
    assert listing.status_code == 200
    created = admin_client.post(
        "/admin/snippets/lms_boosters/boostersettings/add/",
        {"course": course.pk, "enabled": "on", "questions_per_set": "3", "sets_per_week": "2"},
    )
    assert created.status_code == 302
    assert course_settings(course) == {"enabled": True, "questions_per_set": 3, "sets_per_week": 2}
    refused = admin_client.post(
        "/admin/snippets/lms_boosters/boostersettings/add/",
        {"course": course.pk, "enabled": "on", "questions_per_set": "30", "sets_per_week": "2"},
    )
    assert refused.status_code == 200  # the form again, with the error; the course keeps its settings
    assert course_settings(course)["questions_per_set"] == 3
    home = admin_client.get("/admin/").content.decode()
    assert "Booster settings" in home and "Course feedback" in home
