"""Certificate PDFs are tagged (PDF/UA-1): read back with pypdf, a single certificate and every one from a
bulk render is marked, declares its language and title, and every piece of its content, on the page or
inside a layer drawn over it, is reachable from the structure tree (and back, through the parent tree)."""

import io
import logging

import pytest
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PILImage
from pypdf import PdfReader
from pypdf.generic import ArrayObject, BooleanObject, ContentStream, DictionaryObject
from wagtail.images.models import Image

from certificates import pdf, services
from certificates.models import CertificateDesign
from tests.factories import CoursePageFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT_OPERATORS = {b"Tj", b"TJ", b"'", b'"'}


def issue(course, first: str, last: str = "B"):
    holder = UserFactory(username=f"tagged-{first}-{last}", first_name=first, last_name=last)
    return services.issue(holder=holder, course=course)


class Tagged:
    """What a PDF says about its structure, read back with pypdf."""

    def __init__(self, data: bytes):
        self.reader = PdfReader(io.BytesIO(data))
        self.root = self.reader.trailer["/Root"]
        self.tags: list[str] = []
        self.alts: list[str] = []
        self.in_tree: dict[tuple[int, int], int] = {}  # (stream, MCID) -> structure element
        self.in_content: set[tuple[int, int]] = set()
        self.unmarked: list[str] = []
        self.stream_keys: dict[int, int] = {}  # stream -> its StructParents
        tree = self.root["/StructTreeRoot"]
        for kid in _kids(tree):
            self._walk(kid, None)
        for page in self.reader.pages:
            self.stream_keys[page.indirect_reference.idnum] = page["/StructParents"]
            self._read(page.get_contents(), page["/Resources"], page.indirect_reference.idnum)
        nums = tree["/ParentTree"]["/Nums"]
        self.parent_tree = {nums[i]: nums[i + 1] for i in range(0, len(nums), 2)}

    def _walk(self, reference, page):
        element = reference.get_object()
        if element.get("/Type") in ("/MCR",):
            stream = element.raw_get("/Stm") if "/Stm" in element else element.raw_get("/Pg")
            self.in_tree[stream.idnum, element["/MCID"]] = self._current
            return
        self.tags.append(element["/S"])
        if "/Alt" in element:
            self.alts.append(str(element["/Alt"]))
        page = element.raw_get("/Pg") if "/Pg" in element else page
        for kid in _kids(element):
            if isinstance(kid, int):
                self.in_tree[page.idnum, kid] = reference.idnum
            else:
                self._current = reference.idnum
                self._walk(kid, page)

    def _read(self, contents, resources, stream: int):
        """Every marked-content id drawn, and any text or image drawn outside marked content."""
        depth = 0
        for operands, operator in ContentStream(contents, self.reader).operations:
            if operator in (b"BDC", b"BMC"):
                depth += 1
                if (
                    operator == b"BDC"
                    and isinstance(operands[1], DictionaryObject)
                    and "/MCID" in operands[1]
                ):
                    self.in_content.add((stream, operands[1]["/MCID"]))
            elif operator == b"EMC":
                depth -= 1
            elif operator in TEXT_OPERATORS and not depth:
                self.unmarked.append(f"text in {stream}")
            elif operator == b"Do":
                x_object = resources["/XObject"].raw_get(operands[0])
                resolved = x_object.get_object()
                if resolved["/Subtype"] == "/Form":
                    self.stream_keys[x_object.idnum] = resolved.get("/StructParents")
                    self._read(resolved, resolved.get("/Resources", resources), x_object.idnum)
                elif not depth:
                    self.unmarked.append(f"image {operands[0]} in {stream}")

    def assert_tagged(self, *, language: str):
        assert self.root["/MarkInfo"]["/Marked"] == BooleanObject(True)
        assert self.root["/Lang"] == language
        assert self.root["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
        title = self.reader.metadata.title
        assert title and title.startswith("Certificate: ")
        xmp = self.root["/Metadata"].get_data()
        assert b'pdfuaid:part="1"' in xmp and title.encode() in xmp
        # Text is tagged as what it is: the holder's name a heading, the course a subheading, paragraphs.
        assert {"/Document", "/Art", "/H1", "/H2", "/P", "/Figure"} <= set(self.tags)
        # Every piece of content is in the tree, nothing in the tree is missing from the content...
        assert self.unmarked == []
        assert self.in_content and self.in_content == set(self.in_tree)
        # ...and the parent tree leads from each piece back to its element, for every stream that has any.
        for (stream, mcid), element in self.in_tree.items():
            assert self.parent_tree[self.stream_keys[stream]][mcid].idnum == element

    def text_under(self, tag: str) -> list[str]:
        return [str(e) for e in self.tags if e == tag]


def _kids(element) -> list:
    kids = element.get("/K", [])
    return list(kids) if isinstance(kids, ArrayObject) else [kids]


def png(width: int, height: int) -> io.BytesIO:
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), "navy").save(out, "PNG")
    out.seek(0)
    return out


def test_a_single_certificate_is_tagged_with_its_language_title_and_qr_description(course):
    certificate = issue(course, "Zoë", "Brontë")
    tagged = Tagged(pdf.render_certificate_pdf(certificate))
    tagged.assert_tagged(language="en-GB")
    assert f"QR code: {pdf.verify_url(certificate)}" in tagged.alts


def test_every_bulk_certificate_carries_its_own_whole_structure(course, catalogue):
    other = CoursePageFactory(parent=catalogue, title="Handling difficult calls", slug="difficult")
    certificates = [issue(course, "Zoë"), issue(other, "Søren"), issue(course, "Олена")]
    outputs = pdf.render_many(certificates)
    assert len(outputs) == 3
    for certificate, data in zip(certificates, outputs, strict=True):
        tagged = Tagged(data)
        tagged.assert_tagged(language="en-GB")
        # The QR, drawn by the assembler, is a figure that says where it leads: this holder's own page.
        assert [alt for alt in tagged.alts if alt.startswith("QR code")] == [
            f"QR code: {pdf.verify_url(certificate)}"
        ]
        assert (
            tagged.reader.metadata.title
            == f"Certificate: {certificate.course_title} — {certificate.holder_name}"
        )
        # Marked content inside the course and holder layers (their own streams) is reached through them.
        assert {key for key in tagged.stream_keys.values() if key is not None} == {0, 1, 2}


def test_the_document_language_is_the_sites_whoever_asks(course, settings):
    certificate = issue(course, "José")
    # A Spanish speaker's request does not change a certificate's language (a stored PDF is shared)...
    with translation.override("es"):
        for data in (pdf.render_certificate_pdf(certificate), pdf.render_many([certificate])[0]):
            assert Tagged(data).root["/Lang"] == "en-GB"
    # ...the site's language does.
    settings.LANGUAGE_CODE = "es"
    for data in (pdf.render_certificate_pdf(certificate), pdf.render_many([certificate])[0]):
        assert Tagged(data).root["/Lang"] == "es"


def test_the_logo_and_signature_are_figures_with_alt_text_on_single_and_bulk(course, settings, caplog):
    settings.LMS_ORGANISATION_NAME = "Brightwater Utilities"
    design = CertificateDesign.current()
    design.signatory_name = "Amara Okafor"
    design.logo = Image.objects.create(title="Logo", file=ImageFile(png(600, 200), name="logo.png"))
    design.signature_image = Image.objects.create(title="Sig", file=ImageFile(png(450, 150), name="sig.png"))
    design.save()
    certificate = issue(course, "Emma")
    for data in (pdf.render_certificate_pdf(certificate), pdf.render_many([certificate])[0]):
        tagged = Tagged(data)
        tagged.assert_tagged(language="en-GB")
        assert {"Brightwater Utilities logo", "Signature of Amara Okafor"} <= set(tagged.alts)
    # WeasyPrint logs an error for each PDF/UA requirement it finds unmet (an image without alt, no lang).
    assert [
        r.getMessage() for r in caplog.records if r.name == "weasyprint" and r.levelno >= logging.ERROR
    ] == []
