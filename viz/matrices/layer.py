"""One dense layer as a network diagram, and a batch's outputs as a heat map."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.matrices import DenseBatch, DenseLayer, subscript
from core.parsing import display_number
from viz import style
from viz.matrices.common import hide_axes


def _spread(count: int) -> np.ndarray:
    """Vertical positions of ``count`` nodes, centred on 0, top to bottom."""
    return (count - 1) / 2 - np.arange(count, dtype=float)


def along(i: int, m: int) -> float:
    """How far along its edge (0 at the input, 1 at the output) output ``i``'s weights
    are written: near the inputs, where the edges fan out before they cross, and each
    output at its own distance, so one input's labels never stack up in a column."""
    return 0.3 if m == 1 else 0.2 + 0.22 * i / (m - 1)


def _edges(chart: style.Chart, layer: DenseLayer) -> None:
    """One line per weight (colour = sign, width = size) and the weight on it."""
    m, n = layer.weights.shape
    y_in, y_out = _spread(n), _spread(m)
    biggest = float(np.max(np.abs(layer.weights))) or 1.0
    label_x: list[float] = []
    label_y: list[float] = []
    for i in range(m):
        for j in range(n):
            w = float(layer.weights[i, j])
            colour = style.CURRENT if w >= 0 else style.TARGET
            chart.add(
                x=[0.0, 1.0],
                y=[y_in[j], y_out[i]],
                mode="lines",
                name=f"W{subscript(i + 1)}{subscript(j + 1)}",
                line={"color": colour, "width": 0.5 + 8 * abs(w) / biggest},
                opacity=0.35 if w == 0 else 0.8,
                hoverinfo="skip",
            )
            share = along(i, m)
            label_x.append(share)
            label_y.append(float(y_in[j] + share * (y_out[i] - y_in[j])))
            # on its own edge, on white, framed in the edge's colour
            chart.note(
                x=share,
                y=label_y[-1],
                text=display_number(w, 3),
                showarrow=False,
                font={"size": 14 if m * n <= 16 else 12, "color": style.INK},
                bgcolor="#FFFFFF",
                bordercolor=colour,
                borderwidth=1,
                borderpad=1,
            )
    # the labels' points, for hover and "Show the numbers" (the words are notes)
    chart.add(
        x=label_x,
        y=label_y,
        mode="markers",
        name="weights",
        text=[
            f"W{subscript(i + 1)}{subscript(j + 1)} = {display_number(w, 3)}"
            for (i, j), w in np.ndenumerate(layer.weights)
        ],
        marker={"size": 10, "opacity": 0},
        hovertemplate="%{text}<extra></extra>",
    )


def layer_figure(layer: DenseLayer) -> go.Figure:
    """Inputs on the left, outputs on the right; edge colour = sign, width = size of Wᵢⱼ."""
    m, n = layer.weights.shape
    chart = style.Chart(
        f"y = f(Wx + b): {n} inputs → {m} outputs", show_legend=False, height=460
    )
    _edges(chart, layer)
    node = {"size": 34, "line": {"color": "white", "width": 2}}
    chart.add(
        x=np.zeros(n),
        y=_spread(n),
        mode="markers+text",
        name="inputs x",
        marker={**node, "color": style.SKY},
        text=[
            f"x{subscript(j + 1)} = {display_number(v, 3)}"
            for j, v in enumerate(layer.x)
        ],
        textposition="middle left",
        textfont={"size": 16},
        hovertemplate="%{text}<extra></extra>",
    )
    outputs = zip(layer.bias, layer.z, layer.y, strict=True)
    chart.add(
        x=np.ones(m),
        y=_spread(m),
        mode="markers+text",
        name="outputs y",
        marker={**node, "color": style.SECOND},
        text=[
            f"b{subscript(i + 1)} = {display_number(bias, 3)}<br>"
            f"z{subscript(i + 1)} = {display_number(z, 3)} → "
            f"y{subscript(i + 1)} = {display_number(y, 3)}"
            for i, (bias, z, y) in enumerate(outputs)
        ],
        textposition="middle right",
        textfont={"size": 16},
        hovertemplate="%{text}<extra></extra>",
    )
    chart.note(
        x=0.5,
        y=max(n, m) / 2 + 0.3,
        showarrow=False,
        text="blue = positive weight, vermillion = negative; thicker = larger |w|",
        font={"size": 14, "color": style.NEUTRAL},
    )
    half = max(n, m) / 2 + 0.5
    return hide_axes(chart).ranges((-0.75, 2.1), (-half, half + 0.2)).figure()


def batch_figure(z: np.ndarray, y: np.ndarray) -> go.Figure:
    """The batch's outputs as a heat map: one row per example, one column per output."""
    k, m = y.shape
    chart = style.Chart(
        "Y = f(X Wᵀ + b): one row per example", show_legend=False, height=120 + 45 * k
    )
    limit = float(np.max(np.abs(y))) or 1.0
    chart.add(
        "heatmap",
        z=y,
        x=[f"y{subscript(c + 1)}" for c in range(m)],
        y=[f"example {r + 1}" for r in range(k)],
        text=[[display_number(v, 3) for v in row] for row in y],
        texttemplate="%{text}",
        textfont={"size": 16},
        colorscale=[[0, style.TARGET], [0.5, "#FFFFFF"], [1, style.CURRENT]],
        zmin=-limit,
        zmax=limit,
        showscale=False,
        xgap=2,
        ygap=2,
        hovertemplate="example %{y}, %{x} = %{text}<extra></extra>",
    )
    chart.layout["yaxis"].update(autorange="reversed", showgrid=False, zeroline=False)
    chart.layout["xaxis"].update(side="top", showgrid=False, zeroline=False)
    chart.layout["margin"] = {"l": 70, "r": 20, "t": 90, "b": 20}
    return chart.figure()


def layer_batch_figure(batch: DenseBatch) -> go.Figure:
    """:func:`batch_figure` of a :class:`~core.matrices.DenseBatch` (cached by its key)."""
    return batch_figure(batch.z, batch.y)
