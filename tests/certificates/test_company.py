"""Certificates that carry the company: the verify URL from the site's real address, a deploy check for a
local one, the organisation on the PDF and the check page, the demo's Brightwater design, and /verify/'s
form."""

import io
import os

import pypdfium2
import pytest
import zxingcpp
from django.core.checks import run_checks
from django.core.management import call_command
from freezegun import freeze_time
from PIL import Image as PILImage
from pypdf import PdfReader
from rest_framework.test import APIClient
from wagtail.images.models import Image
from wagtail.models import Site

from certificates import pdf, services
from certificates.checks import check_public_base_url
from certificates.models import CertificateDesign
from certificates.verification import verify_url
from lms.core import conf
from project.demo import design as demo_design
from tests.baseline import ensure_wagtail_baseline

pytestmark = pytest.mark.django_db

REAL_HOST = "training.brightwater.example"
CHECK_ID = "lms_certificates.W001"


def set_site(hostname: str, port: int = 443, site_name: str = "") -> None:
    """The default Site (the `catalogue` fixture makes it localhost:80) moved to ``hostname``."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.site_name = hostname, port, site_name
    site.save()


def qr_codes(data: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(data)
    try:
        image = document[0].render(scale=3).to_pil().convert("L")
    finally:
        document.close()
    return [b.text for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode]


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def certificate(course, learner):
    return services.issue(holder=learner, course=course)


# --- 1. The verify URL comes from the Wagtail site's root URL ------------------------------------------


def test_the_setting_wins_over_the_site_and_the_admin_url(certificate, settings):
    settings.LMS_PUBLIC_BASE_URL = "https://check.brightwater.example/"
    settings.WAGTAILADMIN_BASE_URL = "https://cms.brightwater.example"
    set_site(REAL_HOST)
    assert conf.public_base_url() == "https://check.brightwater.example"
    assert verify_url(certificate) == f"https://check.brightwater.example/verify/{certificate.code}/"


def test_unset_the_default_sites_root_url_is_printed_and_qr_encoded(certificate, settings):
    settings.LMS_PUBLIC_BASE_URL = ""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    set_site(REAL_HOST, port=443)
    expected = f"https://{REAL_HOST}/verify/{certificate.code}/"
    assert verify_url(certificate) == expected
    data = pdf.render_certificate_pdf(certificate)
    assert qr_codes(data) == [expected]
    assert expected in text_of(data).replace("\n", "")
    assert qr_codes(pdf.render_many([certificate])[0]) == [expected]
    # The API gives the same one URL.
    api = APIClient()
    api.force_authenticate(certificate.holder)
    assert api.get(f"/api/v1/certificates/{certificate.pk}/").json()["verify_url"] == expected


def test_a_site_on_another_port_keeps_its_port(certificate, settings):
    settings.LMS_PUBLIC_BASE_URL = ""
    set_site(REAL_HOST, port=8080)
    assert conf.public_base_url() == f"http://{REAL_HOST}:8080"


def test_with_neither_the_setting_nor_a_site_the_admin_url_is_used(certificate, settings):
    settings.LMS_PUBLIC_BASE_URL = ""
    settings.WAGTAILADMIN_BASE_URL = "https://cms.brightwater.example/"
    Site.objects.all().delete()
    assert conf.public_base_url() == "https://cms.brightwater.example"
    assert verify_url(certificate) == f"https://cms.brightwater.example/verify/{certificate.code}/"


def test_wagtails_localhost_placeholder_site_gives_way_to_the_admin_url(catalogue, settings):
    settings.LMS_PUBLIC_BASE_URL = ""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"
    assert conf.public_base_url() == "http://127.0.0.1:8000"
    settings.WAGTAILADMIN_BASE_URL = ""
    assert conf.public_base_url() == "http://localhost"  # still better than no address at all


def test_a_changed_site_is_seen_at_once_despite_the_cache(catalogue, settings):
    settings.LMS_PUBLIC_BASE_URL = ""
    set_site(REAL_HOST)
    assert conf.public_base_url() == f"https://{REAL_HOST}"
    set_site("learn.brightwater.example")
    assert conf.public_base_url() == "https://learn.brightwater.example"
    Site.objects.all().delete()
    settings.WAGTAILADMIN_BASE_URL = "https://cms.brightwater.example"
    assert conf.public_base_url() == "https://cms.brightwater.example"


def test_a_list_of_certificates_asks_for_the_site_once(
    course, learner, settings, django_assert_max_num_queries
):
    settings.LMS_PUBLIC_BASE_URL = ""
    set_site(REAL_HOST)
    certificates = [services.issue(holder=learner, course=course)]
    conf.public_base_url()  # cached from here on
    with django_assert_max_num_queries(0):
        urls = [verify_url(c) for c in certificates * 20]
    assert all(url.startswith(f"https://{REAL_HOST}/verify/") for url in urls)


# --- 2. The deploy check ----------------------------------------------------------------------------------


def deploy_warnings() -> list:
    return [m for m in run_checks(include_deployment_checks=True) if m.id == CHECK_ID]


def test_deploy_check_warns_for_a_localhost_site(catalogue, settings):
    settings.LMS_PUBLIC_BASE_URL = ""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    warnings = deploy_warnings()
    assert len(warnings) == 1
    assert "127.0.0.1:8000" in warnings[0].msg
    assert "LMS_PUBLIC_BASE_URL" in warnings[0].hint
    assert [m for m in run_checks() if m.id == CHECK_ID] == []  # only with --deploy


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8000",
        "http://127.0.0.1",
        "http://[::1]:8000",
        "http://0.0.0.0",
        "http://app.localhost",
    ],
)
def test_deploy_check_knows_every_spelling_of_this_machine(catalogue, settings, url):
    settings.LMS_PUBLIC_BASE_URL = url
    assert [m.id for m in check_public_base_url()] == [CHECK_ID]


def test_deploy_check_warns_for_an_empty_or_relative_address(settings):
    settings.LMS_PUBLIC_BASE_URL = ""
    settings.WAGTAILADMIN_BASE_URL = ""
    Site.objects.all().delete()
    (warning,) = check_public_base_url()
    assert "empty" in warning.msg and "LMS_PUBLIC_BASE_URL" in warning.hint
    settings.LMS_PUBLIC_BASE_URL = "training.brightwater.example"
    (warning,) = check_public_base_url()
    assert "not an absolute" in warning.msg


def test_deploy_check_is_quiet_for_a_site_with_a_real_host_name(catalogue, settings):
    settings.LMS_PUBLIC_BASE_URL = ""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    set_site(REAL_HOST)
    assert deploy_warnings() == []


def test_deploy_check_is_quiet_when_the_setting_names_a_real_host(catalogue, settings):
    settings.LMS_PUBLIC_BASE_URL = "https://training.brightwater.example"
    assert deploy_warnings() == []


def test_manage_py_check_deploy_shows_the_warning(catalogue, settings):
    settings.LMS_PUBLIC_BASE_URL = ""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"

    def check_deploy() -> str:
        out, err = io.StringIO(), io.StringIO()
        # The suite itself sets DJANGO_ALLOW_ASYNC_UNSAFE (an error in deployment): list, never stop.
        call_command("check", deploy=True, fail_level="CRITICAL", stdout=out, stderr=err)
        return out.getvalue() + err.getvalue()

    output = check_deploy()
    assert CHECK_ID in output and "LMS_PUBLIC_BASE_URL" in output
    set_site(REAL_HOST)
    assert CHECK_ID not in check_deploy()


# --- 3. The organisation ----------------------------------------------------------------------------------


def test_organisation_name_setting_then_wagtail_site_name_then_the_sites_name(catalogue, settings):
    set_site("localhost", port=80, site_name="Brightwater (site)")
    settings.LMS_ORGANISATION_NAME = "Brightwater Utilities"
    settings.WAGTAIL_SITE_NAME = "Brightwater intranet"
    assert conf.organisation_name() == "Brightwater Utilities"
    settings.LMS_ORGANISATION_NAME = ""
    assert conf.organisation_name() == "Brightwater intranet"
    settings.WAGTAIL_SITE_NAME = ""
    assert conf.organisation_name() == "Brightwater (site)"
    Site.objects.all().delete()
    assert conf.organisation_name() == ""
    assert "LMS_ORGANISATION_NAME" in conf.DEFAULTS


def test_the_pdf_names_the_organisation(certificate, settings):
    settings.LMS_ORGANISATION_NAME = "Brightwater Utilities"
    for data in (pdf.render_certificate_pdf(certificate), pdf.render_many([certificate])[0]):
        assert "Brightwater Utilities certifies that" in text_of(data)
    settings.LMS_ORGANISATION_NAME = ""
    settings.WAGTAIL_SITE_NAME = ""
    Site.objects.filter(is_default_site=True).update(site_name="")
    data = pdf.render_certificate_pdf(certificate)
    assert "This certifies that" in text_of(data) and "Brightwater" not in text_of(data)


def test_a_long_organisation_name_stays_on_one_line_and_one_page(certificate, settings):
    settings.LMS_ORGANISATION_NAME = "The Brightwater Utilities Customer Service Academy " * 4
    data = pdf.render_certificate_pdf(certificate)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    assert certificate.holder_name in text_of(data)


def test_the_check_page_and_api_show_the_organisation(certificate, settings):
    settings.LMS_ORGANISATION_NAME = "Brightwater Utilities"
    body = APIClient().get(f"/api/v1/verify/{certificate.code}/").json()
    assert body["organisation"] == "Brightwater Utilities"
    assert {"code", "status", "holder", "course", "issued_on", "expires_on"} <= set(body)  # none removed
    html = APIClient().get(f"/verify/{certificate.code}/").content.decode()
    assert "Awarded by" in html and "Brightwater Utilities" in html


def test_the_api_schema_documents_the_organisation(db):
    schema = APIClient().get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    assert "organisation" in schema["components"]["schemas"]["Verification"]["properties"]


# --- 3. The demo's design ---------------------------------------------------------------------------------


@pytest.fixture
def brightwater(db):
    ensure_wagtail_baseline()
    with open(os.devnull, "w") as quiet:
        call_command("lms_demo", stdout=quiet)


def test_the_demo_design_names_brightwater_its_signatory_and_logo(brightwater):
    design = CertificateDesign.current()
    assert design.name == "Brightwater Utilities"
    assert (design.signatory_name, design.signatory_title) == ("Grace Adeyemi", "Head of Customer Service")
    assert design.logo is not None
    with design.logo.file.open("rb") as f:
        logo = PILImage.open(f)
        logo.load()
    assert logo.format == "PNG" and logo.mode == "RGBA"
    assert logo.width > 2 * logo.height  # a mark and a name side by side
    assert logo.getchannel("A").getextrema() == (0, 255)  # transparent around an opaque drawing


def test_the_demo_pdf_prints_the_logo_and_signatory(brightwater, settings):
    settings.LMS_ORGANISATION_NAME = "Brightwater Utilities"
    from certificates.models import Certificate

    certificate = Certificate.objects.filter(holder__username="leader").first()
    for data in (pdf.render_certificate_pdf(certificate), pdf.render_many([certificate])[0]):
        text = text_of(data)
        assert "Grace Adeyemi" in text and "Head of Customer Service" in text
        assert "Brightwater Utilities certifies that" in text
        assert len(PdfReader(io.BytesIO(data)).pages[0].images) >= 2  # logo and QR code


def test_running_the_demo_again_adds_only_what_is_missing(brightwater):
    design = CertificateDesign.current()
    images, designs = Image.objects.count(), CertificateDesign.objects.count()
    demo_design.build_certificate_design()
    assert (Image.objects.count(), CertificateDesign.objects.count()) == (images, designs)
    # An author's own choices stay; only a removed logo comes back (the same image, not a new one).
    logo = design.logo_id
    design.signatory_name, design.signatory_title, design.logo = "Amara Okafor", "Director", None
    design.accent_colour = "#123456"
    design.save()
    demo_design.build_certificate_design()
    design.refresh_from_db()
    assert (design.signatory_name, design.signatory_title, design.accent_colour) == (
        "Amara Okafor",
        "Director",
        "#123456",
    )
    assert design.logo_id == logo and Image.objects.count() == images


def test_the_demo_design_takes_over_from_a_placeholder_once(db):
    placeholder = CertificateDesign.current()  # "Standard", made by the first PDF drawn before the demo
    assert placeholder.name == "Standard"
    design = demo_design.build_certificate_design()
    assert CertificateDesign.current() == design
    placeholder.refresh_from_db()
    assert not placeholder.is_default
    # An author who then makes another design the default keeps it.
    CertificateDesign.objects.update(is_default=False)
    CertificateDesign.objects.filter(pk=placeholder.pk).update(is_default=True)
    demo_design.build_certificate_design()
    assert CertificateDesign.current() == placeholder


# --- 4. /verify/ offers a form ----------------------------------------------------------------------------


def test_verify_without_a_code_is_a_form_in_the_products_layout(db, settings):
    settings.LMS_ORGANISATION_NAME = "Brightwater Utilities"
    response = APIClient().get("/verify/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="code"' in html and 'action="/verify/"' in html
    assert "site-header" in html and "Brightwater Utilities certificate" in html
    assert "Not found" not in html


def test_a_typed_code_goes_to_its_check_page(certificate):
    client = APIClient()
    response = client.get("/verify/", {"code": f"  {certificate.code} "})
    assert response.status_code == 302 and response["Location"] == f"/verify/{certificate.code}/"
    followed = client.get("/verify/", {"code": certificate.code}, follow=True)
    assert followed.status_code == 200 and certificate.holder_name in followed.content.decode()


@pytest.mark.parametrize("typed", ["Code {code}", "https://training.brightwater.example/verify/{code}/"])
def test_what_people_copy_from_the_certificate_also_works(certificate, typed):
    response = APIClient().get("/verify/", {"code": typed.format(code=certificate.code)})
    assert response.status_code == 302 and response["Location"] == f"/verify/{certificate.code}/"


@pytest.mark.parametrize("typed", ["", "   ", "/"])
def test_an_empty_code_shows_the_form_again_with_a_message(db, typed):
    response = APIClient().get("/verify/", {"code": typed})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter the certificate’s code first" in html and 'role="alert"' in html
    assert 'name="code"' in html and 'aria-invalid="true"' in html


def test_an_unknown_code_is_not_found_with_the_form_again(db):
    response = APIClient().get("/verify/NOT-A-REAL-CODE/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Not found" in html and "site-header" in html
    assert 'name="code"' in html and 'value="NOT-A-REAL-CODE"' in html


def test_a_found_certificate_offers_to_check_another(certificate):
    html = APIClient().get(f"/verify/{certificate.code}/").content.decode()
    assert "✔ Valid" in html and 'href="/verify/"' in html
    assert 'name="code"' not in html  # the answer, not the question


def test_the_check_stays_throttled_through_the_form(db):
    client = APIClient()
    with freeze_time("2026-03-01 12:00:10"):  # one window of the fixed-window throttle
        statuses = [
            client.get("/verify/", {"code": f"guess-{i}"}, follow=True).status_code for i in range(31)
        ]
    assert statuses[:30] == [404] * 30 and statuses[30] == 429
    assert client.get("/verify/").status_code == 200  # asking for the form checks nothing
