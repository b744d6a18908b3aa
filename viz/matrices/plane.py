"""A 2×2 matrix warping the grid, the unit square and the basis vectors.

The figure shows the end state; ▶ Play morphs the plane from the identity
(through B first, for AB), all in the browser.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.matrices import PlaneMap, PlaneWarp, plane_warp, warp_path
from core.parsing import display_number
from viz import style
from viz.matrices.common import FRAMES, animated

#: Half-width of the view of the plane; the grid reaches further so it fills the view.
PLANE_LIMIT = 4.0
GRID_REACH = 8
_TICKS = np.arange(-GRID_REACH, GRID_REACH + 1, dtype=float)
#: Unit-square corners as columns, closed: (0,0) (1,0) (1,1) (0,1) (0,0).
_SQUARE = np.array([[0, 1, 1, 0, 0], [0, 0, 1, 1, 0]], dtype=float)


def _grid_ends() -> tuple[np.ndarray, np.ndarray]:
    """Start and end points (as columns) of the lines x = k and y = k."""
    reach = np.full_like(_TICKS, GRID_REACH)
    starts = np.concatenate(
        [np.stack([_TICKS, -reach]), np.stack([-reach, _TICKS])], axis=1
    )
    ends = np.concatenate(
        [np.stack([_TICKS, reach]), np.stack([reach, _TICKS])], axis=1
    )
    return starts, ends


def _plane_traces(pm: PlaneMap) -> list[dict[str, Any]]:
    """The warped grid, the image of the unit square and the images of î and ĵ."""
    matrix = pm.matrix
    starts, ends = _grid_ends()
    s, e = matrix @ starts, matrix @ ends
    nan = np.full(s.shape[1], np.nan)
    # float32 halves the size of every animation frame; the screen cannot tell
    grid_x = np.stack([s[0], e[0], nan], axis=1).ravel().astype(np.float32)
    grid_y = np.stack([s[1], e[1], nan], axis=1).ravel().astype(np.float32)
    square = matrix @ _SQUARE
    colour = style.TARGET if pm.flips else style.CURRENT
    i_hat, j_hat = pm.columns
    return [
        {
            "type": "scatter",
            "x": grid_x,
            "y": grid_y,
            "mode": "lines",
            "name": "grid after the map",
            "showlegend": False,
            "line": {"color": style.SKY, "width": 1.5},
            "hoverinfo": "skip",
            "connectgaps": False,
        },
        {
            "type": "scatter",
            "x": square[0].tolist(),
            "y": square[1].tolist(),
            "mode": "lines",
            "fill": "toself",
            "name": "unit square after the map",
            "fillcolor": style.rgba(colour, 0.3),
            "line": {"color": colour, "width": 2},
            "hoverinfo": "skip",
        },
        _basis_arrow(i_hat, style.THIRD, "î → column 1"),
        _basis_arrow(j_hat, style.SECOND, "ĵ → column 2"),
    ]


def _basis_arrow(tip: np.ndarray, colour: str, name: str) -> dict[str, Any]:
    return {
        "type": "scatter",
        "x": [0.0, float(tip[0])],
        "y": [0.0, float(tip[1])],
        "mode": "lines+markers",
        "name": name,
        "line": {"color": colour, "width": 5},
        "marker": {
            "symbol": "arrow",
            "angleref": "previous",
            "size": [0, 18],
            "color": colour,
        },
        "hovertemplate": f"{name}: (%{{x:.3g}}, %{{y:.3g}})<extra></extra>",
    }


def _frame_data(trace: dict[str, Any]) -> dict[str, Any]:
    """What a frame changes in a trace: its points, and the square's colours."""
    data = {"x": trace["x"], "y": trace["y"]}
    if trace.get("fill") == "toself":  # the square turns vermillion when it flips
        data.update(
            fillcolor=trace["fillcolor"], line={"color": trace["line"]["color"]}
        )
    return data


def warp_figure(warp: PlaneWarp, frames: int = FRAMES) -> go.Figure:
    """The plane warped by ``warp.result``; ▶ Play morphs it from the identity."""
    title = "A warps the plane" if warp.first is None else "AB: first B, then A"
    chart = style.Chart(title, "x", "y", height=560)
    chart.add(  # the original grid, for reference
        x=np.concatenate(
            [[k, k, np.nan] for k in _TICKS]
            + [[-GRID_REACH, GRID_REACH, np.nan]] * len(_TICKS)
        ),
        y=np.concatenate(
            [[-GRID_REACH, GRID_REACH, np.nan]] * len(_TICKS)
            + [[k, k, np.nan] for k in _TICKS]
        ),
        mode="lines",
        name="grid before",
        showlegend=False,
        line={"color": "#EEEEEE", "width": 1},
        hoverinfo="skip",
    )
    dynamic = len(chart.traces)
    chart.traces += _plane_traces(warp.result)
    path = warp_path(warp, frames)
    blanks = [""] * (frames - 2)
    labels = (
        ["I", *blanks, "A"]
        if warp.first is None
        else ["I", *blanks, "B", *blanks, "AB"]
    )
    names = [f"f{k}" for k in range(len(path))]
    animation = [
        {
            "name": name,
            "data": [_frame_data(trace) for trace in _plane_traces(pm)],
            "traces": list(range(dynamic, dynamic + 4)),
        }
        for name, pm in zip(names, path, strict=True)
    ]
    chart.layout.update(
        style.play_controls(names, labels, active=len(names) - 1, duration=60, y=-0.16)
    )
    chart.layout["margin"] = {"l": 60, "r": 20, "t": 60, "b": 110}
    chart.note(**_determinant_note(warp.result))
    limits = (-PLANE_LIMIT, PLANE_LIMIT)
    chart.ranges(limits, limits, equal_units=True)
    return animated(chart, animation)


def plane_figure(
    pm: PlaneMap, *, first: PlaneMap | None = None, frames: int = FRAMES
) -> go.Figure:
    """The plane warped by ``pm`` (or by ``pm`` after ``first``: the product AB)."""
    return warp_figure(plane_warp(pm, first), frames)


def _determinant_note(pm: PlaneMap) -> dict[str, Any]:
    """What happens to areas, written in the top-left corner."""
    det = pm.determinant
    if pm.kind == "point":
        text, colour = "everything lands on the origin: det = 0", style.TARGET
    elif pm.kind == "line":
        text, colour = "the plane collapses onto a line: det = 0", style.TARGET
    elif pm.flips:
        text = f"area × {display_number(abs(det), 3)}, flipped over: det = {display_number(det, 3)}"
        colour = style.TARGET
    else:
        text = f"area × {display_number(det, 3)}: det = {display_number(det, 3)}"
        colour = style.CURRENT
    return {
        "x": -PLANE_LIMIT,
        "y": PLANE_LIMIT,
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "text": f"<b>{text}</b>",
        "font": {"color": colour, "size": 17},
        "bgcolor": "rgba(255,255,255,0.85)",
    }
