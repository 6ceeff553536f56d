"""Accessible SVG charts drawn on the server: no JavaScript, readable by screen readers, with a text
equivalent beside every chart."""

from dataclasses import dataclass

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


def state_bars(counts: dict[str, int], labels: dict[str, str]) -> dict:
    """A horizontal bar per state, scaled to the largest."""
    top = max(counts.values(), default=0) or 1
    bars = []
    for i, (state, label) in enumerate(labels.items()):
        value = counts.get(state, 0)
        bars.append(
            Bar(label=label, value=value, colour=STATE_COLOURS[state], y=i * 28, width=300 * value / top)
        )
    return {"bars": bars, "height": len(bars) * 28}


def gap_bars(gaps: list[dict]) -> dict:
    """Two bars per skill (knowledge and skill, 0–100), so "they know it but don't do it" jumps out."""
    groups = []
    for i, g in enumerate(gaps):
        y = i * 56
        groups.append(
            {
                "skill": g["skill"],
                "y": y,
                "awareness": g["awareness"],
                "skill_score": g["skill_score"],
                "awareness_width": 3 * (g["awareness"] or 0),
                "skill_width": 3 * (g["skill_score"] or 0),
                "gap": g["gap"],
            }
        )
    return {"groups": groups, "height": max(56, len(groups) * 56)}
