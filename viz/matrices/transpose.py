"""The entries of A turning over the main diagonal into Aᵀ."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.matrices import Transpose, reflection_path, shape_text
from core.parsing import display_number
from viz import style
from viz.matrices.common import FRAMES, animated, hide_axes, rects


def _entries(tr: Transpose, t: float) -> dict[str, Any]:
    """Every entry of A, part-way (``t`` from 0 to 1) through its reflection."""
    rows, cols = tr.matrix.shape
    x, y = reflection_path(rows, cols, t)
    row_of = np.repeat(np.arange(rows), cols)
    return {
        "type": "scatter",
        "x": x.tolist(),
        "y": y.tolist(),
        "mode": "text",
        "name": "entries",
        "text": [display_number(v, 3) for v in tr.matrix.ravel()],
        "textfont": {
            "size": 22 if max(rows, cols) <= 3 else 17,
            "color": [style.SERIES[r % len(style.SERIES)] for r in row_of],
        },
        "hoverinfo": "skip",
    }


def diagonal(entries: int, side: int) -> tuple[list[float | None], list[float | None]]:
    """The main diagonal from corner to corner, broken around its ``entries``.

    The entries Aᵢᵢ stay where they are when A turns over, so the line never
    strikes through them: ``None`` breaks the line at each one. Cells are 1 wide;
    the gap grows with the matrix, as the numbers take more of a smaller cell.
    """
    gap = min(0.3, 0.1 + 0.04 * side)
    points: list[float | None] = [-0.5]
    for k in range(entries):
        points += [k - gap, None, k + gap]
    points.append(side - 0.5)
    return points, list(points)


def transpose_figure(tr: Transpose, *, frames: int = FRAMES) -> go.Figure:
    """``Aᵀ`` with each entry coloured by its row in ``A``; ▶ Play turns A over its diagonal."""
    rows, cols = tr.matrix.shape
    side = max(rows, cols)
    chart = style.Chart(
        f"Transpose: {shape_text(tr.matrix.shape)} → {shape_text(tr.result.shape)}, "
        "mirrored in the diagonal",
        show_legend=False,
        height=500,
    )
    before_x, before_y = rects([(-0.5, cols - 0.5, -0.5, rows - 0.5)])
    after_x, after_y = rects([(-0.5, rows - 0.5, -0.5, cols - 0.5)])
    outline = {"mode": "lines", "hoverinfo": "skip"}
    chart.add(
        x=before_x,
        y=before_y,
        name="A's outline",
        line={"color": style.LIGHT, "width": 2, "dash": "dot"},
        **outline,
    )
    chart.add(
        x=after_x,
        y=after_y,
        name="Aᵀ's outline",
        line={"color": style.NEUTRAL, "width": 2},
        **outline,
    )
    diagonal_x, diagonal_y = diagonal(min(rows, cols), side)
    chart.add(
        x=diagonal_x,
        y=diagonal_y,
        name="main diagonal",
        line={"color": style.ACCENT, "width": 3, "dash": "dash"},
        **outline,
    )
    dynamic = len(chart.traces)
    chart.traces.append(_entries(tr, 1.0))
    names = [f"t{k}" for k in range(frames)]
    animation = [
        {"name": name, "data": [{"x": e["x"], "y": e["y"]}], "traces": [dynamic]}
        for name, e in (
            (name, _entries(tr, t))
            for name, t in zip(names, np.linspace(0.0, 1.0, frames), strict=True)
        )
    ]
    labels = ["A"] + [""] * (frames - 2) + ["Aᵀ"]
    chart.layout.update(
        style.play_controls(names, labels, active=frames - 1, duration=70)
    )
    chart.note(
        x=side - 0.5,
        y=side - 0.5,
        text="main diagonal",
        showarrow=False,
        xanchor="left",
        yanchor="top",
        font={"color": style.ACCENT, "size": 14},
    )
    chart.layout["margin"] = {"l": 10, "r": 10, "t": 60, "b": 80}
    hide_axes(chart).ranges((-0.8, side + 0.6), (side - 0.2, -0.8), equal_units=True)
    return animated(chart, animation)
