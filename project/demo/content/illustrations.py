"""Diagrams for the demo modules, drawn with Pillow when the demo is built (nothing is downloaded).

Each ``Illustration`` says what it shows (its alt text, written for someone who cannot see it), where
it goes (a module, next to one of its blocks) and how to draw it. ``build_courses.place_illustrations``
stores them as Wagtail images and adds each to its module once.

The drawings are 1000 px wide with large type, so they stay readable when a phone shows them about
360 px wide.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH = 1000
INK = "#1c2430"
MUTED = "#4a5566"
PAPER = "#ffffff"
BG = "#f4f6f9"
LINE = "#d5dbe3"
BRAND = "#0b5cad"
BRAND_BG = "#e8f0fa"
OK = "#1d6b3a"
OK_BG = "#e6f4ea"
DANGER = "#a61b1b"
DANGER_BG = "#fdecec"

_FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF"]


def _font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in _FONT_DIRS:
        path = Path(folder) / name
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)  # Pillow's own scalable font, where DejaVu is not installed


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _text(draw, xy, text: str, font, fill, width: int, spacing: int = 8) -> int:
    """Draw ``text`` wrapped to ``width`` from ``xy``; returns the y below it."""
    x, y = xy
    for line in _wrap(draw, text, font, width):
        draw.text((x, y), line, font=font, fill=fill)
        y += font.size + spacing
    return y


def _arrow(draw, start, end, fill, width: int = 6, head: int = 18) -> None:
    (x1, _), (x2, y2) = start, end
    draw.line([start, end], fill=fill, width=width)
    if x1 == x2:  # vertical, pointing down
        draw.polygon([(x2 - head, y2 - head), (x2 + head, y2 - head), (x2, y2 + 4)], fill=fill)
    else:  # horizontal, pointing right
        draw.polygon([(x2 - head, y2 - head), (x2 - head, y2 + head), (x2 + 4, y2)], fill=fill)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def draw_acknowledgement_steps() -> bytes:
    """Four steps top to bottom, a bracket beside the middle two: "one or two sentences"."""
    steps = [
        ("Listen", "Let the customer finish the whole story."),
        ("Name the problem", "“No water since seven this morning…”"),
        ("Name what it means for them", "“…with two little ones at home, that’s really hard.”"),
        ("Say what you will do next", "“Let me find out exactly what’s happening.”"),
    ]
    title_font, body_font, number_font = _font(44, bold=True), _font(32), _font(48, bold=True)
    box_left, box_right, text_x, gap, top = 30, 730, 170, 46, 30
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    text_width = box_right - text_x - 24
    rows = []
    for title, example in steps:
        title_lines = _wrap(measure, title, title_font, text_width)
        body_lines = _wrap(measure, example, body_font, text_width)
        rows.append(max(150, 22 + len(title_lines) * 52 + 6 + len(body_lines) * 38 + 24))
    height = top * 2 + sum(rows) + (len(steps) - 1) * gap
    image = Image.new("RGB", (WIDTH, height), BG)
    draw = ImageDraw.Draw(image)
    tops = []
    y = top
    for n, ((title, example), row) in enumerate(zip(steps, rows, strict=True)):
        tops.append(y)
        middle = n in (1, 2)
        draw.rounded_rectangle(
            [box_left, y, box_right, y + row],
            radius=18,
            fill=BRAND_BG if middle else PAPER,
            outline=BRAND,
            width=4,
        )
        circle_y = y + row // 2 - 45
        draw.ellipse([box_left + 24, circle_y, box_left + 114, circle_y + 90], fill=BRAND)
        number = str(n + 1)
        draw.text(
            (box_left + 69 - draw.textlength(number, font=number_font) / 2, circle_y + 16),
            number,
            font=number_font,
            fill=PAPER,
        )
        below = _text(draw, (text_x, y + 22), title, title_font, INK, text_width)
        _text(draw, (text_x, below + 6), example, body_font, MUTED, text_width, spacing=6)
        if n < len(steps) - 1:
            _arrow(draw, (box_left + 69, y + row + 4), (box_left + 69, y + row + gap - 14), BRAND)
        y += row + gap
    # The bracket beside steps 2 and 3: together they are the acknowledgement, kept short.
    y1, y2 = tops[1] + 10, tops[2] + rows[2] - 10
    x = box_right + 24
    draw.line([(x, y1), (x + 24, y1), (x + 24, y2), (x, y2)], fill=OK, width=6)
    draw.line([(x + 24, (y1 + y2) // 2), (x + 46, (y1 + y2) // 2)], fill=OK, width=6)
    label_font = _font(32, bold=True)
    _text(draw, (x + 58, (y1 + y2) // 2 - 58), "One or two sentences", label_font, OK, WIDTH - x - 70)
    return _png(image)


def draw_hand_off_count() -> bytes:
    """The same call twice: passed through three agents, then owned by the first."""
    lanes = [
        (
            "Passed around",
            ["Front line", "Payments", "Billing"],
            ["2 transfers", "story told 3 times", "20+ minutes"],
            DANGER,
            DANGER_BG,
        ),
        (
            "Owned from the start",
            ["Front line"],
            ["0 transfers", "story told once", "4 minutes"],
            OK,
            OK_BG,
        ),
    ]
    lane_height, top = 330, 24
    image = Image.new("RGB", (WIDTH, top * 2 + len(lanes) * lane_height + 30), BG)
    draw = ImageDraw.Draw(image)
    heading, node_font, fact_font = _font(44, bold=True), _font(34, bold=True), _font(32, bold=True)
    node_w, node_h, step = 250, 96, 330
    for n, (title, agents, facts, colour, background) in enumerate(lanes):
        y = top + n * (lane_height + 30)
        draw.rounded_rectangle(
            [10, y, WIDTH - 10, y + lane_height], radius=20, fill=PAPER, outline=LINE, width=3
        )
        draw.text((40, y + 22), title, font=heading, fill=colour)
        node_y = y + 100
        for i, agent in enumerate(agents):
            x = 40 + i * step
            fixes = i == len(agents) - 1  # the last agent fixes it: green, with a tick
            label = f"✓ {agent}" if fixes else agent
            draw.rounded_rectangle(
                [x, node_y, x + node_w, node_y + node_h],
                radius=16,
                fill=OK_BG if fixes else background,
                outline=OK if fixes else colour,
                width=4,
            )
            label_x = x + (node_w - draw.textlength(label, font=node_font)) / 2
            draw.text((label_x, node_y + 28), label, font=node_font, fill=OK if fixes else INK)
            if not fixes:
                _arrow(
                    draw,
                    (x + node_w + 8, node_y + node_h // 2),
                    (x + step - 22, node_y + node_h // 2),
                    colour,
                )
        fact_x, fact_y = 40, node_y + node_h + 34
        for fact in facts:
            width = draw.textlength(fact, font=fact_font) + 36
            draw.rounded_rectangle([fact_x, fact_y, fact_x + width, fact_y + 58], radius=29, fill=background)
            draw.text((fact_x + 18, fact_y + 10), fact, font=fact_font, fill=colour)
            fact_x += width + 20
    return _png(image)


def draw_summary_parts() -> bytes:
    """Facts, impact, wants and check in a 2 × 2 grid, with the way back when the customer corrects."""
    parts = [
        ("Facts", "What happened, when, and any amounts."),
        ("Impact", "How it has affected the customer."),
        ("Wants", "The outcome they are hoping for."),
        ("Check", "“Have I got that right?”"),
    ]
    cell_w, cell_h, gap, margin = 455, 230, 30, 30
    height = margin * 2 + 2 * cell_h + gap + 120
    image = Image.new("RGB", (WIDTH, height), BG)
    draw = ImageDraw.Draw(image)
    title_font, body_font = _font(50, bold=True), _font(34)
    for n, (title, text) in enumerate(parts):
        col, row = n % 2, n // 2
        x = margin + col * (cell_w + gap)
        y = margin + row * (cell_h + gap)
        check = title == "Check"
        draw.rounded_rectangle(
            [x, y, x + cell_w, y + cell_h],
            radius=20,
            fill=OK_BG if check else PAPER,
            outline=OK if check else BRAND,
            width=4,
        )
        draw.text((x + 30, y + 26), f"{n + 1}. {title}", font=title_font, fill=OK if check else BRAND)
        _text(draw, (x + 30, y + 104), text, body_font, INK, cell_w - 60)
    y = margin + 2 * cell_h + gap + 24
    _text(
        draw,
        (margin, y),
        "Corrected? Thank them, adjust, and check again.",
        _font(36, bold=True),
        OK,
        WIDTH - 2 * margin,
    )
    return _png(image)


@dataclass(frozen=True)
class Illustration:
    title: str  # the Wagtail image's title, which finds it again on the next run
    filename: str
    alt_text: str
    caption: str
    course: str  # course slug
    module: str  # module slug
    before: str  # placed before the module's first block of this type (at the end if it has none)
    draw: Callable[[], bytes]


ILLUSTRATIONS = [
    Illustration(
        title="Demo: acknowledge, then act (four steps)",
        filename="acknowledge-then-act.png",
        alt_text=(
            "Four steps, one after another: 1, listen and let the customer finish the whole story; "
            "2, name the problem, for example “No water since seven this morning”; 3, name what it "
            "means for them, “with two little ones at home, that's really hard”; 4, say what you will "
            "do next. Steps 2 and 3 are bracketed together: one or two sentences."
        ),
        caption="Acknowledge, then act: steps 2 and 3 together take one or two sentences.",
        course="acknowledgement-and-apology",
        module="acknowledge-before-you-solve",
        before="dialogue",
        draw=draw_acknowledgement_steps,
    ),
    Illustration(
        title="Demo: hand-off count, passed around or owned",
        filename="hand-off-count.png",
        alt_text=(
            "The same call handled two ways. Passed around: front line, then Payments, then Billing "
            "fixes it; 2 transfers, the story told 3 times, over 20 minutes. Owned from the start: the "
            "front-line agent fixes it; 0 transfers, the story told once, 4 minutes."
        ),
        caption="Ms Achebe's direct debit call, counted: every transfer means telling the story again.",
        course="first-contact-resolution",
        module="the-cost-of-call-shuffling",
        before="reflection",
        draw=draw_hand_off_count,
    ),
    Illustration(
        title="Demo: the summary in four parts",
        filename="summary-in-four-parts.png",
        alt_text=(
            "Four boxes in order: 1, facts: what happened, when, and any amounts; 2, impact: how it "
            "has affected the customer; 3, wants: the outcome they are hoping for; 4, check: “Have I "
            "got that right?”. Underneath: corrected? Thank them, adjust, and check again."
        ),
        caption="A good summary has all four parts and ends with the check.",
        course="active-listening",
        module="summarise-and-check",
        before="key_points",
        draw=draw_summary_parts,
    ),
]
