"""What every Bayes figure shares: one colour code for the four groups, labels, axes.

- hue tells A from ¬A: vermillion (``TARGET``) for A, blue (``CURRENT``) for ¬A;
- strength tells B from ¬B: solid for B (the evidence shows), pale for ¬B;
- the group a perspective looks inside is outlined in black, the rest greyed.
"""

from __future__ import annotations

from typing import Any

from core.bayes import Perspective, Story
from viz import style

OUTLINE = "#000000"
GREY = "#EEEEEE"
#: Ticks of a probability axis, written as percentages.
PERCENT_TICKS = {
    "tickvals": [0, 0.25, 0.5, 0.75, 1],
    "ticktext": ["0", "25 %", "50 %", "75 %", "100 %"],
}


def pale(hex_colour: str, white: float) -> str:
    """Mix ``hex_colour`` with ``white`` (0 … 1) parts of white, as ``#RRGGBB``."""
    value = hex_colour.lstrip("#")
    channels = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    mixed = (round(c + (255 - c) * white) for c in channels)
    return "#" + "".join(f"{c:02X}" for c in mixed)


#: Colour of each group: A∩B, A∩¬B, ¬A∩B, ¬A∩¬B.
COLOURS = {
    "a_b": style.TARGET,
    "a_not_b": pale(style.TARGET, 0.62),
    "not_a_b": style.CURRENT,
    "not_a_not_b": pale(style.CURRENT, 0.72),
}


def group_colours(perspective: Perspective) -> dict[str, str]:
    """The four colours, with the groups outside the perspective's focus greyed."""
    colours = dict(COLOURS)
    if perspective == "posterior":  # look inside B only
        colours.update(a_not_b=GREY, not_a_not_b=GREY)
    elif perspective == "likelihood":  # look inside A only
        colours.update(not_a_b=GREY, not_a_not_b=GREY)
    return colours


def group_labels(story: Story) -> dict[str, str]:
    """``A and B``, ``A and ¬B``, … in the story's words (same keys as ``COLOURS``)."""
    return {
        "a_b": f"{story.a} and {story.b}",
        "a_not_b": f"{story.a} and {story.not_b}",
        "not_a_b": f"{story.not_a} and {story.b}",
        "not_a_not_b": f"{story.not_a} and {story.not_b}",
    }


def hidden_axis(low: float, high: float, **extra: Any) -> dict[str, Any]:
    """A fixed axis with no ticks or line: for pictures, not plots."""
    return {
        "range": [low, high],
        "autorange": False,
        "visible": False,
        "fixedrange": True,
        **extra,
    }


def text_trace(
    name: str, x: list[float], y: list[float], text: list[str], **extra: Any
) -> dict[str, Any]:
    """Labels placed on a picture: a text-only scatter trace, not in the legend."""
    return {
        "type": "scatter",
        "x": x,
        "y": y,
        "mode": "text",
        "text": text,
        "hoverinfo": "skip",
        "showlegend": False,
        "name": name,
        **extra,
    }
