"""Every register filter is bounded: a huge or malformed value is a clear 400 naming it, never a 500."""

import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("expires_within=99999999999999999999", "expires_within"),
        ("expires_within=36501", "expires_within: must be at most 36,500"),
        ("team=123456789012345678901234", "team"),
        ("course=1e5", "course"),
        ("expires_within=-1", "must not be negative"),
    ],
)
def test_bad_register_filters_are_400s_naming_the_problem(db, client, query, named):
    hr = UserFactory(username="hr-bounds", hr=True)
    api = APIClient()
    api.force_authenticate(hr)
    response = api.get(f"/api/v1/certificates/?{query}")
    assert response.status_code == 400 and response.json()["code"] == "invalid_filter"
    assert named in response.json()["detail"]
    client.force_login(hr)
    page = client.get(f"/training/register/?{query}")
    assert page.status_code == 400 and named in page.content.decode()


def test_a_century_of_days_is_still_a_valid_filter(db):
    hr = UserFactory(username="hr-bounds", hr=True)
    api = APIClient()
    api.force_authenticate(hr)
    assert api.get("/api/v1/certificates/?expires_within=36500").status_code == 200
