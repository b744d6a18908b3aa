"""Correlation scatters drawn for a live chart (``ui.live_chart``): scrub ρ, drag the outlier.

The pictures of :func:`viz.correlation.scatter.sample_figure` and
:func:`~viz.correlation.scatter.outlier_figure`, built so that a drag can swap
frames without a redraw: the same traces in the same order in every figure, the
title without numbers that change (the readout on the chart carries them), and
the points of a generated cloud as one trace whose colours (pulling r up or
down) are numbers on a colour scale, so a frame stays small. The outlier is the
handle a learner drags: trace ``uid="outlier"``. Returned as plain data
(``ui.live_frames.FigureData``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from core.correlation import GeneratedSample, OutlierStudy, format_r
from viz import style
from viz.correlation.common import (
    NEGATIVE,
    OUTLIER_RANGE,
    POSITIVE,
    SAMPLE_X,
    SAMPLE_Y,
    line_trace,
    outlier_trace,
    points_trace,
)

_HOVER = "x = %{x:.3g}<br>y = %{y:.3g}<extra></extra>"
#: Points coloured by the sign of (x − x̄)(y − ȳ): −1 blue, 0 grey, +1 orange.
SIGN_SCALE = [[0.0, NEGATIVE], [0.5, style.NEUTRAL], [1.0, POSITIVE]]
NONE: dict[str, Any] = {"x": [], "y": []}


def _figure(chart: style.Chart) -> dict[str, Any]:
    layout = dict(chart.layout)
    if chart.shapes:
        layout["shapes"] = chart.shapes
    return {"data": chart.traces, "layout": layout}


def _fit(stats: Any, x_range: tuple[float, float], **style_: Any) -> dict[str, Any]:
    """The least-squares line, or an empty trace of the same look."""
    line = line_trace(stats, x_range, **style_)
    if line is None:
        return {
            "type": "scatter",
            **NONE,
            "mode": "lines",
            "name": style_.get("name", "least-squares line"),
        }
    return line


def sample_live_data(sample: GeneratedSample, quadrants: bool) -> dict[str, Any]:
    """The cloud drawn with target ρ, its least-squares line and ``y = ρ·x``.

    With ``quadrants`` each point is coloured by the sign of its term of r and the
    mean lines x̄ and ȳ are drawn.
    """
    stats = sample.stats
    chart = style.Chart(
        f"{sample.n} points drawn with a target ρ (seed {sample.seed})",
        "x",
        "y",
        height=480,
    )
    points = points_trace(
        stats.x, stats.y, f"{stats.n} points", style.CURRENT, _HOVER, 9
    )
    points["uid"] = "points"
    if quadrants:
        points["marker"] = {
            **points["marker"],
            "color": np.sign(stats.deviation_products()),
            "colorscale": SIGN_SCALE,
            "cmin": -1,
            "cmax": 1,
        }
    chart.traces.append(points)
    fit = _fit(stats, SAMPLE_X)
    fit["uid"] = "fit"
    chart.traces.append(fit)
    xs = np.array(SAMPLE_X)
    chart.add(
        uid="population",
        x=xs,
        y=sample.rho * xs,
        mode="lines",
        name="population line y = ρ·x",
        line={"color": style.NEUTRAL, "width": 2, "dash": "dot"},
        hoverinfo="skip",
    )
    low, high = SAMPLE_Y
    means = {"x": [stats.mean_x, stats.mean_x], "y": [low, high]}
    chart.add(
        uid="mean-x",
        **(means if quadrants else NONE),
        mode="lines",
        name="x̄",
        showlegend=False,
        line={"color": style.NEUTRAL, "width": 1.5, "dash": "dash"},
        hoverinfo="skip",
    )
    chart.add(
        uid="mean-y",
        **({"x": list(SAMPLE_X), "y": [stats.mean_y] * 2} if quadrants else NONE),
        mode="lines",
        name="ȳ",
        showlegend=False,
        line={"color": style.NEUTRAL, "width": 1.5, "dash": "dash"},
        hoverinfo="skip",
    )
    for name, colour in (
        ("pulls r up: (x − x̄)(y − ȳ) > 0", POSITIVE),
        ("pulls r down: (x − x̄)(y − ȳ) < 0", NEGATIVE),
    ):
        chart.add(  # legend entries only: the points carry the colours
            x=[None],
            y=[None],
            mode="markers",
            name=name,
            visible=quadrants,
            marker={"color": colour, "size": 9},
            hoverinfo="skip",
        )
    return _figure(chart.legend_below().ranges(SAMPLE_X, SAMPLE_Y))


def outlier_live_data(study: OutlierStudy) -> dict[str, Any]:
    """The cloud, the line without the outlier, and the line and outlier that move."""
    base = study.without
    chart = style.Chart(
        "One point pulls the line: drag the outlier", "x", "y", height=520
    )
    chart.traces.append(
        points_trace(base.x, base.y, f"{base.n} points", style.CURRENT, _HOVER)
    )
    before = _fit(
        base,
        OUTLIER_RANGE,
        name=f"line without the outlier (r = {format_r(base.r or 0.0)})",
        colour=style.NEUTRAL,
        dash="dash",
    )
    after = _fit(study.with_outlier, OUTLIER_RANGE, name="line with the outlier")
    after["uid"] = "fit"
    chart.traces += [before, after]
    chart.traces.append({**outlier_trace(study.outlier), "uid": "outlier"})
    return _figure(chart.legend_below().ranges(OUTLIER_RANGE, OUTLIER_RANGE))
