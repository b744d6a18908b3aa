"""Figures for the Sampling page: running means on a log axis; histograms of means."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.normal_distribution import normal_pdf
from core.parsing import display_number
from core.sampling import MeansOfK, RunningMeans, Source
from viz import style
from viz.normal_distribution import build_figure

CURVE_POINTS = 301
PATH_COLOURS = (style.CURRENT, style.SECOND, style.THIRD, style.ACCENT, style.SKY)


def lln_range(source: Source) -> tuple[float, float]:
    """Fixed y range for running means: μ ± 2.5σ inside the source's own range."""
    return (
        max(source.low, source.mean - 2.5 * source.std),
        min(source.high, source.mean + 2.5 * source.std),
    )


def lln_figure(result: RunningMeans) -> go.Figure:
    """Running means against the number of draws (log axis), μ and the ±σ/√n bands."""
    src = result.source
    mu = src.mean
    steps = result.steps.astype(float)
    band = result.envelope
    traces: list[dict[str, Any]] = []
    for width, alpha, label in ((2.0, 0.12, "μ ± 2σ/√n"), (1.0, 0.28, "μ ± σ/√n")):
        traces.append(
            {
                "type": "scatter",
                "x": np.concatenate([steps, steps[::-1]]),
                "y": np.concatenate([mu + width * band, (mu - width * band)[::-1]]),
                "fill": "toself",
                "mode": "lines",
                "line": {"width": 0},
                "fillcolor": style.rgba(style.NEUTRAL, alpha),
                "name": label,
                "hoverinfo": "skip",
            }
        )
    traces.append(
        {
            "type": "scatter",
            "x": [1, result.n],
            "y": [mu, mu],
            "mode": "lines",
            "name": f"true mean μ = {display_number(mu)}",
            "line": {"color": style.TARGET, "width": 3, "dash": "dash"},
            "hoverinfo": "skip",
        }
    )
    for index, path in enumerate(result.paths):
        traces.append(
            {
                "type": "scatter",
                "x": steps,
                "y": path,
                "mode": "lines",
                "name": f"run {index + 1}" if result.runs > 1 else "running mean",
                "line": {
                    "color": PATH_COLOURS[index % len(PATH_COLOURS)],
                    "width": 2.5,
                },
                "opacity": 1.0 if index == 0 else 0.8,
                "showlegend": index < len(PATH_COLOURS),
                "hovertemplate": "n = %{x:,}<br>mean %{y:.4g}<extra></extra>",
            }
        )
    plural = "s" if result.runs > 1 else ""
    return build_figure(
        f"Running mean of {result.n:,} draws ({result.runs} run{plural}), seed {result.seed}",
        "number of draws n (log scale)",
        "running mean",
        traces,
        x_range=(0.0, math.log10(result.n)),
        y_range=lln_range(src),
        x_axis={"type": "log"},
    )


def clt_ranges(
    result: MeansOfK, zoom: bool = False
) -> tuple[tuple[float, float], tuple[float, float]]:
    """x: the source's own range (or μ ± 4.5σ/√k zoomed); y: the curve and the bars."""
    src = result.source
    sd = result.predicted_std
    x_range = (
        (src.mean - 4.5 * sd, src.mean + 4.5 * sd) if zoom else (src.low, src.high)
    )
    peak = float(normal_pdf(src.mean, src.mean, sd))
    top = max(peak, float(result.density.max()) if result.counts.size else 0.0)
    return x_range, (0.0, 1.15 * top)


def clt_figure(result: MeansOfK, zoom: bool = False) -> go.Figure:
    """Histogram of the means against the normal curve the CLT predicts."""
    src, k = result.source, result.k
    x_range, y_range = clt_ranges(result, zoom)
    edges = result.edges
    centres = (edges[:-1] + edges[1:]) / 2
    xs = np.linspace(x_range[0], x_range[1], CURVE_POINTS)
    traces: list[dict[str, Any]] = [
        {
            "type": "bar",
            "x": centres,
            "y": result.density,
            "width": np.diff(edges),
            "marker": {
                "color": style.rgba(style.CURRENT, 0.55),
                "line": {"color": "white", "width": 0.5 if centres.size > 60 else 1},
            },
            "name": f"your {result.repeats:,} means" if k > 1 else "your draws",
            "customdata": result.counts,
            "hovertemplate": "%{x:.4g}: %{customdata:,}<extra></extra>",
        },
        {
            "type": "scatter",
            "x": xs,
            "y": normal_pdf(xs, src.mean, result.predicted_std),
            "mode": "lines",
            "name": f"CLT: N({display_number(src.mean)}, {display_number(result.predicted_std, 3)}²)",
            "line": {"color": style.TARGET, "width": 3.5},
            "hovertemplate": "x = %{x:.3g}<br>f(x) = %{y:.4g}<extra></extra>",
        },
        {
            "type": "scatter",
            "x": [src.mean, src.mean],
            "y": list(y_range),
            "mode": "lines",
            "name": f"μ = {display_number(src.mean)}",
            "line": {"color": style.TARGET, "width": 1.5, "dash": "dash"},
            "hoverinfo": "skip",
        },
    ]
    what = "single draws" if k == 1 else f"means of k = {k} draws"
    return build_figure(
        f"{result.repeats:,} {what}: histogram vs the predicted normal",
        "value of the mean" if k > 1 else "value of the draw",
        "density",
        traces,
        x_range=x_range,
        y_range=y_range,
        bargap=0,
    )
