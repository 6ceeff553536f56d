"""Course feedback: given at the course's end, one per person (editable); authors and HR see figures and
comments only from five answers on, never a name."""

import pytest
from django.contrib.auth.models import Permission

from boosters import feedback
from boosters.models import CourseFeedback, ModuleFeedback
from certificates import services as certificate_services
from tests.factories import UserFactory


@pytest.fixture
def author(db):
    user = UserFactory(username="author", first_name="Ann", last_name="Author")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    return user


def finished(course, n, *, start=0):
    """``n`` people holding the course's certificate, named so a leak would show."""
    people = []
    for i in range(start, start + n):
        person = UserFactory(username=f"fb{i}", first_name=f"Firstname{i}", last_name=f"Surname{i}")
        certificate_services.issue(holder=person, course=course)
        people.append(person)
    return people


def answer_all(course, people, *, module=None, start=0):
    for i, person in enumerate(people, start=start):
        feedback.give(
            user=person,
            course=course,
            rating=1 + i % 5,
            comment=f"Comment {i}",
            modules={module.pk: {"rating": 4, "comment": f"Module note {i}"}} if module else None,
        )


def test_four_answers_show_nothing_five_show_averages_and_comments_and_no_names(course, author, client):
    module = course.modules().first()
    people = finished(course, 5)
    answer_all(course, people[:4], module=module)
    client.force_login(author)

    four = client.get(f"/api/v1/courses/{course.pk}/feedback/").json()
    assert four["shown"] is False
    assert four["answers"] is None and four["average"] is None and four["comments"] == []
    assert all(m["shown"] is False and m["comments"] == [] for m in four["modules"])
    page = client.get(f"/training/feedback/{course.pk}/summary/").content.decode()
    assert "Comment 0" not in page and "Module note" not in page

    answer_all(course, people[4:5], module=module, start=4)
    five = client.get(f"/api/v1/courses/{course.pk}/feedback/").json()
    assert five["shown"] is True and five["answers"] == 5
    assert five["average"] == pytest.approx((1 + 2 + 3 + 4 + 5) / 5, abs=0.05)
    assert five["distribution"] == [1, 1, 1, 1, 1]
    assert sorted(five["comments"]) == [f"Comment {i}" for i in range(5)]
    shown = {m["id"]: m for m in five["modules"]}
    assert shown[module.pk]["shown"] is True and shown[module.pk]["average"] == 4
    others = [m for m in five["modules"] if m["id"] != module.pk]
    assert others and all(m["shown"] is False for m in others)
    page = client.get(f"/training/feedback/{course.pk}/summary/").content.decode()
    assert "Comment 4" in page and "Module note 0" in page
    listing = client.get("/api/v1/course-feedback/").json()
    assert {
        "course": {"id": course.pk, "title": course.title},
        "shown": True,
        "answers": 5,
        "average": 3.0,
    } in listing
    for person in people:
        for text in (str(five), page, str(listing)):
            assert person.username not in text and "Firstname" not in text and "Surname" not in text


def test_the_threshold_lives_in_one_setting(course, author, settings):
    settings.LMS_FEEDBACK_MIN_ANSWERS = 2
    answer_all(course, finished(course, 2))
    assert feedback.summary(course=course)["shown"] is True


def test_one_answer_per_person_and_course_edited_in_place(course, client):
    (person,) = finished(course, 1)
    client.force_login(person)
    url = f"/api/v1/courses/{course.pk}/feedback/mine/"
    assert client.get(url).status_code == 404
    first = client.put(url, {"rating": 2, "comment": "More examples"}, content_type="application/json")
    assert first.status_code == 200 and first.json()["rating"] == 2
    module = course.modules().first()
    second = client.put(
        url,
        {
            "rating": 4,
            "comment": "Better now",
            "modules": {str(module.pk): {"rating": 5, "comment": "Great"}},
        },
        content_type="application/json",
    )
    assert second.json()["rating"] == 4
    assert second.json()["modules"] == [{"module": module.pk, "rating": 5, "comment": "Great"}]
    assert CourseFeedback.objects.filter(user=person, course=course).count() == 1
    assert client.get(url).json()["comment"] == "Better now"


@pytest.mark.parametrize(
    "body",
    [
        {"rating": 6},
        {"rating": 0},
        {"rating": "five"},
        {"comment": "no rating"},
        {"rating": 3, "comment": "x" * 2001},
        {"rating": 3, "modules": {"999999": {"rating": 3}}},
        {"rating": 3, "modules": {"1": {"rating": 9}}},
    ],
)
def test_bad_feedback_is_refused_and_saves_nothing(course, client, body):
    (person,) = finished(course, 1)
    client.force_login(person)
    response = client.put(
        f"/api/v1/courses/{course.pk}/feedback/mine/", body, content_type="application/json"
    )
    assert response.status_code in (400, 404)
    assert response.json()["code"] and response.json()["detail"]
    assert not CourseFeedback.objects.exists() and not ModuleFeedback.objects.exists()


def test_feedback_waits_for_the_end_of_the_course(course, client, learner):
    client.force_login(learner)
    response = client.put(
        f"/api/v1/courses/{course.pk}/feedback/mine/", {"rating": 5}, content_type="application/json"
    )
    assert response.status_code == 403 and response.json()["code"] == "course_not_finished"
    assert client.get(f"/training/feedback/{course.pk}/").status_code == 403
    assert not CourseFeedback.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("learner", 403), ("author", 200), ("hr", 200)])
def test_summaries_are_for_authors_and_hr(course, client, learner, author, hr, who, status):
    client.force_login({"learner": learner, "author": author, "hr": hr}[who])
    assert client.get(f"/api/v1/courses/{course.pk}/feedback/").status_code == status
    assert client.get("/api/v1/course-feedback/").status_code == status
    assert client.get(f"/training/feedback/{course.pk}/summary/").status_code == status
    assert client.get("/training/feedback/").status_code == status


def test_the_feedback_page_saves_and_shows_what_was_given(course, client):
    (person,) = finished(course, 1)
    module = course.modules().first()
    client.force_login(person)
    url = f"/training/feedback/{course.pk}/"
    assert client.get(url).status_code == 200
    bad = client.post(url, {"rating": "", "comment": "Kept when refused"})
    assert bad.status_code == 400 and "Kept when refused" in bad.content.decode()
    assert not CourseFeedback.objects.exists()
    saved = client.post(
        url, {"rating": "4", "comment": "Shorter videos", f"module-{module.pk}-rating": "3"}, follow=True
    )
    assert saved.status_code == 200 and "Shorter videos" in saved.content.decode()
    answer = CourseFeedback.objects.get(user=person)
    assert (answer.rating, answer.comment, answer.modules.get().rating) == (4, "Shorter videos", 3)
