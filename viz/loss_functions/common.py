"""What the Loss-functions figures share: the chart frame, squares, colours, ranges."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from viz import style

#: Axes of the generated data set (x on [0.5, 9.5], y near 0.6·x + 2).
SEEDED_X_RANGE = (0.0, 12.0)
SEEDED_Y_RANGE = (-1.0, 12.0)

LOSS_COLOURS = {"mse": style.CURRENT, "mae": style.SECOND, "huber": style.THIRD}
LOSS_LABELS = {
    "mse": "MSE (and RMSE)",
    "mae": "MAE",
    "huber": "Huber",
}


class LossChart(style.Chart):
    """``style.Chart`` with this page's legend band under the plot."""

    def __init__(self, title: str, x_title: str, y_title: str, *, height: int) -> None:
        super().__init__(title, x_title, y_title, height=height)
        self.layout["legend"] = {
            **self.layout["legend"],
            "y": -0.28,
            "yanchor": "top",
            "x": 0,
            "xanchor": "left",
        }
        self.layout["margin"] = {**self.layout["margin"], "b": 30}

    def build(
        self,
        x_range: tuple[float, float],
        y_range: tuple[float, float],
        *,
        equal_units: bool = False,
        **axis: Any,
    ) -> go.Figure:
        """The figure with pinned ranges (and one unit of x = one unit of y)."""
        self.ranges(x_range, y_range, equal_units=equal_units)
        self.layout["xaxis"].update(axis)
        return self.figure()


def square_path(
    left: np.ndarray, bottom: np.ndarray, width: np.ndarray, height: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Closed outlines of rectangles, separated by NaN gaps (one trace for all)."""
    k = left.size
    xs = np.full((k, 6), np.nan)
    ys = np.full((k, 6), np.nan)
    right, top = left + width, bottom + height
    xs[:, :5] = np.column_stack([left, right, right, left, left])
    ys[:, :5] = np.column_stack([bottom, bottom, top, top, bottom])
    return xs.ravel(), ys.ravel()


def squares(
    left: np.ndarray,
    bottom: np.ndarray,
    side: np.ndarray,
    name: str,
    alpha: float,
    width: float,
) -> dict[str, Any]:
    """One filled trace of squares with sides ``side``: the squared residuals."""
    sx, sy = square_path(left, bottom, side, side)
    return {
        "type": "scatter",
        "x": sx,
        "y": sy,
        "mode": "lines",
        "fill": "toself",
        "fillcolor": style.rgba(style.SKY, alpha),
        "line": {"color": style.CURRENT, "width": width},
        "name": name,
        "hoverinfo": "skip",
    }


def segments(
    x: np.ndarray, top: np.ndarray, bottom: np.ndarray, name: str, width: float
) -> dict[str, Any]:
    """Vertical segments from ``top`` to ``bottom`` at each ``x``: the residuals."""
    gaps = np.full(x.size, np.nan)
    return {
        "type": "scatter",
        "x": np.column_stack([x, x, gaps]).ravel(),
        "y": np.column_stack([top, bottom, gaps]).ravel(),
        "mode": "lines",
        "line": {"color": style.ACCENT, "width": width},
        "name": name,
        "hoverinfo": "skip",
    }


def data_ranges(
    x: np.ndarray, y: np.ndarray, seeded: bool
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Axis ranges of the data charts: fixed for the generated data, else from the data."""
    if seeded:
        return SEEDED_X_RANGE, SEEDED_Y_RANGE
    x_lo, x_hi = float(x.min()), float(x.max())
    y_lo, y_hi = float(y.min()), float(y.max())
    x_pad = 0.15 * max(x_hi - x_lo, 1e-9)
    y_pad = 0.3 * max(y_hi - y_lo, x_hi - x_lo, 1e-9)
    return (x_lo - x_pad, x_hi + x_pad), (y_lo - y_pad, y_hi + y_pad)
