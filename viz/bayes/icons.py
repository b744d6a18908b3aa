"""The icon array: one square per person, coloured by A/¬A and B/¬B."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.bayes import Bayes, Counts, Perspective, Story, percent
from viz import style
from viz.bayes.common import OUTLINE, group_colours, group_labels, hidden_axis

#: (rows, columns) of the icon array for each population; filled column by column.
GRID = {100: (10, 10), 1000: (20, 50), 10_000: (100, 100)}
#: Order of the four groups in the icon array: A∩¬B, A∩B, ¬A∩B, ¬A∩¬B, so that
#: both A (the first two) and B (the middle two) are one contiguous block.
ORDER = ("a_not_b", "a_b", "not_a_b", "not_a_not_b")


def icon_codes(counts: Counts) -> np.ndarray:
    """The group (0 … 3, in ``ORDER``) of every person, as the grid (rows, columns).

    People are laid out column by column, so each group is a run of cells.
    """
    rows, cols = GRID[counts.n]
    sizes = [getattr(counts, key) for key in ORDER]
    flat = np.repeat(np.arange(4, dtype=np.uint8), sizes)
    return flat.reshape(cols, rows).T


def run_outline(start: int, stop: int, rows: int) -> tuple[list[Any], list[Any]]:
    """The outline of cells ``start … stop − 1`` laid out column by column.

    Returns polygon coordinates in cell units (cell ``(r, c)`` spans
    ``c − ½ … c + ½`` and ``r − ½ … r + ½``); two pieces are separated by
    ``None`` when the run's first and last columns do not touch.
    """
    if stop <= start:
        return [], []
    c0, r0 = divmod(start, rows)
    c1, r1 = divmod(stop - 1, rows)
    h = 0.5
    if c0 == c1:
        xs = [c0 - h, c0 + h, c0 + h, c0 - h, c0 - h]
        ys = [r0 - h, r0 - h, r1 + h, r1 + h, r0 - h]
        return xs, ys
    if c1 == c0 + 1 and r1 + 1 < r0:
        # two separate pieces: the tail of one column and the head of the next
        first = (
            [c0 - h, c0 + h, c0 + h, c0 - h, c0 - h],
            [r0 - h, r0 - h, rows - h, rows - h, r0 - h],
        )
        second = (
            [c1 - h, c1 + h, c1 + h, c1 - h, c1 - h],
            [-h, -h, r1 + h, r1 + h, -h],
        )
        return first[0] + [None] + second[0], first[1] + [None] + second[1]
    xs = [c0 - h, c0 + h, c0 + h, c1 + h, c1 + h, c1 - h, c1 - h, c0 - h, c0 - h]
    ys = [r0 - h, r0 - h, -h, -h, r1 + h, r1 + h, rows - h, rows - h, r0 - h]
    return xs, ys


def _people(counts: Counts, colours: dict[str, str]) -> dict[str, Any]:
    """A single heatmap of ``uint8`` group codes: 10,000 people in ~14 KB."""
    scale = []
    for index, key in enumerate(ORDER):
        scale += [[index / 4, colours[key]], [(index + 1) / 4, colours[key]]]
    gap = {100: 3, 1000: 1, 10_000: 0}[counts.n]
    return {
        "type": "heatmap",
        "z": icon_codes(counts),
        "zmin": -0.5,
        "zmax": 3.5,
        "colorscale": scale,
        "showscale": False,
        "xgap": gap,
        "ygap": gap,
        "hoverinfo": "skip",
        "name": "people",
        "showlegend": False,
    }


def _legend(
    counts: Counts, story: Story, colours: dict[str, str]
) -> list[dict[str, Any]]:
    """One legend entry per group, with its count (empty traces, legend only)."""
    labels = group_labels(story)
    return [
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "markers",
            "name": f"{labels[key]}: {getattr(counts, key):,}",
            "marker": {
                "color": colours[key],
                "symbol": "square",
                "size": 15,
                "line": {"color": "#999999", "width": 1},
            },
            "hoverinfo": "skip",
        }
        for key in ("a_b", "a_not_b", "not_a_b", "not_a_not_b")
    ]


def _outlines(
    counts: Counts, story: Story, perspective: Perspective
) -> list[dict[str, Any]]:
    """The B group and/or the A group outlined in black, as the perspective asks."""
    rows = GRID[counts.n][0]
    outlines = []
    if perspective in ("posterior", "all"):
        name = f"outlined: the {story.b} group ({counts.b:,})"
        outlines.append((counts.a_not_b, counts.a_not_b + counts.b, name, "solid", 4))
    if perspective in ("likelihood", "all"):
        dash, width = ("dash", 3) if perspective == "all" else ("solid", 4)
        name = f"outlined: the {story.a} group ({counts.a:,})"
        outlines.append((0, counts.a, name, dash, width))
    traces = []
    for start, stop, name, dash, width in outlines:
        xs, ys = run_outline(start, stop, rows)
        traces.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "mode": "lines",
                "name": name,
                "line": {"color": OUTLINE, "width": width, "dash": dash},
                "hoverinfo": "skip",
            }
        )
    return traces


def _fraction_title(name: str, top: int, bottom: int) -> str:
    if bottom == 0:
        return f"{name}: nobody in the outlined group"
    return f"{name} ≈ {top:,} of {bottom:,} = {percent(top / bottom)}"


def icon_array_figure(
    result: Bayes, counts: Counts, story: Story, perspective: Perspective
) -> go.Figure:
    """One square per person, coloured by A/¬A and B/¬B, the focus group outlined."""
    rows, cols = GRID[counts.n]
    colours = group_colours(perspective)
    data = [
        _people(counts, colours),
        *_legend(counts, story, colours),
        *_outlines(counts, story, perspective),
    ]
    title = {
        "posterior": _fraction_title("P(A|B)", counts.a_b, counts.b),
        "likelihood": _fraction_title("P(B|A)", counts.a_b, counts.a),
        "all": f"P(A) = {counts.a:,} / {counts.n:,}, P(B) = {counts.b:,} / {counts.n:,}",
    }[perspective]
    height = {100: 560, 1000: 420, 10_000: 700}[counts.n]
    layout = style.base_layout(
        f"{counts.n:,} {story.unit}, one square each — {title}", height=height
    )
    layout.update(
        xaxis=hidden_axis(-0.5, cols - 0.5, constrain="domain"),
        yaxis=hidden_axis(rows - 0.5, -0.5, scaleanchor="x", constrain="domain"),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
    )
    layout["legend"] = {
        **layout["legend"],
        "y": -0.01,
        "yanchor": "top",
        "x": 0.0,
        "xanchor": "left",
    }
    return style.figure(data, layout)
