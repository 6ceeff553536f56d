"""Certificate PDFs: WeasyPrint from a Django template, with a QR code that opens the public check page.

``render_certificate_pdf`` draws one certificate as one WeasyPrint document: ~0.2 s, most of it paid once
per document (styles, fonts, font subsetting, writing). ``render_many`` is the bulk path (DESIGN §7):
one document lays out the design once, each course once and each holder's own lines once, and
``_Assembler`` writes one single-page PDF per certificate from it, at the PDF object level.
The layers are described in lms_certificates/certificate_pdf.html. Both paths write tagged PDF/UA-1:
a structure tree a screen reader follows, the document's language and title.
"""

import functools
import io
import logging
import mimetypes
import re
import zlib
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit
from xml.sax.saxutils import escape

import pydyf
import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint import __version__ as WEASYPRINT_VERSION
from weasyprint.pdf.metadata import DocumentMetadata
from weasyprint.urls import URLFetcher, URLFetcherResponse

from lms.core import conf

from .models import Certificate, CertificateDesign
from .verification import verify_url

logger = logging.getLogger(__name__)

TEMPLATE = "lms_certificates/certificate_pdf.html"
PRODUCER = "Frontline LMS"
DEFAULT_ACCENT = "#0b5cad"
# Wagtail rendition filters for the images printed on a certificate: big enough to print sharply,
# small enough that an author's 20-megapixel upload doesn't bloat every PDF.
LOGO_FILTER = "max-800x300"
SIGNATURE_FILTER = "max-600x200"
QR_MM = 34  # printed size of the QR code
QR_MASK = 2
# Tagged for screen readers and PDF/UA-1 conformant: a structure tree, the document's language and title.
PDF_VARIANT = "pdf/ua-1"


# --- QR code ---------------------------------------------------------------------------------------------


def qr_code(url: str) -> segno.QRCode:
    # A fixed mask skips segno's search for the "best" of eight, 80% of its time (~8 ms a code, half a
    # bulk certificate's budget). Any mask is valid QR; the search only polishes the scanning margin.
    return segno.make(url, error="m", micro=False, mask=QR_MASK)


def qr_data_uri(url: str) -> str:
    # One pixel per module, scaled up unsmoothed by the template. An image is drawn in one operation;
    # the same code as SVG paths costs ~15 ms of WeasyPrint's path parsing.
    return qr_code(url).png_data_uri(scale=1, border=0)


_LIGHT_AS_ONE = bytes.maketrans(b"\x00\x01", b"10")


def _qr_image(url: str) -> bytes:
    """The same QR as a PDF image object, 1 bit a module (dark = 0), for the bulk path to draw itself."""
    matrix = qr_code(url).matrix
    width = len(matrix[0])
    row_bytes = -(-width // 8)
    rows = b"".join(
        int(bytes(row).translate(_LIGHT_AS_ONE).ljust(row_bytes * 8, b"1"), 2).to_bytes(row_bytes, "big")
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
    """What relative URLs in the template resolve against; nothing is ever fetched from it over HTTP."""
    return (conf.public_base_url() or "http://localhost") + "/"


class DjangoURLFetcher(URLFetcher):
    """Reads static and media files from Django's storages, never over HTTP (as django-weasyprint).

    A certificate must render the same offline, in a worker or behind a firewall, and no URL in a design
    may make the server fetch something: ``data:`` URLs are decoded by WeasyPrint's own fetcher, static
    and media URLs are read from storage, and anything else (other hosts, ``file:``) is refused.
    """

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        found = self._find(url)
        if found is None:
            raise ValueError(f"Refusing to fetch {url!r}: certificates read only static and media files.")
        read, name = found
        mime_type, _ = mimetypes.guess_type(name)
        return URLFetcherResponse(url, read(name), {"Content-Type": mime_type or "application/octet-stream"})

    def _find(self, url: str):
        if url.startswith("static:"):
            return self._static, url.removeprefix("static:").lstrip("/")
        for prefix, read in ((settings.MEDIA_URL, self._media), (settings.STATIC_URL, self._static)):
            root = urljoin(_base_url(), prefix)  # a site-relative prefix, or a CDN's absolute one
            if url.startswith(root):
                return read, unquote(urlsplit(url[len(root) :]).path)
        return None

    @staticmethod
    def _media(name: str) -> bytes:
        with default_storage.open(name, "rb") as f:
            return f.read()

    @staticmethod
    def _static(name: str) -> bytes:
        # Finders first, so development works without collectstatic; then the collected files.
        path = finders.find(name)
        if path:
            with open(path, "rb") as f:
                return f.read()
        with staticfiles_storage.open(name, "rb") as f:
            return f.read()


# --- What the template prints ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    created: str  # ISO date

    def pdf_info(self) -> dict[str, str]:
        # As WeasyPrint writes them for a single certificate, so the info and the XMP metadata agree.
        return {
            "Title": self.title,
            "Author": self.author,
            "Subject": self.subject,
            "Creator": PRODUCER,
            "Producer": f"WeasyPrint {WEASYPRINT_VERSION}",
            "CreationDate": f"D:{self.created.replace('-', '')}000000Z",
        }

    def xmp(self, language: str) -> bytes:
        """The XMP metadata stream PDF/UA-1 asks for (its part number, the title), as WeasyPrint writes it."""
        packet = _xmp_template(language)
        for key, value in (("title", self.title), ("author", self.author), ("subject", self.subject)):
            packet = packet.replace(_XMP_SLOT % key.encode(), escape(value).encode())
        packet = packet.replace(_XMP_SLOT % b"created", self.created.encode())
        return b"<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream" % (len(packet), packet)


# WeasyPrint's XMP packet, made once with a slot (a private-use character around a name) for each value:
# filling in four strings costs a bulk certificate a few microseconds, building the XML ~0.7 ms.
_XMP_SLOT = "\ue000%s\ue000".encode()


@functools.cache
def _xmp_template(language: str) -> bytes:
    slot = _XMP_SLOT.decode()
    metadata = DocumentMetadata(
        title=slot % "title",
        authors=[slot % "author"],
        description=slot % "subject",
        generator=PRODUCER,
        created=slot % "created",
        lang=language,
    )
    return b"\n".join(
        (
            b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">',
            metadata.generate_rdf_metadata("ua", 1, None),
            b'</x:xmpmeta>\n<?xpacket end="r"?>',
        )
    )


def _language() -> str:
    """The document's language, as a BCP 47 tag ("en-GB"): the one its words are printed in, the active one
    (see _in_certificate_language)."""
    return translation.to_locale(translation.get_language() or settings.LANGUAGE_CODE).replace("_", "-")


def _organisation() -> str:
    """Who awards the certificate: printed as "… certifies that", and signs when the design names no one."""
    return conf.organisation_name()


def _metadata(certificate: Certificate, design: CertificateDesign) -> Metadata:
    return Metadata(
        title=_("Certificate: %(course)s — %(holder)s")
        % {"course": certificate.course_title, "holder": certificate.holder_name},
        author=design.signatory_name or _organisation() or PRODUCER,
        subject=certificate.course_title,
        created=certificate.issued_on.isoformat(),
    )


def _image_url(image, filter_spec: str) -> str:
    """A rendition's URL, which DjangoURLFetcher reads back from storage."""
    if image is None:
        return ""
    try:
        return image.get_rendition(filter_spec).url
    except Exception:
        # A missing or unreadable upload should cost the certificate its logo, not its existence.
        logger.warning("Certificate image %s could not be rendered", image.pk, exc_info=True)
        return ""


def _accent(design: CertificateDesign) -> str:
    # Printed into CSS, so only a checked colour goes in, even if a row skipped the form's validation.
    colour = design.accent_colour or ""
    return colour if re.fullmatch(r"#[0-9a-fA-F]{6}", colour) else DEFAULT_ACCENT


def _design_context(design: CertificateDesign) -> dict:
    portrait = design.orientation == CertificateDesign.Orientation.PORTRAIT
    return {
        "design": design,
        "orientation": "portrait" if portrait else "landscape",
        "accent": _accent(design),
        "logo_url": _image_url(design.logo, LOGO_FILTER),
        "signature_url": _image_url(design.signature_image, SIGNATURE_FILTER),
        "organisation": _organisation(),
        "qr_mm": QR_MM,
    }


def _size(text: str, limits: tuple[int, ...], sizes: tuple[str, ...]) -> str:
    # CSS can't shrink text to fit, so long names and titles step down a size class (and wrap beyond).
    return next((size for limit, size in zip(limits, sizes, strict=False) if len(text) <= limit), sizes[-1])


def _day(value) -> str:
    return date_format(value, "j F Y") if value else ""


def _facts(certificate: Certificate) -> str:
    facts = [_("Issued %(date)s") % {"date": _day(certificate.issued_on)}]
    facts.append(
        _("Valid until %(date)s") % {"date": _day(certificate.expires_on)}
        if certificate.expires_on
        else _("No expiry")
    )
    if certificate.awareness_score is not None:
        facts.append(_("Awareness %(score)s%%") % {"score": certificate.awareness_score})
    if certificate.skill_score is not None:
        facts.append(_("Skill %(score)s%%") % {"score": certificate.skill_score})
    return "\u2002·\u2002".join(facts)


def _skill_lines(skills: list[dict], chars: int) -> list[str]:
    """Per-skill scores, wrapped at about ``chars`` characters a line (see _holder_context)."""

    def scores(skill: dict) -> str:
        parts = (
            (_("awareness %(score)s%%"), skill.get("awareness")),
            (_("skill %(score)s%%"), skill.get("skill_score")),
        )
        return ", ".join(label % {"score": value} for label, value in parts if value is not None)

    lines: list[str] = []
    for item in (f"{s.get('skill', '')}: {scores(s)}" for s in skills):
        if lines and len(lines[-1]) + 3 + len(item) <= chars:
            lines[-1] += f"\u2003\u2003{item}"
        else:
            lines.append(item)
    return lines


def _course_context(certificate: Certificate) -> tuple:
    """The course layer, as a hashable tuple of items so a bulk export lays each distinct one out once."""
    covered = " · ".join(f"{p['title']} v{p['version']}" for p in certificate.policy_versions or [])
    return (
        ("title", certificate.course_title),
        ("size", _size(certificate.course_title, (55, 110), ("l", "m", "s"))),
        ("policies", _("Policies covered: %(policies)s") % {"policies": covered} if covered else ""),
    )


# Characters a line of skills may hold, by (portrait?, dense?): a safe underestimate of what fits. Lines
# are wrapped here because a box WeasyPrint need not wrap (white-space: pre) lays out ~1.5 ms faster a
# certificate in a bulk export; a line that still overflows is clipped, never moves anything.
_SKILL_CHARS = {(False, False): 100, (False, True): 120, (True, False): 72, (True, True): 86}
_DENSE_SKILLS = 4


def _holder_context(certificate: Certificate, design: CertificateDesign, *, qr_image: bool) -> dict:
    """The holder layer. The bulk path draws the QR itself, so it asks for no image here."""
    url = verify_url(certificate)
    skills = certificate.skills or []
    dense = len(skills) > _DENSE_SKILLS
    chars = _SKILL_CHARS[design.orientation == CertificateDesign.Orientation.PORTRAIT, dense]
    return {
        "name": certificate.holder_name,
        "name_size": _size(certificate.holder_name, (24, 38, 80), ("xl", "l", "m", "s")),
        "details": "\n".join([_facts(certificate), *_skill_lines(skills, chars)]),
        "dense": dense,
        "check": f"{url}\n" + _("Code %(code)s") % {"code": certificate.code},
        "verify_url": url,
        "qr": qr_data_uri(url) if qr_image else "",
        "qr_alt": _qr_alt(url),
    }


def _qr_alt(url: str) -> str:
    return _("QR code: %(url)s") % {"url": url}


def _html(sheets: list[dict], design: CertificateDesign, meta: Metadata | None) -> HTML:
    context = {**_design_context(design), "sheets": sheets, "meta": meta, "lang": _language()}
    html = render_to_string(TEMPLATE, context)
    return HTML(string=html, base_url=_base_url(), url_fetcher=DjangoURLFetcher())


# --- Rendering -------------------------------------------------------------------------------------------


def _in_certificate_language(render):
    """Certificates are printed in the site's language (LANGUAGE_CODE), whoever asks for one: a stored PDF
    is shared by its holder, their leader and HR, so it must not take the language of whoever first
    downloaded it. (Printing each in its holder's language needs a language on the person's profile.)"""

    @functools.wraps(render)
    def in_language(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return render(*args, **kwargs)

    return in_language


@_in_certificate_language
def render_certificate_pdf(certificate: Certificate, *, design: CertificateDesign | None = None) -> bytes:
    """One certificate as one WeasyPrint document; its metadata comes from the template's <head>."""
    design = design or CertificateDesign.current()
    sheet = {
        "design": True,
        "course": dict(_course_context(certificate)),
        "holder": _holder_context(certificate, design, qr_image=True),
    }
    return _html([sheet], design, _metadata(certificate, design)).write_pdf(pdf_variant=PDF_VARIANT)


@_in_certificate_language
def render_many(certificates, *, design: CertificateDesign | None = None) -> list[bytes]:
    """Many certificates in one WeasyPrint pass: one single-page PDF each, in the order given.

    The document's first page is the design layer. Its second page stacks in one place each distinct
    course layer, then every holder layer, each a PDF group of its own. So the fonts are subset once,
    WeasyPrint's per-page cost is paid once, and a course shared by many certificates is laid out once;
    ``_Assembler`` then writes each certificate as the design with its course, holder and QR drawn over,
    tagged as a single certificate is (PDF/UA-1), with the structure of its three layers.
    """
    certificates = list(certificates)
    if not certificates:
        return []
    design = design or CertificateDesign.current()
    courses: dict[tuple, int] = {}
    course_of = [courses.setdefault(_course_context(c), len(courses)) for c in certificates]
    holders = [_holder_context(c, design, qr_image=False) for c in certificates]
    sheets = [
        {"design": True, "layer": "design"},
        *({"course": dict(course), "layer": "course"} for course in courses),
        *({"holder": holder, "layer": "holder"} for holder in holders),
    ]
    document = _html(sheets, design, None).render()
    language = _language()
    assembler = _Assembler.capture(document, courses=len(courses), language=language)
    if assembler is None or len(assembler.groups) != len(courses) + len(certificates):
        # Only a template change can get here (every row clips); stay correct, if slower.
        logger.warning("Bulk certificate layout did not stack; rendering %d one by one", len(certificates))
        return [render_certificate_pdf(certificate, design=design) for certificate in certificates]
    outputs = []
    for index, (certificate, course, holder) in enumerate(zip(certificates, course_of, holders, strict=True)):
        meta = _metadata(certificate, design)
        outputs.append(
            assembler.certificate(
                (course, len(courses) + index),
                _qr_image(holder["verify_url"]),
                holder["qr_alt"],
                meta.pdf_info(),
                meta.xmp(language),
            )
        )
    return outputs


class _Captured(Exception):
    pass


class _NotStacked(Exception):
    """The bulk document's structure is not the one the assembler knows how to take apart."""


_REFERENCE = re.compile(rb"(\d+) 0 R")
_XOBJECT_USE = re.compile(rb"/([^\s/\[\]<>()]+) Do\b")
# WeasyPrint lays pages out in CSS pixels and draws them flipped to a top-left origin, in points.
_PT_PER_PX = 0.75
_PX_PER_MM = 96 / 25.4
# Keys of a structure element that the assembler writes itself; any other (/A, /Alt…) is copied as is.
_OWN_KEYS = {"Type", "S", "P", "Pg", "K"}


def _number(reference: bytes) -> int:
    return int(reference.split()[0])


def _pdf_number(value: float) -> bytes:
    return f"{value:.4f}".rstrip("0").rstrip(".").encode()


@dataclass
class _Elem:
    """A structure element of one layer, ready to be written with new object numbers: ``kids`` are
    ("elem", index in the layer's list) or ("mcid", marked-content id in the layer's own stream)."""

    head: bytes  # /S and copied keys
    parent: int | None  # index in the layer's list; None for the layer's root (an /Art)
    kids: list[tuple[str, int]]


@dataclass
class _Layer:
    """One sheet's structure elements in tree order (the sheet's /Art first), and which element each of its
    marked-content ids belongs to."""

    numbers: list[int]  # the bulk document's object numbers
    elems: list[_Elem]
    marks: list[int]  # element index by MCID


class _Assembler:
    """Writes each certificate's one-page PDF out of the bulk document, at the pydyf object level.

    An output is the design page's content; then, set up with the transform WeasyPrint gives every page,
    its course group, its holder group and its QR image; the design's resources (only the images that
    page draws) plus those three; and every object they reach, renumbered. Everything the design page
    reaches (fonts, logo, signature, the design's structure elements) is serialised, compressed and
    renumbered once for all outputs, so an output adds only its two groups, their resources, their
    structure elements and its QR. (pypdf took ~9 ms a page to split a written PDF, half of a
    certificate's whole budget.)

    Tagging (PDF/UA-1). WeasyPrint tags the bulk document: a structure tree of one /Art per sheet, whose
    elements point at marked content by id (MCID) on the design page, or inside the course and holder
    groups. An output's tree is Document > [design Art, course Art, holder Art + the QR's /Figure]. The
    design's MCIDs stay where they are, on the page (ParentTree key 0). A group's MCIDs are renumbered
    from 0 inside the group, which becomes a content stream of its own (/StructParents 1 for the course,
    2 for the holder) that its elements reach through marked-content references with /Stm, as ISO
    32000-1 §14.7.4.3 has it for content in form XObjects. The QR is marked on the page after the design.
    """

    # Output objects: 1 catalog, 2 page tree, 3 page, 4 "q", 5 the layers' drawing, 6 the structure tree
    # root, 7 its Document element, then shared objects.
    DOCUMENT = 7
    FIRST_SHARED = 8

    def __init__(self, pdf, qr_box: tuple[float, float, float], *, courses: int, language: str):
        self._objects = pdf.objects
        self._data: dict[int, bytes] = {}
        self._refs: dict[int, list[int]] = {}
        self._lang = pydyf.String(language).data
        design, layers = (self._objects[number] for number in pdf.pages["Kids"][::3])
        shared = self._objects[_number(design["Resources"])]
        x_objects = shared.get("XObject") or {}
        # The second page draws nothing but the layer groups, in document order.
        self.groups = [_number(x_objects[name.decode()]) for name in self._drawn(layers["Contents"])]
        drawn = {name.decode() for name in self._drawn(design["Contents"])}
        resources = pydyf.Dictionary({key: value for key, value in shared.items() if key != "XObject"})
        images = pydyf.Dictionary({key: value for key, value in x_objects.items() if key in drawn})
        roots = b" ".join([resources.data, images.data, design["Contents"]])
        shared_numbers = self._closure(_REFERENCE.findall(roots))
        self._shared = {old: new for new, old in enumerate(shared_numbers, start=self.FIRST_SHARED)}
        self._shared_bodies = [self._relink(self._serialised(n), self._shared) for n in shared_numbers]
        self._resources = self._relink(resources.data, self._shared).removesuffix(b">>")
        self._images = self._relink(images.data, self._shared).removeprefix(b"<<").removesuffix(b">>")
        self._contents = self._relink(design["Contents"], self._shared)
        self._boxes = b" ".join(
            b"/%s %s" % (key.encode(), design[key].data) for key in ("MediaBox", "TrimBox")
        )
        self._page_height = float(design["MediaBox"][3])
        self._tag(pdf, courses)
        self._qr_bbox = self._qr_bbox_of(qr_box)
        self._drawing = self._layers_drawing(self._page_height, qr_box, self._qr_mcid)

    @classmethod
    def capture(cls, document, *, courses: int, language: str) -> "_Assembler | None":
        """The assembler for a rendered bulk document, or None if its pages or structure aren't stacked
        as the template lays them out."""
        if len(document.pages) != 2:
            return None
        # WeasyPrint hands its finished pydyf.PDF to the finisher just before serialising the whole
        # document, which is never needed here: take the objects and stop there.
        captured = []

        def finisher(_document, pdf):
            captured.append(pdf)
            raise _Captured

        try:
            document.write_pdf(finisher=finisher, pdf_variant=PDF_VARIANT)
        except _Captured:
            pass
        # The design layer marks the QR's place (id="qr"); anchors are (x1, y1, x2, y2) in CSS px.
        x1, y1, *rest = document.pages[0].anchors["qr"]
        size = rest[0] - x1 if rest else QR_MM * _PX_PER_MM
        try:
            return cls(captured[0], (x1, y1, size), courses=courses, language=language)
        except _NotStacked:
            logger.warning("Bulk certificate structure tree was not one article per sheet", exc_info=True)
            return None

    # --- The structure tree ------------------------------------------------------------------------------

    def _tag(self, pdf, courses: int) -> None:
        root = self._objects[_number(pdf.catalog["StructTreeRoot"])]
        document = self._objects[_number(root["K"][0])]
        articles = [_number(reference) for reference in document["K"]]
        if len(articles) != 1 + len(self.groups):
            raise _NotStacked(f"{len(articles)} articles for {len(self.groups)} layers and a design")
        parent_tree = self._objects[_number(root["ParentTree"])]["Nums"]
        page_marks = [_number(reference) for reference in parent_tree[1]]  # key 0: the design page

        # The design's elements: on the page, the same in every output, so written once and shared.
        design = self._layer(articles[0], mcids=None)
        first = self.FIRST_SHARED + len(self._shared)
        self._design_root = first
        self._shared_bodies += [
            self._elem_body(elem, first, self.DOCUMENT, mcr=None) for elem in design.elems
        ]
        position = {old: first + index for index, old in enumerate(design.numbers)}
        if any(old not in position for old in page_marks):
            raise _NotStacked("marked content on the design page outside the design's article")
        self._design_marks = b" ".join(b"%d 0 R" % position[old] for old in page_marks)
        self._qr_mcid = len(page_marks)

        # Each group's elements, its marks renumbered from 0 inside the group.
        self._layers = []
        for index, (group, article) in enumerate(zip(self.groups, articles[1:], strict=True)):
            x_object = self._objects[group]
            renumbered = self._renumber_marks(x_object)
            x_object.extra["StructParents"] = 1 if index < courses else 2
            self._layers.append(self._layer(article, mcids=renumbered))

    def _layer(self, article: int, *, mcids: dict[int, int] | None) -> _Layer:
        """The elements under ``article`` in tree order; ``mcids`` renumbers a group's marked content."""
        numbers, elems, marks = [], [], {}
        pending = [(article, None)]
        while pending:
            number, parent = pending.pop(0)
            element = self._objects[number]
            if not isinstance(element, dict) or element.get("Type") != "/StructElem":
                raise _NotStacked(f"object {number} in the structure tree is not a structure element")
            index = len(numbers)
            numbers.append(number)
            kids = []
            for kid in element["K"]:
                if isinstance(kid, int):
                    mcid = kid if mcids is None else mcids.get(kid)
                    if mcid is None:
                        raise _NotStacked(f"marked content {kid} is not in its sheet's group")
                    kids.append(("mcid", mcid))
                    marks[mcid] = index
                else:
                    kids.append(("elem", _number(kid)))
                    pending.append((_number(kid), index))
            extra = pydyf.Dictionary({key: value for key, value in element.items() if key not in _OWN_KEYS})
            elems.append(_Elem(b"/S %s%s" % (element["S"].encode(), extra.data[2:-2]), parent, kids))
        position = {old: index for index, old in enumerate(numbers)}
        for elem in elems:
            elem.kids = [(kind, position[value] if kind == "elem" else value) for kind, value in elem.kids]
        if sorted(marks) != list(range(len(marks))):
            raise _NotStacked("a layer's marked content is not numbered 0, 1, 2…")
        return _Layer(numbers, elems, [marks[mcid] for mcid in range(len(marks))])

    @staticmethod
    def _renumber_marks(x_object) -> dict[int, int]:
        """Number a group's marked content from 0, in drawing order; return {old MCID: new}."""
        renumbered: dict[int, int] = {}
        for item in x_object.stream:
            if isinstance(item, pydyf.Dictionary) and "MCID" in item:
                item["MCID"] = renumbered.setdefault(item["MCID"], len(renumbered))
        return renumbered

    @staticmethod
    def _elem_body(
        elem: _Elem, first: int, root_parent: int, *, mcr: bytes | None, extra: bytes = b""
    ) -> bytes:
        """A structure element numbered ``first`` + its index; ``mcr`` % MCID references marked content in
        a group (None: on the page, by MCID alone)."""
        parent = root_parent if elem.parent is None else first + elem.parent
        kids = b" ".join(
            b"%d 0 R" % (first + value) if kind == "elem" else (mcr % value if mcr else b"%d" % value)
            for kind, value in elem.kids
        )
        return b"<</Type /StructElem %s /P %d 0 R /Pg 3 0 R /K [%s%s]>>" % (elem.head, parent, kids, extra)

    def _qr_bbox_of(self, qr_box: tuple[float, float, float]) -> bytes:
        x, y, size = qr_box
        left, top = x * _PT_PER_PX, self._page_height - y * _PT_PER_PX
        numbers = (left, top - size * _PT_PER_PX, left + size * _PT_PER_PX, top)
        return b" ".join(_pdf_number(n) for n in numbers)

    # --- One certificate ---------------------------------------------------------------------------------

    @staticmethod
    def _layers_drawing(page_height_pt: float, qr_box: tuple[float, float, float], qr_mcid: int) -> bytes:
        """Restore the state from before the design; set up the page as WeasyPrint does (flipped to a
        top-left origin, CSS pixels); draw the course, the holder, then the QR image in its place, marked
        as the QR's /Figure."""
        x, y, size = qr_box
        numbers = (page_height_pt, _PT_PER_PX, _PT_PER_PX, size, -size, x, y + size)
        operators = b"Q q 1 0 0 -1 0 %s cm %s 0 0 %s 0 0 cm /course Do /holder Do %s 0 0 %s %s %s cm "
        figure = b"/Figure <</MCID %d>> BDC /qr Do EMC Q" % qr_mcid
        return operators % tuple(_pdf_number(n) for n in numbers) + figure

    def certificate(
        self, layers: tuple[int, int], qr_image: bytes, qr_alt: str, info: dict[str, str], xmp: bytes
    ) -> bytes:
        """One certificate: the design with the (course, holder) ``layers`` (indexes of their groups) and
        ``qr_image`` drawn over, its structure tree joining the design's with theirs."""
        groups = tuple(self.groups[layer] for layer in layers)
        own = [n for n in self._closure(groups) if n not in self._shared]
        numbers = dict(self._shared)
        start = self.FIRST_SHARED + len(self._shared_bodies)
        numbers.update({old: new for new, old in enumerate(own, start=start)})
        course, holder = (numbers[group] for group in groups)
        course_layer, holder_layer = (self._layers[layer] for layer in layers)
        course_mcr, holder_mcr = self._mcr(course), self._mcr(holder)
        course_first = start + len(own)
        holder_first = course_first + len(course_layer.elems)
        figure = holder_first + len(holder_layer.elems)
        parent_tree, qr, metadata = figure + 1, figure + 2, figure + 3
        structure = [
            *(
                self._elem_body(elem, course_first, self.DOCUMENT, mcr=course_mcr)
                for elem in course_layer.elems
            ),
            *(
                self._elem_body(
                    elem,
                    holder_first,
                    self.DOCUMENT,
                    mcr=holder_mcr,
                    extra=b" %d 0 R" % figure if elem.parent is None else b"",
                )
                for elem in holder_layer.elems
            ),
            b"<</Type /StructElem /S /Figure /P %d 0 R /Pg 3 0 R /K [%d] /Alt %s"
            b" /A <</O /Layout /BBox [%s]>>>>"
            % (holder_first, self._qr_mcid, pydyf.String(qr_alt).data, self._qr_bbox),
            b"<</Nums [0 [%s %d 0 R] 1 [%s] 2 [%s]]>>"
            % (
                self._design_marks,
                figure,
                b" ".join(b"%d 0 R" % (course_first + index) for index in course_layer.marks),
                b" ".join(b"%d 0 R" % (holder_first + index) for index in holder_layer.marks),
            ),
        ]
        resources = b"%s/XObject <<%s/course %d 0 R/holder %d 0 R/qr %d 0 R>>>>" % (
            self._resources,
            self._images,
            course,
            holder,
            qr,
        )
        page = (
            b"<</Type /Page /Parent 2 0 R %s /Resources %s /Contents [4 0 R %s 5 0 R]"
            b" /StructParents 0 /Tabs /S>>" % (self._boxes, resources, self._contents)
        )
        catalog = (
            b"<</Type /Catalog /Pages 2 0 R /Lang %s /StructTreeRoot 6 0 R /MarkInfo <</Marked true>>"
            b" /ViewerPreferences <</DisplayDocTitle true>> /Metadata %d 0 R>>" % (self._lang, metadata)
        )
        return _pdf_file(
            [
                catalog,
                b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
                page,
                b"<</Length 1>>\nstream\nq\nendstream",  # q ... Q keeps the design's state to itself
                b"<</Length %d>>\nstream\n%s\nendstream" % (len(self._drawing), self._drawing),
                b"<</Type /StructTreeRoot /K [7 0 R] /ParentTree %d 0 R /ParentTreeNextKey 3>>" % parent_tree,
                b"<</Type /StructElem /S /Document /P 6 0 R /K [%d 0 R %d 0 R %d 0 R]>>"
                % (self._design_root, course_first, holder_first),
                *self._shared_bodies,
                *(self._relink(self._serialised(n), numbers) for n in own),
                *structure,
                qr_image,
                xmp,
                pydyf.Dictionary({key: pydyf.String(value) for key, value in info.items()}).data,
            ]
        )

    @staticmethod
    def _mcr(stream: int) -> bytes:
        # A %-template: the marked content with the given MCID inside the group ``stream``.
        return b"<</Type /MCR /Pg 3 0 R /Stm %d 0 R /MCID %%d>>" % stream

    # --- Objects -----------------------------------------------------------------------------------------

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
    """A PDF of ``bodies`` as objects 1, 2, ... (1 the catalog, the last the info dictionary)."""
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
    out.write(
        b"trailer\n<</Size %d /Root 1 0 R /Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (size, size - 1, xref)
    )
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
            pass  # lost, or replaced by a concurrent render a moment ago: draw it again
    data = render_certificate_pdf(certificate, design=design)
    _store(certificate, data, design.version)
    return data


def _store(certificate: Certificate, data: bytes, version: str) -> None:
    """Save the new file, then point the row at it only if nobody else did meanwhile.

    No lock is held while rendering. The compare-and-swap on the old file name, which writes only the
    two PDF fields, makes concurrent calls safe: one wins and deletes the old file, a loser deletes its
    own copy, so no file is orphaned and the row always names a complete file.
    """
    storage = certificate.pdf.storage
    old_name = certificate.pdf.name or ""
    new_name = storage.save(
        certificate.pdf.field.generate_filename(certificate, f"{certificate.code}.pdf"), ContentFile(data)
    )
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
