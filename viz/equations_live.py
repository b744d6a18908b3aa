"""The line ``y = a·x + b`` drawn for a live chart (``ui.live_chart``).

The same picture as :func:`viz.equations.linear_figure`, built so that a drag can
swap frames without redrawing: every figure has the same traces in the same
order (an empty trace when there is nothing to show), and every word that moves
is a text trace, not a layout annotation. Two traces carry the handles a learner
drags: ``uid="intercept"`` (the point ``(0, b)``) and ``uid="slope-handle"``
(the tip ``(1, a + b)`` of the slope triangle, whose run is 1 and rise is ``a``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.equations import LinearSolution, line_values
from core.parsing import display_number
from viz import style
from viz.equations import X_RANGE, Y_RANGE

NONE: dict[str, Any] = {"x": [], "y": []}


def _line_title(a: float, b: float) -> str:
    return f"y = {display_number(a)}·x + {display_number(b)}".replace("+ −", "− ")


def linear_live_figure(solution: LinearSolution) -> go.Figure:
    """The line, its intercept, slope triangle and root, with fixed traces and axes."""
    a, b = solution.a, solution.b
    chart = style.Chart(_line_title(a, b), "x", "y")
    xs = np.array(X_RANGE)
    chart.add(
        uid="line",
        x=xs,
        y=line_values(a, b, xs),
        mode="lines",
        name="y = a·x + b",
        line={"color": style.CURRENT, "width": 4},
        hovertemplate="x = %{x:.3g}<br>y = %{y:.3g}<extra></extra>",
    )
    chart.add(
        uid="slope",
        x=[0.0, 1.0, 1.0],
        y=[b, b, a + b],
        mode="lines",
        name="slope a: rise per 1 step in x",
        line={"color": style.ACCENT, "width": 3, "dash": "dot"},
        hoverinfo="skip",
    )
    chart.add(
        uid="slope-words",
        x=[0.5, 1.0],
        y=[b, b + a / 2],
        mode="text",
        text=["run 1", f"  rise {display_number(a)}"],
        textposition=["bottom center" if a > 0 else "top center", "middle right"],
        textfont={"color": style.ACCENT, "size": 15},
        showlegend=False,
        hoverinfo="skip",
    )
    chart.add(
        uid="intercept",
        x=[0.0],
        y=[b],
        mode="markers+text",
        name="intercept b",
        marker={"color": style.SECOND, "size": 13, "symbol": "diamond"},
        text=[f"b = {display_number(b)}  "],
        textposition="middle left",
        textfont={"color": style.SECOND},
        hoverinfo="skip",
    )
    chart.add(
        uid="slope-handle",
        x=[1.0],
        y=[a + b],
        mode="markers",
        name="slope handle",
        marker={"color": style.ACCENT, "size": 11},
        showlegend=False,
        hoverinfo="skip",
    )
    _add_solution(chart, solution)
    return chart.ranges(X_RANGE, Y_RANGE).figure()


def _add_solution(chart: style.Chart, solution: LinearSolution) -> None:
    """The root on ``y = 0`` (or the whole axis, or a note): always three traces."""
    root = solution.root
    inside = root is not None and X_RANGE[0] <= root <= X_RANGE[1]
    at: dict[str, Any] = {"x": [root], "y": [0.0]} if inside else NONE
    chart.add(
        uid="root",
        **at,
        mode="markers+text",
        name="root: where y = 0",
        marker={
            "color": style.TARGET,
            "size": 16,
            "line": {"color": "white", "width": 2},
        },
        text=[f"x = {display_number(root)}"] if inside and root is not None else [],
        textposition="top left",
        textfont={"color": style.TARGET, "size": 18},
        hovertemplate="root: x = %{x:.6g}<extra></extra>",
    )
    every: dict[str, Any] = (
        {"x": list(X_RANGE), "y": [0.0, 0.0]} if solution.kind == "all" else NONE
    )
    chart.add(
        uid="all",
        **every,
        mode="lines",
        name="every x is a solution",
        line={"color": style.TARGET, "width": 8},
        opacity=0.5,
        showlegend=False,
        hoverinfo="skip",
    )
    if solution.kind == "none":
        note, x, y = "never meets y = 0: no solution", 0.0, solution.b
    elif root is not None and not inside:
        edge = X_RANGE[1] - 0.3 if root > 0 else X_RANGE[0] + 0.3
        note, x, y = f"root x = {display_number(root)} is off the chart", edge, 0.0
    else:
        note, x, y = "", 0.0, 0.0
    chart.add(
        uid="note",
        x=[x] if note else [],
        y=[y] if note else [],
        mode="text",
        text=[note] if note else [],
        textposition=(
            "top left" if x > 0 else ("top right" if x < 0 else "bottom center")
        ),
        textfont={"color": style.TARGET, "size": 17},
        showlegend=False,
        hoverinfo="skip",
    )
