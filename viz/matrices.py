"""Figures for the Matrices page.

- ``product_figure``: A, B and C = AB laid out so that row i of A and column j
  of B meet at C[i, j]; every cell is a frame, played in the browser.
- ``plane_figure``: a 2×2 matrix warping the grid, the unit square and the basis
  vectors, animated from the identity (and through B first, for AB).
- ``layer_figure``: one dense layer as a network diagram.
- ``transpose_figure``: the entries of A turning over the main diagonal.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.matrices import (
    DenseLayer,
    MatrixProduct,
    PlaneMap,
    Transpose,
    cell_sum_text,
    interpolate,
    reflection_path,
    shape_text,
)
from core.parsing import format_number
from viz import style

#: Half-width of the view of the plane; the grid reaches further so it fills the view.
PLANE_LIMIT = 4.0
GRID_REACH = 8
FRAMES = 12


def _num(value: float, digits: int = 3) -> str:
    return format_number(value, digits).replace("-", "−")


def _sub(index: int) -> str:
    return str(index).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def _rects(
    boxes: list[tuple[float, float, float, float]],
) -> tuple[list[Any], list[Any]]:
    """Closed rectangles (x0, x1, y0, y1) as one path with ``None`` between them."""
    xs: list[Any] = []
    ys: list[Any] = []
    for x0, x1, y0, y1 in boxes:
        xs += [x0, x1, x1, x0, x0, None]
        ys += [y0, y0, y1, y1, y0, None]
    return xs, ys


def _grid_lines(
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


def _play_controls(
    names: list[str], labels: list[str], active: int, duration: int, y: float = -0.02
) -> dict[str, Any]:
    """Play/pause buttons and a slider over frames: all of it runs in the browser."""
    step_args = {"frame": {"duration": 0, "redraw": True}, "mode": "immediate"}
    return {
        "updatemenus": [
            {
                "type": "buttons",
                "direction": "left",
                "showactive": False,
                "x": 0.0,
                "y": y,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": 0, "r": 10},
                "buttons": [
                    {
                        "label": "▶ Play",
                        "method": "animate",
                        "args": [
                            names,
                            {
                                "frame": {"duration": duration, "redraw": True},
                                "transition": {"duration": 0},
                                "fromcurrent": False,
                                "mode": "immediate",
                            },
                        ],
                    },
                    {
                        "label": "❚❚ Pause",
                        "method": "animate",
                        "args": [
                            [None],
                            {
                                "frame": {"duration": 0, "redraw": False},
                                "mode": "immediate",
                            },
                        ],
                    },
                ],
            }
        ],
        "sliders": [
            {
                "active": active,
                "x": 0.22,
                "len": 0.78,
                "y": y,
                "yanchor": "top",
                "pad": {"t": 0},
                "currentvalue": {"visible": False},
                "steps": [
                    {"label": label, "method": "animate", "args": [[name], step_args]}
                    for name, label in zip(names, labels, strict=True)
                ],
            }
        ],
    }


# -- matrix multiplication -----------------------------------------------------------------


def product_figure(product: MatrixProduct, step: int = 1) -> go.Figure:
    """Falk's layout: ``B`` above ``C``, ``A`` to the left, so row i and column j meet at C[i, j].

    ``step`` (1-based, row by row) is the cell highlighted when the figure
    opens; the play button and the slider go through every cell in the browser.
    """
    a, b, c = product.a, product.b, product.c
    m, n = a.shape
    p = b.shape[1]
    gap = 1.0
    left = n + gap  # x of C's (and B's) first column
    top_b = -(n + gap)  # y of B's first row (y grows downwards)
    fig = style.new_figure(
        f"C = A·B, cell by cell: {product.shapes}", show_legend=False, height=500
    )
    font = 20 if max(m, n, p) <= 3 else 15
    for x0, y0, rows, cols in ((0, 0, m, n), (left, top_b, n, p), (left, 0, m, p)):
        gx, gy = _grid_lines(x0, y0, rows, cols)
        fig.add_trace(
            go.Scatter(
                x=gx,
                y=gy,
                mode="lines",
                line={"color": style.LIGHT, "width": 2},
                hoverinfo="skip",
                name="cells",
            )
        )
    ai, ak = np.divmod(np.arange(m * n), n)
    fig.add_trace(
        go.Scatter(
            x=ak.astype(float),
            y=ai.astype(float),
            mode="text",
            name="A",
            text=[_num(v) for v in a.ravel()],
            textfont={"size": font, "color": style.CURRENT},
            hoverinfo="skip",
        )
    )
    bk, bj = np.divmod(np.arange(n * p), p)
    fig.add_trace(
        go.Scatter(
            x=left + bj.astype(float),
            y=top_b + bk.astype(float),
            mode="text",
            name="B",
            text=[_num(v) for v in b.ravel()],
            textfont={"size": font, "color": style.SECOND},
            hoverinfo="skip",
        )
    )
    # Traces that change from frame to frame: highlight, C's entries, the sum.
    first_dynamic = len(fig.data)
    names = [f"C{i + 1}{j + 1}" for i in range(m) for j in range(p)]
    states = [
        _product_state(product, s, left, top_b, font)
        for s in range(1, product.cells + 1)
    ]
    step = min(max(int(step), 1), product.cells)
    for trace in states[step - 1]:
        fig.add_trace(trace)
    # Frames carry only what changes (Plotly merges them into the traces).
    fig.frames = [
        go.Frame(
            name=name,
            data=[
                {"x": state[0].x, "y": state[0].y},
                {"text": state[1].text},
                {"text": state[2].text},
            ],
            traces=list(range(first_dynamic, first_dynamic + len(state))),
        )
        for name, state in zip(names, states, strict=True)
    ]
    labels = [f"C{_sub(i + 1)}{_sub(j + 1)}" for i in range(m) for j in range(p)]
    fig.update_layout(
        **_play_controls(names, labels, step - 1, 1100),
        margin={"l": 10, "r": 10, "t": 60, "b": 80},
    )
    for text, x, y, colour in (
        (f"A ({shape_text(a.shape)})", (n - 1) / 2, -0.5, style.CURRENT),
        (f"B ({shape_text(b.shape)})", left + (p - 1) / 2, top_b - 0.5, style.SECOND),
        (f"C = AB ({shape_text(c.shape)})", left + (p - 1) / 2, m - 0.5, style.INK),
    ):
        fig.add_annotation(
            x=x,
            y=y,
            text=f"<b>{text}</b>",
            showarrow=False,
            yanchor="bottom" if "C =" not in text else "top",
            font={"color": colour, "size": 16},
        )
    x_range = (-0.7, left + p - 0.3)
    y_range = (m + 1.6, top_b - 1.3)  # reversed: row 1 at the top
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    style.equal_aspect(fig)
    return style.fix_range(fig, x=x_range, y=y_range)


def _product_state(
    product: MatrixProduct, step: int, left: float, top_b: float, font: int
) -> list[go.Scatter]:
    """Highlight, C's entries so far and the written-out sum for one cell."""
    m, n = product.a.shape
    p = product.b.shape[1]
    i, j = product.cell_index(step)
    hx, hy = _rects(
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
    highlight = go.Scatter(
        x=hx,
        y=hy,
        mode="lines",
        fill="toself",
        fillcolor=style.rgba(style.ACCENT, 0.22),
        line={"color": style.ACCENT, "width": 3},
        hoverinfo="skip",
        name="highlight",
    )
    ci, cj = np.divmod(np.arange(m * p), p)
    done = np.arange(m * p) < step
    texts = [
        _num(v) if d else "·" for v, d in zip(product.c.ravel(), done, strict=True)
    ]
    entries = go.Scatter(
        x=left + cj.astype(float),
        y=ci.astype(float),
        mode="text",
        name="C",
        text=texts,
        textfont={"size": font, "color": style.INK},
        hoverinfo="skip",
    )
    total = go.Scatter(
        x=[(left + p - 1 - 0.5) / 2],
        y=[m + 0.9],
        mode="text",
        name="sum",
        text=[
            f"C{_sub(i + 1)}{_sub(j + 1)} = {cell_sum_text(product, i, j)}".replace(
                "-", "−"
            )
        ],
        textfont={"size": 17, "color": style.ACCENT},
        hoverinfo="skip",
    )
    return [highlight, entries, total]


# -- a 2×2 matrix as a map of the plane ----------------------------------------------------


def _plane_traces(matrix: np.ndarray, flips: bool) -> list[go.Scatter]:
    """The warped grid, the image of the unit square and the images of î and ĵ."""
    ks = np.arange(-GRID_REACH, GRID_REACH + 1, dtype=float)
    # vertical lines x = k and horizontal lines y = k, each from −reach to reach
    starts = np.concatenate(
        [np.stack([ks, -GRID_REACH + 0 * ks]), np.stack([-GRID_REACH + 0 * ks, ks])],
        axis=1,
    )
    ends = np.concatenate(
        [np.stack([ks, GRID_REACH + 0 * ks]), np.stack([GRID_REACH + 0 * ks, ks])],
        axis=1,
    )
    s, e = matrix @ starts, matrix @ ends
    nan = np.full(s.shape[1], np.nan)
    # float32 halves the size of every animation frame; the screen cannot tell
    grid_x = np.stack([s[0], e[0], nan], axis=1).ravel().astype(np.float32)
    grid_y = np.stack([s[1], e[1], nan], axis=1).ravel().astype(np.float32)
    square = matrix @ np.array([[0, 1, 1, 0, 0], [0, 0, 1, 1, 0]], dtype=float)
    colour = style.TARGET if flips else style.CURRENT
    i_hat, j_hat = matrix[:, 0], matrix[:, 1]
    return [
        go.Scatter(
            x=grid_x,
            y=grid_y,
            mode="lines",
            name="grid after the map",
            showlegend=False,
            line={"color": style.SKY, "width": 1.5},
            hoverinfo="skip",
            connectgaps=False,
        ),
        go.Scatter(
            x=square[0],
            y=square[1],
            mode="lines",
            fill="toself",
            name="unit square after the map",
            fillcolor=style.rgba(colour, 0.3),
            line={"color": colour, "width": 2},
            hoverinfo="skip",
        ),
        _basis_arrow(i_hat, style.THIRD, "î → column 1"),
        _basis_arrow(j_hat, style.SECOND, "ĵ → column 2"),
    ]


def _basis_arrow(tip: np.ndarray, colour: str, name: str) -> go.Scatter:
    return go.Scatter(
        x=[0.0, float(tip[0])],
        y=[0.0, float(tip[1])],
        mode="lines+markers",
        name=name,
        line={"color": colour, "width": 5},
        marker={
            "symbol": "arrow",
            "angleref": "previous",
            "size": [0, 18],
            "color": colour,
        },
        hovertemplate=f"{name}: (%{{x:.3g}}, %{{y:.3g}})<extra></extra>",
    )


def plane_figure(
    pm: PlaneMap, *, first: PlaneMap | None = None, frames: int = FRAMES
) -> go.Figure:
    """The plane warped by ``pm`` (or by ``pm`` after ``first``: the product AB).

    The figure shows the end state; ▶ Play morphs the plane from the identity
    (through ``first`` when given: first B, then A), all in the browser.
    """
    identity = np.eye(2)
    final = pm.matrix if first is None else pm.matrix @ first.matrix
    det = float(final[0, 0] * final[1, 1] - final[0, 1] * final[1, 0])
    title = "A warps the plane" if first is None else "AB: first B, then A"
    fig = style.new_figure(title, "x", "y", height=560)
    ks = np.arange(-GRID_REACH, GRID_REACH + 1, dtype=float)
    fig.add_trace(  # the original grid, for reference
        go.Scatter(
            x=np.concatenate(
                [[k, k, np.nan] for k in ks]
                + [[-GRID_REACH, GRID_REACH, np.nan]] * len(ks)
            ),
            y=np.concatenate(
                [[-GRID_REACH, GRID_REACH, np.nan]] * len(ks)
                + [[k, k, np.nan] for k in ks]
            ),
            mode="lines",
            name="grid before",
            showlegend=False,
            line={"color": "#EEEEEE", "width": 1},
            hoverinfo="skip",
        )
    )
    dynamic_start = len(fig.data)
    for trace in _plane_traces(final, det < 0):
        fig.add_trace(trace)
    ts = np.linspace(0.0, 1.0, frames)
    if first is None:
        path = [interpolate(identity, pm.matrix, t) for t in ts]
        labels = ["I", *[""] * (len(ts) - 2), "A"]
    else:
        path = [interpolate(identity, first.matrix, t) for t in ts] + [
            interpolate(identity, pm.matrix, t) @ first.matrix for t in ts[1:]
        ]
        blanks = [""] * (len(ts) - 2)
        labels = ["I", *blanks, "B", *blanks, "AB"]
    names = [f"f{k}" for k in range(len(path))]
    fig.frames = [
        go.Frame(
            name=name,
            data=[
                {"x": trace.x, "y": trace.y, **_fill(trace)}
                for trace in _plane_traces(m, _det(m) < 0)
            ],
            traces=list(range(dynamic_start, dynamic_start + 4)),
        )
        for name, m in zip(names, path, strict=True)
    ]
    fig.update_layout(**_play_controls(names, labels, len(names) - 1, 60, y=-0.16))
    fig.update_layout(
        margin={"l": 60, "r": 20, "t": 60, "b": 110},
        legend={
            "orientation": "h",
            "y": 1.0,
            "yanchor": "bottom",
            "x": 1,
            "xanchor": "right",
        },
    )
    _determinant_note(fig, final, det)
    style.equal_aspect(fig)
    return style.fix_range(
        fig, x=(-PLANE_LIMIT, PLANE_LIMIT), y=(-PLANE_LIMIT, PLANE_LIMIT)
    )


def _det(matrix: np.ndarray) -> float:
    return float(matrix[0, 0] * matrix[1, 1] - matrix[0, 1] * matrix[1, 0])


def _fill(trace: go.Scatter) -> dict[str, Any]:
    """The square's colours change when the plane flips: keep them in the frame."""
    if trace.fill != "toself":
        return {}
    return {"fillcolor": trace.fillcolor, "line": {"color": trace.line.color}}


def _determinant_note(fig: go.Figure, matrix: np.ndarray, det: float) -> None:
    if not matrix.any():
        text, colour = "everything lands on the origin: det = 0", style.TARGET
    elif abs(det) <= 1e-12 * float(np.max(np.abs(matrix))) ** 2:
        text, colour = "the plane collapses onto a line: det = 0", style.TARGET
    elif det < 0:
        text, colour = (
            f"area × {_num(abs(det))}, flipped over: det = {_num(det)}",
            style.TARGET,
        )
    else:
        text, colour = f"area × {_num(det)}: det = {_num(det)}", style.CURRENT
    fig.add_annotation(
        x=-PLANE_LIMIT,
        y=PLANE_LIMIT,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        text=f"<b>{text}</b>",
        font={"color": colour, "size": 17},
        bgcolor="rgba(255,255,255,0.85)",
    )


# -- one dense layer -------------------------------------------------------------------------


def _spread(count: int) -> np.ndarray:
    """Vertical positions of ``count`` nodes, centred on 0, top to bottom."""
    return (count - 1) / 2 - np.arange(count, dtype=float)


def layer_figure(layer: DenseLayer) -> go.Figure:
    """Inputs on the left, outputs on the right; edge colour = sign, width = size of Wᵢⱼ."""
    m, n = layer.weights.shape
    fig = style.new_figure(
        f"y = f(Wx + b): {n} inputs → {m} outputs", show_legend=False, height=460
    )
    y_in, y_out = _spread(n), _spread(m)
    biggest = float(np.max(np.abs(layer.weights))) or 1.0
    label_x: list[float] = []
    label_y: list[float] = []
    label_text: list[str] = []
    for i in range(m):
        for j in range(n):
            w = float(layer.weights[i, j])
            colour = style.CURRENT if w >= 0 else style.TARGET
            fig.add_trace(
                go.Scatter(
                    x=[0.0, 1.0],
                    y=[y_in[j], y_out[i]],
                    mode="lines",
                    name=f"W{_sub(i + 1)}{_sub(j + 1)}",
                    line={"color": colour, "width": 0.5 + 8 * abs(w) / biggest},
                    opacity=0.35 if w == 0 else 0.8,
                    hoverinfo="skip",
                )
            )
            # the weight written a third of the way from its input, where edges fan out
            share = 0.3 if n * m <= 16 else 0.22
            label_x.append(share)
            label_y.append(float(y_in[j] + share * (y_out[i] - y_in[j])))
            label_text.append(_num(w))
    fig.add_trace(
        go.Scatter(
            x=label_x,
            y=label_y,
            mode="text",
            name="weights",
            text=label_text,
            textfont={"size": 14 if m * n <= 16 else 12, "color": style.INK},
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=np.zeros(n),
            y=y_in,
            mode="markers+text",
            name="inputs x",
            marker={
                "size": 34,
                "color": style.SKY,
                "line": {"color": "white", "width": 2},
            },
            text=[f"x{_sub(j + 1)} = {_num(v)}" for j, v in enumerate(layer.x)],
            textposition="middle left",
            textfont={"size": 16},
            hovertemplate="%{text}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=np.ones(m),
            y=y_out,
            mode="markers+text",
            name="outputs y",
            marker={
                "size": 34,
                "color": style.SECOND,
                "line": {"color": "white", "width": 2},
            },
            text=[
                f"b{_sub(i + 1)} = {_num(bias)}<br>z{_sub(i + 1)} = {_num(z)} → y{_sub(i + 1)} = {_num(y)}"
                for i, (bias, z, y) in enumerate(
                    zip(layer.bias, layer.z, layer.y, strict=True)
                )
            ],
            textposition="middle right",
            textfont={"size": 16},
            hovertemplate="%{text}<extra></extra>",
        )
    )
    fig.add_annotation(
        x=0.5,
        y=max(n, m) / 2 + 0.3,
        showarrow=False,
        text="blue = positive weight, vermillion = negative; thicker = larger |w|",
        font={"size": 14, "color": style.NEUTRAL},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    half = max(n, m) / 2 + 0.5
    return style.fix_range(fig, x=(-0.75, 2.1), y=(-half, half + 0.2))


def batch_figure(z: np.ndarray, y: np.ndarray) -> go.Figure:
    """The batch's outputs as a heat map: one row per example, one column per output."""
    k, m = y.shape
    fig = style.new_figure(
        "Y = f(X Wᵀ + b): one row per example",
        "",
        "",
        show_legend=False,
        height=120 + 45 * k,
    )
    limit = float(np.max(np.abs(y))) or 1.0
    fig.add_trace(
        go.Heatmap(
            z=y,
            x=[f"y{_sub(c + 1)}" for c in range(m)],
            y=[f"example {r + 1}" for r in range(k)],
            text=[[_num(v) for v in row] for row in y],
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
    )
    fig.update_yaxes(autorange="reversed", showgrid=False, zeroline=False)
    fig.update_xaxes(side="top", showgrid=False, zeroline=False)
    fig.update_layout(margin={"l": 70, "r": 20, "t": 90, "b": 20})
    return fig


# -- the transpose ---------------------------------------------------------------------------


def _transpose_traces(tr: Transpose, t: float) -> list[go.Scatter]:
    rows, cols = tr.matrix.shape
    x, y = reflection_path(rows, cols, t)
    row_of = np.repeat(np.arange(rows), cols)
    colours = [style.SERIES[r % len(style.SERIES)] for r in row_of]
    return [
        go.Scatter(
            x=x,
            y=y,
            mode="text",
            name="entries",
            text=[_num(v) for v in tr.matrix.ravel()],
            textfont={"size": 22 if max(rows, cols) <= 3 else 17, "color": colours},
            hoverinfo="skip",
        )
    ]


def transpose_figure(tr: Transpose, *, frames: int = FRAMES) -> go.Figure:
    """``Aᵀ`` with each entry coloured by its row in ``A``; ▶ Play turns A over its diagonal."""
    rows, cols = tr.matrix.shape
    side = max(rows, cols)
    fig = style.new_figure(
        f"Transpose: {shape_text(tr.matrix.shape)} → {shape_text(tr.result.shape)}, "
        "mirrored in the diagonal",
        show_legend=False,
        height=500,
    )
    before_x, before_y = _rects([(-0.5, cols - 0.5, -0.5, rows - 0.5)])
    after_x, after_y = _rects([(-0.5, rows - 0.5, -0.5, cols - 0.5)])
    fig.add_trace(
        go.Scatter(
            x=before_x,
            y=before_y,
            mode="lines",
            name="A's outline",
            line={"color": style.LIGHT, "width": 2, "dash": "dot"},
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=after_x,
            y=after_y,
            mode="lines",
            name="Aᵀ's outline",
            line={"color": style.NEUTRAL, "width": 2},
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[-0.5, side - 0.5],
            y=[-0.5, side - 0.5],
            mode="lines",
            name="main diagonal",
            line={"color": style.ACCENT, "width": 3, "dash": "dash"},
            hoverinfo="skip",
        )
    )
    dynamic = len(fig.data)
    fig.add_trace(_transpose_traces(tr, 1.0)[0])
    ts = np.linspace(0.0, 1.0, frames)
    names = [f"t{k}" for k in range(frames)]
    fig.frames = [
        go.Frame(
            name=name,
            data=[{"x": trace.x, "y": trace.y} for trace in _transpose_traces(tr, t)],
            traces=[dynamic],
        )
        for name, t in zip(names, ts, strict=True)
    ]
    labels = ["A"] + [""] * (frames - 2) + ["Aᵀ"]
    fig.update_layout(**_play_controls(names, labels, frames - 1, 70))
    fig.add_annotation(
        x=side - 0.5,
        y=side - 0.5,
        text="main diagonal",
        showarrow=False,
        xanchor="left",
        yanchor="top",
        font={"color": style.ACCENT, "size": 14},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 60, "b": 80})
    style.equal_aspect(fig)
    return style.fix_range(fig, x=(-0.8, side + 0.6), y=(side - 0.2, -0.8))
