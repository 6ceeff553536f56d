"""A refunds policy quoted by a course, certificates that covered its version 1, and a way to change it."""

import datetime

import pytest
from django.utils import timezone

from certificates.models import Certificate
from courses.models.snippets import PolicyVersion
from tests.factories import PolicyFactory

QUESTIONS = [
    {
        "type": "question",
        "value": {
            "question": "How much may an adviser refund without asking?",
            "choices": [{"text": "£50", "correct": False}, {"text": "£75", "correct": True}],
            "explanation": "Version 2 raised the limit to £75.",
        },
    }
]


@pytest.fixture
def policy(db):
    return PolicyFactory(title="Refunds", slug="refunds", body="<p>Advisers may refund up to £50.</p>")


def change(policy, *, kind="material", body="<p>Advisers may refund up to £75.</p>", summary="Limit now £75"):
    policy.body = body
    policy.change_kind = kind
    policy.change_summary = summary
    policy.questions = QUESTIONS
    policy.save()
    return PolicyVersion.objects.get(policy=policy, version=policy.version)


@pytest.fixture
def certify(course, policy):
    def make(person, *, version=1, issued_on=None):
        return Certificate.objects.create(
            holder=person,
            course=course,
            holder_name=person.get_full_name() or person.username,
            course_title=course.title,
            issued_on=issued_on or timezone.localdate() - datetime.timedelta(days=30),
            policy_versions=[{"slug": policy.slug, "title": policy.title, "version": version}],
        )

    return make
