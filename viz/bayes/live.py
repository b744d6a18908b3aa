"""The icon array drawn for a live chart (``ui.live_chart``): scrub the prior P(A).

The picture of :func:`viz.bayes.icons.icon_array_figure` beside two bars of
belief (before: P(A), after B: P(A|B)), built so that a drag can swap frames
without a redraw. People are laid out column by column, so each of the four
groups is one run of cells: here each run is one filled outline
(:func:`viz.bayes.icons.run_outline`) under thin white lines that draw the
squares, instead of a heatmap (which a frame cannot change without a full
redraw, and whose every cell a frame would carry). Every figure has the same
traces in the same order. Returned as plain data (``ui.live_frames.FigureData``).
"""

from __future__ import annotations

from typing import Any

from core.bayes import Bayes, Counts, Perspective, Story, percent
from viz import style
from viz.bayes.common import (
    OUTLINE,
    PERCENT_TICKS,
    group_colours,
    group_labels,
    hidden_axis,
)
from viz.bayes.icons import GRID, ORDER, _fraction_title, run_outline

#: Where the icon array ends and the bars begin (paper fractions).
ICONS_RIGHT, BARS_LEFT = 0.74, 0.8
#: Width of the white lines between squares, per population (none for 10,000).
GAPS = {100: 3, 1000: 1, 10_000: 0}
NONE: dict[str, Any] = {"x": [], "y": []}


def cell_lines(rows: int, cols: int) -> dict[str, list[Any]]:
    """The borders between cells, as one path with ``None`` between lines."""
    xs: list[Any] = []
    ys: list[Any] = []
    for c in range(1, cols):
        xs += [c - 0.5, c - 0.5, None]
        ys += [-0.5, rows - 0.5, None]
    for r in range(1, rows):
        xs += [-0.5, cols - 0.5, None]
        ys += [r - 0.5, r - 0.5, None]
    return {"x": xs, "y": ys}


def _groups(
    counts: Counts | None, rows: int, colours: dict[str, str]
) -> list[dict[str, Any]]:
    """One filled outline per group, in ``ORDER`` (empty when nobody is in it)."""
    traces, start = [], 0
    for key in ORDER:
        size = getattr(counts, key) if counts is not None else 0
        xs, ys = run_outline(start, start + size, rows)
        start += size
        traces.append(
            {
                "type": "scatter",
                "uid": f"group-{key}",
                "x": xs,
                "y": ys,
                "mode": "lines",
                "fill": "toself",
                "fillcolor": colours[key],
                "line": {"width": 0, "color": colours[key]},
                "showlegend": False,
                "hoverinfo": "skip",
            }
        )
    return traces


def _outlines(
    counts: Counts | None, story: Story, perspective: Perspective, rows: int
) -> list[dict[str, Any]]:
    """The B group and the A group outlined (an empty trace when not looked at)."""
    b_run = (counts.a_not_b, counts.a_not_b + counts.b) if counts else (0, 0)
    a_run = (0, counts.a) if counts else (0, 0)
    shown_b = perspective in ("posterior", "all")
    shown_a = perspective in ("likelihood", "all")
    dash, width = ("dash", 3) if perspective == "all" else ("solid", 4)
    traces = []
    b_name, a_name = f"outlined: the {story.b} group", f"outlined: the {story.a} group"
    if counts is not None:
        b_name, a_name = f"{b_name} ({counts.b:,})", f"{a_name} ({counts.a:,})"
    for uid, run, shown, name, line in (
        ("outline-b", b_run, shown_b, b_name, ("solid", 4)),
        ("outline-a", a_run, shown_a, a_name, (dash, width)),
    ):
        xs, ys = run_outline(*run, rows) if shown else ([], [])
        traces.append(
            {
                "type": "scatter",
                "uid": uid,
                "x": xs,
                "y": ys,
                "mode": "lines",
                "name": name,
                "showlegend": shown,
                "line": {"color": OUTLINE, "width": line[1], "dash": line[0]},
                "hoverinfo": "skip",
            }
        )
    return traces


def _legend(counts: Counts | None, story: Story, colours: dict[str, str]) -> list[Any]:
    """One legend entry per group, with its count (legend only)."""
    labels = group_labels(story)
    return [
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "markers",
            "name": labels[key]
            + (f": {getattr(counts, key):,}" if counts is not None else ""),
            "marker": {"color": colours[key], "symbol": "square", "size": 15},
            "hoverinfo": "skip",
        }
        for key in ("a_b", "a_not_b", "not_a_b", "not_a_not_b")
    ]


def _bars(result: Bayes | None) -> list[dict[str, Any]]:
    """Belief in A before (P(A)) and after B (P(A|B)): two rectangles and words."""
    traces = []
    values = (result.p_a, result.p_a_given_b) if result is not None else (None, None)
    for index, (uid, value, colour) in enumerate(
        zip(("prior", "posterior"), values, (style.SKY, style.TARGET), strict=True)
    ):
        left, right = index - 0.3, index + 0.3
        shape: dict[str, Any] = (
            {"x": [left, right, right, left, left], "y": [0, 0, value, value, 0]}
            if value is not None
            else NONE
        )
        traces.append(
            {
                "type": "scatter",
                "uid": f"bar-{uid}",
                **shape,
                "mode": "lines",
                "fill": "toself",
                "fillcolor": colour,
                "line": {"width": 0, "color": colour},
                "showlegend": False,
                "hoverinfo": "skip",
                "xaxis": "x2",
                "yaxis": "y2",
            }
        )
    traces.append(
        {
            "type": "scatter",
            "uid": "bar-words",
            "x": [0, 1] if result is not None else [],
            "y": list(values) if result is not None else [],
            "mode": "text",
            "text": [percent(v) for v in values if v is not None],
            "textposition": "top center",
            "textfont": {"size": 16},
            "showlegend": False,
            "hoverinfo": "skip",
            "xaxis": "x2",
            "yaxis": "y2",
        }
    )
    return traces


def _title(
    counts: Counts | None, story: Story, perspective: Perspective, n: int
) -> str:
    """The icon array's title (:func:`viz.bayes.icons.icon_array_figure`'s)."""
    if counts is None:
        return f"{n:,} {story.unit}, one square each — impossible inputs"
    title = {
        "posterior": _fraction_title("P(A|B)", counts.a_b, counts.b),
        "likelihood": _fraction_title("P(B|A)", counts.a_b, counts.a),
        "all": f"P(A) = {counts.a:,} / {n:,}, P(B) = {counts.b:,} / {n:,}",
    }[perspective]
    return f"{n:,} {story.unit}, one square each — {title}"


def icons_live_data(
    result: Bayes | None,
    counts: Counts | None,
    story: Story,
    perspective: Perspective,
    *,
    n: int,
    problem: str = "",
) -> dict[str, Any]:
    """The icon array of ``counts`` and the bars of belief, as live chart data.

    ``result`` and ``counts`` are None when the inputs are impossible: no people,
    no bars, and ``problem`` written over the array.
    """
    rows, cols = GRID[n]
    colours = group_colours(perspective)
    gap = GAPS[n]
    data = [
        *_groups(counts, rows, colours),
        {
            "type": "scatter",
            **(cell_lines(rows, cols) if gap else NONE),
            "mode": "lines",
            "line": {"color": "white", "width": gap},
            "showlegend": False,
            "hoverinfo": "skip",
        },
        *_outlines(counts, story, perspective, rows),
        {
            "type": "scatter",
            "uid": "problem",
            "x": [(cols - 1) / 2] if problem else [],
            "y": [(rows - 1) / 2] if problem else [],
            "mode": "text",
            "text": [problem] if problem else [],
            "textfont": {"color": style.TARGET, "size": 17},
            "showlegend": False,
            "hoverinfo": "skip",
        },
        *_bars(result),
        *_legend(counts, story, colours),
    ]
    height = {100: 560, 1000: 460, 10_000: 700}[n]
    layout = style.base_layout(_title(counts, story, perspective, n), height=height)
    layout.update(
        xaxis=hidden_axis(-0.5, cols - 0.5, domain=[0, ICONS_RIGHT]),
        yaxis=hidden_axis(rows - 0.5, -0.5, scaleanchor="x", constrain="domain"),
        xaxis2={
            **hidden_axis(-0.6, 1.6, domain=[BARS_LEFT, 1]),
            "visible": True,
            "showgrid": False,
            "zeroline": False,
            "tickvals": [0, 1],
            "ticktext": ["P(A)", "P(A|B)"],
            "tickangle": 0,
            "title": {"text": "belief in A"},
        },
        yaxis2={
            **hidden_axis(0, 1.15, anchor="x2"),
            "visible": True,
            "side": "right",
            **PERCENT_TICKS,
        },
        margin={"l": 10, "r": 50, "t": 50, "b": 10},
    )
    layout["legend"] = {
        **layout["legend"],
        "y": -0.01,
        "yanchor": "top",
        "x": 0.0,
        "xanchor": "left",
    }
    return {"data": data, "layout": layout}
