"""The holder's own certificate page says what the public check and HR's register say about its policies:
the version covered or confirmed, the current version, and an update due or overdue, with the way to
confirm it (the attestation app's one rule, through the lms_certificate_policy_status hook)."""

import datetime

import pytest
from django.utils import timezone

from attestation.models import Attestation

from .test_register_policy_updates import owing, policy  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def _page(client, certificate):
    client.force_login(certificate.holder)
    response = client.get(f"/training/certificates/{certificate.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_holders_page_shows_an_update_due_with_the_link_to_confirm_it(client, owing):  # noqa: F811
    page = _page(client, owing["Dana"])
    assert "Refunds (version 1)" in page
    assert "current version 2" in page
    assert 'data-policy-update="update_due"' in page and "Policy update due" in page
    assert 'href="/training/policy-updates/"' in page
    # The public check of the same certificate says the same.
    public = client.get(f"/verify/{owing['Dana'].code}/").content.decode()
    assert "Policy update due" in public


def test_the_holders_page_shows_an_overdue_update(client, owing):  # noqa: F811
    Attestation.objects.filter(certificate=owing["Dana"]).update(
        due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    page = _page(client, owing["Dana"])
    assert 'data-policy-update="overdue"' in page and "Policy update overdue" in page


def test_a_confirmed_update_shows_the_version_confirmed_and_nothing_due(client, owing):  # noqa: F811
    page = _page(client, owing["Eli"])
    assert "Refunds (version 2)" in page
    assert "confirmed by the holder after the certificate was issued" in page
    assert "data-policy-update" not in page and 'href="/training/policy-updates/"' not in page
