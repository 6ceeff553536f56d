"""A scorecard on the listening and apology skills, a course teaching them, and a leader certified in it."""

import pytest

from certificates import services as certificate_services
from evidence.models import Scorecard
from tests.factories import PolicyFactory


def criterion(text, skill, *, weight=1, scale="yes_no", allow_na=True, critical=False):
    return {
        "text": text,
        "skill": skill,
        "weight": weight,
        "scale": scale,
        "allow_na": allow_na,
        "critical": critical,
    }


@pytest.fixture
def scorecard(skills):
    listening, apology = skills
    card = Scorecard(
        title="Phone contact",
        sections=[
            (
                "section",
                {
                    "title": "Listening",
                    "criteria": [
                        criterion("Let the customer finish", listening, weight=3),
                        criterion("Named the problem back", listening, scale="1_5"),
                    ],
                },
            ),
            (
                "section",
                {
                    "title": "Putting it right",
                    "criteria": [
                        criterion(
                            "Apologised for the specific problem",
                            apology,
                            weight=2,
                            allow_na=False,
                            critical=True,
                        ),
                        criterion("Offered a next step", apology, weight=2),
                    ],
                },
            ),
        ],
    )
    card.save()
    return card


@pytest.fixture
def ids(scorecard):
    """Criterion ids by their text."""
    from evidence.scoring import snapshot_of

    return {c["text"]: c["id"] for s in snapshot_of(scorecard)["sections"] for c in s["criteria"]}


@pytest.fixture
def taught(course, skills):
    course.skills.set(skills)
    course.save()  # a parental many-to-many is written when the page is saved
    return course


@pytest.fixture
def certified_lead(org, taught):
    certificate_services.issue(holder=org.lead, course=taught)
    return org.lead


@pytest.fixture
def policy(db):
    policy = PolicyFactory(title="Refunds", slug="refunds")
    policy.body = "<p>Refunds up to £80 may be approved by any adviser.</p>"
    policy.save()  # version 2 is live
    return policy


def full(ids, **overrides):
    """A complete, valid check body."""
    body = {
        "channel": "phone",
        "contacted_at": "2026-11-20T10:30:00+00:00",
        "reference": "CALL-1001",
        "handoffs": 0,
        "problem_defined": True,
        "solution_offered": True,
        "resolved_first_contact": True,
        "treatment": 4,
        "customer_satisfied": True,
        "note": "",
        "answers": {
            ids["Let the customer finish"]: "yes",
            ids["Named the problem back"]: 4,
            ids["Apologised for the specific problem"]: "yes",
            ids["Offered a next step"]: "na",
        },
    }
    body.update(overrides)
    return body
