"""Faults: a PDF that will not render, an export worker that dies halfway."""

import io
import zipfile
from unittest import mock

import pytest
from rest_framework.test import APIClient

from certificates import services
from certificates.models import Certificate, CertificateExport

pytestmark = pytest.mark.django_db


def test_a_pdf_render_failure_does_not_touch_the_certificate(course, learner, client):
    certificate = services.issue(holder=learner, course=course)
    api = APIClient()
    api.force_authenticate(learner)
    with mock.patch("certificates.pdf.render_certificate_pdf", side_effect=RuntimeError("fonts missing")):
        response = api.get(f"/api/v1/certificates/{certificate.pk}/pdf/")
        assert response.status_code == 503 and response.json()["code"] == "pdf_unavailable"
        client.force_login(learner)
        page = client.get(f"/training/certificates/{certificate.pk}/pdf/")
        assert page.status_code == 503 and "issued and valid" in page.content.decode()
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"
    assert APIClient().get(f"/api/v1/verify/{certificate.code}/").json()["status"] == "valid"
    # Rendered later, once the fault is gone.
    response = api.get(f"/api/v1/certificates/{certificate.pk}/pdf/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_an_export_that_dies_halfway_offers_no_file_and_can_be_retried(
    course, learner, hr, django_capture_on_commit_callbacks
):
    services.issue(holder=learner, course=course)

    def dies_halfway(ids, handle, progress=None, **kwargs):
        handle.write(b"PK\x03\x04 half a zip")
        progress(1, 2)
        raise SystemExit("worker killed")

    # The task backend records the dead task; what matters is what is left behind.
    with mock.patch("certificates.bulk.write_zip", side_effect=dies_halfway):
        with django_capture_on_commit_callbacks(execute=True):
            services.request_export(user=hr, filters={})
    export = CertificateExport.objects.get()
    assert export.state != CertificateExport.State.DONE and not export.file
    api = APIClient()
    api.force_authenticate(hr)
    assert api.get(f"/api/v1/certificate-exports/{export.pk}/").json()["download_url"] is None
    assert api.get(f"/api/v1/certificate-exports/{export.pk}/download/").status_code == 409
    with django_capture_on_commit_callbacks(execute=True):
        services.retry_export(user=hr, export_id=export.pk)
    export.refresh_from_db()
    assert export.state == CertificateExport.State.DONE
    archive = zipfile.ZipFile(io.BytesIO(export.file.read()))
    assert archive.testzip() is None and len(archive.namelist()) == 2
