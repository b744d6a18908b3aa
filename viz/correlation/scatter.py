"""Scatters with their least-squares line: typed data, a chosen ρ, an outlier, a curve."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.correlation import (
    CurveSample,
    GeneratedSample,
    OutlierStudy,
    PairStats,
    format_r,
)
from core.parsing import display_number
from viz import style
from viz.correlation.common import (
    CURVE_X,
    CURVE_Y,
    NEGATIVE,
    OUTLIER_RANGE,
    POSITIVE,
    SAMPLE_X,
    SAMPLE_Y,
    UNITS,
    line_trace,
    outlier_trace,
    padded_range,
    plain,
    points_trace,
)

#: Hover of a point: the names come in through ``meta`` (never read as a template).
_NAMED_HOVER = "%{meta[0]} = %{x:.4g}<br>%{meta[1]} = %{y:.4g}<extra></extra>"
_HOVER = "x = %{x:.3g}<br>y = %{y:.3g}<extra></extra>"


def _scatter_chart(
    stats: PairStats,
    *,
    title: str,
    x_range: tuple[float, float] | None = None,
    y_range: tuple[float, float] | None = None,
    quadrants: bool = False,
    height: int = style.HEIGHT,
    marker_size: int = 10,
) -> style.Chart:
    name_x, name_y = (plain(name) for name in stats.names)
    x_range = x_range or padded_range(stats.x)
    y_range = y_range or padded_range(stats.y)
    chart = style.Chart(title, name_x, name_y, height=height)
    named: dict[str, Any] = {"meta": [name_x, name_y]}
    if quadrants:
        _quadrants(chart, stats, x_range, y_range)
        product = stats.deviation_products()
        groups = (
            (product > 0, "pulls r up: (x − x̄)(y − ȳ) > 0", POSITIVE),
            (product < 0, "pulls r down: (x − x̄)(y − ȳ) < 0", NEGATIVE),
            (product == 0, "on a mean line: adds 0", style.NEUTRAL),
        )
        for mask, label, colour in groups:
            if np.any(mask):
                chart.traces.append(
                    points_trace(
                        stats.x[mask],
                        stats.y[mask],
                        label,
                        colour,
                        _NAMED_HOVER,
                        marker_size,
                        **named,
                    )
                )
    else:
        chart.traces.append(
            points_trace(
                stats.x,
                stats.y,
                f"{stats.n} points",
                style.CURRENT,
                _NAMED_HOVER,
                marker_size,
                **named,
            )
        )
    line = line_trace(stats, x_range)
    if line is not None:
        chart.traces.append(line)
    return chart.legend_below().ranges(x_range, y_range)


def scatter_figure(stats: PairStats, *, title: str, **options: Any) -> go.Figure:
    """Points and the least-squares line; ``quadrants=True`` shows r's quadrants.

    With ``quadrants`` the mean lines x̄, ȳ split the plane: a point whose
    deviations have the same sign (top right, bottom left) adds to
    ``Σ(x − x̄)(y − ȳ)`` and pulls r up (orange); the others pull it down (blue).
    """
    return _scatter_chart(stats, title=title, **options).figure()


def _quadrants(
    chart: style.Chart,
    stats: PairStats,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
) -> None:
    mx, my = stats.mean_x, stats.mean_y
    for x0, x1, y0, y1, colour in (
        (mx, x_range[1], my, y_range[1], POSITIVE),
        (x_range[0], mx, y_range[0], my, POSITIVE),
        (x_range[0], mx, my, y_range[1], NEGATIVE),
        (mx, x_range[1], y_range[0], my, NEGATIVE),
    ):
        chart.shapes.append(
            {
                "type": "rect",
                "x0": x0,
                "x1": x1,
                "y0": y0,
                "y1": y1,
                "fillcolor": style.rgba(colour, 0.08),
                "line": {"width": 0},
                "layer": "below",
            }
        )
    chart.guide(x=mx, y=my)
    note = {"showarrow": False, "font": {"color": style.NEUTRAL}}
    chart.note(
        **note,
        x=mx,
        y=y_range[1],
        text=f"x̄ = {display_number(mx)}",
        yanchor="top",
        xanchor="left",
        xshift=4,
    )
    chart.note(
        **note,
        x=x_range[1],
        y=my,
        text=f"ȳ = {display_number(my)}",
        yanchor="bottom",
        xanchor="right",
    )


def pairs_figure(stats: PairStats, quadrants: bool = False) -> go.Figure:
    """The learner's own data."""
    if stats.r is None:
        constant = " and ".join(plain(name) for name in stats.constant)
        title = f"r is undefined: {constant} constant"
    else:
        title = f"r = {format_r(stats.r)}"
    return scatter_figure(stats, title=title, quadrants=quadrants)


def sample_figure(sample: GeneratedSample, quadrants: bool = False) -> go.Figure:
    """Generated points on fixed axes, so moving ρ or the noise visibly moves them.

    The dotted population line ``y = ρ·x`` is where the least-squares line would
    settle with endless data (without noise).
    """
    r = sample.stats.r
    assert r is not None
    chart = _scatter_chart(
        sample.stats,
        title=f"Sample r = {format_r(r)}   (target ρ = {format_r(sample.rho, 2)})",
        x_range=SAMPLE_X,
        y_range=SAMPLE_Y,
        quadrants=quadrants,
        height=480,
        marker_size=9,
    )
    xs = np.array(SAMPLE_X)
    chart.add(
        x=xs,
        y=sample.rho * xs,
        mode="lines",
        name=f"population line y = ρ·x (ρ = {format_r(sample.rho, 2)})",
        line={"color": style.NEUTRAL, "width": 2, "dash": "dot"},
        hoverinfo="skip",
    )
    return chart.figure()


def outlier_figure(study: OutlierStudy) -> go.Figure:
    """The cloud, the movable outlier, and the line with and without it."""
    after, before = study.with_outlier.r, study.without.r
    assert after is not None
    assert before is not None
    chart = style.Chart(
        f"r = {format_r(after)} with the outlier ({format_r(before)} without)",
        "x",
        "y",
        height=520,
    )
    base = study.without
    chart.traces.append(
        points_trace(base.x, base.y, f"{base.n} points", style.CURRENT, _HOVER)
    )
    for stats, name, colour, dash in (
        (
            base,
            f"line without the outlier (r = {format_r(before)})",
            style.NEUTRAL,
            "dash",
        ),
        (
            study.with_outlier,
            f"line with it (r = {format_r(after)})",
            style.TARGET,
            "solid",
        ),
    ):
        line = line_trace(stats, OUTLIER_RANGE, name=name, colour=colour, dash=dash)
        if line is not None:
            chart.traces.append(line)
    chart.traces.append(outlier_trace(study.outlier))
    return chart.legend_below().ranges(OUTLIER_RANGE, OUTLIER_RANGE).figure()


def curve_figure(curve: CurveSample) -> go.Figure:
    """Points near y = x², the curve itself, and the (poor) least-squares line."""
    stats = curve.stats
    assert stats.r is not None
    chart = style.Chart(f"y = x²: r = {format_r(stats.r)}", "x", "y")
    xs = np.linspace(CURVE_X[0], CURVE_X[1], 121)
    chart.add(
        x=xs,
        y=xs**2,
        mode="lines",
        name="y = x² (the true relationship)",
        line={"color": style.NEUTRAL, "width": 2, "dash": "dot"},
        hoverinfo="skip",
    )
    chart.traces.append(
        points_trace(stats.x, stats.y, f"{stats.n} points", style.CURRENT, _HOVER)
    )
    line = line_trace(stats, CURVE_X)
    if line is not None:
        chart.traces.append(line)
    return chart.legend_below().ranges(CURVE_X, CURVE_Y).figure()


def pair_figure(stats: PairStats) -> go.Figure:
    """The two columns picked from the matrix, as a scatter with their line."""
    x_name, y_name = (plain(name) for name in stats.names)
    r = stats.r
    title = f"{y_name} vs {x_name}: r = {format_r(r, 2) if r is not None else '—'}"
    chart = _scatter_chart(stats, title=title, height=360, marker_size=7)
    x_unit, y_unit = (UNITS.get(name, "") for name in stats.names)
    x_title = f"{x_name} ({x_unit})" if x_unit else x_name  # a table's: no unit
    y_title = f"{y_name} ({y_unit})" if y_unit else y_name
    chart.layout["xaxis"]["title"] = {"text": x_title}
    chart.layout["yaxis"]["title"] = {"text": y_title}
    chart.layout["showlegend"] = False
    chart.layout["margin"] = {**chart.layout["margin"], "b": 55}
    return chart.figure()
