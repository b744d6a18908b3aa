"""Presentation mode for any figure: read from the back of a room on a projector.

:func:`present` returns a copy of a finished figure with every text at least
:data:`MIN_TEXT` px (1.5 × its size), thicker lines, larger markers, wider margins
and each palette colour replaced by its darker twin (``viz.style.PRESENTED``), so
blue still means the learner's value and vermillion the target. It works on the
figure's dict, so no builder changes: ``ui.page`` applies it once per cached figure.

>>> from viz.style import CURRENT, base_layout, figure
>>> line = {"type": "scatter", "x": [0, 1], "y": [1, 0]}
>>> fig = figure([{**line, "line": {"color": CURRENT, "width": 2}}], base_layout("A"))
>>> shown = present(fig).to_dict()
>>> shown["layout"]["font"]["size"], shown["data"][0]["line"]
(24, {'color': '#005B8E', 'width': 4.0})
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import plotly.graph_objects as go

from viz.style import (
    ACCENT,
    AXIS_LINE,
    CURRENT,
    FONT_SIZE,
    GRID,
    INK,
    LIGHT,
    NEUTRAL,
    SECOND,
    SKY,
    TARGET,
    THIRD,
    YELLOW,
    ZERO_LINE,
    figure,
)
from viz.table import as_array

#: Presentation mode : each colour's darker twin, same hue and
#: meaning, for a washed-out projector. Every meaning colour has at least 3:1
#: contrast on white (SECOND, SKY and YELLOW above have 2.3, 2.3 and 1.3), and the
#: meaning colours stay as far apart for protanopia and deuteranopia as the
#: originals (``tests/viz/test_presentation.py`` simulates both and measures).
PRESENTED = {
    CURRENT: "#005B8E",
    TARGET: "#AA4B00",
    SECOND: "#C48700",
    THIRD: "#006F50",
    ACCENT: "#B86D96",
    SKY: "#3F8FC4",
    YELLOW: "#8F8600",
    NEUTRAL: "#4D4D4D",
    LIGHT: "#B3B3B3",
    INK: "#000000",
    GRID: "#D0D0D0",
    ZERO_LINE: "#8C8C8C",
    AXIS_LINE: "#555555",
}
#: Smallest chart text in presentation mode, px (the issue: 24 px at 1920 × 1080).
MIN_TEXT = 24
TEXT_SCALE = 1.5
LINE_SCALE = 2.0
MIN_LINE = 3.0
MARKER_SCALE = 1.5
MARGIN_SCALE = 1.5
TOP_SCALE = 1.2  # the title's margin: its text grows less than the ticks' room
#: Presented charts are taller, up to the height that fits a 1080-pixel screen.
HEIGHT_SCALE = 1.35
MAX_HEIGHT = 640
#: Set on a presented figure's ``__dict__`` (it is never presented twice).
MARK = "_presented"
_HEX = {key.upper(): value for key, value in PRESENTED.items()}
_RGB = {
    tuple(int(key[i : i + 2], 16) for i in (1, 3, 5)): value
    for key, value in PRESENTED.items()
}
_RGBA = re.compile(
    r"^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$"
)
#: Layout widths of guides (axis lines, grids) scaled like lines.
_WIDTHS = frozenset({"linewidth", "gridwidth", "zerolinewidth", "arrowwidth"})


def is_presented(fig: go.Figure) -> bool:
    return bool(fig.__dict__.get(MARK))


def present(fig: go.Figure) -> go.Figure:
    """A presented copy of ``fig`` (data, layout and animation frames)."""
    if is_presented(fig):
        return fig
    whole = fig.to_dict()
    data = [_walk(trace) for trace in whole.get("data", [])]
    layout = _layout(_walk(whole.get("layout", {})))
    frames = [_walk(frame) for frame in whole.get("frames", [])]
    shown = figure(data, layout, frames or None)
    shown.__dict__[MARK] = True
    return shown


def colour(text: str) -> str:
    """A palette colour's presented twin (``#RRGGBB`` or ``rgba(...)``); others as they are."""
    mapped = _HEX.get(text.upper())
    if mapped is not None:
        return mapped
    found = _RGBA.match(text.strip())
    if found is None:
        return text
    red, green, blue, alpha = found.groups()
    twin = _RGB.get((int(red), int(green), int(blue)))
    if twin is None:
        return text
    rgb = ",".join(str(int(twin[i : i + 2], 16)) for i in (1, 3, 5))
    return f"rgba({rgb},{alpha})" if alpha is not None else f"rgb({rgb})"


def _bigger(size: Any, scale: float, least: float) -> Any:
    if isinstance(size, (int, float)) and not isinstance(size, bool):
        return max(least, round(size * scale, 1)) if size > 0 else size
    array = as_array(size)
    if array is not None and array.dtype.kind in "fiu":
        return np.maximum(array.astype(float) * scale, 0.0)
    return size


def _walk(obj: Any, key: str = "") -> Any:
    """A copy of ``obj`` with fonts, lines, markers and colours presented."""
    if isinstance(obj, str):
        return colour(obj)
    if isinstance(obj, list):
        return [_walk(item, key) for item in obj]
    if not isinstance(obj, Mapping) or "bdata" in obj:
        return obj  # numbers, arrays: shared, never changed
    new = {name: _walk(value, name) for name, value in obj.items()}
    if key.endswith("font") and "size" in new:
        new["size"] = _bigger(new["size"], TEXT_SCALE, MIN_TEXT)
    elif key == "line" and "width" in new:
        new["width"] = _bigger(new["width"], LINE_SCALE, MIN_LINE)
    elif key == "marker" and "size" in new:
        new["size"] = _bigger(new["size"], MARKER_SCALE, 0)
    for name in _WIDTHS & new.keys():
        new[name] = _bigger(new[name], TEXT_SCALE, 0)
    return new


def _layout(layout: dict[str, Any]) -> dict[str, Any]:
    font = dict(layout.get("font", {}))  # its size, if any, is presented already
    font.setdefault("size", max(MIN_TEXT, round(FONT_SIZE * TEXT_SCALE)))
    layout["font"] = font
    height = layout.get("height")
    if isinstance(height, (int, float)):
        layout["height"] = round(max(height, min(MAX_HEIGHT, height * HEIGHT_SCALE)))
    margin = layout.get("margin")
    if isinstance(margin, Mapping):
        layout["margin"] = {
            side: round(value * (MARGIN_SCALE if side in "lrb" else TOP_SCALE))
            if side in "lrtb"
            else value
            for side, value in margin.items()
        }
    for name, axis in layout.items():
        if name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            axis["automargin"] = True  # room for bigger tick labels
            if axis.get("type") == "log" and "dtick" not in axis:
                axis["dtick"] = 1  # powers of ten: Plotly draws 2, 5… at ¾ size
    return layout
