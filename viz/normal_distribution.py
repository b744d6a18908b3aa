"""Figures for the Normal distribution page: binned draws against the exact bell curve.

The figure holds ``bins`` bars and a few hundred curve points whatever the sample
size, so its JSON does not grow with ``n``. Each figure is built in one
``style.figure(data, layout)`` call (guides as layout shapes), which keeps a rerun fast.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.normal_distribution import (
    BIN_SPAN,
    RULE_K,
    X_RANGE,
    Y_MAX,
    IntervalProbability,
    NormalSample,
    normal_pdf,
)
from core.parsing import display_number
from viz import style

CURVE_POINTS = 301
#: Fill for the bands within 1, 2 and 3 σ (darkest nearest the mean).
RULE_ALPHA = {1: 0.45, 2: 0.28, 3: 0.14}


def build_figure(
    title: str,
    x_title: str,
    y_title: str,
    traces: list[dict[str, Any]],
    *,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    x_axis: dict[str, Any] | None = None,
    y_axis: dict[str, Any] | None = None,
    legend_below: bool = True,
    **layout: Any,
) -> go.Figure:
    """The shared style, fixed ranges, and every trace, in one constructor call.

    Built from plain dicts with :func:`viz.style.figure` (unvalidated, so fast).
    With ``legend_below`` the legend sits under the x axis, where long names on a
    narrow chart cannot cover the title.
    """
    base = style.base_layout(title, x_title, y_title)
    base["xaxis"] = {
        **base["xaxis"],
        "range": list(x_range),
        "autorange": False,
        **(x_axis or {}),
    }
    base["yaxis"] = {
        **base["yaxis"],
        "range": list(y_range),
        "autorange": False,
        **(y_axis or {}),
    }
    if legend_below:
        base["legend"] = {
            **base["legend"],
            "yref": "container",
            "y": 0.0,
            "yanchor": "bottom",
            "x": 0.5,
            "xanchor": "center",
        }
        base["margin"] = {**base["margin"], "b": 115}
        base["height"] = style.HEIGHT + 50
    base.update(layout)
    return style.figure(traces, base)


def vertical_line(x: float, colour: str, dash: str, width: float = 2) -> dict[str, Any]:
    """A full-height vertical guide as a layout shape."""
    return {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": x,
        "x1": x,
        "y0": 0,
        "y1": 1,
        "line": {"color": colour, "width": width, "dash": dash},
    }


def axis_ranges(
    sample: NormalSample, zoom: bool = False
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Fixed axes (from the limits of μ and σ), or μ ± 4.5σ when the learner zooms."""
    if zoom:
        half = (BIN_SPAN + 0.5) * sample.sigma
        peak = float(normal_pdf(sample.mu, sample.mu, sample.sigma))
        return (sample.mu - half, sample.mu + half), (0.0, 1.3 * peak)
    return X_RANGE, (0.0, Y_MAX)


def normal_figure(
    sample: NormalSample,
    zoom: bool = False,
    rule: bool = False,
    interval: IntervalProbability | None = None,
) -> go.Figure:
    """Density histogram of the draws, the exact PDF, and optional shading.

    ``rule`` shades the bands within 1, 2 and 3 σ; ``interval`` hatches the area
    ``a < x < b`` under the curve and colours the bars whose centre lies inside.
    (``zoom``, ``rule`` and ``interval`` may be passed by position, as
    ``ui.page.figure_of`` does.)
    """
    mu, sigma = sample.mu, sample.sigma
    x_range, y_range = axis_ranges(sample, zoom)
    xs = np.linspace(x_range[0], x_range[1], CURVE_POINTS)
    ys = normal_pdf(xs, mu, sigma)
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    if rule:
        _rule_bands(sample, shapes, annotations)
    traces = [_bars(sample, interval)]
    if interval is not None:
        traces.append(_area(xs, ys, interval))
        _interval_ends(interval, shapes, annotations)
    traces.append(
        {
            "type": "scatter",
            "x": xs,
            "y": ys,
            "mode": "lines",
            "name": "exact density f(x)",
            "line": {"color": style.TARGET, "width": 3.5},
            "hovertemplate": "x = %{x:.3g}<br>f(x) = %{y:.4g}<extra></extra>",
        }
    )
    mean = float(sample.mean)
    for x, name, colour, dash in (
        (mu, f"μ = {display_number(mu)}", style.TARGET, "dash"),
        (mean, f"sample mean x̄ = {display_number(mean, 3)}", style.CURRENT, "dot"),
    ):
        traces.append(
            {
                "type": "scatter",
                "x": [x, x],
                "y": [0.0, y_range[1]],
                "mode": "lines",
                "name": name,
                "line": {"color": colour, "width": 2, "dash": dash},
                "hovertemplate": f"{name}<extra></extra>",
            }
        )
    return build_figure(
        f"{sample.n:,} draws from N(μ = {display_number(mu)}, "
        f"σ = {display_number(sigma)}), seed {sample.seed}",
        "x",
        "density (share of draws per unit of x)",
        traces,
        x_range=x_range,
        y_range=y_range,
        shapes=shapes,
        annotations=annotations,
        bargap=0,
    )


def _rule_bands(
    sample: NormalSample,
    shapes: list[dict[str, Any]],
    annotations: list[dict[str, Any]],
) -> None:
    """Shade μ ± kσ for k = 3, 2, 1 (darkest nearest the mean) and label each band."""
    mu, sigma = sample.mu, sample.sigma
    for k in reversed(RULE_K):
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": mu - k * sigma,
                "x1": mu + k * sigma,
                "y0": 0,
                "y1": 1,
                "fillcolor": style.rgba(style.THIRD, RULE_ALPHA[k]),
                "line": {"width": 0},
                "layer": "below",
            }
        )
        annotations.append(
            {
                "x": mu + (k - 0.5) * sigma,
                "y": 1,
                "yref": "paper",
                "yanchor": "top",
                "text": f"{k}σ",
                "showarrow": False,
            }
        )


def _bars(sample: NormalSample, interval: IntervalProbability | None) -> dict[str, Any]:
    """The binned draws as density bars; with an interval, the bars inside stand out."""
    centres = sample.centres
    colours: str | list[str] = style.rgba(style.CURRENT, 0.5)
    if interval is not None:
        inside = (centres > interval.a) & (centres < interval.b)
        colours = [
            style.rgba(style.ACCENT, 0.6) if flag else style.rgba(style.CURRENT, 0.3)
            for flag in inside
        ]
    return {
        "type": "bar",
        "x": centres,
        "y": sample.density,
        "width": sample.width,
        "marker": {
            "color": colours,
            "line": {"color": "white", "width": 0.5 if len(centres) > 60 else 1},
        },
        "name": f"your draws ({len(centres)} bins)",
        "customdata": sample.counts,
        "hovertemplate": (
            "x ≈ %{x:.3g}: %{customdata:,} draws<br>density %{y:.3g}<extra></extra>"
        ),
    }


def _interval_ends(
    interval: IntervalProbability,
    shapes: list[dict[str, Any]],
    annotations: list[dict[str, Any]],
) -> None:
    """Dotted lines at a and b, each labelled with its value."""
    for edge, label, anchor in (
        (interval.a, "a", "right"),
        (interval.b, "b", "left"),
    ):
        shapes.append(vertical_line(edge, style.ACCENT, "dot"))
        annotations.append(
            {
                "x": edge,
                "y": 1,
                "yref": "paper",
                "yanchor": "top",
                "xanchor": anchor,
                "text": f" {label} = {display_number(edge)} ",
                "showarrow": False,
                "font": {"color": style.ACCENT},
            }
        )


def _area(
    xs: np.ndarray, ys: np.ndarray, interval: IntervalProbability
) -> dict[str, Any]:
    """The area under the curve between a and b, hatched so the bars show through."""
    low, high = interval.a, interval.b
    inner = (xs > low) & (xs < high)
    band_x = np.concatenate([[low], xs[inner], [high]])
    band_y = normal_pdf(band_x, interval.mu, interval.sigma)
    return {
        "type": "scatter",
        "x": np.concatenate([[low], band_x, [high]]),
        "y": np.concatenate([[0.0], band_y, [0.0]]),
        "fill": "toself",
        "mode": "lines",
        "line": {"width": 1.5, "color": style.ACCENT},
        "fillcolor": "rgba(0,0,0,0)",
        "fillpattern": {
            "shape": "/",
            "fgcolor": style.ACCENT,
            "bgcolor": "rgba(0,0,0,0)",
            "size": 10,
            "solidity": 0.35,
        },
        "name": (
            f"P({display_number(low)} < X < {display_number(high)}) = "
            f"{display_number(interval.probability)}"
        ),
        "hoverinfo": "skip",
    }
