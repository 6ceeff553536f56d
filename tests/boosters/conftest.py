"""A course with an assessment of every question type, and a learner who holds its certificate."""

import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time

from certificates import services as certificate_services

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def certified(course, assessment, learner):
    """``learner`` holds the course's certificate, issued at START (so their boosters have started)."""
    with freeze_time(START):
        return certificate_services.issue(holder=learner, course=course, issued_on=START.date())


def best_response(question: dict):
    if question["type"] in ("single_choice", "true_false"):
        return next(o["id"] for o in question["options"] if o["correct"])
    if question["type"] == "multiple_response":
        return [o["id"] for o in question["options"] if o["correct"]]
    if question["type"] == "judgement":
        return max(question["options"], key=lambda o: o["quality"])["id"]
    if question["type"] == "sequencing":
        return list(question["key_order"])
    raise AssertionError(question["type"])


def wrong_response(question: dict):
    if question["type"] in ("single_choice", "true_false"):
        return next(o["id"] for o in question["options"] if not o["correct"])
    if question["type"] == "multiple_response":
        return [o["id"] for o in question["options"] if not o["correct"]]
    if question["type"] == "judgement":
        return min(question["options"], key=lambda o: o["quality"])["id"]
    if question["type"] == "sequencing":
        return list(reversed(question["key_order"]))
    raise AssertionError(question["type"])


def now():
    return timezone.now()
