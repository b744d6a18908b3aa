"""Figures for the gradient-descent page: tangents, paths on a loss curve, contours.

Animations are Plotly frames played in the browser (no server round trip per
frame). They are kept within the page's byte budget: at most ``MAX_FRAMES``
frames, each path thinned to ``MAX_FRAME_POINTS`` points inside a frame and to
``MAX_PATH_POINTS`` in the still picture, coordinates sent as float32.

Figures are assembled from plain dicts (checked against Plotly's schema by the
tests) with arrays already in Plotly's base64 form: building dozens of frames
through the validating ``go.*`` constructors cost more than a whole rerun's
budget.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.gradient_descent import (
    METHODS,
    Derivative,
    Descent1D,
    Function1D,
    Race,
    Surface,
    divergence_message,
    tangent_line,
)
from core.parsing import format_number
from viz import style

#: Most animation frames per figure.
MAX_FRAMES = 30
#: Most points per path in the still picture (start and end always kept).
MAX_PATH_POINTS = 150
#: Most points per path inside one animation frame.
MAX_FRAME_POINTS = 30
#: Most points per loss-against-step line.
MAX_LOSS_POINTS = 200
#: Points per 1-D curve.
CURVE_POINTS = 241
#: Side of the invisible lattice that turns a click on the contour into a start point.
PICK_GRID = 25
#: Colours of paths 1, 2, 3 in the 2-D race.
PATH_COLOURS = (style.CURRENT, style.SECOND, style.THIRD)
#: Contour fill: white (low loss) to grey-violet (high loss), so coloured paths stand out.
CONTOUR_SCALE = [[0.0, "#FFFFFF"], [0.5, "#D9D9E6"], [1.0, "#8C8CA6"]]
#: Largest magnitude sent to the browser (float32 range; keeps every number finite).
_F32_MAX = 3e38

Dict = dict[str, Any]


def _num(value: float, digits: int = 4) -> str:
    return format_number(value, digits=digits).replace("-", "−")


def encode(values: Any, dtype: str = "f4") -> Dict:
    """An array in Plotly's typed-array form ``{"dtype", "bdata"[, "shape"]}``."""
    array = np.asarray(values, dtype=float)
    if dtype == "f4" and array.size and np.abs(array).max() > _F32_MAX:
        array = np.clip(array, -_F32_MAX, _F32_MAX)  # rare: keep float32 finite
    typed = np.ascontiguousarray(array.astype(dtype))
    spec: Dict = {"dtype": dtype, "bdata": base64.b64encode(typed.tobytes()).decode()}
    if typed.ndim > 1:
        spec["shape"] = ",".join(str(n) for n in typed.shape)
    return spec


def _layout(title: str, x_title: str, y_title: str, **extra: Any) -> Dict:
    """The shared layout (``viz.style``) as a dict."""
    height = extra.pop("height", style.HEIGHT)
    legend = extra.pop("legend", True)
    layout = style.base_layout(title, x_title, y_title, height=height)
    # Title on top, the legend in its own band between the title and the plot.
    layout["title"] = {**layout["title"], "y": 0.985, "yanchor": "top"}
    layout["legend"] = {
        **layout["legend"],
        "x": 0.0,
        "xanchor": "left",
        "y": 1.01,
        "yanchor": "bottom",
    }
    layout["margin"] = {**layout["margin"], "t": 118 if legend else 60}
    layout.update(extra)
    return layout


def _figure(
    data: list[Dict], layout: Dict, frames: list[Dict] | None = None
) -> go.Figure:
    return style.figure(data, layout, frames)


def _fixed(axis: Dict, low: float, high: float) -> Dict:
    return {**axis, "range": [low, high], "autorange": False}


# -- 1-D curves ------------------------------------------------------------------------


def view_range_1d(fn: Function1D, w0: float) -> tuple[float, float]:
    """The function's own w axis, or wider (by whole units) when ``w0`` lies outside it."""
    low, high = fn.w_range
    if low <= w0 <= high:
        return (low, high)
    return (min(low, float(np.floor(w0 - 1))), max(high, float(np.ceil(w0 + 1))))


def descent_range(fn: Function1D, w0: float) -> tuple[float, float]:
    """The w axis for a descent from ``w0``: it also shows ``w0``'s mirror image
    across the nearest minimum, where an overshooting first step lands."""
    nearest = min(fn.minima, key=lambda m: abs(w0 - m))
    low, high = view_range_1d(fn, w0)
    mirror_low, mirror_high = view_range_1d(fn, 2 * nearest - w0)
    return (min(low, mirror_low), max(high, mirror_high))


def loss_range(fn: Function1D, x_range: tuple[float, float]) -> tuple[float, float]:
    """The loss axis: the curve's lowest and highest value over ``x_range``, padded."""
    values = fn.f(np.linspace(*x_range, CURVE_POINTS))
    low, high = float(values.min()), float(values.max())
    pad = 0.08 * (high - low)
    return (low - pad, high + pad)


def _curve(fn: Function1D, x_range: tuple[float, float], **axes: str) -> Dict:
    ws = np.linspace(*x_range, CURVE_POINTS)
    return {
        "type": "scatter",
        "x": encode(ws),
        "y": encode(fn.f(ws)),
        "mode": "lines",
        "name": f"loss f(w) = {fn.label}",
        "line": {"color": style.INK, "width": 3},
        "hovertemplate": "w = %{x:.4g}<br>f(w) = %{y:.4g}<extra></extra>",
        **axes,
    }


def _minima_1d(fn: Function1D) -> Dict:
    ms = np.array(fn.minima)
    return {
        "type": "scatter",
        "x": ms.tolist(),
        "y": fn.f(ms).tolist(),
        "mode": "markers",
        "name": "minimum" if len(ms) == 1 else "minima",
        "marker": {"color": style.TARGET, "size": 15, "symbol": "star"},
        "hovertemplate": "minimum at w = %{x:.4g}<br>f = %{y:.4g}<extra></extra>",
    }


def _point(x: float, y: float, name: str, colour: str, **axes: str) -> Dict:
    return {
        "type": "scatter",
        "x": [x],
        "y": [y],
        "mode": "markers",
        "name": name,
        "marker": {"color": colour, "size": 15, "line": {"color": "white", "width": 2}},
        "hovertemplate": "w = %{x:.6g}<br>%{y:.6g}<extra></extra>",
        **axes,
    }


def _unicode_powers(text: str) -> str:
    return (
        text.replace("^3", "³")
        .replace("^2", "²")
        .replace("\\tanh", "tanh")
        .replace("-", "−")
    )


# -- derivatives -----------------------------------------------------------------------


def derivative_figure(d: Derivative) -> go.Figure:
    """The curve with its tangent at ``w`` (top) and the derivative curve (bottom).

    The secant through ``w − h`` and ``w + h`` is the central difference: its slope
    is the estimate, and it turns into the tangent as ``h`` shrinks. Both panels
    share the w axis, so the derivative crosses 0 right below each minimum.
    """
    fn = d.fn
    x_range = view_range_1d(fn, d.w)
    y_range = loss_range(fn, x_range)
    ws = np.linspace(*x_range, CURVE_POINTS)
    slopes = fn.df(ws)
    span = 0.22 * (x_range[1] - x_range[0])
    tx = np.array([d.w - span, d.w + span])
    sx = np.array([d.w - d.h, d.w + d.h])
    bottom = {"xaxis": "x2", "yaxis": "y2"}
    data = [
        _curve(fn, x_range),
        {
            "type": "scatter",
            "x": tx.tolist(),
            "y": tangent_line(d, tx).tolist(),
            "mode": "lines",
            "name": f"tangent at w = {_num(d.w)}: slope f′(w) = {_num(d.slope)}",
            "line": {"color": style.ACCENT, "width": 4},
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": sx.tolist(),
            "y": fn.f(sx).tolist(),
            "mode": "lines+markers",
            "name": f"secant over w ± h: slope {_num(d.central)} (central difference)",
            "line": {"color": style.SECOND, "width": 3, "dash": "dash"},
            "marker": {"size": 9},
            "hovertemplate": "w = %{x:.4g}<br>f(w) = %{y:.4g}<extra></extra>",
        },
        _point(d.w, d.value, f"w = {_num(d.w)}, f(w) = {_num(d.value)}", style.CURRENT),
        {
            "type": "scatter",
            "x": encode(ws),
            "y": encode(slopes),
            "mode": "lines",
            "name": f"derivative f′(w) = {_unicode_powers(fn.derivative_latex)}",
            "line": {"color": style.THIRD, "width": 3},
            "hovertemplate": "w = %{x:.4g}<br>f′(w) = %{y:.4g}<extra></extra>",
            **bottom,
        },
        {
            **_point(
                d.w,
                d.slope,
                f"f′({_num(d.w)}) = {_num(d.slope)}",
                style.ACCENT,
                **bottom,
            ),
            "showlegend": False,
        },
    ]
    slope_pad = 0.08 * float(slopes.max() - slopes.min()) or 1.0
    base = style.base_layout("", "", "")
    layout = _layout(
        f"f(w) = {fn.label}: tangent and derivative at w = {_num(d.w)}",
        "",
        "loss f(w)",
        height=660,
        legend=False,
    )
    layout["xaxis"] = _fixed(
        {**base["xaxis"], "anchor": "y", "matches": "x2", "showticklabels": False},
        *x_range,
    )
    layout["yaxis"] = _fixed({**layout["yaxis"], "domain": [0.42, 1.0]}, *y_range)
    layout["xaxis2"] = _fixed(
        {**base["xaxis"], "anchor": "y2", "title": {"text": "w"}}, *x_range
    )
    layout["yaxis2"] = _fixed(
        {**base["yaxis"], "domain": [0.0, 0.34], "title": {"text": "slope f′(w)"}},
        float(slopes.min()) - slope_pad,
        float(slopes.max()) + slope_pad,
    )
    # Inside the plot, top centre: every curve here is low in the middle.
    layout["legend"] = {
        **layout["legend"],
        "orientation": "v",
        "x": 0.5,
        "xanchor": "center",
        "y": 1.0,
        "yanchor": "top",
        "bgcolor": "rgba(255,255,255,0.85)",
    }
    return _figure(data, layout)


# -- animation -------------------------------------------------------------------------


def thinned(steps: int, limit: int) -> np.ndarray:
    """``0 … steps`` when short enough, else ``limit`` evenly spread steps (ends kept)."""
    if steps + 1 <= limit:
        return np.arange(steps + 1)
    return np.unique(np.round(np.linspace(0, steps, limit)).astype(int))


def _upto(indices: np.ndarray, step: int) -> np.ndarray:
    """The indices before ``step``, then ``step`` itself."""
    return np.append(indices[indices < step], step)


def _animation(steps: Sequence[int], duration: int) -> Dict:
    """Play / Pause buttons and a step slider, handled by Plotly in the browser."""
    still = {
        "frame": {"duration": 0, "redraw": False},
        "transition": {"duration": 0},
        "mode": "immediate",
    }
    play = {
        "frame": {"duration": duration, "redraw": False},
        "transition": {"duration": 0},
        "mode": "immediate",
    }
    return {
        "updatemenus": [
            {
                "type": "buttons",
                "direction": "left",
                "x": 0.0,
                "y": 0.0,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": 62, "r": 10},
                "showactive": False,
                "font": {"size": 15},
                "buttons": [
                    # every frame from the first: Play always replays the whole run
                    {"label": "▶ Play", "method": "animate", "args": [None, play]},
                    {"label": "⏸ Pause", "method": "animate", "args": [[None], still]},
                ],
            }
        ],
        "sliders": [
            {
                "active": len(steps) - 1,
                "x": 0.3,
                "len": 0.7,
                "y": 0.0,
                "yanchor": "top",
                "pad": {"t": 50},
                "currentvalue": {
                    "prefix": "step ",
                    "xanchor": "right",
                    "font": {"size": 15},
                },
                "transition": {"duration": 0},
                "steps": [
                    {
                        "label": str(step),
                        "method": "animate",
                        "args": [[str(step)], still],
                    }
                    for step in steps
                ],
            }
        ],
    }


def _frame_duration(frames: int) -> int:
    """About three seconds for a whole run, never faster than 60 ms a frame."""
    return max(60, 3000 // max(frames, 1))


# -- gradient descent in 1-D ---------------------------------------------------------------


def descent_figure(result: Descent1D) -> go.Figure:
    """The path ``w₀ → w₁ → …`` on the loss curve, animated with Play / Pause.

    Points are joined by arrows (each marker is an arrowhead pointing along its
    step). Axis ranges come from the function and the start, never from the
    path, so an overshooting or diverging path visibly leaves the picture.
    """
    fn, path = result.fn, result.path
    x_range = descent_range(fn, result.w0)
    y_range = loss_range(fn, x_range)
    k = path.steps_taken
    ws, losses = result.w, path.losses
    shown = thinned(k, MAX_PATH_POINTS)
    data = [
        _curve(fn, x_range),
        _minima_1d(fn),
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
            "name": f"start w₀ = {_num(result.w0)}",
            "marker": {
                "color": style.CURRENT,
                "size": 15,
                "symbol": "circle-open",
                "line": {"width": 3},
            },
            "hoverinfo": "skip",
        },
        {
            **_point(
                float(ws[-1]),
                float(losses[-1]),
                f"after step {k}: w = {_num(float(ws[-1]), 6)}",
                style.ACCENT,
            ),
        },
    ]
    layout = _layout(
        f"Gradient descent on f(w) = {fn.label} with lr = {_num(result.lr)}",
        "w",
        "loss f(w)",
        height=540,
    )
    layout["xaxis"] = _fixed(layout["xaxis"], *x_range)
    layout["yaxis"] = _fixed(layout["yaxis"], *y_range)
    frames: list[Dict] = []
    if k >= 1:
        steps = thinned(k, MAX_FRAMES)
        coarse = thinned(k, MAX_FRAME_POINTS)
        for step in steps:
            idx = shown if step == k else _upto(coarse, int(step))
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
        layout.update(_animation([int(s) for s in steps], _frame_duration(len(steps))))
        layout["margin"] = {**layout["margin"], "b": 150}
    last_w = float(ws[-1])
    if path.diverged_at is not None or not x_range[0] <= last_w <= x_range[1]:
        text = (
            divergence_message(path)
            if path.diverged_at is not None
            else f"w = {_num(last_w, 6)} is off the chart"
        )
        layout["annotations"] = [
            {
                "x": 0.5,
                "y": 0.97,
                "xref": "paper",
                "yref": "paper",
                "text": f"⚠ {text}",
                "showarrow": False,
                "font": {"color": style.TARGET, "size": 19},
                "bgcolor": "rgba(255,255,255,0.9)",
            }
        ]
    return _figure(data, layout, frames)


def _lowest_line(value: float) -> tuple[Dict, Dict]:
    shape = {
        "type": "line",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "y0": value,
        "y1": value,
        "line": {"color": style.TARGET, "dash": "dot", "width": 2},
    }
    note = {
        "xref": "paper",
        "x": 1,
        "y": value,
        "xanchor": "right",
        "yanchor": "bottom",
        "text": "lowest possible loss",
        "showarrow": False,
        "font": {"color": style.TARGET, "size": 14},
    }
    return shape, note


def loss_steps_figure(result: Descent1D, *, log_scale: bool = False) -> go.Figure:
    """Loss against step; on a log axis a steady convergence is a straight line.

    A log axis needs every loss above 0; otherwise the axis stays linear.
    """
    losses = result.path.losses
    idx = thinned(len(losses) - 1, MAX_LOSS_POINTS)
    lowest = float(np.min(result.fn.f(np.array(result.fn.minima))))
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
    layout = _layout(
        "Loss at each step",
        "step",
        "loss f(w) (log scale)" if use_log else "loss f(w)",
        height=330,
        legend=False,
    )
    layout["xaxis"] = _fixed(layout["xaxis"], 0, max(result.steps, 1))
    if use_log:
        layout["yaxis"] = {**layout["yaxis"], "type": "log"}
    else:
        shape, note = _lowest_line(lowest)
        layout["shapes"], layout["annotations"] = [shape], [note]
    return _figure(data, layout)


# -- gradient descent in 2-D ---------------------------------------------------------------


def contour_values(surface: Surface, z: np.ndarray) -> tuple[np.ndarray, str]:
    """What the contour shows: the loss, or log₁₀(1 + loss) for steep valleys."""
    if surface.log_levels:
        return np.log10(1 + np.maximum(z, 0)), "log₁₀(1 + loss)"
    return z, "loss"


def _path_indices(shown: np.ndarray, taken: int) -> np.ndarray:
    """The shown indices a path actually has (it may have stopped early), end kept."""
    return _upto(shown[shown <= taken], taken)


def race_figure(
    r: Race,
    grid: tuple[np.ndarray, np.ndarray, np.ndarray],
    *,
    pickable: bool = False,
) -> go.Figure:
    """The contour of the surface with every optimiser's path, animated together.

    With ``pickable`` an invisible lattice of points covers the plane: clicking
    one sends a Streamlit selection event, which the page turns into a new start.
    """
    s = r.surface
    xs, ys, z = grid
    x_range = (float(xs[0]), float(xs[-1]))
    y_range = (float(ys[0]), float(ys[-1]))
    shown_z, z_label = contour_values(s, z)
    data: list[Dict] = [
        {
            "type": "contour",
            "x": encode(xs),
            "y": encode(ys),
            "z": encode(shown_z),
            "colorscale": CONTOUR_SCALE,
            "contours": {"coloring": "fill", "showlines": True},
            "line": {"color": "rgba(80,80,110,0.35)", "width": 1},
            "ncontours": 22,
            "colorbar": {"title": {"text": z_label}, "thickness": 14},
            "name": "loss",
            "showlegend": False,
            "hovertemplate": f"x = %{{x:.3g}}, y = %{{y:.3g}}<br>{z_label} = %{{z:.4g}}<extra></extra>",
        }
    ]
    if pickable:
        px, py = np.meshgrid(
            np.linspace(*x_range, PICK_GRID), np.linspace(*y_range, PICK_GRID)
        )
        data.append(
            {
                "type": "scatter",
                "x": encode(px.ravel()),
                "y": encode(py.ravel()),
                "mode": "markers",
                "name": "click to start here",
                "marker": {"size": 16, "color": "rgba(0,0,0,0)"},
                "selected": {"marker": {"color": "rgba(0,0,0,0)"}},
                "unselected": {"marker": {"opacity": 0}},
                "hovertemplate": "click: start at (%{x:.2f}, %{y:.2f})<extra></extra>",
                "showlegend": False,
            }
        )
    if s.minima:
        data.append(
            {
                "type": "scatter",
                "x": [m[0] for m in s.minima],
                "y": [m[1] for m in s.minima],
                "mode": "markers",
                "name": "minimum" if len(s.minima) == 1 else "minima",
                "marker": {
                    "color": style.TARGET,
                    "size": 20,
                    "symbol": "star",
                    "line": {"color": "white", "width": 1},
                },
                "hovertemplate": "minimum (%{x:.4g}, %{y:.4g})<extra></extra>",
            }
        )
    shown = thinned(r.steps, MAX_PATH_POINTS)
    first_path = len(data)
    for path, optimiser, colour in zip(
        r.paths, r.optimisers, PATH_COLOURS, strict=False
    ):
        idx = _path_indices(shown, path.steps_taken)
        label = optimiser.label
        if path.diverged_at is not None:
            label += f" — diverged at step {path.diverged_at}"
        data.append(
            {
                "type": "scatter",
                "x": encode(path.points[idx, 0]),
                "y": encode(path.points[idx, 1]),
                "customdata": encode(idx, "i2"),
                "mode": "lines+markers",
                "name": label,
                "line": {"color": colour, "width": 3},
                "marker": {"color": colour, "size": 7},
                "hovertemplate": f"{METHODS[optimiser.method]}, step %{{customdata}}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>",
            }
        )
    data.append(
        {
            "type": "scatter",
            "x": [r.start[0]],
            "y": [r.start[1]],
            "mode": "markers+text",
            "name": f"start ({_num(r.start[0])}, {_num(r.start[1])})",
            "text": ["start"],
            # the label points into the picture, away from the nearer side edge
            "textposition": "top left"
            if r.start[0] > (x_range[0] + x_range[1]) / 2
            else "top right",
            "textfont": {"color": style.INK, "size": 15},
            "marker": {
                "color": style.INK,
                "size": 16,
                "symbol": "circle-open",
                "line": {"width": 3},
            },
            "hoverinfo": "skip",
            "showlegend": False,
        }
    )
    # One unit on x as long as one on y (an elongated bowl must look elongated);
    # the height follows the shape so the plot fills the width.
    aspect = (y_range[1] - y_range[0]) / (x_range[1] - x_range[0])
    height = int(min(760, max(460, 300 + 500 * aspect)))
    layout = _layout(f"{s.label}: f(x, y) = {s.formula}", "x", "y", height=height)
    layout["margin"] = {**layout["margin"], "t": 150}  # up to four legend rows
    layout["xaxis"] = _fixed({**layout["xaxis"], "constrain": "domain"}, *x_range)
    layout["yaxis"] = _fixed(
        {**layout["yaxis"], "scaleanchor": "x", "scaleratio": 1, "constrain": "domain"},
        *y_range,
    )
    if pickable:
        layout["clickmode"] = "event+select"
        layout["dragmode"] = "zoom"
    frames: list[Dict] = []
    if r.steps >= 1:
        steps = thinned(r.steps, MAX_FRAMES)
        coarse = thinned(r.steps, MAX_FRAME_POINTS)
        moving = list(range(first_path, first_path + len(r.paths)))
        for step in steps:
            traces = []
            for path in r.paths:
                upto = min(int(step), path.steps_taken)
                idx = _path_indices(shown if step == r.steps else coarse, upto)
                traces.append(
                    {
                        "type": "scatter",
                        "x": encode(path.points[idx, 0]),
                        "y": encode(path.points[idx, 1]),
                        "customdata": encode(idx, "i2"),
                    }
                )
            frames.append({"name": str(step), "traces": moving, "data": traces})
        layout.update(_animation([int(s) for s in steps], _frame_duration(len(steps))))
        layout["margin"] = {**layout["margin"], "b": 150}
    return _figure(data, layout, frames)


def race_loss_figure(r: Race, *, log_scale: bool = False) -> go.Figure:
    """Loss against step for every optimiser on one pair of axes."""
    use_log = log_scale and all(bool(np.all(p.losses > 0)) for p in r.paths)
    data = []
    for path, optimiser, colour in zip(
        r.paths, r.optimisers, PATH_COLOURS, strict=False
    ):
        idx = thinned(len(path.losses) - 1, MAX_LOSS_POINTS)
        data.append(
            {
                "type": "scatter",
                "x": encode(idx, "i2"),
                "y": encode(path.losses[idx]),
                "mode": "lines",
                "name": METHODS[optimiser.method],
                "line": {"color": colour, "width": 3},
                "hovertemplate": f"{METHODS[optimiser.method]}<br>step %{{x}}<br>loss %{{y:.5g}}<extra></extra>",
            }
        )
    layout = _layout(
        "Loss at each step",
        "step",
        "loss (log scale)" if use_log else "loss f(x, y)",
        height=340,
    )
    layout["xaxis"] = _fixed(layout["xaxis"], 0, max(r.steps, 1))
    if use_log:
        layout["yaxis"] = {**layout["yaxis"], "type": "log"}
    elif r.surface.minima:
        lowest = min(r.surface.loss(np.array(m)) for m in r.surface.minima)
        shape, note = _lowest_line(lowest)
        layout["shapes"], layout["annotations"] = [shape], [note]
    return _figure(data, layout)


def surface_3d_figure(
    r: Race, grid: tuple[np.ndarray, np.ndarray, np.ndarray]
) -> go.Figure:
    """The loss as a 3-D surface with each path lifted onto it (drag to turn)."""
    s = r.surface
    xs, ys, z = grid
    shown_z, z_label = contour_values(s, z)
    data: list[Dict] = [
        {
            "type": "surface",
            "x": encode(xs),
            "y": encode(ys),
            "z": encode(shown_z),
            "colorscale": CONTOUR_SCALE,
            "showscale": False,
            "opacity": 0.92,
            "name": "loss",
            "hovertemplate": f"x = %{{x:.3g}}, y = %{{y:.3g}}<br>{z_label} = %{{z:.4g}}<extra></extra>",
        }
    ]
    shown = thinned(r.steps, MAX_PATH_POINTS)
    x_range = (float(xs[0]), float(xs[-1]))
    y_range = (float(ys[0]), float(ys[-1]))
    for path, optimiser, colour in zip(
        r.paths, r.optimisers, PATH_COLOURS, strict=False
    ):
        idx = _path_indices(shown, path.steps_taken)
        inside = (
            (path.points[idx, 0] >= x_range[0])
            & (path.points[idx, 0] <= x_range[1])
            & (path.points[idx, 1] >= y_range[0])
            & (path.points[idx, 1] <= y_range[1])
        )
        idx = idx[inside]
        heights = path.losses[idx]
        if s.log_levels:
            heights = np.log10(1 + np.maximum(heights, 0))
        data.append(
            {
                "type": "scatter3d",
                "x": encode(path.points[idx, 0]),
                "y": encode(path.points[idx, 1]),
                "z": encode(heights),
                "mode": "lines+markers",
                "name": optimiser.label,
                "line": {"color": colour, "width": 6},
                "marker": {"color": colour, "size": 3},
            }
        )
    layout = _layout(f"{s.label} in 3-D: drag to turn", "", "", height=620)
    for key in ("xaxis", "yaxis"):
        layout.pop(key)
    layout["scene"] = {
        "xaxis": {"title": {"text": "x"}, "range": list(x_range)},
        "yaxis": {"title": {"text": "y"}, "range": list(y_range)},
        "zaxis": {
            "title": {"text": z_label},
            "range": [float(shown_z.min()), float(shown_z.max())],
        },
        "aspectmode": "cube",
    }
    layout["margin"] = {"l": 0, "r": 0, "t": 60, "b": 0}
    return _figure(data, layout)
