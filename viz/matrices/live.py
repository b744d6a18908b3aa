"""The warped plane drawn for a live chart (``ui.live_chart``): drag the columns.

The picture of :func:`viz.matrices.plane.warp_figure` without its ▶ Play frames,
built so that a drag can swap frames without a redraw: the same traces in the
same order in every figure (an empty trace when there is nothing to show), the
flipped square and its note as their own traces (a frame changes points and
words, not colours), and the warped grid as two zig-zag lines with no gaps (the
joins run along the outermost grid lines, which are drawn anyway), so a frame
holds few numbers. The tips of the images of î and ĵ are the handles a learner
drags: traces ``uid="i-hat"`` and ``uid="j-hat"``, last point.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.matrices import PlaneMap
from core.parsing import display_number
from viz import style
from viz.matrices.plane import GRID_REACH, PLANE_LIMIT

NONE: dict[str, Any] = {"x": [], "y": []}
_TICKS = np.arange(-GRID_REACH, GRID_REACH + 1, dtype=float)
_SQUARE = np.array([[0, 1, 1, 0, 0], [0, 0, 1, 1, 0]], dtype=float)


def zigzag_grid() -> np.ndarray:
    """The grid lines x = k, then y = k, as one path of shape (2, m) with one gap.

    Line k runs up, line k + 1 down, …: the step from one line's end to the
    next one's start lies on the outermost line ``y = ±GRID_REACH`` (or
    ``x = ±GRID_REACH``), itself part of the grid. The two families are split by
    one NaN, which a map keeps as NaN.
    """
    reach = float(GRID_REACH)
    ends = np.array([-reach, reach])
    along = np.concatenate(
        [ends if k % 2 == 0 else ends[::-1] for k in range(_TICKS.size)]
    )
    across = np.repeat(_TICKS, 2)
    vertical = np.stack([across, along])
    horizontal = np.stack([along, across])
    gap = np.full((2, 1), np.nan)
    return np.concatenate([vertical, gap, horizontal], axis=1)


_GRID = zigzag_grid()


def _arrow(uid: str, tip: np.ndarray, colour: str, name: str) -> dict[str, Any]:
    return {
        "type": "scatter",
        "uid": uid,
        "x": [0.0, float(tip[0])],
        "y": [0.0, float(tip[1])],
        "mode": "lines+markers+text",
        "name": name,
        "line": {"color": colour, "width": 5},
        "marker": {
            "symbol": "arrow",
            "angleref": "previous",
            "size": [0, 18],
            "color": colour,
        },
        "text": ["", name.split(" ")[0]],
        "textposition": "top right",
        "textfont": {"color": colour, "size": 18},
        "hovertemplate": f"{name}: (%{{x:.3g}}, %{{y:.3g}})<extra></extra>",
    }


def area_note(pm: PlaneMap) -> str:
    """What happens to areas: ``area × 2.5: det = 2.5``, or the collapse."""
    det = pm.determinant
    if pm.kind == "point":
        return "everything lands on the origin: det = 0"
    if pm.kind == "line":
        return "the plane collapses onto a line: det = 0"
    size = display_number(abs(det), 3)
    if pm.flips:
        return f"area × {size}, flipped over: det = {display_number(det, 3)}"
    return f"area × {size}: det = {display_number(det, 3)}"


def warp_live_figure(pm: PlaneMap) -> go.Figure:
    """The plane before (grey) and after ``pm``, the unit square, î and ĵ."""
    data = warp_live_data(pm)
    return style.figure(data["data"], data["layout"])


def warp_live_data(pm: PlaneMap) -> dict[str, Any]:
    """:func:`warp_live_figure` as plain data (``ui.live_frames.FigureData``)."""
    chart = style.Chart(
        "A warps the plane: drag the tips of î and ĵ", "x", "y", height=560
    )
    chart.add(
        uid="before",
        x=_GRID[0],
        y=_GRID[1],
        mode="lines",
        name="grid before",
        showlegend=False,
        line={"color": "#EEEEEE", "width": 1},
        hoverinfo="skip",
    )
    warped = pm.matrix @ _GRID
    chart.add(
        uid="grid",
        x=warped[0],
        y=warped[1],
        mode="lines",
        name="grid after the map",
        showlegend=False,
        line={"color": style.SKY, "width": 1.5},
        hoverinfo="skip",
        connectgaps=False,
    )
    square = pm.matrix @ _SQUARE
    for uid, colour, show, name in (
        ("square", style.CURRENT, not pm.flips, "unit square after the map"),
        ("square-flipped", style.TARGET, pm.flips, "unit square, flipped over"),
    ):
        chart.add(
            uid=uid,
            **({"x": square[0], "y": square[1]} if show else NONE),
            mode="lines",
            fill="toself",
            name=name,
            showlegend=uid == "square",
            fillcolor=style.rgba(colour, 0.3),
            line={"color": colour, "width": 2},
            hoverinfo="skip",
        )
    i_hat, j_hat = pm.columns
    chart.traces.append(_arrow("i-hat", i_hat, style.THIRD, "î → column 1"))
    chart.traces.append(_arrow("j-hat", j_hat, style.SECOND, "ĵ → column 2"))
    warn = pm.flips or pm.kind != "invertible"
    for uid, colour, show in (
        ("note", style.CURRENT, not warn),
        ("note-warning", style.TARGET, warn),
    ):
        chart.add(
            uid=uid,
            x=[-PLANE_LIMIT + 0.1] if show else [],
            y=[PLANE_LIMIT - 0.3] if show else [],
            mode="text",
            text=[area_note(pm)] if show else [],
            textposition="middle right",
            textfont={"color": colour, "size": 17},
            showlegend=False,
            hoverinfo="skip",
        )
    chart.layout["margin"] = {"l": 60, "r": 20, "t": 60, "b": 60}
    limits = (-PLANE_LIMIT, PLANE_LIMIT)
    chart.ranges(limits, limits, equal_units=True)
    return {"data": chart.traces, "layout": chart.layout}
