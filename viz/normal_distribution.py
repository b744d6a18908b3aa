"""Figures for the Normal distribution page: binned draws against the exact bell curve.

The figure holds ``bins`` bars and a few hundred curve points whatever the sample
size, so its JSON does not grow with ``n``.
"""

from __future__ import annotations

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
from core.parsing import format_number
from viz import style

CURVE_POINTS = 301
#: Fill for the bands within 1, 2 and 3 σ (darkest nearest the mean).
RULE_ALPHA = {1: 0.45, 2: 0.28, 3: 0.14}


def _num(value: float, digits: int = 4) -> str:
    return format_number(value, digits).replace("-", "−")


def axis_ranges(
    sample: NormalSample, zoom: bool = False
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Fixed axes (from the limits of μ and σ), or μ ± 4σ when the learner zooms."""
    if zoom:
        half = (BIN_SPAN + 0.5) * sample.sigma
        peak = float(normal_pdf(sample.mu, sample.mu, sample.sigma))
        return (sample.mu - half, sample.mu + half), (0.0, 1.3 * peak)
    return X_RANGE, (0.0, Y_MAX)


def normal_figure(
    sample: NormalSample,
    *,
    zoom: bool = False,
    rule: bool = False,
    interval: IntervalProbability | None = None,
) -> go.Figure:
    """Density histogram of the draws, the exact PDF, and optional shading.

    ``rule`` shades the bands within 1, 2 and 3 σ; ``interval`` shades
    ``a < x < b`` and colours the bars whose centre lies inside.
    """
    mu, sigma = sample.mu, sample.sigma
    x_range, y_range = axis_ranges(sample, zoom)
    fig = style.new_figure(
        f"{sample.n:,} draws from N(μ = {_num(mu)}, σ = {_num(sigma)}), seed {sample.seed}",
        "x",
        "density (share of draws per unit of x)",
    )
    xs = np.linspace(x_range[0], x_range[1], CURVE_POINTS)
    ys = normal_pdf(xs, mu, sigma)
    if rule:
        for k in reversed(RULE_K):
            fig.add_vrect(
                x0=mu - k * sigma,
                x1=mu + k * sigma,
                fillcolor=style.rgba(style.THIRD, RULE_ALPHA[k]),
                line_width=0,
                layer="below",
            )
            fig.add_annotation(
                x=mu + (k - 0.5) * sigma,
                y=y_range[1],
                yanchor="top",
                text=f"{k}σ",
                showarrow=False,
                font={"color": style.INK},
            )
    centres = sample.centres
    colours: str | list[str] = style.rgba(style.CURRENT, 0.5)
    if interval is not None:
        inside = (centres > interval.a) & (centres < interval.b)
        colours = [
            style.rgba(style.ACCENT, 0.6) if flag else style.rgba(style.CURRENT, 0.3)
            for flag in inside
        ]
    fig.add_trace(
        go.Bar(
            x=centres,
            y=sample.density,
            width=sample.width,
            marker={
                "color": colours,
                "line": {"color": "white", "width": 0.5 if len(centres) > 60 else 1},
            },
            name=f"your draws ({len(centres)} bins)",
            customdata=sample.counts,
            hovertemplate=(
                "x ≈ %{x:.3g}: %{customdata:,} draws<br>density %{y:.3g}<extra></extra>"
            ),
        )
    )
    if interval is not None:
        _shade(
            fig,
            xs,
            ys,
            interval.a,
            interval.b,
            name=f"P(a < X < b) = {_num(interval.probability)}",
            fillcolor="rgba(0,0,0,0)",
            pattern=style.ACCENT,
        )
        for edge, label, where in (
            (interval.a, "a", "top left"),
            (interval.b, "b", "top right"),
        ):
            fig.add_vline(
                x=edge,
                line={"color": style.ACCENT, "width": 2, "dash": "dot"},
                annotation={
                    "text": f"{label} = {_num(edge)}",
                    "font": {"color": style.ACCENT},
                },
                annotation_position=where,
            )
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            name="exact density f(x)",
            line={"color": style.TARGET, "width": 3.5},
            hovertemplate="x = %{x:.3g}<br>f(x) = %{y:.4g}<extra></extra>",
        )
    )
    for x, name, colour, dash in (
        (mu, f"μ = {_num(mu)}", style.TARGET, "dash"),
        (
            float(sample.mean),
            f"sample mean x̄ = {_num(float(sample.mean), 3)}",
            style.CURRENT,
            "dot",
        ),
    ):
        fig.add_trace(
            go.Scatter(
                x=[x, x],
                y=[0.0, y_range[1]],
                mode="lines",
                name=name,
                line={"color": colour, "width": 2, "dash": dash},
                hovertemplate=f"{name}<extra></extra>",
            )
        )
    fig.update_layout(bargap=0)
    legend_below(fig)
    return style.fix_range(fig, x=x_range, y=y_range)


def _shade(
    fig: go.Figure,
    xs: np.ndarray,
    ys: np.ndarray,
    low: float,
    high: float,
    *,
    name: str,
    fillcolor: str,
    pattern: str | None = None,
) -> None:
    """Fill under the curve between ``low`` and ``high`` (ends interpolated)."""
    inner = (xs > low) & (xs < high)
    band_x = np.concatenate([[low], xs[inner], [high]])
    band_y = np.interp(band_x, xs, ys)
    extra = {}
    if pattern is not None:
        extra["fillpattern"] = {
            "shape": "/",
            "fgcolor": pattern,
            "bgcolor": "rgba(0,0,0,0)",
            "size": 10,
            "solidity": 0.35,
        }
    fig.add_trace(
        go.Scatter(
            x=np.concatenate([[low], band_x, [high]]),
            y=np.concatenate([[0.0], band_y, [0.0]]),
            fill="toself",
            mode="lines",
            line={"width": 1.5 if pattern else 0, "color": pattern or fillcolor},
            fillcolor=fillcolor,
            name=name,
            hoverinfo="skip",
            **extra,
        )
    )


def legend_below(fig: go.Figure) -> None:
    """Legend under the x axis: long names on a narrow chart would cover the title."""
    fig.update_layout(
        legend={
            "yref": "container",
            "y": 0.0,
            "yanchor": "bottom",
            "x": 0.5,
            "xanchor": "center",
        },
        margin={"b": 115},
        height=style.HEIGHT + 50,
    )
