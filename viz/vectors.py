"""Figures for the Vectors page: arrows with the angle and the projection; the sum term by term."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.parsing import display_number
from core.vectors import DotProduct, plane_coordinates
from viz import style

#: The plane view's sliders go from −5 to 5; the view leaves room for the tips'
#: labels and the projection (its foot stays within about 6.04 of the origin).
PLANE_LIMIT = 6.5


def _point(values: np.ndarray) -> str:
    return "(" + ", ".join(display_number(v, 3) for v in values) + ")"


def away_from_a(a: np.ndarray, b: np.ndarray) -> tuple[str, str]:
    """Which side of the line through ``b`` to write the shadow's length on.

    The side away from ``a``, where the angle θ is not, as Plotly names a text
    position: ``("bottom", "left")`` is ``textposition="bottom left"``. A
    direction within about 22° of an axis keeps to it (``"center"``,
    ``"middle"``); a slanting one takes the corner, clear of the slanting line.
    """
    cross = float(b[0] * a[1] - b[1] * a[0])
    if abs(cross) <= 1e-12 * float(np.hypot(*a) * np.hypot(*b)):
        # a on the line: a half-turn's arc goes anticlockwise from a, so go clockwise
        nx, ny = float(a[1]), -float(a[0])
    else:  # the perpendicular to b on the other side from a
        sign = 1.0 if cross > 0 else -1.0
        nx, ny = sign * float(b[1]), -sign * float(b[0])
    size = math.hypot(nx, ny) or 1.0
    lean = 0.38  # sin 22°
    vertical = (
        "top" if ny > lean * size else "bottom" if ny < -lean * size else "middle"
    )
    across = "right" if nx > lean * size else "left" if nx < -lean * size else "center"
    return vertical, across


def side_note(side: tuple[str, str]) -> dict[str, Any]:
    """An annotation's anchor and shift (pixels) that puts it on ``side`` of a point."""
    vertical, across = side
    return {
        "yanchor": {"top": "bottom", "bottom": "top"}.get(vertical, "middle"),
        "yshift": {"top": 6, "bottom": -6}.get(vertical, 0),
        "xanchor": {"left": "right", "right": "left"}.get(across, "center"),
        "xshift": {"left": -8, "right": 8}.get(across, 0),
    }


def nice_limit(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10ᵏ that is at least ``value`` (axis limits)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if step * power >= value * (1 - 1e-12):
            return step * power
    return 10.0 * power  # pragma: no cover - the loop always returns


def _arrow(
    chart: style.Chart, tip: np.ndarray, colour: str, name: str, label: str
) -> None:
    """An arrow from the origin: a line trace (legend, hover) and an arrow head."""
    x, y = float(tip[0]), float(tip[1])
    chart.add(
        x=[0.0, x],
        y=[0.0, y],
        mode="lines",
        name=name,
        line={"color": colour, "width": 5},
        hovertemplate=f"{name}<extra></extra>",
    )
    if float(np.hypot(*tip)) > 0:
        chart.note(
            x=x,
            y=y,
            ax=0,
            ay=0,
            axref="x",
            ayref="y",
            xref="x",
            yref="y",
            showarrow=True,
            arrowhead=3,
            arrowsize=1.2,
            arrowwidth=4,
            arrowcolor=colour,
            text="",
        )
        chart.note(
            x=x,
            y=y,
            text=f"<b>{label}</b>",
            showarrow=False,
            xshift=16 if tip[0] >= 0 else -16,
            yshift=14 if tip[1] >= 0 else -14,
            font={"color": colour, "size": 20},
        )


def vectors_figure(result: DotProduct, plane: bool = True) -> go.Figure:
    """Arrows ``a`` and ``b`` from the origin, the angle between them and the projection.

    ``plane=True`` draws 2-D vectors at their own coordinates on fixed axes
    (±7.5). Otherwise (any dimension) they are drawn in the plane they span,
    ``a`` along the horizontal axis: lengths and the angle are exact.
    """
    flat = plane and result.dimension == 2
    if flat:
        a, b = result.a, result.b
        title = "a and b as arrows from the origin"
        limit = PLANE_LIMIT
        x_title, y_title = "x₁", "x₂"
    else:
        a, b = plane_coordinates(result)
        title = f"a and b in the plane they span ({result.dimension}-D vectors)"
        limit = 1.15 * max(result.norm_a, result.norm_b, 1e-12)
        x_title, y_title = "along a", "across a, towards b"
    chart = style.Chart(title, x_title, y_title, height=520, show_legend=False)
    chart.layout["title"]["font"] = {"size": 18}
    if result.norm_b > 0:
        # the line through b, on which a casts its shadow
        ends = np.outer([-2 * limit, 2 * limit], b / np.hypot(*b))
        chart.add(
            x=ends[:, 0],
            y=ends[:, 1],
            mode="lines",
            name="the line through b",
            line={"color": style.LIGHT, "width": 2, "dash": "dash"},
            hoverinfo="skip",
        )
    if result.projection_length is not None and result.norm_b > 0:
        _projection(chart, a, b, result)
        _angle_arc(chart, a, b, result)
    _arrow(chart, b, style.SECOND, f"b = {_point(result.b)}", "b")
    _arrow(chart, a, style.CURRENT, f"a = {_point(result.a)}", "a")
    if result.relation == "zero":
        chart.note(
            x=0,
            y=limit,
            yanchor="top",
            showarrow=False,
            text="a zero vector has no direction: no angle, no projection",
            font={"color": style.TARGET, "size": 17},
            bgcolor="rgba(255,255,255,0.85)",
        )
    # In the plane of a and b, b always lies above the axis of a: no need for the bottom half.
    low = -limit if flat else -0.35 * limit
    chart.ranges((-limit, limit), (low, limit))
    # one unit of x as long as one of y, so angles look right
    chart.layout["yaxis"].update(scaleanchor="x", scaleratio=1)
    return chart.figure()


def _projection(
    chart: style.Chart, a: np.ndarray, b: np.ndarray, result: DotProduct
) -> None:
    """The shadow of a on b: the drop at a right angle, the segment and its length."""
    assert result.projection_length is not None
    length = display_number(result.projection_length, 3)
    direction = b / np.max(np.abs(b))  # scaled first: tiny b has a direction too
    foot = result.projection_length * direction / np.hypot(*direction)
    chart.add(
        x=[float(a[0]), float(foot[0])],
        y=[float(a[1]), float(foot[1])],
        mode="lines",
        name="drop from a at a right angle",
        line={"color": style.NEUTRAL, "width": 2, "dash": "dot"},
        hoverinfo="skip",
    )
    chart.add(
        x=[0.0, float(foot[0])],
        y=[0.0, float(foot[1])],
        mode="lines+markers",
        name=f"projection of a on b: length {length}",
        line={"color": style.TARGET, "width": 9},
        marker={"size": [0, 12], "color": style.TARGET},
        opacity=0.85,
        hovertemplate=(
            f"shadow of a on b<br>signed length a·b/|b| = {length}<extra></extra>"
        ),
    )
    middle = foot / 2
    chart.note(
        x=float(middle[0]),
        y=float(middle[1]),
        text=f"shadow {length}",
        showarrow=False,
        **side_note(away_from_a(a, b)),  # not on the angle's side
        font={"color": style.TARGET, "size": 15},
        bgcolor="rgba(255,255,255,0.75)",
    )


def _angle_arc(
    chart: style.Chart, a: np.ndarray, b: np.ndarray, result: DotProduct
) -> None:
    """A small arc from a to b with the angle written beside it."""
    assert result.angle_degrees is not None
    start = math.atan2(float(a[1]), float(a[0]))
    end = math.atan2(float(b[1]), float(b[0]))
    sweep = (end - start + math.pi) % (2 * math.pi) - math.pi  # shortest way
    if abs(abs(sweep) - math.pi) < 1e-9:
        sweep = math.pi
    radius = 0.3 * min(float(np.hypot(*a)), float(np.hypot(*b)))
    radius = max(radius, 0.25)
    angles = start + np.linspace(0.0, sweep, 24)
    angle = display_number(result.angle_degrees, 3)
    chart.add(
        x=radius * np.cos(angles),
        y=radius * np.sin(angles),
        mode="lines",
        name=f"angle θ = {angle}°",
        line={"color": style.ACCENT, "width": 3},
        hoverinfo="skip",
    )
    middle = start + sweep / 2
    # Only θ in the angle (its value would cover the arrows at the origin) ...
    chart.note(
        x=1.6 * radius * math.cos(middle),
        y=1.6 * radius * math.sin(middle),
        text="θ",
        showarrow=False,
        font={"color": style.ACCENT, "size": 17},
        bgcolor="rgba(255,255,255,0.7)",
    )
    # ... and its value in the corner, where nothing else is drawn.
    chart.note(
        x=0,
        y=1,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="top",
        xshift=6,
        text=f"θ = {angle}°",
        showarrow=False,
        font={"color": style.ACCENT, "size": 17},
        bgcolor="rgba(255,255,255,0.85)",
    )


def terms_figure(result: DotProduct) -> go.Figure:
    """The dot product as a running sum: one step per term ``aᵢ·bᵢ``, then the total.

    Each term is a bar floating from the sum before it (``base``) to the sum after
    it, rising in one colour and falling in another, with a dotted step to the
    next; the last bar is the total ``a·b`` from zero (a waterfall chart drawn
    with bars, which the page's small Plotly draws). The value axis is symmetric
    and rounded up to 1, 2, 2.5 or 5 × 10ᵏ of the largest partial sum, so small
    changes keep the scale still.
    """
    labels = [
        f"a{_sub(i + 1)}b{_sub(i + 1)}<br>{display_number(x, 3)}·{display_number(y, 3)}"
        for i, (x, y) in enumerate(zip(result.a, result.b, strict=True))
    ]
    terms = np.asarray(result.terms, dtype=float)
    partial = np.concatenate([[0.0], np.cumsum(terms)])
    limit = 1.15 * nice_limit(float(np.max(np.abs(partial))))
    chart = style.Chart(
        "The dot product, term by term", "", "running sum", show_legend=False
    )
    chart.add(
        "bar",
        x=labels,
        y=terms,
        base=partial[:-1],
        name="terms aᵢ·bᵢ",
        marker={"color": [style.THIRD if t >= 0 else style.TARGET for t in terms]},
        text=[_signed(t) for t in terms],
        textposition="outside",
        textfont={"size": 17},
        hovertemplate="%{x}<br>%{text}<extra></extra>",
    )
    chart.add(
        "bar",
        x=["a·b"],
        y=[float(result.dot)],
        name="a·b",
        marker={"color": style.CURRENT},
        text=[display_number(result.dot, 6)],
        textposition="outside",
        textfont={"size": 17},
        hovertemplate="%{x}<br>%{text}<extra></extra>",
    )
    for i, level in enumerate(partial[1:]):  # a step from each bar's end to the next
        chart.shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "y",
                "x0": i + 0.4,
                "x1": i + 0.6,
                "y0": float(level),
                "y1": float(level),
                "line": {"color": style.NEUTRAL, "dash": "dot", "width": 2},
            }
        )
    chart.layout["barmode"] = "overlay"
    chart.layout["xaxis"]["tickfont"] = {"size": 15}
    return chart.ranges(y=(-limit, limit)).figure()


def _signed(value: float) -> str:
    return ("+" if value >= 0 else "") + display_number(value, 3)


def _sub(index: int) -> str:
    return str(index).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
