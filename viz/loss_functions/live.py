"""The "Fit a line by hand" live chart (``ui.live_chart``): the line and the bowl in one.

Left, the data with the learner's line, each residual and its square; right, the
MSE over ``(w, b)`` (a picture under the plot, :func:`fit_backdrop`) with the
learner's point, the least-squares star and the descent from the point. Dragging
the line's handles (``uid="b-handle"`` at ``x = 0``, ``uid="w-handle"`` further
right) swaps frames: every figure has the same traces in the same order.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.loss_functions import LineFit
from core.optimisers import Trajectory
from core.parsing import display_number
from viz import raster, style
from viz.gradient_descent.common import thinned
from viz.live_figure import live_figure
from viz.loss_functions.common import segments, squares

#: The bowl's colours (as the still bowl chart), and its bands.
BOWL_SCALE = [[0.0, "#FFF6D5"], [0.5, "#C9C9C9"], [1.0, "#5A5A5A"]]
BOWL_BANDS = 24
#: Most points of the descent path in a frame.
LIVE_PATH_POINTS = 40
#: Where the slope handle sits across the data panel (0: left edge, 1: right).
W_HANDLE_AT = 0.8
#: The two panels' shares of the width.
LEFT_PANEL, RIGHT_PANEL = (0.0, 0.45), (0.6, 0.92)

Dict = dict[str, Any]
EMPTY: Dict = {"x": [], "y": []}


def handle_xs(x_range: tuple[float, float]) -> tuple[float, float]:
    """Where the intercept and slope handles sit on the line: ``x = 0`` (or the
    left edge when 0 is off the chart) and ``W_HANDLE_AT`` across."""
    low, high = x_range
    b_at = 0.0 if low <= 0.0 <= high else low + 0.05 * (high - low)
    return b_at, low + W_HANDLE_AT * (high - low)


def fit_backdrop(
    w_values: np.ndarray, b_values: np.ndarray, surface: np.ndarray
) -> Dict:
    """The bowl's picture (log₁₀ MSE) and colour bar, computed once per data set."""
    z = np.log10(np.maximum(surface, 1e-12))
    image = raster.contour_image(w_values, b_values, z, BOWL_SCALE, bands=BOWL_BANDS)
    image.update(xref="x2", yref="y2")
    bar = raster.colour_bar_trace(
        z, BOWL_SCALE, "MSE", (float(w_values[0]), float(b_values[0]))
    )
    exponents = range(int(np.floor(z.min())), int(np.ceil(z.max())) + 1)
    ticks = [float(e) for e in exponents if z.min() <= e <= z.max()]
    bar["marker"]["colorbar"].update(
        tickvals=ticks, ticktext=[display_number(10.0**e) for e in ticks], x=1.0
    )
    bar.update(xaxis="x2", yaxis="y2")
    return {
        "image": image,
        "bar": bar,
        "w_range": (float(w_values[0]), float(w_values[-1])),
        "b_range": (float(b_values[0]), float(b_values[-1])),
    }


def _line_traces(fit: LineFit, x_range: tuple[float, float]) -> list[Dict]:
    """Squares, residuals and the learner's line (they move), and its handles."""
    x, y = fit.data.x, fit.data.y
    side = np.abs(fit.residuals)
    middle = 0.5 * (x_range[0] + x_range[1])
    left = np.where(x <= middle, x, x - side)  # squares open towards the middle
    bottom = np.minimum(y, fit.predictions)
    xs = np.array(x_range)
    b_at, w_at = handle_xs(x_range)
    return [
        {**squares(left, bottom, side, "squared errors", 0.3, 1), "uid": "squares"},
        {**segments(x, y, fit.predictions, "residuals", 2.5), "uid": "residuals"},
        {
            "type": "scatter",
            "uid": "line",
            "x": xs,
            "y": fit.w * xs + fit.b,
            "mode": "lines",
            "line": {"color": style.CURRENT, "width": 4},
            "name": "your line",
            "hoverinfo": "skip",
        },
        _handle("b-handle", b_at, fit.w * b_at + fit.b, style.SECOND, "diamond"),
        _handle("w-handle", w_at, fit.w * w_at + fit.b, style.ACCENT, "circle"),
    ]


def _handle(uid: str, x: float, y: float, colour: str, symbol: str) -> Dict:
    return {
        "type": "scatter",
        "uid": uid,
        "x": [x],
        "y": [y],
        "mode": "markers",
        "marker": {"color": colour, "size": 12, "symbol": symbol},
        "showlegend": False,
        "hoverinfo": "skip",
    }


def _still_traces(fit: LineFit, x_range: tuple[float, float], best: bool) -> list[Dict]:
    """The data and (if shown) the best line: they stay put during a drag."""
    xs = np.array(x_range)
    best_line: Dict = {
        "type": "scatter",
        "x": xs if best else [],
        "y": fit.w_best * xs + fit.b_best if best else [],
        "mode": "lines",
        "line": {"color": style.TARGET, "width": 3, "dash": "dash"},
        "name": f"best fit (MSE {display_number(fit.mse_best, 4)})" if best else "",
        "showlegend": best,
        "hoverinfo": "skip",
    }
    points = {
        "type": "scatter",
        "x": fit.data.x,
        "y": fit.data.y,
        "mode": "markers",
        "marker": {
            "color": style.INK,
            "size": 10,
            "line": {"color": "white", "width": 1},
        },
        "name": "data",
        "hovertemplate": "x = %{x:.4g}, y = %{y:.4g}<extra></extra>",
    }
    return [best_line, points]


def _bowl_traces(
    fit: LineFit, path: Trajectory, backdrop: Dict, best: bool
) -> list[Dict]:
    """The colour bar, the descent, the star and the learner's point on the bowl."""
    on_bowl = {"xaxis": "x2", "yaxis": "y2"}
    idx = thinned(path.steps_taken, LIVE_PATH_POINTS)
    label = "descent path"
    if path.diverged_at is not None:
        label += f" (diverged at step {path.diverged_at})"
    w, b = display_number(fit.w), display_number(fit.b)
    return [
        backdrop["bar"],
        {
            "type": "scatter",
            "uid": "path",
            **(
                {"x": path.points[idx, 0], "y": path.points[idx, 1]}
                if idx.size > 1
                else EMPTY
            ),
            "mode": "lines+markers",
            "line": {"color": style.ACCENT, "width": 2.5},
            "marker": {"color": style.ACCENT, "size": 5},
            "name": label,
            "hoverinfo": "skip",
            **on_bowl,
        },
        {
            "type": "scatter",
            **({"x": [fit.w_best], "y": [fit.b_best]} if best else EMPTY),
            "mode": "markers",
            "marker": {"color": style.TARGET, "size": 18, "symbol": "star"},
            "name": (
                f"least squares ({display_number(fit.w_best)}, "
                f"{display_number(fit.b_best)})"
                if best
                else ""
            ),
            "showlegend": best,
            "hoverinfo": "skip",
            **on_bowl,
        },
        {
            "type": "scatter",
            "uid": "you",
            "x": [fit.w],
            "y": [fit.b],
            "mode": "markers+text",
            "text": [f"MSE {display_number(fit.mse, 3)}"],
            "textposition": "top center",
            "textfont": {"color": style.CURRENT, "size": 15},
            "marker": {
                "color": style.CURRENT,
                "size": 15,
                "line": {"color": "white", "width": 2},
            },
            "name": f"you ({w}, {b})",
            "hoverinfo": "skip",
            **on_bowl,
        },
    ]


def _layout(
    fit: LineFit,
    backdrop: Dict,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
) -> Dict:
    title = (
        f"y = {display_number(fit.w)}·x + {display_number(fit.b)}:  "
        f"MSE = {display_number(fit.mse, 5)}  (the bowl on the right)"
    ).replace("+ −", "− ")
    chart = style.base_layout(
        title,
        "x",
        "y",
        height=560,
    )
    chart["xaxis"] = {
        **chart["xaxis"],
        "domain": list(LEFT_PANEL),
        "range": list(x_range),
        "autorange": False,
    }
    chart["yaxis"] = {
        **chart["yaxis"],
        "range": list(y_range),
        "autorange": False,
        "scaleanchor": "x",
        "scaleratio": 1,
        "constrain": "domain",
    }
    plain = {"showgrid": False, "zeroline": False, "autorange": False}
    chart["xaxis2"] = {
        **chart["xaxis"],
        **plain,
        "domain": list(RIGHT_PANEL),
        "anchor": "y2",
        "range": list(backdrop["w_range"]),
        "title": {"text": "slope w"},
    }
    chart["xaxis2"].pop("scaleanchor", None)
    chart["yaxis2"] = {
        **style.base_layout("", "", "")["yaxis"],
        **plain,
        "anchor": "x2",
        "range": list(backdrop["b_range"]),
        "title": {"text": "intercept b"},
    }
    chart["images"] = [backdrop["image"]]
    chart["legend"] = {**chart["legend"], **style.LEGEND_BELOW, "orientation": "h"}
    chart["margin"] = {**chart["margin"], "b": 120}
    return chart


def fit_live_figure(
    fit: LineFit,
    path: Trajectory,
    backdrop: Dict,
    ranges: tuple[tuple[float, float], tuple[float, float]],
    show_best: bool = True,
) -> go.Figure:
    """The line with its squares and the bowl with the learner's point, for a live chart.

    ``ranges`` are the data panel's axes (fixed while the line is dragged);
    ``backdrop`` is :func:`fit_backdrop` of the data set.
    """
    data = fit_live_traces(fit, path, backdrop, ranges, show_best)
    return live_figure(data, _layout(fit, backdrop, *ranges))


def fit_live_traces(
    fit: LineFit,
    path: Trajectory,
    backdrop: Dict,
    ranges: tuple[tuple[float, float], tuple[float, float]],
    show_best: bool = True,
) -> list[Dict]:
    """The traces of :func:`fit_live_figure`: all a frame of the live chart needs."""
    x_range = ranges[0]
    return [
        *_line_traces(fit, x_range),
        *_still_traces(fit, x_range, show_best),
        *_bowl_traces(fit, path, backdrop, show_best),
    ]
