"""Accessible SVG charts drawn on the server: no JavaScript, readable by screen readers, with a text
equivalent beside every chart.

The drawing is narrow (``WIDTH`` units) with each label above its bar, and the stylesheet caps how wide
it is shown: an SVG's text scales with the SVG, so a wide drawing squeezed onto a 390px phone would
shrink 13-unit text to about 8px. At this width the text stays at 12px or more on a phone and is not
blown up on a desktop."""

from dataclasses import dataclass

WIDTH = 340  # viewBox width; lms.css shows a chart at most 26rem (416px) wide
FONT = 13  # text size in viewBox units: ≥ 13px on a desktop, ≥ 12.5px at 358px (a 390px phone)
BAR = 14  # bar thickness
VALUE_ROOM = 100  # room to the right of the longest bar for its value ("Knows 100%", or longer translated)

STATE_COLOURS = {
    "certified": "#1d6b3a",
    "expiring": "#b86e00",
    "awaiting_review": "#5b4bb7",
    "in_progress": "#0b5cad",
    "assessment": "#00707a",
    "not_started": "#8a94a6",
    "expired": "#a61b1b",
    "locked": "#4a5566",
}


@dataclass
class Bar:
    label: str
    value: int
    colour: str
    y: float = 0
    width: float = 0

    @property
    def value_x(self) -> float:
        return round(self.width + 6, 1)


def state_bars(counts: dict[str, int], labels: dict[str, str]) -> dict:
    """A horizontal bar per state, its label above it, scaled to the largest."""
    top = max(counts.values(), default=0) or 1
    row = FONT + BAR + 14
    longest = WIDTH - VALUE_ROOM
    bars = []
    for i, (state, label) in enumerate(labels.items()):
        value = counts.get(state, 0)
        bars.append(
            Bar(
                label=label,
                value=value,
                colour=STATE_COLOURS[state],
                y=i * row,
                width=round(longest * value / top, 1),
            )
        )
    bar_y = FONT + 4
    return {
        "bars": bars,
        "height": len(bars) * row,
        "width": WIDTH,
        "font": FONT,
        "bar": BAR,
        "bar_y": bar_y,
        "value_y": bar_y + BAR - 3,
    }


def gap_bars(gaps: list[dict]) -> dict:
    """Two bars per skill (knowledge and skill, 0–100), so "they know it but don't do it" jumps out."""
    row = FONT + 2 * BAR + 22
    per_point = (WIDTH - VALUE_ROOM) / 100
    groups = []
    for i, g in enumerate(gaps):
        awareness_width = round(per_point * (g["awareness"] or 0), 1)
        skill_width = round(per_point * (g["skill_score"] or 0), 1)
        groups.append(
            {
                "skill": g["skill"],
                "y": i * row,
                "awareness": g["awareness"],
                "skill_score": g["skill_score"],
                "awareness_width": awareness_width,
                "skill_width": skill_width,
                "awareness_text_x": round(awareness_width + 6, 1),
                "skill_text_x": round(skill_width + 6, 1),
                "gap": g["gap"],
            }
        )
    awareness_y = FONT + 5
    skill_y = awareness_y + BAR + 4
    return {
        "groups": groups,
        "height": max(row, len(groups) * row),
        "width": WIDTH,
        "font": FONT,
        "bar": BAR,
        "awareness_y": awareness_y,
        "awareness_text_y": awareness_y + BAR - 3,
        "skill_y": skill_y,
        "skill_text_y": skill_y + BAR - 3,
    }
