"""What the Correlation figures share: colours, fixed ranges, points, the line.

Colours keep the page's meanings: points in ``CURRENT``; the least-squares line
(the best fit) in ``TARGET``; ``ACCENT`` for the point or cell under focus;
positive correlations / products in ``SECOND`` (orange) and negative ones in
``CURRENT`` (blue), as on the heatmap's diverging scale.

Column names may come from the learner (a pasted header): :func:`plain` writes
them as text, never as Plotly's HTML-like markup or hover template fields.
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np

from core.correlation import (
    CURVE_HALF_WIDTH,
    FEATURES,
    MAX_NOISE,
    OUTLIER_LIMIT,
    TARGET,
    PairStats,
)
from core.parsing import display_number
from viz import style

POSITIVE = style.SECOND
NEGATIVE = style.CURRENT
#: Diverging scale for correlations: −1 blue, 0 white, +1 orange (Okabe–Ito ends).
DIVERGING = [[0.0, NEGATIVE], [0.5, "#FFFFFF"], [1.0, POSITIVE]]

SAMPLE_X = (-4.0, 4.0)
SAMPLE_Y = (
    -4.0 * float(np.sqrt(1 + MAX_NOISE**2)),
    4.0 * float(np.sqrt(1 + MAX_NOISE**2)),
)
OUTLIER_RANGE = (-OUTLIER_LIMIT - 0.5, OUTLIER_LIMIT + 0.5)
CURVE_X = (-3.0 - CURVE_HALF_WIDTH - 0.3, 3.0 + CURVE_HALF_WIDTH + 0.3)
CURVE_Y = (-10.0, 46.0)
ANSCOMBE_X = (2.0, 20.0)
ANSCOMBE_Y = (2.0, 14.0)
GAME_RANGE = (-3.6, 3.6)
UNITS = dict((*FEATURES, TARGET))


def plain(name: str) -> str:
    """A learner's column name as text in a Plotly title or label (``<`` → ``&lt;``)."""
    return html.escape(name, quote=False)


def padded_range(values: np.ndarray, pad: float = 0.08) -> tuple[float, float]:
    """Data range with a margin (a constant list gets ±1 around its value)."""
    low, high = float(np.min(values)), float(np.max(values))
    if low == high:
        return low - 1.0, high + 1.0
    margin = (high - low) * pad
    return low - margin, high + margin


def line_trace(
    stats: PairStats,
    x_range: tuple[float, float],
    *,
    name: str | None = None,
    colour: str = style.TARGET,
    dash: str = "solid",
    **extra: Any,
) -> dict[str, Any] | None:
    """The least-squares line across ``x_range`` (None when x is constant)."""
    xs = np.array(x_range, dtype=float)
    ys = stats.fitted(xs)
    if ys is None or stats.slope is None or stats.intercept is None:
        return None
    label = name or (
        f"least-squares line ŷ = {display_number(stats.intercept)} + "
        f"{display_number(stats.slope)}·x"
    ).replace("+ −", "− ")
    return {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "lines",
        "name": label,
        "line": {"color": colour, "width": 3, "dash": dash},
        "hoverinfo": "skip",
        **extra,
    }


def points_trace(
    x: np.ndarray,
    y: np.ndarray,
    name: str,
    colour: str,
    hover: str | None,
    size: int = 10,
    **extra: Any,
) -> dict[str, Any]:
    """Markers at ``(x, y)``; ``hover`` is a hover template (None: no hover)."""
    trace: dict[str, Any] = {
        "type": "scatter",
        "x": x,
        "y": y,
        "mode": "markers",
        "name": name,
        "marker": {
            "color": colour,
            "size": size,
            "opacity": 0.85,
            "line": {"color": "white", "width": 1},
        },
        **extra,
    }
    if hover is None:
        trace["hoverinfo"] = "skip"
    else:
        trace["hovertemplate"] = hover
    return trace


def outlier_trace(outlier: tuple[float, float]) -> dict[str, Any]:
    """The outlier: a large diamond, labelled, named with its coordinates."""
    ox, oy = outlier
    return dict(
        type="scatter",
        x=[ox],
        y=[oy],
        mode="markers+text",
        name=f"outlier ({display_number(ox, 3)}, {display_number(oy, 3)})",
        marker={
            "color": style.ACCENT,
            "size": 20,
            "symbol": "diamond",
            "line": {"color": "white", "width": 2},
        },
        text=["outlier"],
        textposition="top center",
        textfont={"color": style.ACCENT, "size": 16},
        hovertemplate="outlier<br>x = %{x:.3g}<br>y = %{y:.3g}<extra></extra>",
    )
