"""Who a provider's claims match: one active, imported person with that email, compared without case."""

import pytest

from lms.core.sso import Refusal, match_person
from tests.factories import ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def imported(username: str, email: str, **fields):
    person = UserFactory(username=username, email=email, **fields)
    ProfileFactory(user=person)
    return person


def test_matches_the_imported_person_whatever_the_case():
    alice = imported("e1", "alice@frontline.example")

    assert match_person(claims={"email": " ALICE@Frontline.Example", "email_verified": True}) == (alice, None)


def test_a_leaver_beside_a_current_account_with_the_same_email_matches_the_current_one():
    imported("e1-old", "alice@frontline.example", is_active=False)
    alice = imported("e1", "alice@frontline.example")

    assert match_person(claims={"email": "alice@frontline.example"}) == (alice, None)


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"email": "nobody@frontline.example"}, Refusal.NOT_IMPORTED),
        ({"email": "leaver@frontline.example"}, Refusal.INACTIVE),
        ({"email": "twice@frontline.example"}, Refusal.AMBIGUOUS),
        ({"email": "admin@frontline.example"}, Refusal.NOT_IMPORTED),
        ({"email": "alice@frontline.example", "email_verified": False}, Refusal.UNVERIFIED),
        ({"email": ""}, Refusal.NO_EMAIL),
        ({}, Refusal.NO_EMAIL),
    ],
)
def test_refusals_say_why(claims, reason):
    imported("e1", "alice@frontline.example")
    imported("e2", "leaver@frontline.example", is_active=False)
    imported("e3", "twice@frontline.example")
    imported("e4", "Twice@frontline.example")
    UserFactory(username="admin", email="admin@frontline.example", is_superuser=True)  # no staff profile

    assert match_person(claims=claims) == (None, reason)
