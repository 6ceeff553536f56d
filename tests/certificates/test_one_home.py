"""Rules with one home: a revoked or replaced certificate has no PDF, whichever door asks."""

import io
import zipfile

import pytest
from rest_framework.test import APIClient

from certificates import services
from certificates.bulk import write_zip
from certificates.models import Certificate
from certificates.verification import verify_url
from tests.factories import UserFactory


@pytest.fixture
def revoked(course, learner, hr):
    certificate = services.issue(holder=learner, course=course)
    return services.revoke(certificate_id=certificate.pk, by=hr, reason="Issued in error")


def test_the_service_refuses_a_pdf_of_a_revoked_certificate_even_to_its_holder(revoked, learner):
    with pytest.raises(services.LMSError) as refused:
        services.printable_certificate(user=learner, certificate_id=revoked.pk)
    assert refused.value.code == "certificate_not_current" and refused.value.status == 410


def test_page_and_api_refuse_the_pdf_of_a_revoked_certificate_alike(client, revoked, learner, hr):
    client.force_login(learner)
    page = client.get(f"/training/certificates/{revoked.pk}/pdf/")
    assert page.status_code == 410 and "no PDF" in page.content.decode()
    api = APIClient()
    api.force_authenticate(hr)
    response = api.get(f"/api/v1/certificates/{revoked.pk}/pdf/")
    assert response.status_code == 410 and response.json()["code"] == "certificate_not_current"
    listed = api.get(f"/api/v1/certificates/{revoked.pk}/").json()
    assert listed["has_pdf"] is False and listed["verify_url"] == verify_url(revoked)


def test_a_replaced_certificate_has_no_pdf_but_its_correction_does(course, learner, hr):
    old = services.issue(holder=learner, course=course)
    new = services.correct(certificate_id=old.pk, by=hr, holder_name="Learner Corrected", reason="Name")
    old = Certificate.objects.get(pk=old.pk)
    assert not old.has_pdf and new.has_pdf
    assert list(Certificate.objects.printable().filter(holder=learner)) == [new]


def test_the_bulk_zip_lists_a_revoked_certificate_in_the_register_without_its_pdf(
    course, learner, hr, revoked
):
    other = services.issue(holder=UserFactory(username="other-holder"), course=course)
    out = io.BytesIO()
    assert write_zip([revoked.pk, other.pk], out, workers=1) == 1
    with zipfile.ZipFile(out) as archive:
        pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
        register = archive.read("register.csv").decode("utf-8-sig")
    assert len(pdfs) == 1 and other.code[:8] in pdfs[0]
    assert revoked.code in register and other.code in register


def test_every_status_filter_agrees_with_the_status_of_each_certificate(course, learner, hr, revoked):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    services.issue(holder=UserFactory(username="valid-holder"), course=course)
    services.issue(
        holder=UserFactory(username="old-holder"),
        course=course,
        issued_on=today - datetime.timedelta(days=800),
    )
    for status in ("valid", "expiring", "expired", "revoked"):
        for certificate in Certificate.objects.with_status(status, today):
            shown = certificate.status_on(today)
            assert shown == status or (status == "revoked" and shown == "replaced")
    assert Certificate.objects.with_status("expired", today).count() == 1
    assert Certificate.objects.with_status("revoked", today).get() == revoked
