"""The "Fit a line by hand" figures: the line with its squares, and the MSE bowl."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.equations import line_values
from core.loss_functions import LineDescent, LineFit
from core.optimisers import Trajectory
from core.parsing import display_number, format_number
from viz import style
from viz.loss_functions.common import LossChart, data_ranges, segments, squares


def _line(xs: np.ndarray, w: float, b: float, **trace: Any) -> dict[str, Any]:
    """The line ``y = w·x + b`` across the chart (its two ends)."""
    return {
        "type": "scatter",
        "x": xs,
        "y": line_values(w, b, xs),
        "mode": "lines",
        "hoverinfo": "skip",
        **trace,
    }


def fit_figure(fit: LineFit, show_best: bool = True) -> go.Figure:
    """The points, the learner's line, each residual and its square, the best line."""
    data = fit.data
    x, y = data.x, data.y
    x_range, y_range = data_ranges(x, y, data.source == "seeded")
    title = (
        f"y = {display_number(fit.w)}·x + {display_number(fit.b)}:  "
        f"MSE = {display_number(fit.mse, 5)}"
    ).replace("+ −", "− ")
    chart = LossChart(title, "x", "y", height=520)
    side = np.abs(fit.residuals)
    middle = 0.5 * (x_range[0] + x_range[1])
    left = np.where(x <= middle, x, x - side)  # squares open towards the middle
    bottom = np.minimum(y, fit.predictions)
    chart.traces.append(squares(left, bottom, side, "squared errors", 0.3, 1))
    chart.traces.append(segments(x, y, fit.predictions, "residuals", 2.5))
    xs = np.array(x_range)
    if show_best:
        chart.traces.append(
            _line(
                xs,
                fit.w_best,
                fit.b_best,
                line={"color": style.TARGET, "width": 3, "dash": "dash"},
                name=f"best fit (MSE {display_number(fit.mse_best, 4)})",
            )
        )
    chart.traces.append(
        _line(
            xs,
            fit.w,
            fit.b,
            line={"color": style.CURRENT, "width": 4},
            name="your line",
        )
    )
    chart.add(
        x=x,
        y=y,
        mode="markers",
        marker={"color": style.INK, "size": 10, "line": {"color": "white", "width": 1}},
        name="data",
        customdata=np.column_stack([fit.residuals, fit.squares]),
        hovertemplate="x = %{x:.4g}, y = %{y:.4g}<br>residual %{customdata[0]:.4g}, "
        "squared %{customdata[1]:.4g}<extra></extra>",
    )
    return chart.build(x_range, y_range, equal_units=True)


def _log_ticks(low: float, high: float) -> tuple[list[float], list[str]]:
    exponents = range(int(np.floor(low)), int(np.ceil(high)) + 1)
    values = [float(e) for e in exponents if low <= e <= high]
    return values, [format_number(10.0**e) for e in values]


def _contours(
    surface: np.ndarray, w_values: np.ndarray, b_values: np.ndarray
) -> dict[str, Any]:
    """The MSE as filled contours of log₁₀ MSE, with MSE values on the colour bar."""
    z = np.log10(np.maximum(surface, 1e-12)).astype(np.float32)
    tickvals, ticktext = _log_ticks(float(z.min()), float(z.max()))
    return {
        "type": "contour",
        "x": np.asarray(w_values, dtype=np.float32),
        "y": np.asarray(b_values, dtype=np.float32),
        "z": z,
        "ncontours": 24,
        "colorscale": [[0.0, "#FFF6D5"], [0.5, "#C9C9C9"], [1.0, "#5A5A5A"]],
        "contours": {"coloring": "fill", "showlines": True},
        "line": {"color": "rgba(60,60,60,0.35)", "width": 1},
        "colorbar": {
            "title": {"text": "MSE", "side": "right"},
            "tickvals": tickvals,
            "ticktext": ticktext,
            "thickness": 14,
        },
        "name": "MSE",
        "hovertemplate": "w = %{x:.3g}, b = %{y:.3g}<br>log₁₀ MSE = %{z:.3g}"
        "<extra></extra>",
    }


def _path(path: Trajectory) -> dict[str, Any]:
    """The optimiser's steps over the bowl (the legend says if it diverged)."""
    label = "descent path"
    if path.diverged_at is not None:
        label += f" (diverged at step {path.diverged_at})"
    return {
        "type": "scatter",
        "x": path.points[:, 0],
        "y": path.points[:, 1],
        "mode": "lines+markers",
        "line": {"color": style.ACCENT, "width": 2.5},
        "marker": {"color": style.ACCENT, "size": 5},
        "name": label,
        "customdata": np.column_stack([np.arange(len(path.points)), path.losses]),
        "hovertemplate": "step %{customdata[0]}<br>w = %{x:.4g}, b = %{y:.4g}"
        "<br>MSE %{customdata[1]:.5g}<extra></extra>",
    }


def contour_figure(
    fit: LineFit,
    surface: np.ndarray,
    w_values: np.ndarray,
    b_values: np.ndarray,
    *,
    path: Trajectory | None = None,
    show_best: bool = True,
) -> go.Figure:
    """The MSE over (w, b) as contours (log scale), your point, the optimum, a path.

    ``surface`` has shape ``(len(b_values), len(w_values))``.
    """
    chart = LossChart(
        "MSE over (w, b): the loss bowl", "slope w", "intercept b", height=520
    )
    chart.traces.append(_contours(surface, w_values, b_values))
    if path is not None and len(path.points) > 1:
        chart.traces.append(_path(path))
    if show_best:
        w_best, b_best = display_number(fit.w_best), display_number(fit.b_best)
        chart.add(
            x=[fit.w_best],
            y=[fit.b_best],
            mode="markers",
            marker={
                "color": style.TARGET,
                "size": 18,
                "symbol": "star",
                "line": {"color": "white", "width": 1.5},
            },
            name=f"least squares ({w_best}, {b_best})",
            hovertemplate="optimum<br>w* = %{x:.6g}, b* = %{y:.6g}<extra></extra>",
        )
    chart.add(
        x=[fit.w],
        y=[fit.b],
        mode="markers",
        marker={
            "color": style.CURRENT,
            "size": 15,
            "line": {"color": "white", "width": 2},
        },
        name=f"you ({display_number(fit.w)}, {display_number(fit.b)})",
        hovertemplate="your line<br>w = %{x:.4g}, b = %{y:.4g}<extra></extra>",
    )
    return chart.build(
        (float(w_values[0]), float(w_values[-1])),
        (float(b_values[0]), float(b_values[-1])),
    )


def bowl_figure(run: LineDescent, show_best: bool = True) -> go.Figure:
    """:func:`contour_figure` of a run: its bowl, its line and its path (if any steps)."""
    return contour_figure(
        run.fit,
        run.surface,
        run.w_values,
        run.b_values,
        path=run.path if run.steps else None,
        show_best=show_best,
    )
