"""The "MSE vs MAE vs Huber" figures: the loss of one residual, and the best lines."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.equations import line_values
from core.loss_functions import RESIDUAL_RANGE, LossComparison, LossCurves, loss_curves
from core.parsing import display_number
from viz import style
from viz.loss_functions.common import (
    LOSS_COLOURS,
    LOSS_LABELS,
    SEEDED_X_RANGE,
    LossChart,
    data_ranges,
)

#: The residual axis of the "loss of one residual" chart (the outlier slider's range).
R_RANGE = RESIDUAL_RANGE
LOSS_AXIS = (0.0, 14.0)
#: The y axis of the outlier chart for the generated data (the outlier's whole range).
SEEDED_OUTLIER_Y_RANGE = (-10.0, 22.0)
#: The curves drawn, in order: loss → legend label (Huber's gets its δ).
CURVE_LABELS = {"mse": "MSE: r²", "mae": "MAE and RMSE: |r|", "huber": "Huber"}


def _label_side(key: str, residual: float) -> str:
    """Labels of the three markers on different sides, so they never overlap."""
    outside = "middle right" if residual > 0 else "middle left"
    inside = "middle left" if residual > 0 else "middle right"
    return {"mse": inside, "mae": inside, "huber": outside}[key]


def _marked(residual: float, marked: dict[str, float]) -> dict[str, Any]:
    """The three losses of the outlier's residual; a value above the chart says ↑."""
    keys = list(CURVE_LABELS)
    losses = [marked[key] for key in keys]
    shown = [min(value, LOSS_AXIS[1] * 0.97) for value in losses]
    colours = [LOSS_COLOURS[key] for key in keys]
    above = [value > top for value, top in zip(losses, shown, strict=True)]
    return {
        "type": "scatter",
        "x": [residual] * 3,
        "y": shown,
        "mode": "markers+text",
        "marker": {
            "color": colours,
            "size": 13,
            "symbol": ["triangle-up" if up else "circle" for up in above],
            "line": {"color": "white", "width": 1.5},
        },
        "text": [
            f"{display_number(v)}{' ↑' if up else ''}"
            for v, up in zip(losses, above, strict=True)
        ],
        "textposition": [_label_side(key, residual) for key in keys],
        "textfont": {"color": colours, "size": 15},
        "name": f"outlier's residual r = {display_number(residual)}",
        "showlegend": False,
        "hoverinfo": "skip",
    }


def _huber_band(chart: LossChart, delta: float) -> None:
    """The band |r| ≤ δ where Huber is a parabola."""
    chart.shapes.append(
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": -delta,
            "x1": delta,
            "y0": 0,
            "y1": 1,
            "fillcolor": style.rgba(style.THIRD, 0.08),
            "line": {"width": 0},
            "layer": "below",
        }
    )
    chart.note(
        x=-delta,
        y=0,
        yref="paper",
        xanchor="left",
        yanchor="bottom",
        text="|r| ≤ δ",
        showarrow=False,
        font={"color": style.THIRD},
    )


def curves_figure(curves: LossCurves) -> go.Figure:
    """The loss of one residual r: r² (parabola), |r| (V) and Huber_δ, with a marked r."""
    chart = LossChart(
        "Loss of one residual r = y − ŷ", "residual r", "loss", height=460
    )
    labels = {**CURVE_LABELS, "huber": f"Huber, δ = {display_number(curves.delta)}"}
    for key, label in labels.items():
        chart.add(
            x=curves.r,
            y=curves.values[key],
            mode="lines",
            line={
                "color": LOSS_COLOURS[key],
                "width": 4,
                "dash": "dot" if key == "huber" else "solid",
            },
            name=label,
            hovertemplate="r = %{x:.3g}<br>loss %{y:.4g}<extra></extra>",
        )
    _huber_band(chart, curves.delta)
    if curves.residual is not None and curves.marked is not None:
        chart.traces.append(_marked(curves.residual, curves.marked))
        chart.shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": curves.residual,
                "x1": curves.residual,
                "y0": 0,
                "y1": 1,
                "line": {"color": style.ACCENT, "width": 1.5, "dash": "dash"},
            }
        )
    return chart.build(R_RANGE, LOSS_AXIS)


def loss_curves_figure(delta: float, residual: float | None = None) -> go.Figure:
    """:func:`curves_figure` of :func:`core.loss_functions.loss_curves`."""
    return curves_figure(loss_curves(delta, residual))


def comparison_ranges(
    comparison: LossComparison,
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Data axes for the outlier chart.

    Fixed for the generated data (wide enough for the outlier's whole slider
    range at the default x); for typed data, the data and the outlier, padded.
    """
    if comparison.data.source == "seeded":
        return SEEDED_X_RANGE, SEEDED_OUTLIER_Y_RANGE
    return data_ranges(comparison.x_all, comparison.y_all, seeded=False)


def _best_lines(comparison: LossComparison, xs: np.ndarray) -> list[dict[str, Any]]:
    """Each loss's best line: dotted before the outlier, solid after it."""
    traces = []
    for key in ("mse", "huber", "mae"):
        colour, label = LOSS_COLOURS[key], LOSS_LABELS[key]
        line = {"type": "scatter", "x": xs, "mode": "lines", "legendgroup": key}
        if comparison.outlier is not None:
            w0, b0 = comparison.lines_clean[key]
            traces.append(
                {
                    **line,
                    "y": line_values(w0, b0, xs),
                    "line": {"color": colour, "width": 2, "dash": "dot"},
                    "name": f"{label} before",
                    "showlegend": False,
                    "hovertemplate": f"{label} before the outlier: "
                    f"y = {display_number(w0)}·x + {display_number(b0)}<extra></extra>",
                }
            )
        w1, b1 = comparison.lines_outlier[key]
        traces.append(
            {
                **line,
                "y": line_values(w1, b1, xs),
                "line": {"color": colour, "width": 4},
                "name": label,
                "hovertemplate": f"{label}: y = {display_number(w1)}·x + "
                f"{display_number(b1)}<extra></extra>",
            }
        )
    return traces


def outlier_figure(
    comparison: LossComparison,
    *,
    x_range: tuple[float, float] | None = None,
    y_range: tuple[float, float] | None = None,
) -> go.Figure:
    """The data, the outlier, and each loss's best line: dotted before, solid after.

    The axes default to :func:`comparison_ranges`.
    """
    default_x, default_y = comparison_ranges(comparison)
    x_range, y_range = x_range or default_x, y_range or default_y
    chart = LossChart("Best-fit line of each loss", "x", "y", height=460)
    chart.traces.extend(_best_lines(comparison, np.array(x_range)))
    if comparison.outlier is not None:
        chart.add(
            x=[None],
            y=[None],
            mode="lines",
            line={"color": style.NEUTRAL, "width": 2, "dash": "dot"},
            name="dotted: before the outlier",
        )
    data = comparison.data
    chart.add(
        x=data.x,
        y=data.y,
        mode="markers",
        marker={"color": style.INK, "size": 9, "line": {"color": "white", "width": 1}},
        name="data",
        hovertemplate="x = %{x:.4g}, y = %{y:.4g}<extra></extra>",
    )
    if comparison.outlier is not None:
        ox, oy = comparison.outlier
        chart.add(
            x=[ox],
            y=[oy],
            mode="markers",
            marker={
                "color": style.ACCENT,
                "size": 16,
                "symbol": "x",
                "line": {"color": "white", "width": 1},
            },
            name=f"outlier ({display_number(ox)}, {display_number(oy)})",
            hovertemplate="outlier<br>x = %{x:.4g}, y = %{y:.4g}<extra></extra>",
        )
    return chart.build(x_range, y_range)
