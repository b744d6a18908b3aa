"""The class's answers on the projector: a dot plot, one dot per student.

Dots are stacked in bins (a histogram drawn with dots), so 5 or 120 answers read
the same way. Before the reveal the x range is taken from the answers only (a
range centred on the true answer would give it away); after the reveal the true
answer is a vermillion line with its "close" band, and the range includes it.

Names (nicknames are data) go into the hover text only when the teacher asks for
them, with ``<`` and ``>`` replaced, because Plotly reads a subset of HTML in text.

>>> fig = class_answers_figure((1.0, 1.2, 3.0), answered=3, students=4)
>>> fig.layout.title.text
'3 of 4 students answered'
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from core.parsing import display_number
from viz.style import CURRENT, NEUTRAL, TARGET, Chart, rgba

#: Bins of the dot plot (an odd number puts a lone answer in the middle).
BINS = 21
HEIGHT = 360
#: Longest name shown in a hover label.
NAME_LENGTH = 24


def _span(
    values: Sequence[float], answer: float | None, tolerance: float
) -> tuple[float, float]:
    """The x range: the answers (and the revealed answer with its band), padded."""
    points = [float(v) for v in values if math.isfinite(v)]
    if answer is not None:
        points += [answer - tolerance, answer + tolerance]
    if not points:
        return (-1.0, 1.0)
    low, high = min(points), max(points)
    width = high - low
    pad = 0.08 * width if width > 0 else max(abs(low) * 0.1, 0.5)
    return (low - pad, high + pad)


def stack(
    values: Sequence[float], span: tuple[float, float]
) -> tuple[np.ndarray, np.ndarray]:
    """Each value's x (its bin's centre) and y (its height in the bin's stack).

    >>> x, y = stack((0.0, 0.01, 1.0), (0.0, 1.0))
    >>> y.tolist()
    [1.0, 2.0, 1.0]
    """
    data = np.asarray(values, dtype=float)
    low, high = span
    edges = np.linspace(low, high, BINS + 1)
    which = np.clip(np.searchsorted(edges, data, side="right") - 1, 0, BINS - 1)
    centres = (edges[:-1] + edges[1:]) / 2
    heights = np.zeros(BINS)
    y = np.empty(len(data))
    for i, b in enumerate(which):  # a class has at most a few hundred answers
        heights[b] += 1
        y[i] = heights[b]
    return centres[which], y


def _plain(name: str) -> str:
    cut = name[:NAME_LENGTH]
    return cut.replace("<", "‹").replace(">", "›").replace("&", "+")


def class_answers_figure(
    values: Sequence[float],
    *,
    answered: int,
    students: int,
    answer: float | None = None,
    tolerance: float = 0.0,
    names: Sequence[str] | None = None,
    unit: str = "",
) -> go.Figure:
    """The dot plot of ``values``; ``answer`` (once revealed) drawn with its band.

    ``names`` (same order as ``values``) label the dots' hover text; ``None``
    keeps the class anonymous.
    """
    span = _span(values, answer, tolerance)
    x, y = stack(values, span)
    noun = "student" if students == 1 else "students"
    chart = Chart(
        f"{answered} of {students} {noun} answered",
        f"answer{f' ({unit.strip()})' if unit.strip() else ''}",
        "students",
        height=HEIGHT,
        show_legend=False,
    )
    top = max(4.0, float(y.max()) + 1.0) if len(y) else 4.0
    chart.ranges(span, (0, top))
    hover = "%{x}<extra></extra>"
    trace: dict[str, object] = {
        "x": x,
        "y": y,
        "mode": "markers",
        "name": "answers",
        "marker": {
            "size": 16,
            "color": CURRENT,
            "line": {"color": "white", "width": 1},
        },
        "hovertemplate": hover,
    }
    if names is not None:
        trace["text"] = [_plain(name) for name in names]
        trace["hovertemplate"] = "%{text}: %{x}<extra></extra>"
    chart.add("scatter", **trace)
    if answer is not None:
        _reveal(chart, answer, tolerance, unit)
    if not len(y):
        chart.note(
            x=0.5,
            y=0.5,
            xref="paper",
            yref="paper",
            text="No answer yet",
            showarrow=False,
            font={"color": NEUTRAL, "size": 18},
        )
    chart.layout["yaxis"].update(dtick=1 if top <= 12 else None, tickformat="d")
    return chart.figure()


def _reveal(chart: Chart, answer: float, tolerance: float, unit: str) -> None:
    """The true answer: a vermillion line, its "close" band and its value."""
    chart.shapes.append(
        {
            "type": "rect",
            "x0": answer - tolerance,
            "x1": answer + tolerance,
            "y0": 0,
            "y1": 1,
            "yref": "paper",
            "fillcolor": rgba(TARGET, 0.15),
            "line": {"width": 0},
            "layer": "below",
        }
    )
    chart.shapes.append(
        {
            "type": "line",
            "x0": answer,
            "x1": answer,
            "y0": 0,
            "y1": 1,
            "yref": "paper",
            "line": {"color": TARGET, "width": 4},
        }
    )
    chart.note(
        x=answer,
        y=1.0,
        yref="paper",
        yanchor="bottom",
        text=f"answer {display_number(answer)}{unit}",
        showarrow=False,
        font={"color": TARGET, "size": 18},
    )
