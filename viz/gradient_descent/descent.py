"""Gradient descent in 1-D: the path on the loss curve (animated) and loss per step."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from core.gradient_descent import DEFAULT_BOUND, Descent1D
from core.parsing import display_number
from viz import style
from viz.gradient_descent.common import (
    MAX_FRAME_POINTS,
    MAX_FRAMES,
    MAX_LOSS_POINTS,
    MAX_PATH_POINTS,
    Dict,
    add_play,
    encode,
    fixed,
    layout,
    lowest_line,
    thinned,
    upto,
)
from viz.gradient_descent.curves import (
    curve,
    descent_range,
    loss_range,
    minima_1d,
    point,
)


def _path_traces(result: Descent1D, shown: np.ndarray) -> list[Dict]:
    """The path (arrows), its start, where Play is and the end; traces 2 to 5.

    Play moves trace 4, which has no legend entry (a legend cannot follow the
    frames); the legend names trace 5, which stays at the last step.
    """
    ws, losses = result.w, result.path.losses
    k = result.path.steps_taken
    return [
        {
            "type": "scatter",
            "x": encode(ws[shown]),
            "y": encode(losses[shown]),
            "customdata": encode(shown, "i2"),
            "mode": "lines+markers",
            "name": "gradient-descent path",
            "line": {"color": style.CURRENT, "width": 2},
            "marker": {
                "symbol": "arrow",
                "angleref": "previous",
                "size": 16,
                "color": style.CURRENT,
            },
            "hovertemplate": "step %{customdata}<br>w = %{x:.5g}<br>f(w) = %{y:.5g}<extra></extra>",
        },
        {
            "type": "scatter",
            "x": [result.w0],
            "y": [float(losses[0])],
            "mode": "markers",
            "name": f"start w₀ = {display_number(result.w0)}",
            "marker": {
                "color": style.CURRENT,
                "size": 15,
                "symbol": "circle-open",
                "line": {"width": 3},
            },
            "hoverinfo": "skip",
        },
        {
            **point(float(ws[-1]), float(losses[-1]), "the step shown", style.ACCENT),
            "showlegend": False,
        },
        {
            "type": "scatter",
            "x": [float(ws[-1])],
            "y": [float(losses[-1])],
            "mode": "markers",
            "name": f"after step {k}: w = {display_number(float(ws[-1]), 6)}",
            "marker": {
                "color": style.ACCENT,
                "size": 20,
                "symbol": "diamond-open",
                "line": {"width": 3},
            },
            "hovertemplate": f"after step {k}<br>w = %{{x:.6g}}<extra></extra>",
        },
    ]


def _frames(result: Descent1D, shown: np.ndarray, steps: np.ndarray) -> list[Dict]:
    """One frame per shown step: the path so far (trace 2) and its head (trace 4)."""
    ws, losses = result.w, result.path.losses
    k = result.path.steps_taken
    coarse = thinned(k, MAX_FRAME_POINTS)
    frames = []
    for step in steps:
        idx = shown if step == k else upto(coarse, int(step))
        frames.append(
            {
                "name": str(step),
                "traces": [2, 4],
                "data": [
                    {
                        "type": "scatter",
                        "x": encode(ws[idx]),
                        "y": encode(losses[idx]),
                        "customdata": encode(idx, "i2"),
                    },
                    {
                        "type": "scatter",
                        "x": encode(ws[step : step + 1]),
                        "y": encode(losses[step : step + 1]),
                    },
                ],
            }
        )
    return frames


def _warning(result: Descent1D, x_range: tuple[float, float]) -> Dict | None:
    """A red note when the path diverged or left the chart."""
    path, last_w = result.path, float(result.w[-1])
    if path.diverged_at is not None:
        bound = f"1e{round(math.log10(DEFAULT_BOUND))}"
        text = f"diverged at step {path.diverged_at}: |w| passed {bound}"
    elif not x_range[0] <= last_w <= x_range[1]:
        text = f"w = {display_number(last_w, 6)} is off the chart"
    else:
        return None
    return {
        "x": 0.5,
        "y": 0.97,
        "xref": "paper",
        "yref": "paper",
        "text": f"⚠ {text}",
        "showarrow": False,
        "font": {"color": style.TARGET, "size": 19},
        "bgcolor": "rgba(255,255,255,0.9)",
    }


def descent_figure(result: Descent1D) -> go.Figure:
    """The path ``w₀ → w₁ → …`` on the loss curve, animated with Play / Pause.

    Points are joined by arrows (each marker is an arrowhead pointing along its
    step). Axis ranges come from the function and the start, never from the
    path, so an overshooting or diverging path visibly leaves the picture.
    """
    fn, k = result.fn, result.path.steps_taken
    x_range = descent_range(fn, result.w0)
    shown = thinned(k, MAX_PATH_POINTS)
    data = [curve(fn, x_range), minima_1d(fn), *_path_traces(result, shown)]
    chart = layout(
        f"Gradient descent on f(w) = {fn.label} with lr = {display_number(result.lr)}",
        "w",
        "loss f(w)",
        height=540,
    )
    chart["xaxis"] = fixed(chart["xaxis"], *x_range)
    chart["yaxis"] = fixed(chart["yaxis"], *loss_range(fn, x_range))
    frames: list[Dict] = []
    if k >= 1:
        steps = thinned(k, MAX_FRAMES)
        frames = _frames(result, shown, steps)
        add_play(chart, steps)
    warning = _warning(result, x_range)
    if warning is not None:
        chart["annotations"] = [warning]
    return style.figure(data, chart, frames)


def loss_steps_figure(result: Descent1D, log_scale: bool = False) -> go.Figure:
    """Loss against step; on a log axis a steady convergence is a straight line.

    A log axis needs every loss above 0; otherwise the axis stays linear.
    """
    losses = result.path.losses
    idx = thinned(len(losses) - 1, MAX_LOSS_POINTS)
    use_log = log_scale and bool(np.all(losses > 0))
    data = [
        {
            "type": "scatter",
            "x": encode(idx, "i2"),
            "y": encode(losses[idx]),
            "mode": "lines+markers" if len(idx) <= 60 else "lines",
            "name": "loss",
            "line": {"color": style.CURRENT, "width": 3},
            "hovertemplate": "step %{x}<br>loss %{y:.6g}<extra></extra>",
            "showlegend": False,
        }
    ]
    chart = layout(
        "Loss at each step",
        "step",
        "loss f(w) (log scale)" if use_log else "loss f(w)",
        height=330,
        legend=False,
    )
    chart["xaxis"] = fixed(chart["xaxis"], 0, max(result.steps, 1))
    if use_log:
        chart["yaxis"] = {**chart["yaxis"], "type": "log"}
    else:
        shape, note = lowest_line(result.fn.lowest_loss)
        chart["shapes"], chart["annotations"] = [shape], [note]
    return style.figure(data, chart)
