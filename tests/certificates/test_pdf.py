"""Certificate PDFs: what they print, their metadata, the QR code, the stored copy, bulk rendering, ZIPs."""

import csv
import io
import unicodedata
import zipfile
from unittest import mock

import pypdfium2
import pytest
import zxingcpp
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage
from PIL import ImageChops, ImageDraw
from pypdf import PdfReader
from wagtail.images.models import Image

from certificates import bulk, pdf, services
from certificates.bulk import write_zip
from certificates.models import Certificate, CertificateDesign
from tests.factories import CoursePageFactory, UserFactory

pytestmark = pytest.mark.django_db

A4_LANDSCAPE = (842, 595)  # points, rounded

NAMES = {
    "accented": ("Zoë", "Brontë"),
    "nordic": ("Søren", "Ødegaard"),
    "vietnamese": ("Nguyễn", "Thị Lan"),
    "greek": ("Ἀλέξανδρος", ""),
    "cyrillic": ("Олена", "Коваленко"),
}


def issue(course, first: str, last: str = "", username: str | None = None) -> Certificate:
    holder = UserFactory(username=username or f"holder-{first}-{last}", first_name=first, last_name=last)
    return services.issue(holder=holder, course=course)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def text_of(data: bytes) -> str:
    return nfc("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def raster(data: bytes, scale: float = 2) -> PILImage.Image:
    """The PDF's only page as an image, by PDFium (pip-installable, unlike poppler)."""
    document = pypdfium2.PdfDocument(data)
    try:
        return document[0].render(scale=scale).to_pil().convert("L")
    finally:
        document.close()


def decoded_qr(image: PILImage.Image) -> list[str]:
    return [
        barcode.text
        for barcode in zxingcpp.read_barcodes(image)
        if barcode.format == zxingcpp.BarcodeFormat.QRCode
    ]


def png(width: int, height: int, colour: str) -> io.BytesIO:
    image = PILImage.new("RGB", (width, height), "white")
    ImageDraw.Draw(image).rectangle((10, 10, width - 10, height - 10), fill=colour)
    out = io.BytesIO()
    image.save(out, "PNG")
    out.seek(0)
    return out


@pytest.fixture
def certificate(course):
    return issue(course, *NAMES["accented"])


@pytest.fixture
def design():
    design = CertificateDesign.current()
    design.signatory_name, design.signatory_title = "Amara Okafor", "Head of Customer Service"
    design.save()
    return design


def test_verify_url_is_the_absolute_public_check_page(certificate):
    assert pdf.verify_url(certificate) == f"http://testserver/verify/{certificate.code}/"


@pytest.mark.parametrize("who", ["accented", "greek"])
def test_one_certificate_prints_the_holder_course_and_code(course, design, who):
    certificate = issue(course, *NAMES[who])
    data = pdf.render_certificate_pdf(certificate)
    text = text_of(data)
    assert nfc(certificate.holder_name) in text
    expiry = certificate.expires_on
    valid_until = f"Valid until {expiry.day} {expiry:%B %Y}" if expiry else "No expiry"
    for printed in (certificate.course_title, certificate.code, pdf.verify_url(certificate), valid_until):
        assert printed in text
    assert "Amara Okafor" in text and f"Issued {certificate.issued_on.day} " in text


def test_metadata_and_exactly_one_a4_page(certificate, design):
    reader = PdfReader(io.BytesIO(pdf.render_certificate_pdf(certificate)))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == A4_LANDSCAPE
    meta = reader.metadata
    assert nfc(meta.title) == nfc(f"Certificate: {certificate.course_title} — {certificate.holder_name}")
    assert meta.author == "Amara Okafor"
    assert meta.subject == certificate.course_title


def test_portrait_design_and_unsaved_preview_certificate(certificate, design):
    design.orientation = CertificateDesign.Orientation.PORTRAIT
    design.save()
    # The admin's preview renders an unsaved sample: no primary key, no database round trip needed.
    sample = Certificate(holder_name="Sample Holder", course_title="Preview", issued_on=certificate.issued_on)
    for data in (pdf.render_certificate_pdf(sample), pdf.render_many([certificate])[0]):
        reader = PdfReader(io.BytesIO(data))
        box = reader.pages[0].mediabox
        assert len(reader.pages) == 1 and (round(box.width), round(box.height)) == A4_LANDSCAPE[::-1]


def test_the_qr_code_decodes_to_exactly_the_verify_url(certificate):
    url = pdf.verify_url(certificate)
    # The code itself, as segno makes it (our fixed mask included).
    buffer = io.BytesIO()
    pdf.qr_code(url).save(buffer, kind="png", scale=8, border=4)
    assert decoded_qr(PILImage.open(buffer)) == [url]
    # ...and as printed, in a single download and in a bulk export.
    assert decoded_qr(raster(pdf.render_certificate_pdf(certificate))) == [url]
    assert decoded_qr(raster(pdf.render_many([certificate])[0])) == [url]


def test_long_names_and_many_skills_still_fit_on_one_page(course):
    long_name = ("Maximiliana Alexandrovna Konstantinopoulou-Vanderbilt " * 4).strip()
    certificate = issue(course, long_name[:150], "de la Fuente", username="long")
    certificate.skills = [
        {"skill": f"Skill {i} with a long name", "slug": f"s{i}", "awareness": 90, "skill_score": 80}
        for i in range(40)
    ]
    certificate.policy_versions = [{"slug": f"p{i}", "title": f"Policy {i}", "version": i} for i in range(30)]
    for data in (pdf.render_certificate_pdf(certificate), *pdf.render_many([certificate, certificate])):
        assert len(PdfReader(io.BytesIO(data)).pages) == 1


def test_render_many_gives_each_certificate_only_its_own_page_and_text(course, catalogue, design):
    other_course = CoursePageFactory(parent=catalogue, title="Refunds and credits", slug="refunds")
    certificates = [issue(course, *NAMES[who]) for who in NAMES]
    certificates.append(issue(other_course, "Emma", "Clarke"))
    pdfs = pdf.render_many(certificates)
    assert len(pdfs) == len(certificates)
    for certificate, data in zip(certificates, pdfs, strict=True):
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) == 1
        assert nfc(reader.metadata.title) == nfc(
            f"Certificate: {certificate.course_title} — {certificate.holder_name}"
        )
        text = text_of(data)
        assert nfc(certificate.holder_name) in text and certificate.code in text
        assert certificate.course_title in text
        others = [c for c in certificates if c is not certificate]
        assert not [c.code for c in others if c.code in text]
        assert not [c.holder_name for c in others if nfc(c.holder_name) in text]
        assert ("Refunds and credits" in text) == (certificate.course_title == "Refunds and credits")


def test_a_bulk_certificate_looks_exactly_like_a_single_one(course, design):
    """The bulk path lays layers over each other; they must land where one document puts them."""
    certificate = issue(course, *NAMES["vietnamese"])
    alone = raster(pdf.render_certificate_pdf(certificate), scale=1)
    bulk = raster(pdf.render_many([issue(course, "Someone", "Else"), certificate])[1], scale=1)
    assert alone.size == bulk.size
    changed = sum(ImageChops.difference(alone, bulk).histogram()[65:])  # pixels off by more than 1/4
    assert changed / (alone.width * alone.height) < 0.002


def test_logo_and_signature_are_read_from_storage_and_printed(certificate, design):
    design.logo = Image.objects.create(title="Logo", file=ImageFile(png(600, 200, "navy"), name="logo.png"))
    design.signature_image = Image.objects.create(
        title="Signature", file=ImageFile(png(450, 150, "black"), name="signature.png")
    )
    design.save()
    for data in (pdf.render_certificate_pdf(certificate), pdf.render_many([certificate])[0]):
        images = PdfReader(io.BytesIO(data)).pages[0].images
        assert len(images) >= 3  # logo, signature, QR code


def test_the_url_fetcher_reads_storage_and_never_the_network(settings):
    fetcher = pdf.DjangoURLFetcher()
    name = default_storage.save("certificates/fetch-me.png", ContentFile(b"\x89PNG fake"))
    response = fetcher.fetch(f"http://testserver{settings.MEDIA_URL}{name}")
    assert response.read() == b"\x89PNG fake" and response.content_type == "image/png"
    css = fetcher.fetch("static:lms/css/lms.css").read()
    assert css and fetcher.fetch(f"http://testserver{settings.STATIC_URL}lms/css/lms.css").read() == css
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"
    for url in ("https://example.com/logo.png", "http://testserver/admin/", "file:///etc/passwd"):
        with pytest.raises(ValueError, match="Refusing"):
            fetcher.fetch(url)


def test_pdf_for_stores_the_pdf_and_renders_again_only_when_the_design_changes(certificate, design):
    with mock.patch("certificates.pdf.render_certificate_pdf", wraps=pdf.render_certificate_pdf) as render:
        first = pdf.pdf_for(certificate)
        stored = Certificate.objects.get(pk=certificate.pk)
        assert stored.pdf.name == f"certificates/{certificate.code}.pdf"
        assert stored.pdf_design_version == CertificateDesign.current().version
        assert stored.pdf.read() == first

        assert pdf.pdf_for(stored) == first
        assert render.call_count == 1

        design.wording = "has shown, on real calls, the skill required in"
        design.save()
        again = pdf.pdf_for(Certificate.objects.get(pk=certificate.pk))
        assert render.call_count == 2 and again != first
        assert "on real calls" in text_of(again)
    renewed = Certificate.objects.get(pk=certificate.pk)
    assert renewed.pdf_design_version == CertificateDesign.current().version
    assert renewed.pdf.read() == again
    assert [n for n in default_storage.listdir("certificates")[1] if n.endswith(".pdf")] == [
        renewed.pdf.name.split("/")[-1]
    ]  # the old file is gone


def register_rows(archive: zipfile.ZipFile) -> list[dict]:
    return list(csv.DictReader(io.StringIO(archive.read("register.csv").decode("utf-8-sig"))))


def test_write_zip_streams_pdfs_and_a_register(course):
    certificates = [issue(course, *NAMES[who]) for who in ("accented", "cyrillic", "greek")]
    out, calls = io.BytesIO(), []
    count = write_zip(
        Certificate.objects.filter(pk__in=[c.pk for c in certificates]).order_by("pk"),
        out,
        batch_size=2,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert count == 3 and calls == [(2, 3), (3, 3)]
    archive = zipfile.ZipFile(out)
    assert archive.testzip() is None
    pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
    assert len(pdfs) == len(set(pdfs)) == 3 and "register.csv" in archive.namelist()
    for certificate in certificates:
        (name,) = [n for n in pdfs if certificate.code[:8] in n]
        assert nfc(certificate.holder_name) in text_of(archive.read(name))
    rows = {row["code"]: row for row in register_rows(archive)}
    assert set(rows) == {c.code for c in certificates}
    for certificate in certificates:
        row = rows[certificate.code]
        assert row["holder"] == certificate.holder_name and row["course"] == certificate.course_title
        assert row["status"] == "valid" and row["issued_on"] == certificate.issued_on.isoformat()
        assert row["verify_url"] == pdf.verify_url(certificate)


def test_write_zip_takes_ids_and_can_leave_out_the_register(course):
    certificate = issue(course, "Emma", "Clarke")
    out = io.BytesIO()
    assert write_zip([certificate.pk], out, register_csv=False) == 1
    assert [n.endswith(".pdf") for n in zipfile.ZipFile(out).namelist()] == [True]


@pytest.mark.django_db(transaction=True)
def test_write_zip_renders_in_worker_processes(course):
    certificates = [issue(course, *NAMES[who]) for who in ("nordic", "vietnamese", "cyrillic")]
    out, calls = io.BytesIO(), []
    with mock.patch("certificates.bulk._in_workers", wraps=bulk._in_workers) as in_workers:
        count = write_zip(
            [c.pk for c in certificates], out, batch_size=1, workers=2, progress=lambda *a: calls.append(a)
        )
    assert in_workers.call_count == 1
    assert count == 3 and calls == [(1, 3), (2, 3), (3, 3)]
    archive = zipfile.ZipFile(out)
    texts = [text_of(archive.read(n)) for n in archive.namelist() if n.endswith(".pdf")]
    assert [nfc(c.holder_name) in t for c, t in zip(certificates, texts, strict=True)] == [True] * 3
    assert len(register_rows(archive)) == 3
