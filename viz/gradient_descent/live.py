"""Gradient-descent figures for live charts (``ui.live_chart``): drawn again per frame.

Every figure a builder returns for one chart has the same traces in the same order
(an empty trace when there is nothing to show), fixed axis ranges passed in by the
view (so they do not follow the dragged value), and the moving words as text
traces. The traces that carry a handle have a ``uid``: ``"start"`` (the start
``w₀`` on the curve, or ``(x₀, y₀)`` on the contour).

- :func:`descent_live_figure`: the path on the loss curve (top) and the loss at
  each step (below): scrub ``lr``, drag ``w₀``.
- :func:`race_live_figure`: every optimiser's path from one start on the contour
  (a picture under the plot, :func:`race_backdrop`): drag the start.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from core.gradient_descent import Descent1D, Function1D, Grid, Race
from core.parsing import display_number
from viz import raster, style
from viz.gradient_descent.common import Dict, encode, fixed, layout, thinned
from viz.gradient_descent.curves import curve, loss_range, minima_1d, point
from viz.gradient_descent.race import (
    CONTOUR_BANDS,
    CONTOUR_SCALE,
    PATH_COLOURS,
    contour_values,
    optimiser_label,
)
from viz.live_figure import live_figure

#: Most points of a path in a live frame (a frame per grid value is sent at once).
LIVE_PATH_POINTS = 60
#: Most points of each optimiser's path in a live frame of the race.
LIVE_RACE_POINTS = 31
#: Where the loss-per-step panel ends and the path panel starts (paper fractions).
LOSS_PANEL_TOP, PATH_PANEL_BOTTOM = 0.25, 0.38

NONE: dict[str, Any] = {"x": [], "y": []}


def _path_traces(result: Descent1D, x_range: tuple[float, float]) -> list[Dict]:
    """The path (arrows), its start (the handle ``uid="start"``) and its last point."""
    ws, losses = result.w, result.path.losses
    k = result.path.steps_taken
    shown = thinned(k, LIVE_PATH_POINTS)
    return [
        {
            "type": "scatter",
            "uid": "path",
            "x": encode(ws[shown]),
            "y": encode(losses[shown]),
            "mode": "lines+markers",
            "name": "gradient-descent path",
            "line": {"color": style.CURRENT, "width": 2},
            "marker": {
                "symbol": "arrow",
                "angleref": "previous",
                "size": 15,
                "color": style.CURRENT,
            },
            "hovertemplate": "w = %{x:.5g}<br>f(w) = %{y:.5g}<extra></extra>",
        },
        {
            "type": "scatter",
            "uid": "start",
            "x": [result.w0],
            "y": [float(losses[0])],
            "mode": "markers",
            "name": f"start w₀ = {display_number(result.w0)} (drag it)",
            "marker": {
                "color": style.CURRENT,
                "size": 15,
                "symbol": "circle-open",
                "line": {"width": 3},
            },
            "hoverinfo": "skip",
        },
        {
            **point(
                float(ws[-1]),
                float(losses[-1]),
                f"after step {k}: w = {display_number(float(ws[-1]), 6)}",
                style.ACCENT,
            ),
            "uid": "last",
        },
    ]


def _note(
    result: Descent1D, x_range: tuple[float, float], y_range: tuple[float, float]
) -> Dict:
    """A red note when the path diverged or left the chart (empty otherwise)."""
    path, last_w = result.path, float(result.w[-1])
    if path.diverged_at is not None:
        text = f"⚠ diverged at step {path.diverged_at}"
    elif not x_range[0] <= last_w <= x_range[1]:
        text = f"⚠ w = {display_number(last_w, 4)} is off the chart"
    else:
        text = ""
    at = (
        {
            "x": [0.5 * (x_range[0] + x_range[1])],
            "y": [y_range[0] + 0.9 * (y_range[1] - y_range[0])],
        }
        if text
        else NONE
    )
    return {
        "type": "scatter",
        "uid": "note",
        **at,
        "mode": "text",
        "text": [text] if text else [],
        "textfont": {"color": style.TARGET, "size": 19},
        "showlegend": False,
        "hoverinfo": "skip",
    }


def _loss_trace(result: Descent1D) -> Dict:
    """The loss at each step, in the lower panel."""
    losses = result.path.losses
    idx = thinned(len(losses) - 1, LIVE_PATH_POINTS)
    return {
        "type": "scatter",
        "uid": "loss",
        "x": encode(idx, "i2"),
        "y": encode(losses[idx]),
        "mode": "lines+markers",
        "name": "loss at each step",
        "line": {"color": style.ACCENT, "width": 3},
        "marker": {"color": style.ACCENT, "size": 6},
        "hovertemplate": "step %{x}<br>loss %{y:.6g}<extra></extra>",
        "xaxis": "x2",
        "yaxis": "y2",
        "showlegend": False,
    }


def _descent_layout(
    result: Descent1D, x_range: tuple[float, float], y_range: tuple[float, float]
) -> Dict:
    """The path on top (``x``, ``y``: the handles' axes), the loss per step below."""
    chart = layout(
        f"Gradient descent on f(w) = {result.fn.label}", "w", "loss f(w)", height=620
    )
    base = style.base_layout("", "", "")
    chart["xaxis"] = fixed({**chart["xaxis"], "anchor": "y"}, *x_range)
    chart["yaxis"] = fixed(
        {**chart["yaxis"], "domain": [PATH_PANEL_BOTTOM, 1.0]}, *y_range
    )
    chart["xaxis2"] = fixed(
        {**base["xaxis"], "anchor": "y2", "title": {"text": "step"}},
        0,
        max(result.steps, 1),
    )
    chart["yaxis2"] = fixed(
        {
            **base["yaxis"],
            "anchor": "x2",
            "domain": [0.0, LOSS_PANEL_TOP],
            "title": {"text": "loss"},
        },
        *y_range,
    )
    chart["margin"] = {**chart["margin"], "b": 60}
    return chart


def descent_live_figure(result: Descent1D, x_range: tuple[float, float]) -> go.Figure:
    """The path ``w₀ → w₁ → …`` on the loss curve and the loss at each step.

    ``x_range`` is the chart's w axis, fixed while ``w₀`` or ``lr`` is dragged;
    the loss axis follows the curve over it. Seven traces, always: the curve, the
    minima, the path, its start (``uid="start"``), its last point, a note, and
    the loss per step (lower panel).
    """
    still = descent_still(result.fn, x_range)
    data = descent_live_traces(result, x_range, still)
    return live_figure(data, _descent_layout(result, x_range, still["y_range"]))


def descent_still(fn: Function1D, x_range: tuple[float, float]) -> Dict:
    """What stays put while ``w₀`` or ``lr`` moves: the loss axis, the curve, the minima.

    Drawn once for a whole set of frames (:func:`descent_live_traces`).
    """
    return {
        "y_range": loss_range(fn, x_range),
        "curve": curve(fn, x_range),
        "minima": minima_1d(fn),
    }


def descent_live_traces(
    result: Descent1D, x_range: tuple[float, float], still: Dict
) -> list[Dict]:
    """The traces of :func:`descent_live_figure` (what a frame needs), ``still`` shared."""
    return [
        still["curve"],
        still["minima"],
        *_path_traces(result, x_range),
        _note(result, x_range, still["y_range"]),
        _loss_trace(result),
    ]


# -- the 2-D race -------------------------------------------------------------------------


def race_backdrop(r: Race, grid: Grid) -> Dict:
    """What stays put while the start is dragged: the contour picture and its colour bar.

    Computed once per surface and view (``grid`` from ``r.grid()``), reused by
    every frame. Returns ``{"image", "bar", "x_range", "y_range"}``.
    """
    xs, ys, z = grid
    shown_z, z_label = contour_values(r.surface, z)
    picture = raster.contour_image(xs, ys, shown_z, CONTOUR_SCALE, bands=CONTOUR_BANDS)
    bar = raster.colour_bar_trace(
        shown_z, CONTOUR_SCALE, z_label, (float(xs[0]), float(ys[0]))
    )
    return {
        "image": picture,
        "bar": bar,
        "x_range": (float(xs[0]), float(xs[-1])),
        "y_range": (float(ys[0]), float(ys[-1])),
    }


def _race_paths(r: Race) -> list[Dict]:
    """Each optimiser's path (thinned), in its colour."""
    traces = []
    for index, (path, optimiser) in enumerate(zip(r.paths, r.optimisers, strict=True)):
        idx = thinned(path.steps_taken, LIVE_RACE_POINTS)
        colour = PATH_COLOURS[index % len(PATH_COLOURS)]
        traces.append(
            {
                "type": "scatter",
                "uid": f"path{index}",
                "x": encode(path.points[idx, 0]),
                "y": encode(path.points[idx, 1]),
                "mode": "lines+markers",
                "name": optimiser_label(optimiser),
                "line": {"color": colour, "width": 3},
                "marker": {"color": colour, "size": 6},
                "hovertemplate": "(%{x:.4g}, %{y:.4g})<extra></extra>",
            }
        )
    return traces


def race_live_figure(r: Race, backdrop: Dict) -> go.Figure:
    """Every optimiser's path from the start, over the contour picture.

    The start (``uid="start"``) is the handle; the axes are ``backdrop``'s, one
    unit of x as long as one of y.
    """
    x_range, y_range = backdrop["x_range"], backdrop["y_range"]
    aspect = (y_range[1] - y_range[0]) / (x_range[1] - x_range[0])
    height = int(min(700, max(440, 280 + 460 * aspect)))
    s = r.surface
    chart = layout(f"{s.label}: drag the start", "x", "y", height=height)
    chart["margin"] = {**chart["margin"], "t": 150}
    plain = {"showgrid": False, "zeroline": False, "constrain": "domain"}
    chart["xaxis"] = fixed({**chart["xaxis"], **plain}, *x_range)
    chart["yaxis"] = fixed(
        {**chart["yaxis"], **plain, "scaleanchor": "x", "scaleratio": 1}, *y_range
    )
    chart["images"] = [backdrop["image"]]
    return live_figure(race_live_traces(r, backdrop), chart)


def race_live_traces(r: Race, backdrop: Dict) -> list[Dict]:
    """The traces of :func:`race_live_figure`: all a frame of the live chart needs."""
    x0, y0 = r.start
    minima = r.surface.minima
    return [
        backdrop["bar"],
        {
            "type": "scatter",
            "uid": "minima",
            "x": [m[0] for m in minima],
            "y": [m[1] for m in minima],
            "mode": "markers",
            "name": "minimum" if len(minima) == 1 else "minima",
            "marker": {"color": style.TARGET, "size": 20, "symbol": "star"},
            "hovertemplate": "minimum (%{x:.4g}, %{y:.4g})<extra></extra>",
        },
        *_race_paths(r),
        {
            "type": "scatter",
            "uid": "start",
            "x": [x0],
            "y": [y0],
            "mode": "markers",
            "name": "start (drag it)",
            "marker": {
                "color": style.INK,
                "size": 16,
                "symbol": "circle-open",
                "line": {"width": 3},
            },
            "hoverinfo": "skip",
        },
    ]
