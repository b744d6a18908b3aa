"""What the Matrices figures share: outlines of tables and animated figures."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from viz import style

#: Frames per stage of an animation (the plane's warp, the transpose's flip).
FRAMES = 12


def rects(
    boxes: list[tuple[float, float, float, float]],
) -> tuple[list[Any], list[Any]]:
    """Closed rectangles (x0, x1, y0, y1) as one path with ``None`` between them."""
    xs: list[Any] = []
    ys: list[Any] = []
    for x0, x1, y0, y1 in boxes:
        xs += [x0, x1, x1, x0, x0, None]
        ys += [y0, y0, y1, y1, y0, None]
    return xs, ys


def grid_lines(
    left: float, top: float, rows: int, cols: int
) -> tuple[list[Any], list[Any]]:
    """Cell borders of a rows × cols table whose first cell is centred at (left, top)."""
    xs: list[Any] = []
    ys: list[Any] = []
    x0, x1 = left - 0.5, left + cols - 0.5
    y0, y1 = top - 0.5, top + rows - 0.5
    for r in range(rows + 1):
        xs += [x0, x1, None]
        ys += [y0 + r, y0 + r, None]
    for c in range(cols + 1):
        xs += [x0 + c, x0 + c, None]
        ys += [y0, y1, None]
    return xs, ys


def hide_axes(chart: style.Chart) -> style.Chart:
    """A table or a diagram, not a plot: no axes, ticks or grid."""
    chart.layout["xaxis"]["visible"] = False
    chart.layout["yaxis"]["visible"] = False
    return chart


def animated(chart: style.Chart, frames: list[dict[str, Any]]) -> go.Figure:
    """``chart`` as a figure with animation ``frames`` (played in the browser)."""
    layout = dict(chart.layout)
    if chart.shapes:
        layout["shapes"] = chart.shapes
    if chart.annotations:
        layout["annotations"] = chart.annotations
    return style.figure(chart.traces, layout, frames)
