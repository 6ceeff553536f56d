"""The demo company's certificate design: Brightwater Utilities' name, colour, logo and signatory.

The logo is drawn here with Pillow (a water drop with a wave through it, and the name), so the demo needs
no download and no binary file in the repository. Safe to run again: only what is missing is added.
"""

import io
import math

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

ORGANISATION = "Brightwater Utilities"
DESIGN_NAME = ORGANISATION
# The demo's Head of Customer Service (project/demo/organisation.py) signs its certificates.
SIGNATORY_NAME = "Grace Adeyemi"
SIGNATORY_TITLE = "Head of Customer Service"
ACCENT = "#0a6284"  # deep water blue: the frame, title and course on every certificate
LOGO_TITLE = "Brightwater Utilities logo"
LOGO_FILE = "brightwater-logo.png"

_INK = (16, 42, 61, 255)  # the name, near-navy
_WATER = (10, 98, 132, 255)  # ACCENT
_LIGHT_WATER = (76, 170, 204, 255)
_SCALE = 3  # drawn large and scaled down: Pillow draws shapes without anti-aliasing


@transaction.atomic
def build_certificate_design():
    """The default certificate design names Brightwater, its signatory and its logo."""
    from certificates.models import CertificateDesign

    design = CertificateDesign.objects.filter(name=DESIGN_NAME).first()
    if design is None:
        design = CertificateDesign.objects.create(name=DESIGN_NAME, is_default=True, accent_colour=ACCENT)
        # The demo's design is the one in use; an author may pick another afterwards and keep it.
        CertificateDesign.objects.exclude(pk=design.pk).update(is_default=False)
    changed = []
    if not design.signatory_name:
        design.signatory_name, design.signatory_title = SIGNATORY_NAME, SIGNATORY_TITLE
        changed += ["signatory_name", "signatory_title"]
    if design.logo_id is None:
        design.logo = _logo_image()
        changed.append("logo")
    if changed:
        design.save(update_fields=[*changed, "updated_at"])
    return design


def _logo_image():
    from wagtail.images.models import Image

    image = Image.objects.filter(title=LOGO_TITLE).first()
    if image is None:
        image = Image(title=LOGO_TITLE, file=ImageFile(io.BytesIO(logo_png()), name=LOGO_FILE))
        image.save()
    return image


def logo_png(width: int = 1200, height: int = 300) -> bytes:
    """Brightwater Utilities' mark and name on a transparent background, as PNG bytes (at most
    ``width`` by ``height``: the picture is cropped to what is drawn)."""
    w, h = width * _SCALE, height * _SCALE
    canvas = PILImage.new("RGBA", (w, h), (255, 255, 255, 0))
    drop_width = _draw_drop(canvas, left=int(h * 0.06), top=int(h * 0.04), height=int(h * 0.92))
    draw = ImageDraw.Draw(canvas)
    text_left = int(h * 0.06) + drop_width + int(h * 0.16)
    name = _font(bold=True, size=int(h * 0.36))
    draw.text((text_left, int(h * 0.5)), "Brightwater", font=name, fill=_INK, anchor="ls")
    name_width = draw.textlength("Brightwater", font=name)
    _spaced(draw, (text_left, int(h * 0.8)), "UTILITIES", _font(bold=False, size=int(h * 0.2)), name_width)
    # Cropped to what is drawn (and a little air), so the certificate centres the logo itself.
    left, top, right, bottom = canvas.getchannel("A").getbbox()
    air = int(h * 0.03)
    canvas = canvas.crop((max(0, left - air), max(0, top - air), min(w, right + air), min(h, bottom + air)))
    canvas = canvas.resize((canvas.width // _SCALE, canvas.height // _SCALE), PILImage.Resampling.LANCZOS)
    out = io.BytesIO()
    canvas.save(out, "PNG", optimize=True)
    return out.getvalue()


def _draw_drop(canvas, *, left: int, top: int, height: int) -> int:
    """A water drop with two waves through its lower half; returns its width."""
    radius = height * 0.34
    centre = (left + radius, top + height - radius)
    tip = (centre[0], top)
    # The drop's sides are the tangents from its tip to the round bottom.
    angle = math.acos(radius / (centre[1] - tip[1]))
    side = (radius * math.sin(angle), radius * math.cos(angle))
    mask = PILImage.new("L", canvas.size, 0)
    shape = ImageDraw.Draw(mask)
    shape.ellipse((centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius), fill=255)
    shape.polygon(
        [tip, (centre[0] - side[0], centre[1] - side[1]), (centre[0] + side[0], centre[1] - side[1])],
        fill=255,
    )
    water = PILImage.new("RGBA", canvas.size, _WATER)
    waves = ImageDraw.Draw(water)
    span = (centre[0] - radius, centre[0] + radius)
    for level, colour, thickness in ((0.02, (255, 255, 255, 255), 0.16), (0.34, _LIGHT_WATER, 0.12)):
        _wave(waves, span, centre[1] + radius * (level - 0.1), radius * 0.16, radius * thickness, colour)
    canvas.paste(water, (0, 0), mask)
    return int(2 * radius)


def _wave(draw, span, middle: float, amplitude: float, thickness: float, colour) -> None:
    """A band one period of a sine wide across ``span``, ``thickness`` deep."""
    start, end = span
    steps = 64
    top = [
        (start + (end - start) * i / steps, middle - amplitude * math.sin(2 * math.pi * i / steps))
        for i in range(steps + 1)
    ]
    bottom = [(x, y + thickness) for x, y in reversed(top)]
    draw.polygon(top + bottom, fill=colour)


def _spaced(draw, origin, text: str, font, width: float) -> None:
    """``text`` letter-spaced to fill ``width`` from ``origin`` (a baseline's left end)."""
    letters = [draw.textlength(letter, font=font) for letter in text]
    gap = max(0.0, (width - sum(letters)) / max(1, len(text) - 1))
    x, y = origin
    for letter, advance in zip(text, letters, strict=True):
        draw.text((x, y), letter, font=font, fill=_WATER, anchor="ls")
        x += advance + gap


def _font(*, bold: bool, size: int):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, size)
    except OSError:  # no DejaVu on this machine: Pillow's own font still draws the name
        return ImageFont.load_default(size=size)
