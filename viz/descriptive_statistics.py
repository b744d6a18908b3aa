"""Figures for the Mean, variance & std page: deviations, their squares, mean vs median."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.descriptive_statistics import DataSummary, MoveOneValue, view_range
from core.parsing import display_number
from viz import style
from viz.normal_distribution import build_figure

#: Up to this many values every deviation and square is labelled with its number.
LABEL_LIMIT = 12
_HIDDEN = {"visible": False}


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + display_number(value)


def _gaps(*columns: np.ndarray) -> np.ndarray:
    """Interleave columns and end each group with NaN: one trace, many pieces."""
    n = columns[0].size
    return np.column_stack([*columns, np.full(n, np.nan)]).ravel()


# -- the dot plot: values, mean, median, deviations ----------------------------------


def _band_trace(summary: DataSummary, top: float) -> list[dict[str, Any]]:
    """The shaded ±1 std band around the mean (none when the std is 0 or undefined)."""
    std = summary.std_sample if summary.ddof == 1 else summary.std_pop
    if std is None or std <= 0:
        return []
    mean, s = float(summary.mean), float(std)
    kind = "sample" if summary.ddof == 1 else "population"
    return [
        {
            "type": "scatter",
            "x": [mean - s, mean + s, mean + s, mean - s, mean - s],
            "y": [0.3, 0.3, top, top, 0.3],
            "fill": "toself",
            "mode": "lines",
            "line": {"width": 0},
            "fillcolor": style.rgba(style.SKY, 0.2),
            "name": f"±1 std ({kind})",
            "hoverinfo": "skip",
        }
    ]


def _deviation_traces(summary: DataSummary, rows: np.ndarray) -> list[dict[str, Any]]:
    """A segment from the mean to each value, labelled with its length when few."""
    n, mean = summary.n, float(summary.mean)
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "x": _gaps(np.full(n, mean), summary.values),
            "y": _gaps(rows, rows),
            "mode": "lines",
            "name": "deviation",
            "line": {"color": style.ACCENT, "width": 3},
            "connectgaps": False,
            "hoverinfo": "skip",
        }
    ]
    if n <= LABEL_LIMIT:
        traces.append(
            {
                "type": "scatter",
                "x": (summary.values + mean) / 2,
                "y": rows,
                "mode": "text",
                "text": [_signed(d) for d in summary.deviations],
                "textposition": "top center",
                "textfont": {"color": style.ACCENT, "size": 15},
                "showlegend": False,
                "hoverinfo": "skip",
                "name": "deviation labels",
            }
        )
    return traces


def _value_traces(
    summary: DataSummary, rows: np.ndarray, top: float
) -> list[dict[str, Any]]:
    """The values as dots, then the mean and the median as vertical lines."""
    n = summary.n
    mean, median = float(summary.mean), float(summary.median)
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "x": summary.values,
            "y": rows,
            "mode": "markers",
            "name": "values",
            "marker": {
                "color": style.CURRENT,
                "size": 13 if n <= 40 else 8,
                "line": {"color": "white", "width": 1.5},
            },
            "customdata": np.column_stack([np.arange(1, n + 1), summary.deviations]),
            "hovertemplate": (
                "value #%{customdata[0]}: %{x}<br>deviation %{customdata[1]:.4g}"
                "<extra></extra>"
            ),
        }
    ]
    for x, name, colour, dash in (
        (mean, f"mean {display_number(mean)}", style.TARGET, "solid"),
        (median, f"median {display_number(median)}", style.SECOND, "dash"),
    ):
        traces.append(
            {
                "type": "scatter",
                "x": [x, x],
                "y": [0.3, top],
                "mode": "lines",
                "name": name,
                "line": {"color": colour, "width": 3, "dash": dash},
                "hovertemplate": f"{name}<extra></extra>",
            }
        )
    return traces


def dot_plot_figure(
    summary: DataSummary, *, deviations: bool = True, band: bool = True
) -> go.Figure:
    """Each value on its own row, the mean and median as lines, the ±1 std band.

    With ``deviations`` each value is joined to the mean by a segment: its
    deviation ``xᵢ − x̄``. Rows keep the order the values were typed in.
    """
    n = summary.n
    rows = np.arange(n, 0, -1, dtype=float)  # first value on top
    top = n + 0.7
    traces = _band_trace(summary, top) if band else []
    if deviations:
        traces += _deviation_traces(summary, rows)
    traces += _value_traces(summary, rows, top)
    return build_figure(
        "Your values, their mean and spread"
        if band
        else "Your values: mean and median",
        "value",
        "",
        traces,
        x_range=view_range(summary),
        y_range=(0.3, top),
        y_axis={"showticklabels": False, "showgrid": False, "zeroline": False},
        height=max(360, min(560, 250 + 30 * n)),
    )


def centre_dot_plot_figure(summary: DataSummary) -> go.Figure:
    """The dot plot with only the values, the mean and the median (no spread)."""
    return dot_plot_figure(summary, deviations=False, band=False)


# -- the squares: each deviation squared, and the average square ---------------------


def _square_label(deviation: float, area: float, relative_side: float) -> str:
    """``(−15)² = 225`` on big squares, the area alone on middling ones."""
    if relative_side > 0.45:
        base = (
            display_number(deviation)
            if deviation >= 0
            else f"({display_number(deviation)})"
        )
        return f"{base}²<br>= {display_number(area)}"
    return display_number(area, 3) if relative_side > 0.2 else ""


def square_positions(
    sides: np.ndarray, gap: float, single_row: bool
) -> tuple[np.ndarray, np.ndarray, float, float]:
    """Shelf-pack squares of the given sides: lower-left corners, total width, height.

    In one row when ``single_row``; otherwise on shelves whose width makes the
    packing roughly three times as wide as it is tall, in the order given.
    """
    sides = np.asarray(sides, dtype=float)
    if single_row:
        width = float(sides.sum() + gap * max(len(sides) - 1, 0))
    else:
        width = max(float(sides.max()), math.sqrt(3.0 * float((sides**2).sum())) * 1.2)
    x0 = np.zeros_like(sides)
    y0 = np.zeros_like(sides)
    cursor, shelf, shelf_height, used = 0.0, 0.0, 0.0, 0.0
    for i, side in enumerate(sides):
        if cursor > 0 and cursor + side > width + 1e-12:
            shelf += shelf_height + gap
            cursor, shelf_height = 0.0, 0.0
        x0[i], y0[i] = cursor, shelf
        cursor += side + gap
        shelf_height = max(shelf_height, side)
        used = max(used, cursor - gap)
    return x0, y0, used, shelf + shelf_height


def _square_traces(
    summary: DataSummary, x0: np.ndarray, y0: np.ndarray
) -> list[dict[str, Any]]:
    """One outlined square per value, and (invisible) markers carrying its label."""
    sides = np.abs(summary.deviations)
    biggest = float(sides.max())
    mean = display_number(float(summary.mean))
    hover = [
        f"({display_number(x)} − {mean})² = {display_number(a)}"
        for x, a in zip(summary.values, summary.squares, strict=True)
    ]
    labels = [
        _square_label(dev, area, side / biggest)
        for dev, area, side in zip(
            summary.deviations, summary.squares, sides, strict=True
        )
    ]
    return [
        {
            "type": "scatter",
            "x": _gaps(x0, x0 + sides, x0 + sides, x0, x0),
            "y": _gaps(y0, y0, y0 + sides, y0 + sides, y0),
            "fill": "toself",
            "mode": "lines",
            "line": {"color": style.ACCENT, "width": 2},
            "fillcolor": style.rgba(style.ACCENT, 0.25),
            "name": "(xᵢ − x̄)²: one square per value",
            "hoverinfo": "skip",
            "connectgaps": False,
        },
        {
            "type": "scatter",
            "x": x0 + sides / 2,
            "y": y0 + sides / 2,
            "mode": "markers+text" if summary.n <= LABEL_LIMIT else "markers",
            "marker": {"color": style.ACCENT, "size": 8, "opacity": 0},
            "text": labels,
            "textfont": {"color": style.INK, "size": 14},
            "hovertext": hover,
            "hoverinfo": "text",
            "showlegend": False,
            "name": "square areas",
        },
    ]


def _average_square(summary: DataSummary, ax: float) -> dict[str, Any]:
    """The average square at ``x = ax``: the variance as an area, the std as its side."""
    variance, std = float(summary.variance()), float(summary.std())
    divided = summary.n - 1
    label = "mean area" if summary.ddof == 0 else f"total area ÷ (n − 1 = {divided})"
    return {
        "type": "scatter",
        "x": [ax, ax + std, ax + std, ax, ax],
        "y": [0, 0, std, std, 0],
        "fill": "toself",
        "mode": "lines",
        "line": {"color": style.TARGET, "width": 3, "dash": "dash"},
        "fillcolor": style.rgba(style.TARGET, 0.12),
        "name": (
            f"{label} = variance {display_number(variance)}; "
            f"side = std {display_number(std)}"
        ),
        "hoverinfo": "name",
    }


def _average_notes(summary: DataSummary, ax: float) -> list[dict[str, Any]]:
    """The variance written above the average square and the std under it."""
    variance, std = float(summary.variance()), float(summary.std())
    font = {"color": style.TARGET, "size": 16}
    return [
        {
            "x": ax + std / 2,
            "y": std,
            "yanchor": "bottom",
            "text": f"variance {display_number(variance)}",
            "showarrow": False,
            "font": font,
        },
        {
            "x": ax + std / 2,
            "y": 0,
            "yanchor": "top",
            "text": f"side = std {display_number(std)}",
            "showarrow": False,
            "font": font,
        },
    ]


def squares_figure(summary: DataSummary) -> go.Figure:
    """Each deviation's square, and the average square (area = variance, side = std).

    Squares are drawn to scale (one unit on x as long as one on y), so a deviation
    twice as long gives a square four times as big.
    """
    sides = np.abs(summary.deviations)
    biggest = float(sides.max())
    if biggest == 0:
        return build_figure(
            "Every deviation is 0: no squares, so the variance is 0",
            "",
            "",
            [],
            x_range=(-1, 1),
            y_range=(-1, 1),
            x_axis=_HIDDEN,
            y_axis=_HIDDEN,
            height=260,
        )
    n, std = summary.n, float(summary.std())
    divided = n if summary.ddof == 0 else n - 1
    gap = 0.12 * biggest
    x0, y0, width, height = square_positions(sides, gap, single_row=n <= LABEL_LIMIT)
    ax = width + 2.5 * gap
    top = max(height, std) * 1.18 + gap
    right = ax + std + gap
    return build_figure(
        f"Squares of the deviations: total area "
        f"{display_number(float(summary.squares.sum()))} ÷ {divided} = "
        f"{display_number(float(summary.variance()))} each on average",
        "",
        "",
        [*_square_traces(summary, x0, y0), _average_square(summary, ax)],
        x_range=(-gap, right),
        y_range=(-0.14 * top, top),
        x_axis=_HIDDEN,
        y_axis={**_HIDDEN, "scaleanchor": "x", "scaleratio": 1},
        annotations=_average_notes(summary, ax),
        legend_below=False,
        height=max(260, min(520, 380 * top / right + 120)),
    )


# -- mean vs median while one value moves --------------------------------------------


def move_value_figure(sweep: MoveOneValue, summary: DataSummary) -> go.Figure:
    """Mean and median while the largest value slides from far left to far right."""
    values = np.concatenate([sweep.means, sweep.medians])
    pad = 0.08 * max(float(np.ptp(values)), 1e-9)
    moved = display_number(sweep.moved)
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "x": sweep.positions,
            "y": sweep.means,
            "mode": "lines",
            "name": "mean",
            "line": {"color": style.TARGET, "width": 4},
            "hovertemplate": "value at %{x:.4g}: mean %{y:.4g}<extra></extra>",
        },
        {
            "type": "scatter",
            "x": sweep.positions,
            "y": sweep.medians,
            "mode": "lines",
            "name": "median",
            "line": {"color": style.SECOND, "width": 4, "dash": "dash"},
            "hovertemplate": "value at %{x:.4g}: median %{y:.4g}<extra></extra>",
        },
        {
            "type": "scatter",
            "x": [sweep.moved, sweep.moved],
            "y": [float(summary.mean), float(summary.median)],
            "mode": "markers",
            "name": f"now: the value is at {moved}",
            "marker": {"color": style.CURRENT, "size": 13},
            "hoverinfo": "skip",
        },
    ]
    return build_figure(
        f"Move one value ({moved}): the mean follows, the median barely moves",
        "where that one value is put",
        "mean / median",
        traces,
        x_range=(float(sweep.positions[0]), float(sweep.positions[-1])),
        y_range=(float(values.min()) - pad, float(values.max()) + pad),
    )
