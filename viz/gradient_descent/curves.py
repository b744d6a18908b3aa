"""1-D loss curves: the axes they are drawn on, their traces, and the tangent figure."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.gradient_descent import Derivative, Function1D, tangent_line
from core.parsing import display_number
from viz import style
from viz.gradient_descent.common import Dict, encode, fixed, layout

#: Points per 1-D curve.
CURVE_POINTS = 241


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
    values = values[np.isfinite(values)]  # a typed f may be undefined far out
    low, high = (
        (float(values.min()), float(values.max())) if values.size else (0.0, 1.0)
    )
    pad = 0.08 * (high - low)
    return (low - pad, high + pad)


def curve(fn: Function1D, x_range: tuple[float, float], **axes: str) -> Dict:
    """The loss curve ``f(w)`` over ``x_range``."""
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


def minima_1d(fn: Function1D) -> Dict:
    """Stars on the function's minima."""
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


def point(x: float, y: float, name: str, colour: str, **axes: str) -> Dict:
    """One large marker with a white ring."""
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


# -- the derivative figure ------------------------------------------------------------------


def _tangent_traces(d: Derivative, x_range: tuple[float, float]) -> list[Dict]:
    """Top panel: the curve, its tangent at ``w``, the secant over ``w ± h``, the point."""
    fn = d.fn
    span = 0.22 * (x_range[1] - x_range[0])
    tx = np.array([d.w - span, d.w + span])
    sx = np.array([d.w - d.h, d.w + d.h])
    w, slope = display_number(d.w), display_number(d.slope)
    return [
        curve(fn, x_range),
        {
            "type": "scatter",
            "x": tx.tolist(),
            "y": tangent_line(d, tx).tolist(),
            "mode": "lines",
            "name": f"tangent at w = {w}: slope f′(w) = {slope}",
            "line": {"color": style.ACCENT, "width": 4},
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": sx.tolist(),
            "y": fn.f(sx).tolist(),
            "mode": "lines+markers",
            "name": f"secant over w ± h: slope {display_number(d.central)} (central difference)",
            "line": {"color": style.SECOND, "width": 3, "dash": "dash"},
            "marker": {"size": 9},
            "hovertemplate": "w = %{x:.4g}<br>f(w) = %{y:.4g}<extra></extra>",
        },
        point(
            d.w, d.value, f"w = {w}, f(w) = {display_number(d.value)}", style.CURRENT
        ),
    ]


def _slope_traces(d: Derivative, ws: np.ndarray, slopes: np.ndarray) -> list[Dict]:
    """Bottom panel: the derivative curve and the slope at ``w``."""
    bottom = {"xaxis": "x2", "yaxis": "y2"}
    label = f"f′({display_number(d.w)}) = {display_number(d.slope)}"
    return [
        {
            "type": "scatter",
            "x": encode(ws),
            "y": encode(slopes),
            "mode": "lines",
            "name": f"derivative f′(w) = {_unicode_powers(d.fn.derivative_latex)}",
            "line": {"color": style.THIRD, "width": 3},
            "hovertemplate": "w = %{x:.4g}<br>f′(w) = %{y:.4g}<extra></extra>",
            **bottom,
        },
        {**point(d.w, d.slope, label, style.ACCENT, **bottom), "showlegend": False},
    ]


def _two_panel_layout(
    d: Derivative, x_range: tuple[float, float], slopes: np.ndarray
) -> Dict:
    """The loss on top, the slope below, sharing one w axis."""
    slope_pad = 0.08 * float(slopes.max() - slopes.min()) or 1.0
    base = style.base_layout("", "", "")
    result = layout(
        f"f(w) = {d.fn.label}: tangent and derivative at w = {display_number(d.w)}",
        "",
        "loss f(w)",
        height=660,
        legend=False,
    )
    result["xaxis"] = fixed(
        {**base["xaxis"], "anchor": "y", "matches": "x2", "showticklabels": False},
        *x_range,
    )
    result["yaxis"] = fixed(
        {**result["yaxis"], "domain": [0.42, 1.0]}, *loss_range(d.fn, x_range)
    )
    result["xaxis2"] = fixed(
        {**base["xaxis"], "anchor": "y2", "title": {"text": "w"}}, *x_range
    )
    result["yaxis2"] = fixed(
        {**base["yaxis"], "domain": [0.0, 0.34], "title": {"text": "slope f′(w)"}},
        float(slopes.min()) - slope_pad,
        float(slopes.max()) + slope_pad,
    )
    # Inside the plot, top centre: every curve here is low in the middle.
    result["legend"] = {
        **result["legend"],
        "orientation": "v",
        "x": 0.5,
        "xanchor": "center",
        "y": 1.0,
        "yanchor": "top",
        "bgcolor": "rgba(255,255,255,0.85)",
    }
    return result


def derivative_figure(d: Derivative) -> go.Figure:
    """The curve with its tangent at ``w`` (top) and the derivative curve (bottom).

    The secant through ``w − h`` and ``w + h`` is the central difference: its slope
    is the estimate, and it turns into the tangent as ``h`` shrinks. Both panels
    share the w axis, so the derivative crosses 0 right below each minimum.
    """
    x_range = view_range_1d(d.fn, d.w)
    ws = np.linspace(*x_range, CURVE_POINTS)
    slopes = d.fn.df(ws)
    data = _tangent_traces(d, x_range) + _slope_traces(d, ws, slopes)
    return style.figure(data, _two_panel_layout(d, x_range, slopes))
