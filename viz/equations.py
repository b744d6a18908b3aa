"""Figures for the Equations page: a line and its root; two lines and their crossing."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.equations import LinearSolution, SystemSolution, line_values, system_line
from core.parsing import display_number
from viz import style

X_RANGE = (-10.0, 10.0)
Y_RANGE = (-20.0, 20.0)


def _inside(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def linear_figure(
    solution: LinearSolution,
    *,
    x_range: tuple[float, float] = X_RANGE,
    y_range: tuple[float, float] = Y_RANGE,
) -> go.Figure:
    """The line ``y = a·x + b``: its root on ``y = 0``, intercept and slope triangle.

    Axis ranges are fixed so that moving ``a`` or ``b`` visibly moves the line.
    """
    a, b = solution.a, solution.b
    chart = style.Chart(
        f"y = {display_number(a)}·x + {display_number(b)}".replace("+ −", "− "),
        "x",
        "y",
    )
    xs = np.array(x_range)
    chart.add(
        x=xs,
        y=line_values(a, b, xs),
        mode="lines",
        name="y = a·x + b",
        line={"color": style.CURRENT, "width": 4},
        hovertemplate="x = %{x:.3g}<br>y = %{y:.3g}<extra></extra>",
    )
    # The intercept: what the model predicts for x = 0.
    if _inside(b, y_range):
        chart.add(
            x=[0],
            y=[b],
            mode="markers+text",
            name=f"intercept b = {display_number(b)}",
            marker={"color": style.SECOND, "size": 13, "symbol": "diamond"},
            text=[f"  intercept b = {display_number(b)}"],
            textposition="middle right",
            textfont={"color": style.SECOND},
            hoverinfo="skip",
        )
    _add_slope_triangle(chart, solution, x_range, y_range)
    _add_solution(chart, solution, x_range)
    return chart.ranges(x_range, y_range).figure()


def _add_slope_triangle(
    chart: style.Chart,
    solution: LinearSolution,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
) -> None:
    """Run 1, rise a: the slope drawn where the line is visible."""
    a, b = solution.a, solution.b
    if a == 0:
        return
    start = 1.0 if solution.root is None else solution.root + 1.0
    start = float(np.clip(start, x_range[0] + 0.5, x_range[1] - 1.5))
    y0 = a * start + b
    if not (_inside(y0, y_range) and _inside(y0 + a, y_range)):
        # the line leaves the view there: put the triangle on the intercept
        start, y0 = 0.0, b
        if not (_inside(y0, y_range) and _inside(y0 + a, y_range)):
            return
    chart.add(
        x=[start, start + 1, start + 1],
        y=[y0, y0, y0 + a],
        mode="lines",
        name=f"slope a = {display_number(a)} (rise per 1 step in x)",
        line={"color": style.ACCENT, "width": 3, "dash": "dot"},
        hoverinfo="skip",
    )
    chart.note(
        x=start + 1,
        y=y0 + a / 2,
        text=f"rise {display_number(a)}",
        showarrow=False,
        xanchor="left",
        xshift=6,
        font={"color": style.ACCENT},
    )
    chart.note(
        x=start + 0.5,
        y=y0,
        text="run 1",
        showarrow=False,
        yanchor="top" if a > 0 else "bottom",
        yshift=-4 if a > 0 else 4,
        font={"color": style.ACCENT},
    )


def _add_solution(
    chart: style.Chart, solution: LinearSolution, x_range: tuple[float, float]
) -> None:
    if solution.kind == "one":
        assert solution.root is not None
        root = solution.root
        if _inside(root, x_range):
            chart.add(
                x=[root],
                y=[0],
                mode="markers+text",
                name=f"root x = {display_number(root)}",
                marker={
                    "color": style.TARGET,
                    "size": 16,
                    "line": {"color": "white", "width": 2},
                },
                text=[f"x = {display_number(root)}"],
                textposition="top left",
                textfont={"color": style.TARGET, "size": 18},
                hovertemplate="root: x = %{x:.6g}<extra></extra>",
            )
        else:
            edge = x_range[1] if root > 0 else x_range[0]
            chart.note(
                x=edge,
                y=0,
                text=f"root x = {display_number(root)} is off the chart",
                showarrow=True,
                arrowhead=2,
                arrowcolor=style.TARGET,
                ax=-110 if root > 0 else 110,
                ay=-40,
                font={"color": style.TARGET},
            )
    elif solution.kind == "all":
        chart.add(
            x=list(x_range),
            y=[0, 0],
            mode="lines",
            name="every x is a solution",
            line={"color": style.TARGET, "width": 8},
            opacity=0.5,
            hoverinfo="skip",
        )
    else:
        chart.note(
            x=0,
            y=solution.b,
            text="never meets y = 0: no solution",
            showarrow=False,
            yshift=18 if solution.b > 0 else -18,
            font={"color": style.TARGET, "size": 17},
        )


def _terms(a: float, b: float) -> str:
    """``x + y``, ``2x − y``, ``−x``: no 1 before a name, no zero term."""
    written = ""
    for value, name in ((a, "x"), (b, "y")):
        if value == 0:
            continue
        number = "" if abs(value) == 1 else display_number(abs(value))
        sign = "−" if value < 0 else "+"
        written += f" {sign} {number}{name}" if written else f"{sign}{number}{name}"
    return (written[1:] if written.startswith("+") else written) or "0"


def system_figure(
    solution: SystemSolution,
    *,
    x_range: tuple[float, float] = X_RANGE,
    y_range: tuple[float, float] = X_RANGE,
) -> go.Figure:
    """Two lines ``aᵢx + bᵢy = cᵢ`` and where they cross (equal axis scales)."""
    chart = style.Chart("Two equations, two unknowns", "x", "y")
    xs = np.array(x_range)
    for index, colour in ((0, style.CURRENT), (1, style.SECOND)):
        (a_i, b_i), c_i = solution.coefficients[index], solution.constants[index]
        line_x, line_y = system_line(a_i, b_i, c_i, xs)
        label = f"{_terms(a_i, b_i)} = {display_number(c_i)}"
        same = solution.kind == "all" and index == 1
        chart.add(
            x=line_x,
            y=line_y,
            mode="lines",
            name=f"({index + 1}) {label}",
            line={"color": colour, "width": 4, "dash": "dash" if same else "solid"},
            hoverinfo="skip",
        )
    if solution.kind == "one":
        assert solution.point is not None
        x, y = solution.point
        chart.add(
            x=[x],
            y=[y],
            mode="markers+text",
            name=f"solution ({display_number(x)}, {display_number(y)})",
            marker={
                "color": style.TARGET,
                "size": 16,
                "line": {"color": "white", "width": 2},
            },
            text=[f"({display_number(x)}, {display_number(y)})"],
            textposition="top right",
            textfont={"color": style.TARGET, "size": 18},
            hoverinfo="skip",
        )
        if not (_inside(x, x_range) and _inside(y, y_range)):
            chart.note(
                x=0,
                y=y_range[1],
                yanchor="top",
                showarrow=False,
                text="the lines cross outside this view",
                font={"color": style.TARGET},
            )
    else:
        text = (
            "parallel lines never meet: no solution"
            if solution.kind == "none"
            else "the same line twice: every point on it is a solution"
        )
        chart.note(
            x=0,
            y=y_range[1],
            yanchor="top",
            showarrow=False,
            text=text,
            font={"color": style.TARGET, "size": 17},
            bgcolor="rgba(255,255,255,0.8)",
        )
    return chart.ranges(x_range, y_range, equal_units=True).figure()
