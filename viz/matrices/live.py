"""The warped plane drawn for a live chart (``ui.live_chart``): drag the columns.

The picture of :func:`viz.matrices.plane.warp_figure` without its ▶ Play frames,
built so that a drag can swap frames without a redraw: the same traces in the
same order in every figure (an empty trace when there is nothing to show), the
flipped square and its note as their own traces (a frame changes points and
words, not colours), and the warped grid as two zig-zag lines with no gaps (the
joins run along the outermost grid lines, which are drawn anyway), cut to the
lines the view shows (:func:`visible_grid`), so a frame holds few numbers. The
tips of the images of î and ĵ are the handles a learner drags: traces
``uid="i-hat"`` and ``uid="j-hat"``, last point.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.matrices import PlaneMap
from core.parsing import display_number
from viz import style
from viz.matrices.plane import GRID_REACH, PLANE_LIMIT

#: The square not shown: collapsed onto its corner at the origin, one point. Not
#: ``x=[]``: Plotly.animate(..., redraw false) leaves a trace that becomes empty
#: drawn as it was, so an unflipped square would stay on screen beside the
#: flipped one during a drag; one point draws nothing (no area, no line).
NONE: dict[str, Any] = {"x": [0.0], "y": [0.0]}
#: The words of a note not shown. Not ``""``: Plotly draws no text element for
#: an empty string and then never adds one when Plotly.react brings words.
HIDDEN_TEXT = " "
_SQUARE = np.array([[0, 1, 1, 0, 0], [0, 0, 1, 1, 0]], dtype=float)


def zigzag_grid(reach: int = GRID_REACH, keep: np.ndarray | None = None) -> np.ndarray:
    """The grid lines x = k, then y = k (|k| ≤ ``reach``), as one path of shape (2, m).

    Line k runs from ``−reach`` to ``reach``, the next one back, …: the step from
    one line's end to the next one's start lies on the outermost line
    ``y = ±reach`` (or ``x = ±reach``), itself part of the grid. The two
    families are split by one NaN, which a map keeps as NaN. ``keep``: which
    lines to draw (a mask over the vertical lines, then the horizontal ones);
    the steps between kept lines still run along the outermost lines.
    """
    ticks = np.arange(-reach, reach + 1, dtype=float)
    kept = np.ones(2 * ticks.size, bool) if keep is None else keep
    ends = np.array([-float(reach), float(reach)])
    families = []
    for family in range(2):
        lines = ticks[kept[family * ticks.size : (family + 1) * ticks.size]]
        along = np.concatenate(
            [ends if n % 2 == 0 else ends[::-1] for n in range(lines.size)]
        )
        across = np.repeat(lines, 2)
        pair = (across, along) if family == 0 else (along, across)
        families.append(np.stack(pair))
    gap = np.full((2, 1), np.nan)
    return np.concatenate([families[0], gap, families[1]], axis=1)


_GRID = zigzag_grid()
_VIEW = np.array([[-1, 1, 1, -1], [-1, -1, 1, 1]], dtype=float) * PLANE_LIMIT


def _meets_view(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Which segments ``start[:, i]`` → ``end[:, i]`` touch the square view ±PLANE_LIMIT.

    Liang–Barsky: the part of each segment inside the view is the interval of
    ``t`` in [0, 1] left by the four sides; a segment on a side counts as inside.
    """
    low, high = np.zeros(start.shape[1]), np.ones(start.shape[1])
    delta = end - start
    # a side met at a tiny slope: t overflows to ±inf, which the min/max below take
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for axis in range(2):
            for side in (-PLANE_LIMIT, PLANE_LIMIT):
                # inside where sign(side)·(start + t·delta) ≤ |side| (+ a hair)
                sign = np.sign(side)
                p, q = sign * delta[axis], PLANE_LIMIT + 1e-9 - sign * start[axis]
                t = q / p
                flat = p == 0
                low = np.where(~flat & (p < 0), np.maximum(low, t), low)
                high = np.where(~flat & (p > 0), np.minimum(high, t), high)
                low = np.where(flat & (q < 0), np.inf, low)
    return low <= high


def visible_grid(pm: PlaneMap) -> np.ndarray:
    """The warped grid as :func:`zigzag_grid` draws it, cut to what the view shows.

    The full grid reaches ``GRID_REACH`` so that it fills the view ±PLANE_LIMIT
    under a shrinking map. When the image of the smaller square ``[−r, r]²``
    already covers the view (every corner of the view comes from a point within
    ``r``), the lines beyond ``r``, and the parts of the others beyond ``r``, lie
    outside the view: they are left out, and so are the lines that miss the view.
    What is left draws exactly what the view shows of the full grid (the steps
    between lines run along the lines ``±r``, outside the view or on its edge)
    with fewer, shorter numbers: a drag's frames are a third smaller.
    """
    matrix = pm.matrix
    reach = GRID_REACH
    if pm.kind == "invertible":
        with np.errstate(all="ignore"):  # a nearly flat map: corners far away
            try:
                needed = float(np.max(np.abs(np.linalg.solve(matrix, _VIEW))))
            except np.linalg.LinAlgError:
                needed = np.inf
        if needed < GRID_REACH:  # (NaN is not)
            reach = max(int(np.ceil(needed - 1e-9)), 1)
    ticks = np.arange(-reach, reach + 1, dtype=float)
    far = np.full_like(ticks, float(reach))
    starts = np.concatenate([np.stack([ticks, -far]), np.stack([-far, ticks])], axis=1)
    ends = np.concatenate([np.stack([ticks, far]), np.stack([far, ticks])], axis=1)
    keep = _meets_view(matrix @ starts, matrix @ ends)
    return matrix @ zigzag_grid(reach, keep)


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
    warped = visible_grid(pm)
    chart.add(  # only what the view shows of it (visible_grid)
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
        chart.add(  # in place in every frame: a frame changes only the words
            uid=uid,
            x=[-PLANE_LIMIT + 0.1],
            y=[PLANE_LIMIT - 0.3],
            mode="text",
            text=[area_note(pm) if show else HIDDEN_TEXT],
            textposition="middle right",
            textfont={"color": colour, "size": 17},
            showlegend=False,
            hoverinfo="skip",
        )
    chart.layout["margin"] = {"l": 60, "r": 20, "t": 60, "b": 60}
    limits = (-PLANE_LIMIT, PLANE_LIMIT)
    chart.ranges(limits, limits, equal_units=True)
    return {"data": chart.traces, "layout": chart.layout}
