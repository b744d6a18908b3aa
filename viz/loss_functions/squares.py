"""The "Squared errors" figure: each residual as a segment and its square.

Squares are drawn with one unit on x as long as one unit on y (``constrain`` on
the domain, so the fixed ranges stay fixed): a square's area is then the
squared error it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.loss_functions import ResidualReport
from core.parsing import display_number
from viz import style
from viz.loss_functions.common import LossChart, segments, square_path, squares

#: How many squares get a printed area.
LABELLED_SQUARES = 12


@dataclass(frozen=True)
class SquaresLayout:
    """Where the squares chart puts each point, the mean square, and its axes."""

    positions: np.ndarray  # x of each point, shape (n,)
    mean_x: float  # left edge of the mean square
    mean_bottom: float  # bottom edge of the mean square (centred on the values)
    gap: float  # the smallest distance between neighbours
    x_range: tuple[float, float]
    y_range: tuple[float, float]


def residual_layout(report: ResidualReport) -> SquaresLayout:
    """Place the points so that no square reaches the next point.

    Each point is ``gap`` after the right edge of the previous square, where
    ``gap`` makes the chart roughly as wide as it is tall when residuals are small.
    """
    values = np.concatenate([report.y_true, report.y_pred])
    low, high = float(values.min()), float(values.max())
    side = np.abs(report.residuals)
    root = report.rmse  # the side of the mean square
    span = max(high - low, float(side.max()), root, 1.0)
    pad = 0.15 * span
    y_range = (low - pad, max(high, low + root) + pad)
    gap = max((y_range[1] - y_range[0]) / (report.n + 2), 0.5)
    steps = np.concatenate([[gap], side[:-1] + gap])
    positions = np.cumsum(steps)
    mean_x = float(positions[-1] + side[-1] + gap)
    mean_bottom = float(np.mean(values)) - root / 2
    x_range = (gap * 0.4, mean_x + root + gap * 0.6)
    return SquaresLayout(positions, mean_x, mean_bottom, gap, x_range, y_range)


def _points(report: ResidualReport, positions: np.ndarray) -> list[dict[str, Any]]:
    """The true values (targets) and the predictions, one marker each."""
    n = report.n
    custom = np.column_stack([np.arange(1, n + 1), report.residuals, report.squares])
    outline = {"color": "white", "width": 1.5}
    return [
        {
            "type": "scatter",
            "x": positions,
            "y": report.y_true,
            "mode": "markers",
            "name": "y_true (target)",
            "marker": {"color": style.TARGET, "size": 17, "line": outline},
            "customdata": custom,
            "hovertemplate": "point %{customdata[0]}<br>y_true = %{y:.6g}"
            "<br>residual %{customdata[1]:.6g}<br>squared %{customdata[2]:.6g}"
            "<extra></extra>",
        },
        {
            "type": "scatter",
            "x": positions,
            "y": report.y_pred,
            "mode": "markers",
            "name": "y_pred (prediction)",
            "marker": {
                "color": style.CURRENT,
                "size": 12,
                "symbol": "diamond",
                "line": outline,
            },
            "hovertemplate": "point %{x}<br>y_pred = %{y:.6g}<extra></extra>",
        },
    ]


def _label_areas(
    chart: LossChart, report: ResidualReport, layout: SquaresLayout
) -> None:
    """Print each square's area inside it, or beside it when it is too small."""
    side = np.abs(report.residuals)
    bottom = np.minimum(report.y_true, report.y_pred)
    for pos, low, s, sq in zip(
        layout.positions, bottom, side, report.squares, strict=True
    ):
        inside = s >= 0.6 * layout.gap  # room for the number inside the square
        chart.note(
            x=pos + s / 2 if inside else pos + s,
            y=low + s / 2,
            text=display_number(float(sq)),
            showarrow=False,
            xanchor="center" if inside else "left",
            xshift=0 if inside else 10,
            font={"color": style.CURRENT, "size": 15},
        )


def _mean_square(
    chart: LossChart, report: ResidualReport, layout: SquaresLayout
) -> None:
    """The dashed square whose area is the MSE (its side is the RMSE)."""
    root, left, bottom = report.rmse, layout.mean_x, layout.mean_bottom
    mx, my = square_path(
        np.array([left]), np.array([bottom]), np.array([root]), np.array([root])
    )
    chart.add(
        x=mx,
        y=my,
        mode="lines",
        fill="toself",
        fillcolor=style.rgba(style.SECOND, 0.25),
        line={"color": style.SECOND, "width": 3, "dash": "dash"},
        name=f"mean square: area MSE = {display_number(report.mse, 6)}",
        hoverinfo="skip",
    )
    chart.note(
        x=left + root / 2,
        y=bottom + root,
        yanchor="bottom",
        text=f"MSE = {display_number(report.mse)}",
        showarrow=False,
        font={"color": style.SECOND, "size": 15},
    )


def residual_squares_figure(report: ResidualReport) -> go.Figure:
    """True values, predictions, each residual as a segment and its square.

    The dashed square at the right has the mean area: its area is the MSE.
    """
    n = report.n
    layout = residual_layout(report)
    positions = layout.positions
    chart = LossChart(
        f"Squared errors: mean area = MSE = {display_number(report.mse, 6)}",
        "point i",
        "value",
        height=520,
    )
    side = np.abs(report.residuals)
    bottom = np.minimum(report.y_true, report.y_pred)
    chart.traces.append(
        squares(positions, bottom, side, "squared error (yᵢ − ŷᵢ)²", 0.35, 1.5)
    )
    chart.traces.append(
        segments(positions, report.y_true, report.y_pred, "residual yᵢ − ŷᵢ", 4)
    )
    chart.traces.extend(_points(report, positions))
    if n <= LABELLED_SQUARES:
        _label_areas(chart, report, layout)
    _mean_square(chart, report, layout)
    ticks = [*range(1, n + 1)] if n <= 20 else [*range(1, n + 1, max(n // 10, 1))]
    return chart.build(
        layout.x_range,
        layout.y_range,
        equal_units=True,
        tickvals=[float(positions[i - 1]) for i in ticks]
        + [layout.mean_x + report.rmse / 2],
        ticktext=[str(i) for i in ticks] + ["mean"],
        zeroline=False,
    )
