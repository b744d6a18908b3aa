"""``P(a < X < b)`` drawn for a live chart (``ui.live_chart``): scrub μ and σ, drag a and b.

The picture of :func:`viz.normal_distribution.normal_figure` with an interval,
built so that a drag can swap frames without a redraw: every figure has the same
traces in the same order (an empty trace when there is nothing to show), the bars
are one filled outline (and the bars inside the interval a second one) rather
than a bar trace, the guides at μ, x̄, a and b are line traces rather than layout
shapes, and their words are text on those traces. The ends a and b are the
handles a learner drags: traces ``uid="a"`` and ``uid="b"``, last point (on the
x axis). Returned as plain data (``ui.live_frames.FigureData``): a frame is
cheap to draw.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

from core.normal_distribution import IntervalProbability, NormalSample, normal_pdf
from core.parsing import display_number
from viz import style
from viz.normal_distribution import build_figure

#: The bell curve's points, in units of σ from μ: every σ/8 out to ±5σ (where the
#: density is below 1.5e-6/σ, flat to the eye), then straight to the axis' ends.
#: Within ±5σ they are σ/8 ≤ 0.25 apart and the line between them strays at most
#: (σ/8)²/8 · f″(μ) ≤ 0.002 from the true curve (σ = 0.5): under a pixel of the
#: 0 … 0.9 axis. A frame sends half the numbers of one point every 0.1 across the
#: whole axis.
CURVE_T = np.linspace(-5.0, 5.0, 81)
NONE: dict[str, Any] = {"x": [], "y": []}


def _steps(edges: np.ndarray, heights: np.ndarray) -> dict[str, np.ndarray]:
    """Bars of ``heights`` on ``edges`` as one closed outline (empty when no bars)."""
    if heights.size == 0:
        return {"x": np.array([]), "y": np.array([])}
    return {
        "x": np.repeat(edges, 2),
        "y": np.concatenate([[0.0], np.repeat(heights, 2), [0.0]]),
    }


class _Sample:
    """A sample that hashes by its key: the bars of one sample are drawn once."""

    def __init__(self, sample: NormalSample) -> None:
        self.sample = sample

    def __hash__(self) -> int:
        return hash(self.sample.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Sample) and other.sample.key == self.sample.key


@functools.lru_cache(maxsize=128)
def _outline(held: _Sample) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """All the bars as one outline, and the bars' centres (read, never changed)."""
    sample = held.sample
    whole = _steps(sample.edges, sample.density)
    centres = sample.centres
    for array in (*whole.values(), centres):
        array.flags.writeable = False
    return whole, centres


def _bars(sample: NormalSample, a: float, b: float) -> list[dict[str, Any]]:
    """All the bars, and on top the bars whose centre lies between a and b.

    The bars picked out are a stretch of the whole outline (points ``2·first``
    to ``2·last + 3``) with its two ends brought down to the axis.
    """
    whole, centres = _outline(_Sample(sample))
    inside = np.flatnonzero((centres > a) & (centres < b))
    picked: dict[str, Any] = {"x": whole["x"][:0], "y": whole["y"][:0]}
    if inside.size:
        stretch = slice(2 * int(inside[0]), 2 * int(inside[-1]) + 4)
        ys = whole["y"][stretch].copy()
        ys[0] = ys[-1] = 0.0
        picked = {"x": whole["x"][stretch], "y": ys}
    outline = {"width": 1, "color": style.rgba(style.CURRENT, 0.6)}
    return [
        {
            "type": "scatter",
            "uid": "bars",
            **whole,
            "mode": "lines",
            "fill": "toself",
            "fillcolor": style.rgba(style.CURRENT, 0.3),
            "line": outline,
            "name": f"your draws ({sample.counts.size} bins)",
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "uid": "inside",
            **picked,
            "mode": "lines",
            "fill": "toself",
            "fillcolor": style.rgba(style.ACCENT, 0.6),
            "line": {"width": 1, "color": style.ACCENT},
            "name": "bars inside (a, b)",
            "hoverinfo": "skip",
        },
    ]


@functools.lru_cache(maxsize=256)
def _curve(
    mu: float, sigma: float, x_range: tuple[float, float]
) -> tuple[np.ndarray, np.ndarray]:
    """The bell curve's points (``CURVE_T``, and the axis' ends when they lie beyond)."""
    xs = mu + sigma * CURVE_T
    left = [x_range[0]] if x_range[0] < xs[0] else []
    right = [x_range[1]] if x_range[1] > xs[-1] else []
    xs = np.concatenate([left, xs, right])
    ys = normal_pdf(xs, mu, sigma)
    for array in (xs, ys):
        array.flags.writeable = False
    return xs, ys


def _area(
    curve: tuple[np.ndarray, np.ndarray],
    interval: IntervalProbability | None,
    a: float,
    b: float,
) -> dict[str, Any]:
    """The area under the curve between a and b, hatched (empty unless a < b)."""
    shape: dict[str, Any] = dict(NONE)
    name = "P(a < X < b): needs a < b"
    if interval is not None:
        xs, ys = curve
        inside = (xs > a) & (xs < b)
        ends = normal_pdf(np.array([a, b]), interval.mu, interval.sigma)
        shape = {
            "x": np.concatenate([[a, a], xs[inside], [b, b]]),
            "y": np.concatenate([[0.0, ends[0]], ys[inside], [ends[1], 0.0]]),
        }
        name = (
            f"P({display_number(a)} < X < {display_number(b)}) = "
            f"{display_number(interval.probability)}"
        )
    return {
        "type": "scatter",
        "uid": "area",
        **shape,
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
        "name": name,
        "hoverinfo": "skip",
    }


def _guide(uid: str, x: float, top: float, name: str, **line: Any) -> dict[str, Any]:
    return {
        "type": "scatter",
        "uid": uid,
        "x": [x, x],
        "y": [0.0, top],
        "mode": "lines",
        "name": name,
        "line": {"width": 2, **line},
        "hoverinfo": "skip",
    }


def _end(uid: str, x: float, top: float, side: str) -> dict[str, Any]:
    """The dotted line at an end of the interval, its label at the top, and its
    handle at the foot (the last point, on the x axis)."""
    return {
        "type": "scatter",
        "uid": uid,
        "x": [x, x],
        "y": [0.92 * top, 0.0],
        "mode": "lines+text",
        "text": [f" {uid} = {display_number(x)} ", ""],
        "textposition": f"middle {side}",
        "textfont": {"color": style.ACCENT, "size": 16},
        "line": {"color": style.ACCENT, "width": 2, "dash": "dot"},
        "name": f"end {uid}",
        "showlegend": False,
        "hoverinfo": "skip",
    }


def interval_live_data(
    sample: NormalSample,
    interval: IntervalProbability | None,
    a: float,
    b: float,
    ranges: tuple[tuple[float, float], tuple[float, float]],
) -> dict[str, Any]:
    """Bars, bell curve, the area between a and b, the guides at μ, x̄, a and b.

    ``interval`` is None when a and b make no interval (a ≥ b): no area, no bars
    picked out. ``ranges`` are the fixed axes ``(x_range, y_range)``.
    """
    x_range, y_range = ranges
    top = y_range[1]
    mu, mean = sample.mu, float(sample.mean)
    curve = _curve(mu, sample.sigma, x_range)
    data = [
        *_bars(sample, a, b),  # none picked out when a ≥ b
        _area(curve, interval, a, b),
        {
            "type": "scatter",
            "uid": "curve",
            "x": curve[0],
            "y": curve[1],
            "mode": "lines",
            "name": "exact density f(x)",
            "line": {"color": style.TARGET, "width": 3.5},
            "hovertemplate": "x = %{x:.3g}<br>f(x) = %{y:.4g}<extra></extra>",
        },
        _guide("mu", mu, top, "μ", color=style.TARGET, dash="dash"),
        _guide("mean", mean, top, "sample mean x̄", color=style.CURRENT, dash="dot"),
        _end("a", a, top, "left"),
        _end("b", b, top, "right"),
    ]
    title = f"{sample.n:,} draws from N(μ, σ²), seed {sample.seed}"
    return {"data": data, "layout": _layout(title, x_range, y_range)}


@functools.lru_cache(maxsize=64)
def _layout(
    title: str, x_range: tuple[float, float], y_range: tuple[float, float]
) -> dict[str, Any]:
    """The page's layout for these axes (built once; read, never changed)."""
    x_title, y_title = "x", "density (share of draws per unit of x)"
    fig = build_figure(title, x_title, y_title, [], x_range=x_range, y_range=y_range)
    return dict(fig.layout.to_plotly_json())
