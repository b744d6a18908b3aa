"""A, B and C = AB laid out so that row i of A and column j of B meet at C[i, j]."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.matrices import MatrixProduct, cell_sum_text, shape_text, subscript
from core.parsing import display_number
from viz import style
from viz.matrices.common import animated, grid_lines, hide_axes, rects


def product_figure(product: MatrixProduct, step: int = 1) -> go.Figure:
    """Falk's layout: ``B`` above ``C``, ``A`` to the left, so row i and column j meet at C[i, j].

    ``step`` (1-based, row by row) is the cell highlighted when the figure
    opens; the play button and the slider go through every cell in the browser.
    """
    a, b = product.a, product.b
    m, n = a.shape
    p = b.shape[1]
    left = n + 1.0  # x of C's (and B's) first column
    top_b = -(n + 1.0)  # y of B's first row (y grows downwards)
    chart = style.Chart(
        f"C = A·B, cell by cell: {product.shapes}", show_legend=False, height=500
    )
    font = 20 if max(m, n, p) <= 3 else 15
    for x0, y0, rows, cols in ((0, 0, m, n), (left, top_b, n, p), (left, 0, m, p)):
        gx, gy = grid_lines(x0, y0, rows, cols)
        chart.add(
            x=gx,
            y=gy,
            mode="lines",
            line={"color": style.LIGHT, "width": 2},
            hoverinfo="skip",
            name="cells",
        )
    ai, ak = np.divmod(np.arange(m * n), n)
    _entries(chart, "A", ak, ai, a, {"size": font, "color": style.CURRENT})
    bk, bj = np.divmod(np.arange(n * p), p)
    _entries(
        chart, "B", left + bj, top_b + bk, b, {"size": font, "color": style.SECOND}
    )
    # Traces that change from frame to frame: highlight, C's entries, the sum.
    first_dynamic = len(chart.traces)
    states = [
        _product_state(product, s, left, top_b, font)
        for s in range(1, product.cells + 1)
    ]
    step = min(max(int(step), 1), product.cells)
    chart.traces += states[step - 1]
    names = [f"C{i + 1}{j + 1}" for i in range(m) for j in range(p)]
    # Frames carry only what changes (Plotly merges them into the traces).
    frames = [
        {
            "name": name,
            "data": [
                {"x": state[0]["x"], "y": state[0]["y"]},
                {"text": state[1]["text"]},
                {"text": state[2]["text"]},
            ],
            "traces": list(range(first_dynamic, first_dynamic + len(state))),
        }
        for name, state in zip(names, states, strict=True)
    ]
    labels = [
        f"C{subscript(i + 1)}{subscript(j + 1)}" for i in range(m) for j in range(p)
    ]
    chart.layout.update(
        style.play_controls(names, labels, active=step - 1, duration=1100)
    )
    chart.layout["margin"] = {"l": 10, "r": 10, "t": 60, "b": 80}
    _titles(chart, product, left, top_b)
    # y is reversed: row 1 at the top
    hide_axes(chart).ranges(
        (-0.7, left + p - 0.3), (m + 1.6, top_b - 1.3), equal_units=True
    )
    return animated(chart, frames)


def _titles(
    chart: style.Chart, product: MatrixProduct, left: float, top_b: float
) -> None:
    """The names and shapes of A, B and C, over or under each table."""
    a, b, c = product.a, product.b, product.c
    m, n = a.shape
    p = b.shape[1]
    for text, x, y, colour in (
        (f"A ({shape_text(a.shape)})", (n - 1) / 2, -0.5, style.CURRENT),
        (f"B ({shape_text(b.shape)})", left + (p - 1) / 2, top_b - 0.5, style.SECOND),
        (f"C = AB ({shape_text(c.shape)})", left + (p - 1) / 2, m - 0.5, style.INK),
    ):
        chart.note(
            x=x,
            y=y,
            text=f"<b>{text}</b>",
            showarrow=False,
            yanchor="bottom" if "C =" not in text else "top",
            font={"color": colour, "size": 16},
        )


def _entries(
    chart: style.Chart,
    name: str,
    x: np.ndarray,
    y: np.ndarray,
    matrix: np.ndarray,
    font: dict[str, Any],
) -> None:
    chart.add(
        x=x.astype(float),
        y=y.astype(float),
        mode="text",
        name=name,
        text=[display_number(v, 3) for v in matrix.ravel()],
        textfont=font,
        hoverinfo="skip",
    )


def _product_state(
    product: MatrixProduct, step: int, left: float, top_b: float, font: int
) -> list[dict[str, Any]]:
    """Highlight, C's entries so far and the written-out sum for one cell."""
    m, n = product.a.shape
    p = product.b.shape[1]
    i, j = product.cell_index(step)
    hx, hy = rects(
        [
            (-0.5, n - 0.5, i - 0.5, i + 0.5),  # row i of A
            (
                left + j - 0.5,
                left + j + 0.5,
                top_b - 0.5,
                top_b + n - 0.5,
            ),  # column j of B
            (left + j - 0.5, left + j + 0.5, i - 0.5, i + 0.5),  # the cell of C
        ]
    )
    highlight = {
        "type": "scatter",
        "x": hx,
        "y": hy,
        "mode": "lines",
        "fill": "toself",
        "fillcolor": style.rgba(style.ACCENT, 0.22),
        "line": {"color": style.ACCENT, "width": 3},
        "hoverinfo": "skip",
        "name": "highlight",
    }
    ci, cj = np.divmod(np.arange(m * p), p)
    done = np.arange(m * p) < step
    entries = {
        "type": "scatter",
        "x": left + cj.astype(float),
        "y": ci.astype(float),
        "mode": "text",
        "name": "C",
        "text": [
            display_number(v, 3) if d else "·"
            for v, d in zip(product.c.ravel(), done, strict=True)
        ],
        "textfont": {"size": font, "color": style.INK},
        "hoverinfo": "skip",
    }
    cell = f"C{subscript(i + 1)}{subscript(j + 1)}"
    total = {
        "type": "scatter",
        "x": [(left + p - 1 - 0.5) / 2],
        "y": [m + 0.9],
        "mode": "text",
        "name": "sum",
        "text": [f"{cell} = {cell_sum_text(product, i, j)}".replace("-", "−")],
        "textfont": {"size": 17, "color": style.ACCENT},
        "hoverinfo": "skip",
    }
    return [highlight, entries, total]
