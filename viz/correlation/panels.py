"""Anscombe's quartet on four panels, and the correlation matrix with its ranking."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.correlation import FeatureMatrix, PairStats, format_r
from viz import style
from viz.correlation.common import (
    ANSCOMBE_X,
    ANSCOMBE_Y,
    DIVERGING,
    NEGATIVE,
    POSITIVE,
    line_trace,
    plain,
    points_trace,
)


def _grid_axes(
    chart: style.Chart, rows: int, cols: int, gap: float = 0.1
) -> list[tuple[str, str]]:
    """Lay out ``rows × cols`` panels; return the (xaxis, yaxis) names row by row."""
    base_x, base_y = chart.layout.pop("xaxis"), chart.layout.pop("yaxis")
    width = (1 - gap * (cols - 1)) / cols
    height = (1 - gap * 1.4 * (rows - 1)) / rows
    names = []
    for row in range(rows):
        for col in range(cols):
            k = row * cols + col + 1
            suffix = "" if k == 1 else str(k)
            x0 = col * (width + gap)
            y1 = 1 - row * (height + gap * 1.4)
            chart.layout[f"xaxis{suffix}"] = {
                **base_x,
                "title": None,
                "domain": [x0, x0 + width],
                "anchor": f"y{suffix}",
                "range": list(ANSCOMBE_X),
                "autorange": False,
            }
            chart.layout[f"yaxis{suffix}"] = {
                **base_y,
                "title": None,
                "domain": [y1 - height, y1],
                "anchor": f"x{suffix}",
                "range": list(ANSCOMBE_Y),
                "autorange": False,
            }
            names.append((f"x{suffix}", f"y{suffix}"))
    return names


def anscombe_figure(quartet: dict[str, PairStats]) -> go.Figure:
    """The quartet side by side on identical axes, each with its (identical) line."""
    chart = style.Chart(
        "Anscombe's quartet: same statistics, four different pictures",
        height=640,
        show_legend=False,
    )
    chart.layout["margin"] = {"t": 60, "l": 45, "r": 15, "b": 35}
    axes = _grid_axes(chart, 2, 2)
    for (name, stats), (xaxis, yaxis) in zip(quartet.items(), axes, strict=True):
        assert stats.r is not None
        chart.traces.append(
            points_trace(
                stats.x,
                stats.y,
                f"data set {name}",
                style.CURRENT,
                f"{name}: x = %{{x}}<br>y = %{{y}}<extra></extra>",
                size=11,
                xaxis=xaxis,
                yaxis=yaxis,
            )
        )
        line = line_trace(stats, ANSCOMBE_X, xaxis=xaxis, yaxis=yaxis, showlegend=False)
        assert line is not None
        chart.traces.append(line)
        chart.note(
            x=ANSCOMBE_X[0] + 0.3,
            y=ANSCOMBE_Y[1] - 0.3,
            xref=xaxis,
            yref=yaxis,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            align="left",
            text=f"<b>{name}</b>   r = {format_r(stats.r)}",
            font={"size": 17},
        )
    return chart.figure()


def _label(name: str) -> str:
    """A column name as a tick label: text, never markup; long names on two lines."""
    name = plain(name)
    return name.replace(" ", "<br>") if len(name) > 8 else name


def _outline(row: int, col: int) -> dict[str, object]:
    return {
        "type": "rect",
        "x0": col - 0.5,
        "x1": col + 0.5,
        "y0": row - 0.5,
        "y1": row + 0.5,
        "line": {"color": style.ACCENT, "width": 4},
    }


def heatmap_figure(
    fm: FeatureMatrix, selected: tuple[str, str] | None = None
) -> go.Figure:
    """``np.corrcoef`` of every pair, −1 blue … +1 orange, values written in.

    A transparent marker sits on every cell so a click selects it (Plotly heatmaps
    themselves send no selection events); ``customdata`` holds the two names
    (column of the cell = x, row = y). Names (a learner's columns) are shown as
    text, never as Plotly's HTML-like markup.
    """
    k = len(fm.names)
    idx = np.arange(k)
    chart = style.Chart(
        "Correlation matrix: np.corrcoef(data, rowvar=False)",
        height=520,
        show_legend=False,
    )
    chart.add(
        "heatmap",
        z=fm.matrix,
        x=idx,
        y=idx,
        zmin=-1,
        zmax=1,
        colorscale=DIVERGING,
        text=[[format_r(v, 2) for v in row] for row in fm.matrix],
        texttemplate="%{text}",
        textfont={"size": 17},
        hoverinfo="skip",
        colorbar={"title": {"text": "r"}, "thickness": 16, "len": 0.9},
        xgap=2,
        ygap=2,
        name="r",
    )
    cols, rows = np.meshgrid(idx, idx)
    names = np.array(fm.names)
    chart.add(
        x=cols.ravel(),
        y=rows.ravel(),
        mode="markers",
        name="cells",
        marker={"size": 46, "symbol": "square", "opacity": 0, "color": style.ACCENT},
        selected={"marker": {"opacity": 0}},
        unselected={"marker": {"opacity": 0}},
        customdata=np.column_stack([names[cols.ravel()], names[rows.ravel()]]),
        text=[
            f"{plain(names[i])} vs {plain(names[j])}<br>r = {format_r(v)}"
            for i, j, v in zip(
                rows.ravel(), cols.ravel(), fm.matrix.ravel(), strict=True
            )
        ],
        hovertemplate="%{text}<br>click to plot them<extra></extra>",
    )
    if selected is not None:
        j, i = fm.names.index(selected[0]), fm.names.index(selected[1])
        chart.shapes += [_outline(a, b) for a, b in {(i, j), (j, i)}]
    ticks = [_label(name) for name in fm.names]
    axis = {"tickvals": idx, "ticktext": ticks, "showgrid": False, "zeroline": False}
    chart.layout["xaxis"] = {**chart.layout["xaxis"], **axis}
    chart.layout["yaxis"] = {**chart.layout["yaxis"], **axis}
    chart.layout["margin"] = {"l": 90, "r": 20, "t": 60, "b": 70}
    return chart.ranges((-0.5, k - 0.5), (k - 0.5, -0.5)).figure()


def ranking_figure(fm: FeatureMatrix) -> go.Figure:
    """Features ranked by |r| with the target: longer bar, more useful alone."""
    ranking = fm.ranking()
    chart = style.Chart(
        f"Features ranked by |r| with {plain(fm.target)}",
        "|r|",
        "",
        show_legend=False,
        height=360,
    )
    names = [plain(name) for name, _ in ranking][::-1]
    values = np.array([r for _, r in ranking][::-1])
    chart.add(
        "bar",
        x=np.abs(values),
        y=names,
        orientation="h",
        marker={"color": [POSITIVE if v > 0 else NEGATIVE for v in values]},
        text=[f"r = {format_r(v, 2)}" for v in values],
        textposition="outside",
        cliponaxis=False,
        name="|r| with the target",
        hovertemplate="%{y}: %{text}<extra></extra>",
    )
    chart.layout["margin"] = {"l": 110, "r": 20, "t": 60, "b": 55}
    return chart.ranges(x=(0.0, 1.2)).figure()
