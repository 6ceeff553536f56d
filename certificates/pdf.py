"""Certificate PDFs: WeasyPrint from a Django template, with a QR code that opens the public check page.

``render_certificate_pdf`` draws one certificate as one WeasyPrint document (~0.2 s, mostly costs paid
once per document: styles, fonts, subsetting, writing). ``render_many`` is the bulk path (DESIGN §7):
one document holds the design layer once and every certificate's holder layer, and ``_Assembler`` cuts
one single-page PDF per certificate out of it at the PDF object level. See certificate_pdf.html.
"""

import io
import mimetypes
import re
import zlib
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import pydyf
import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from lms import conf

from .models import Certificate, CertificateDesign

TEMPLATE = "lms_certificates/certificate_pdf.html"
PRODUCER = "Frontline LMS"
DEFAULT_ACCENT = "#0b5cad"
# Wagtail rendition filters for the images printed on a certificate: big enough to print sharply,
# small enough that an author's 20-megapixel upload doesn't bloat every PDF.
LOGO_FILTER = "max-800x300"
SIGNATURE_FILTER = "max-600x200"
QR_MASK = 2
QR_MM = 34  # printed size of the QR code


def verify_url(certificate: Certificate) -> str:
    """The public check page, as printed and QR-encoded on the certificate (DESIGN §5)."""
    return conf.public_base_url() + reverse("lms:verify", kwargs={"code": certificate.code})


def qr_code(url: str) -> segno.QRCode:
    # A fixed mask skips segno's search for the "best" of eight, which is most of its time (~8 ms a code,
    # a third of a bulk certificate's budget). Every mask is valid; the choice only polishes scan margins.
    return segno.make(url, error="m", micro=False, mask=QR_MASK)


def qr_data_uri(url: str) -> str:
    # One pixel per module, scaled up unsmoothed by the template. As an image it is drawn in one
    # operation; the same code as SVG paths costs ~15 ms of WeasyPrint's path parsing per certificate.
    return qr_code(url).png_data_uri(scale=1, border=0)


def _qr_image(url: str) -> bytes:
    """The same QR as a PDF image object (1 bit a module, dark = 0), for the bulk path to draw itself."""
    matrix = qr_code(url).matrix
    width = len(matrix[0])
    rows = b"".join(
        int("".join("0" if dark else "1" for dark in row).ljust(-(-width // 8) * 8, "1"), 2).to_bytes(
            -(-width // 8), "big"
        )
        for row in matrix
    )
    data = zlib.compress(rows)
    return (
        b"<</Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1"
        b" /Interpolate false /Filter /FlateDecode /Length %d>>\nstream\n%s\nendstream"
        % (width, len(matrix), len(data), data)
    )


# --- Fetching files for WeasyPrint -----------------------------------------------------------------------


def _base_url() -> str:
    """What relative URLs in the template resolve against; only this host is ever 'fetched' (from disk)."""
    return (conf.public_base_url() or "http://localhost") + "/"


class DjangoURLFetcher(URLFetcher):
    """Reads static and media files from Django's storages, never over HTTP (as django-weasyprint).

    A certificate must render the same offline, in a worker, or behind a firewall, and an author-supplied
    URL must never make the server fetch something: any other http(s) or file URL is refused.
    """

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        found = self._open_local(url)
        if found is None:
            raise ValueError(f"Refusing to fetch {url!r}: certificates read only static and media files.")
        body, path = found
        mime_type, _ = mimetypes.guess_type(path)
        return URLFetcherResponse(url, body, {"Content-Type": mime_type or "application/octet-stream"})

    def _open_local(self, url: str) -> tuple[bytes, str] | None:
        if url.startswith("static:"):
            return self._static(url.removeprefix("static:").lstrip("/"))
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc != urlsplit(_base_url()).netloc:
            return None
        path = unquote(parts.path)
        if path.startswith(settings.MEDIA_URL):
            return self._media(path.removeprefix(settings.MEDIA_URL))
        if path.startswith(settings.STATIC_URL):
            return self._static(path.removeprefix(settings.STATIC_URL))
        return None

    @staticmethod
    def _media(name: str) -> tuple[bytes, str]:
        with default_storage.open(name, "rb") as f:
            return f.read(), name

    @staticmethod
    def _static(name: str) -> tuple[bytes, str]:
        # Finders first, so development works without collectstatic; then the collected storage.
        path = finders.find(name)
        if path:
            with open(path, "rb") as f:
                return f.read(), name
        with staticfiles_storage.open(name, "rb") as f:
            return f.read(), name


# --- Template context ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    created: str  # ISO date

    def pdf_info(self) -> dict[str, str]:
        return {
            "Title": self.title,
            "Author": self.author,
            "Subject": self.subject,
            "Creator": PRODUCER,
            "Producer": PRODUCER,
            "CreationDate": f"D:{self.created.replace('-', '')}000000Z",
        }


def _metadata(certificate: Certificate, design: CertificateDesign) -> Metadata:
    organisation = getattr(settings, "WAGTAIL_SITE_NAME", "") or PRODUCER
    return Metadata(
        title=f"Certificate: {certificate.course_title} — {certificate.holder_name}",
        author=design.signatory_name or organisation,
        subject=certificate.course_title,
        created=certificate.issued_on.isoformat(),
    )


def _image_url(image, filter_spec: str) -> str:
    """A rendition's site-relative URL, which DjangoURLFetcher reads back from storage."""
    if image is None:
        return ""
    try:
        return image.get_rendition(filter_spec).url
    except Exception:
        # A missing or unreadable upload should cost the certificate its logo, not its existence.
        return ""


def _accent(design: CertificateDesign) -> str:
    # Printed into CSS, so only a checked colour goes in, even if a row skipped the form's validation.
    colour = design.accent_colour or ""
    return colour if re.fullmatch(r"#[0-9a-fA-F]{6}", colour) else DEFAULT_ACCENT


def _design_context(design: CertificateDesign) -> dict:
    landscape = design.orientation != CertificateDesign.Orientation.PORTRAIT
    return {
        "design": design,
        "orientation": "landscape" if landscape else "portrait",
        "accent": _accent(design),
        "logo_url": _image_url(design.logo, LOGO_FILTER),
        "signature_url": _image_url(design.signature_image, SIGNATURE_FILTER),
        "qr_mm": QR_MM,
    }


def _size(text: str, limits: tuple[int, ...], sizes: tuple[str, ...]) -> str:
    # CSS can't shrink text to fit, so long names and titles step down a size class (and wrap beyond).
    for limit, size in zip(limits, sizes, strict=False):
        if len(text) <= limit:
            return size
    return sizes[-1]


def _day(value) -> str:
    return date_format(value, "j F Y") if value else ""


def _facts(certificate: Certificate) -> str:
    facts = [f"Issued {_day(certificate.issued_on)}"]
    facts.append(f"Valid until {_day(certificate.expires_on)}" if certificate.expires_on else "No expiry")
    if certificate.awareness_score is not None:
        facts.append(f"Awareness {certificate.awareness_score}%")
    if certificate.skill_score is not None:
        facts.append(f"Skill {certificate.skill_score}%")
    return "\u2002·\u2002".join(facts)


def _skills(skills: list[dict]) -> str:
    def scores(skill: dict) -> str:
        parts = [("awareness", skill.get("awareness")), ("skill", skill.get("skill_score"))]
        return ", ".join(f"{label} {value}%" for label, value in parts if value is not None)

    return "\u2003".join(f"{s.get('skill', '')}: {scores(s)}" for s in skills)


def _course_context(certificate: Certificate) -> dict:
    covered = " · ".join(f"{p['title']} v{p['version']}" for p in certificate.policy_versions or [])
    return {
        "title": certificate.course_title,
        "size": _size(certificate.course_title, (55, 110), ("l", "m", "s")),
        "policies": f"Policies covered: {covered}" if covered else "",
    }


def _holder_context(certificate: Certificate, *, qr_image: bool) -> dict:
    """What the holder layer prints. The bulk path draws the QR itself, so it skips the image here."""
    url = verify_url(certificate)
    skills = certificate.skills or []
    return {
        "name": certificate.holder_name,
        "name_size": _size(certificate.holder_name, (24, 38, 80), ("xl", "l", "m", "s")),
        "details": f"{_facts(certificate)}\n{_skills(skills)}",  # a line each (white-space: pre-line)
        "dense": len(skills) > 4,
        "check": f"{url}\nCode {certificate.code}",
        "verify_url": url,
        "qr": qr_data_uri(url) if qr_image else "",
    }


def _html(sheets: list[dict], design: CertificateDesign, meta: Metadata | None) -> HTML:
    context = {**_design_context(design), "sheets": sheets, "meta": meta}
    html = render_to_string(TEMPLATE, context)
    return HTML(string=html, base_url=_base_url(), url_fetcher=DjangoURLFetcher())


# --- Rendering -------------------------------------------------------------------------------------------


def render_certificate_pdf(certificate: Certificate, *, design: CertificateDesign | None = None) -> bytes:
    """One certificate as one WeasyPrint document; its metadata comes from the template's <head>."""
    design = design or CertificateDesign.current()
    sheet = {
        "design": True,
        "course": _course_context(certificate),
        "holder": _holder_context(certificate, qr_image=True),
    }
    return _html([sheet], design, _metadata(certificate, design)).write_pdf()


def render_many(certificates, *, design: CertificateDesign | None = None) -> list[bytes]:
    """Many certificates in one WeasyPrint pass: one single-page PDF each, in the order given.

    Page 1 of the document is the design layer. Page 2 stacks, in one place, each distinct course layer
    and then every holder layer, each a PDF group of its own. One document subsets the fonts once; one
    page pays WeasyPrint's per-page cost once; a course shared by many certificates is laid out once.
    ``_Assembler`` then writes each certificate: the design page with its course and holder drawn over.
    """
    certificates = list(certificates)
    if not certificates:
        return []
    design = design or CertificateDesign.current()
    courses: dict[tuple, int] = {}
    course_of = [courses.setdefault(tuple(_course_context(c).values()), len(courses)) for c in certificates]
    holders = [_holder_context(c, qr_image=False) for c in certificates]
    sheets = [
        {"design": True, "layer": "design"},
        *({"course": dict(zip(("title", "size", "policies"), key, strict=True)), "layer": "course"} for key in courses),
        *({"holder": holder, "layer": "holder"} for holder in holders),
    ]
    document = _html(sheets, design, None).render()
    if len(document.pages) != 2:
        raise RuntimeError("Bulk layout did not give one design page and one page of layers; check the template.")
    assembler = _Assembler.capture(document)
    if len(assembler.groups) != len(courses) + len(certificates):
        raise RuntimeError("Bulk layout did not draw one group per layer; check the template.")
    return [
        assembler.certificate(
            (assembler.groups[course], assembler.groups[len(courses) + index]),
            _qr_image(holder["verify_url"]),
            _metadata(certificate, design).pdf_info(),
        )
        for index, (certificate, course, holder) in enumerate(zip(certificates, course_of, holders, strict=True))
    ]


class _Captured(Exception):
    pass


_REFERENCE = re.compile(rb"(\d+) 0 R")
_XOBJECT_USE = re.compile(rb"/([^\s/\[\]<>()]+) Do\b")
# WeasyPrint lays pages out in CSS pixels and draws them flipped to a top-left origin, in points.
_PT_PER_PX = 0.75
_PX_PER_MM = 96 / 25.4


def _number(reference: bytes) -> int:
    return int(reference.split()[0])


class _Assembler:
    """Writes each certificate's one-page PDF from the bulk document, at the pydyf object level.

    An output holds the design page's content; then, set up with the transform WeasyPrint gives every
    page, its course group, its holder group and its QR image; the design's resources (only the images
    it draws) plus those three; and every object they reach, renumbered. What the design page reaches
    (fonts, logo, signature) is serialised, compressed and renumbered once for all outputs; an output
    adds only its groups, their resources and its QR. (pypdf took ~9 ms a page to split a written PDF.)
    """

    # Output objects: 1 catalog, 2 page tree, 3 page, 4 "q", 5 the layers' drawing, then shared objects.
    FIRST_SHARED = 6

    def __init__(self, pdf, qr_box: tuple[float, float, float]):
        self._objects = pdf.objects
        self._data: dict[int, bytes] = {}
        self._refs: dict[int, list[int]] = {}
        design, layers = (self._objects[number] for number in pdf.pages["Kids"][::3])
        shared = self._objects[_number(design["Resources"])]
        x_objects = shared.get("XObject") or {}
        # The second page draws nothing but the layer groups, in document order.
        self.groups = [_number(x_objects[name.decode()]) for name in self._drawn(layers["Contents"])]
        drawn = {name.decode() for name in self._drawn(design["Contents"])}
        resources = pydyf.Dictionary({key: value for key, value in shared.items() if key != "XObject"})
        images = pydyf.Dictionary({key: value for key, value in x_objects.items() if key in drawn})
        # Everything the design page reaches, numbered and serialised once for every output.
        roots = b" ".join([resources.data, images.data, design["Contents"]])
        shared_numbers = self._closure(_REFERENCE.findall(roots))
        self._shared = {old: new for new, old in enumerate(shared_numbers, start=self.FIRST_SHARED)}
        self._shared_bodies = [self._relink(self._serialised(n), self._shared) for n in shared_numbers]
        self._resources = self._relink(resources.data, self._shared).removesuffix(b">>")
        self._images = self._relink(images.data, self._shared).removeprefix(b"<<").removesuffix(b">>")
        self._contents = self._relink(design["Contents"], self._shared)
        self._boxes = b" ".join(b"/%s %s" % (key.encode(), design[key].data) for key in ("MediaBox", "TrimBox"))
        self._draw = self._drawing(float(design["MediaBox"][3]), qr_box)

    @classmethod
    def capture(cls, document) -> "_Assembler":
        # WeasyPrint hands its finished pydyf.PDF to the finisher just before serialising the whole
        # document, which is never needed here: take the objects and stop there.
        captured = []

        def finisher(_document, pdf):
            captured.append(pdf)
            raise _Captured

        try:
            document.write_pdf(finisher=finisher)
        except _Captured:
            pass
        # The design layer marks where the QR goes (id="qr"); anchors are (x1, y1, x2, y2) in CSS px.
        x1, y1, *rest = document.pages[0].anchors["qr"]
        size = rest[0] - x1 if rest else QR_MM * _PX_PER_MM
        return cls(captured[0], (x1, y1, size))

    @staticmethod
    def _drawing(page_height_pt: float, qr_box: tuple[float, float, float]) -> bytes:
        """End the design's state; set up the page as WeasyPrint does; draw course, holder, then the QR."""
        x, y, size = qr_box
        numbers = (page_height_pt, _PT_PER_PX, _PT_PER_PX, size, -size, x, y + size)
        return b"Q q 1 0 0 -1 0 %s cm %s 0 0 %s 0 0 cm /course Do /holder Do %s 0 0 %s %s %s cm /qr Do Q" % tuple(
            pydyf._to_bytes(round(n, 4)) for n in numbers
        )

    def certificate(self, groups: tuple[int, int], qr_image: bytes, info: dict[str, str]) -> bytes:
        """One certificate's PDF: the design with the ``groups`` (course, holder) and QR drawn over it."""
        own = [n for n in self._closure(groups) if n not in self._shared]
        numbers = dict(self._shared)
        numbers.update({old: new for new, old in enumerate(own, start=self.FIRST_SHARED + len(self._shared))})
        qr = self.FIRST_SHARED + len(numbers)
        course, holder = (numbers[group] for group in groups)
        page = b"<</Type /Page /Parent 2 0 R %s /Resources %s/XObject <<%s/course %d 0 R/holder %d 0 R/qr %d 0 R>>>>" % (
            self._boxes, self._resources, self._images, course, holder, qr
        ) + b" /Contents [4 0 R %s 5 0 R]>>" % self._contents
        return _pdf_file(
            [
                b"<</Type /Catalog /Pages 2 0 R>>",
                b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
                page,
                b"<</Length 1>>\nstream\nq\nendstream",  # q ... Q keeps the design's state to itself
                b"<</Length %d>>\nstream\n%s\nendstream" % (len(self._draw), self._draw),
                *self._shared_bodies,
                *(self._relink(self._serialised(n), numbers) for n in own),
                qr_image,
                pydyf.Dictionary({key: pydyf.String(value) for key, value in info.items()}).data,
            ]
        )

    def _drawn(self, contents: bytes) -> list[bytes]:
        # pydyf appends each "/name Do" operation as one bytes item of the (still uncompressed) stream.
        stream = self._objects[_number(contents)].stream
        return [name for item in stream if isinstance(item, bytes) for name in _XOBJECT_USE.findall(item)]

    def _serialised(self, number: int) -> bytes:
        if number not in self._data:
            self._data[number] = self._objects[number].data
        return self._data[number]

    def _references(self, number: int) -> list[int]:
        if number not in self._refs:
            # References live in an object's dictionary, never in its (binary) stream data.
            head = self._serialised(number).partition(b"\nstream\n")[0]
            self._refs[number] = [int(n) for n in _REFERENCE.findall(head)]
        return self._refs[number]

    def _closure(self, roots) -> list[int]:
        """Numbers of every object reachable from ``roots``, sorted."""
        seen: set[int] = set()
        pending = [int(n) for n in roots]
        while pending:
            number = pending.pop()
            if number not in seen:
                seen.add(number)
                pending.extend(self._references(number))
        return sorted(seen)

    @staticmethod
    def _relink(data: bytes, numbers: dict[int, int]) -> bytes:
        head, sep, tail = data.partition(b"\nstream\n")
        return _REFERENCE.sub(lambda m: b"%d 0 R" % numbers[int(m[1])], head) + sep + tail


def _pdf_file(bodies: list[bytes]) -> bytes:
    """Objects numbered from 1 in order, the last being the info dictionary, with an xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xf0\x9f\x96\xa4\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    size = len(bodies) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<</Size %d /Root 1 0 R /Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (size, size - 1, xref))
    return out.getvalue()


# --- Stored PDFs -----------------------------------------------------------------------------------------


def pdf_for(certificate: Certificate) -> bytes:
    """The certificate's PDF, from storage while the design it was drawn with is still current."""
    design = CertificateDesign.current()
    if certificate.pdf and certificate.pdf_design_version == design.version:
        try:
            with certificate.pdf.open("rb") as f:
                return f.read()
        except FileNotFoundError:
            pass  # lost, or replaced by a concurrent re-render a moment ago: draw it again
    data = render_certificate_pdf(certificate, design=design)
    _store(certificate, data, design.version)
    return data


def _store(certificate: Certificate, data: bytes, version: str) -> None:
    """Save the new file, then point the row at it only if nobody else did meanwhile.

    No lock is held while rendering. The compare-and-swap on the old file name makes concurrent calls
    safe: one wins and deletes the old file; a loser deletes its own copy, so no file is orphaned.
    """
    old_name = certificate.pdf.name or ""
    storage = certificate.pdf.storage
    name = certificate.pdf.field.generate_filename(certificate, f"{certificate.code}.pdf")
    new_name = storage.save(name, ContentFile(data))
    swapped = Certificate.objects.filter(pk=certificate.pk, pdf=old_name).update(
        pdf=new_name, pdf_design_version=version
    )
    if swapped:
        if old_name and old_name != new_name:
            storage.delete(old_name)
        certificate.pdf.name, certificate.pdf_design_version = new_name, version
    else:
        storage.delete(new_name)
        certificate.refresh_from_db(fields=["pdf", "pdf_design_version"])
