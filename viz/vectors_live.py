"""Two vectors in the plane drawn for a live chart (``ui.live_chart``).

The picture of :func:`viz.vectors.vectors_figure` (plane view), built so a drag
can swap frames without a redraw: the same traces in the same order in every
figure (empty when there is nothing to show), arrow heads as markers, and every
word that moves as a text trace. The tips of the arrows are the handles a
learner drags: traces ``uid="a"`` and ``uid="b"``, last point.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.parsing import display_number
from core.vectors import DotProduct
from viz import style
from viz.vectors import PLANE_LIMIT, away_from_a

NONE: dict[str, Any] = {"x": [], "y": []}
#: Points on the angle's arc: a smooth arc at the sizes it is drawn.
ARC_POINTS = 10
#: Where they lie along the arc, 0 … 1 (made once: a frame only scales them).
ARC_STEPS = np.linspace(0.0, 1.0, ARC_POINTS)
#: How far (in units) the shadow's words stand off the line through b.
OFF_LINE = 0.25
#: Where the angle's value is written, as parts of the limit: the top left corner.
CORNER = (-0.95, 0.9)


def _point(values: np.ndarray) -> str:
    return _written(tuple(float(v) for v in values))


@functools.lru_cache(maxsize=1024)
def _written(values: tuple[float, ...]) -> str:
    """``(2, 3.5)``: written once per point (a drag's grid comes back every frame set)."""
    return "(" + ", ".join(display_number(v, 3) for v in values) + ")"


def _position(tip: np.ndarray) -> str:
    """Where a tip's label goes: away from the origin."""
    return ("top" if tip[1] >= 0 else "bottom") + (" right" if tip[0] >= 0 else " left")


class _Traces:
    """The traces of one frame, added in order (the layout is built once: ``_layout``)."""

    def __init__(self) -> None:
        self.traces: list[dict[str, Any]] = []

    def add(self, **trace: Any) -> None:
        self.traces.append({"type": "scatter", **trace})


@functools.cache
def _layout() -> dict[str, Any]:
    """The plane's layout: equal units, fixed ranges (built once; read, never changed)."""
    limit = PLANE_LIMIT
    chart = style.Chart(
        "a and b as arrows from the origin", "x₁", "x₂", height=520, show_legend=False
    )
    chart.layout["title"]["font"] = {"size": 18}
    chart.ranges((-limit, limit), (-limit, limit))
    chart.layout["yaxis"].update(scaleanchor="x", scaleratio=1)
    return chart.layout


def plane_live_figure(result: DotProduct) -> go.Figure:
    """:func:`plane_live_data` as a figure."""
    data = plane_live_data(result)
    return style.figure(data["data"], dict(data["layout"]))


def plane_live_data(result: DotProduct) -> dict[str, Any]:
    """Arrows a and b, the line through b, the shadow of a on b and the angle.

    Plain figure data (``ui.live_frames.FigureData``): a frame is cheap to draw.
    """
    a, b = result.a, result.b
    limit = PLANE_LIMIT
    chart = _Traces()
    through_b = (
        np.outer([-2 * limit, 2 * limit], b / np.hypot(*b))
        if result.norm_b > 0
        else None
    )
    chart.add(
        uid="b-line",
        **(
            {"x": through_b[:, 0], "y": through_b[:, 1]}
            if through_b is not None
            else NONE
        ),
        mode="lines",
        name="the line through b",
        line={"color": style.LIGHT, "width": 2, "dash": "dash"},
        hoverinfo="skip",
    )
    shadow = _projection(chart, result)
    words = _angle(chart, result)
    for uid, tip, colour, label in (
        ("b", b, style.SECOND, "b"),
        ("a", a, style.CURRENT, "a"),
    ):
        point = _point(tip)
        chart.add(
            uid=uid,
            x=[0.0, float(tip[0])],
            y=[0.0, float(tip[1])],
            mode="lines+markers+text",
            name=f"{label} = {point}",
            line={"color": colour, "width": 5},
            marker={
                "symbol": "arrow",
                "angleref": "previous",
                "size": [0, 20],
                "color": colour,
            },
            text=["", f"<b>{label}</b>"],
            textposition=_position(tip),
            textfont={"color": colour, "size": 20},
            hovertemplate=f"{label} = {point}<extra></extra>",
        )
    for trace in (shadow, *words):  # words last: drawn over the arrows
        chart.add(**trace)
    zero = result.relation == "zero"
    chart.add(
        uid="zero-note",
        x=[0.0] if zero else [],
        y=[limit * 0.9] if zero else [],
        mode="text",
        text=["a zero vector has no direction: no angle, no projection"]
        if zero
        else [],
        textfont={"color": style.TARGET, "size": 17},
        hoverinfo="skip",
    )
    return {"data": chart.traces, "layout": _layout()}


def _projection(chart: _Traces, result: DotProduct) -> dict[str, Any]:
    """The drop from a at a right angle and the shadow of a on b; its length's words.

    The words (returned, added after the arrows) go beside the middle of the
    shadow on the side of b away from a, where the angle is not.
    """
    a, b = result.a, result.b
    shown = result.projection_length is not None and result.norm_b > 0
    foot = np.zeros(2)
    length = ""
    if shown:
        assert result.projection_length is not None
        direction = b / np.max(np.abs(b))  # scaled first: tiny b has a direction too
        foot = result.projection_length * direction / np.hypot(*direction)
        length = display_number(result.projection_length, 3)
    chart.add(
        uid="drop",
        **({"x": [a[0], foot[0]], "y": [a[1], foot[1]]} if shown else NONE),
        mode="lines",
        name="drop from a at a right angle",
        line={"color": style.NEUTRAL, "width": 2, "dash": "dot"},
        hoverinfo="skip",
    )
    chart.add(
        uid="projection",
        **({"x": [0.0, foot[0]], "y": [0.0, foot[1]]} if shown else NONE),
        mode="lines+markers",
        name=f"projection of a on b: length {length}",
        line={"color": style.TARGET, "width": 9},
        marker={"size": [0, 12], "color": style.TARGET},
        opacity=0.85,
        hoverinfo="skip",
    )
    vertical, across = away_from_a(a, b)
    # a step off the line (the thick shadow under it), then the words beyond
    step = np.array(
        [
            {"right": 1.0, "left": -1.0}.get(across, 0.0),
            {"top": 1.0, "bottom": -1.0}.get(vertical, 0.0),
        ]
    )
    middle = foot / 2 + OFF_LINE * step
    return {
        "uid": "shadow",
        **({"x": [middle[0]], "y": [middle[1]]} if shown else NONE),
        "mode": "text",
        "text": [f"shadow {length}"] if shown else [],
        "textposition": f"{vertical} {across}",
        "textfont": {"color": style.TARGET, "size": 15},
        "hoverinfo": "skip",
    }


def _angle(chart: _Traces, result: DotProduct) -> tuple[dict[str, Any], ...]:
    """A small arc from a to b; θ beside it and its value in the corner (returned).

    Only "θ" fits in the angle without covering the arrows at the origin; the
    value goes to the top left corner, where nothing else is drawn.
    """
    a, b = result.a, result.b
    shown = result.angle_degrees is not None and result.norm_b > 0
    arc: dict[str, Any] = dict(NONE)
    words: dict[str, Any] = {**NONE, "text": []}
    value: dict[str, Any] = {**NONE, "text": []}
    if shown:
        assert result.angle_degrees is not None
        start = math.atan2(float(a[1]), float(a[0]))
        end = math.atan2(float(b[1]), float(b[0]))
        sweep = (end - start + math.pi) % (2 * math.pi) - math.pi  # shortest way
        if abs(abs(sweep) - math.pi) < 1e-9:
            sweep = math.pi
        radius = max(0.3 * min(float(np.hypot(*a)), float(np.hypot(*b))), 0.25)
        angles = start + sweep * ARC_STEPS
        arc = {"x": radius * np.cos(angles), "y": radius * np.sin(angles)}
        middle = start + sweep / 2
        words = {
            "x": [1.7 * radius * math.cos(middle)],
            "y": [1.7 * radius * math.sin(middle)],
            "text": ["θ"],
        }
        corner_x, corner_y = CORNER
        value = {
            "x": [corner_x * PLANE_LIMIT],
            "y": [corner_y * PLANE_LIMIT],
            "text": [f"θ = {display_number(result.angle_degrees, 3)}°"],
        }
    chart.add(
        uid="arc",
        **arc,
        mode="lines",
        name="angle θ",
        line={"color": style.ACCENT, "width": 3},
        hoverinfo="skip",
    )
    text = {"mode": "text", "hoverinfo": "skip"}
    font = {"color": style.ACCENT, "size": 17}
    return (
        {"uid": "theta", **words, **text, "textfont": font},
        {
            "uid": "theta-value",
            **value,
            **text,
            "textposition": "middle right",
            "textfont": font,
        },
    )
