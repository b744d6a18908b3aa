"""Figures for the Bayes page: icon array, probability trees, unit square, bars.

One colour code on every chart of the page:

- hue tells A from ¬A: vermillion (``TARGET``) for A, blue (``CURRENT``) for ¬A;
- strength tells B from ¬B: solid for B (the evidence shows), pale for ¬B;
- the group a perspective looks inside is outlined in black, the rest greyed.

Figures are assembled from plain dicts and built with ``_validate=False``:
Plotly's per-property validation costs ~10 ms a figure, more than the whole
rerun budget. ``tests/viz/test_bayes.py`` rebuilds every figure *with*
validation, so a typo in a property name still fails a test.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.bayes import (
    Bayes,
    Counts,
    NaiveBayes,
    Perspective,
    Story,
    Updates,
    percent,
)
from core.parsing import format_number
from viz import style

#: (rows, columns) of the icon array for each population; filled column by column.
GRID = {100: (10, 10), 1000: (20, 50), 10_000: (100, 100)}
#: Order of the four groups in the icon array: A∩¬B, A∩B, ¬A∩B, ¬A∩¬B, so that
#: both A (the first two) and B (the middle two) are one contiguous block.
ORDER = ("a_not_b", "a_b", "not_a_b", "not_a_not_b")
OUTLINE = "#000000"
GREY = "#EEEEEE"


def _pale(hex_colour: str, white: float) -> str:
    """Mix ``hex_colour`` with ``white`` (0 … 1) parts of white, as ``#RRGGBB``."""
    value = hex_colour.lstrip("#")
    channels = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    mixed = (round(c + (255 - c) * white) for c in channels)
    return "#" + "".join(f"{c:02X}" for c in mixed)


#: Colour of each group (same keys as ``ORDER``).
COLOURS = {
    "a_b": style.TARGET,
    "a_not_b": _pale(style.TARGET, 0.62),
    "not_a_b": style.CURRENT,
    "not_a_not_b": _pale(style.CURRENT, 0.72),
}


def group_colours(perspective: Perspective) -> dict[str, str]:
    """The four colours, with the groups outside the perspective's focus greyed."""
    colours = dict(COLOURS)
    if perspective == "posterior":  # look inside B only
        colours.update(a_not_b=GREY, not_a_not_b=GREY)
    elif perspective == "likelihood":  # look inside A only
        colours.update(not_a_b=GREY, not_a_not_b=GREY)
    return colours


def _hidden_axis(low: float, high: float, **extra: Any) -> dict[str, Any]:
    return {
        "range": [low, high],
        "autorange": False,
        "visible": False,
        "fixedrange": True,
        **extra,
    }


def _num(value: float) -> str:
    return format_number(value, 4)


def _labels(story: Story) -> dict[str, str]:
    return {
        "a_b": f"{story.a} and {story.b}",
        "a_not_b": f"{story.a} and {story.not_b}",
        "not_a_b": f"{story.not_a} and {story.b}",
        "not_a_not_b": f"{story.not_a} and {story.not_b}",
    }


# -- icon array --------------------------------------------------------------------------


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


def icon_array_figure(
    result: Bayes, counts: Counts, story: Story, perspective: Perspective
) -> go.Figure:
    """One square per person, coloured by A/¬A and B/¬B, the focus group outlined.

    A single heatmap of ``uint8`` group codes draws all 10,000 people in ~14 KB.
    """
    rows, cols = GRID[counts.n]
    colours = group_colours(perspective)
    scale = []
    for index, key in enumerate(ORDER):
        scale += [[index / 4, colours[key]], [(index + 1) / 4, colours[key]]]
    gap = {100: 3, 1000: 1, 10_000: 0}[counts.n]
    data: list[dict[str, Any]] = [
        {
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
    ]
    labels = _labels(story)
    for key in ("a_b", "a_not_b", "not_a_b", "not_a_not_b"):
        data.append(
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
        )
    a_end = counts.a
    b_start, b_end = counts.a_not_b, counts.a_not_b + counts.b
    outlines = []
    if perspective in ("posterior", "all"):
        outlines.append(
            (
                b_start,
                b_end,
                f"outlined: the {story.b} group ({counts.b:,})",
                "solid",
                4,
            )
        )
    if perspective in ("likelihood", "all"):
        dash, width = ("dash", 3) if perspective == "all" else ("solid", 4)
        outlines.append(
            (0, a_end, f"outlined: the {story.a} group ({counts.a:,})", dash, width)
        )
    for start, stop, name, dash, width in outlines:
        xs, ys = run_outline(start, stop, rows)
        data.append(
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
        xaxis=_hidden_axis(-0.5, cols - 0.5, constrain="domain"),
        yaxis=_hidden_axis(rows - 0.5, -0.5, scaleanchor="x", constrain="domain"),
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


def _fraction_title(name: str, top: int, bottom: int) -> str:
    if bottom == 0:
        return f"{name}: nobody in the outlined group"
    return f"{name} ≈ {top:,} of {bottom:,} = {percent(top / bottom)}"


# -- probability trees ------------------------------------------------------------------


def tree_figure(
    result: Bayes, counts: Counts, story: Story, perspective: Perspective
) -> go.Figure:
    """Two trees over the same four leaves: split by A first, then by B first.

    The top tree holds what the learner typed (P(A), P(B|A), P(B|¬A)); the
    bottom tree is the same population split by the evidence first, and its
    branch from B to A carries the posterior P(A|B). Branch widths follow the
    branch probabilities; leaves show the joint probability and the count.
    """
    joint = result.joint
    jp = {
        "a_b": float(joint[0, 0]),
        "a_not_b": float(joint[0, 1]),
        "not_a_b": float(joint[1, 0]),
        "not_a_not_b": float(joint[1, 1]),
    }
    false_pos = result.p_b_given_not_a
    not_b = result.p_a_given_not_b
    s = story

    def p(value: float | None) -> str:
        return "undefined" if value is None else _num(value)

    def complement(value: float | None) -> float | None:
        return None if value is None else 1 - value

    post = perspective == "posterior"
    like = perspective == "likelihood"
    # Each tree: (first split labels, branch texts and probabilities, leaf keys).
    trees = [
        (
            (s.a, s.not_a),
            [
                ("P(A)", result.p_a, like),
                ("P(¬A)", result.p_not_a, False),
                ("P(B|A)", result.p_b_given_a, like),
                ("P(¬B|A)", 1 - result.p_b_given_a, False),
                ("P(B|¬A)", false_pos, False),
                ("P(¬B|¬A)", complement(false_pos), False),
            ],
            ("a_b", "a_not_b", "not_a_b", "not_a_not_b"),
            "<b>Split by A first</b> — what you entered",
        ),
        (
            (s.b, s.not_b),
            [
                ("P(B)", result.p_b, post),
                ("P(¬B)", result.p_not_b, False),
                ("P(A|B)", result.p_a_given_b, post),
                ("P(¬A|B)", result.p_not_a_given_b, False),
                ("P(A|¬B)", not_b, False),
                ("P(¬A|¬B)", complement(not_b), False),
            ],
            ("a_b", "not_a_b", "a_not_b", "not_a_not_b"),
            "<b>Split by B first</b> — Bayes flips the tree: P(A|B) is a branch",
        ),
    ]
    labels = _labels(story)
    focus = {"posterior": {"a_b", "not_a_b"}, "likelihood": {"a_b", "a_not_b"}}.get(
        perspective, set()
    )
    data: list[dict[str, Any]] = []
    text_x: list[float] = []
    text_y: list[float] = []
    texts: list[str] = []
    positions: list[str] = []
    colours: list[str] = []
    annotations = []
    for top, (firsts, branches, leaves, heading) in zip(
        (0.98, 0.46), trees, strict=True
    ):
        leaf_y = [top - 0.03 - 0.12 * i for i in range(4)]
        mid_y = [(leaf_y[0] + leaf_y[1]) / 2, (leaf_y[2] + leaf_y[3]) / 2]
        root_y = sum(mid_y) / 2
        ends = [
            (0.0, root_y, 3.0, mid_y[0]),
            (0.0, root_y, 3.0, mid_y[1]),
            (3.0, mid_y[0], 6.0, leaf_y[0]),
            (3.0, mid_y[0], 6.0, leaf_y[1]),
            (3.0, mid_y[1], 6.0, leaf_y[2]),
            (3.0, mid_y[1], 6.0, leaf_y[3]),
        ]
        for (x0, y0, x1, y1), (name, prob, lit) in zip(ends, branches, strict=True):
            data.append(
                {
                    "type": "scatter",
                    "x": [x0, x1],
                    "y": [y0, y1],
                    "mode": "lines",
                    "line": {
                        "color": style.ACCENT if lit else style.NEUTRAL,
                        "width": 1.5 + 9 * (prob or 0.0),
                        "dash": "dot" if prob is None else "solid",
                    },
                    "hoverinfo": "skip",
                    "showlegend": False,
                }
            )
            up = y1 > y0
            text_x.append((x0 + x1) / 2)
            text_y.append((y0 + y1) / 2)
            texts.append(f"{name} = {p(prob)}")
            positions.append("top left" if up else "bottom left")
            colours.append(style.ACCENT if lit else style.INK)
        data.append(
            {
                "type": "scatter",
                "x": [0.0, 3.0, 3.0],
                "y": [root_y, *mid_y],
                "mode": "markers+text",
                "text": [f"all {counts.n:,}  ", f"{firsts[0]}  ", f"{firsts[1]}  "],
                "textposition": "middle left",
                "textfont": {"size": 16},
                "marker": {"size": 12, "color": style.INK},
                "hoverinfo": "skip",
                "showlegend": False,
                "name": "nodes",
            }
        )
        data.append(
            {
                "type": "scatter",
                "x": [6.0] * 4,
                "y": leaf_y,
                "mode": "markers+text",
                "text": [
                    f"  {labels[k]}<br>  {_num(jp[k])} · {getattr(counts, k):,} of {counts.n:,}"
                    for k in leaves
                ],
                "textposition": "middle right",
                "textfont": {"size": 15},
                "marker": {
                    "size": 22,
                    "symbol": "square",
                    "color": [COLOURS[k] for k in leaves],
                    "line": {
                        "color": [OUTLINE if k in focus else "#999999" for k in leaves],
                        "width": [4 if k in focus else 1 for k in leaves],
                    },
                },
                "hovertemplate": "%{text}<extra></extra>",
                "showlegend": False,
                "name": "leaves (joint probabilities)",
            }
        )
        annotations.append(
            {
                "x": -2.2,
                "y": top + 0.035,
                "xanchor": "left",
                "text": heading,
                "showarrow": False,
                "font": {"size": 16},
            }
        )
    data.append(
        {
            "type": "scatter",
            "x": text_x,
            "y": text_y,
            "mode": "text",
            "text": texts,
            "textposition": positions,
            "textfont": {"size": 15, "color": colours},
            "hoverinfo": "skip",
            "showlegend": False,
            "name": "branch probabilities",
        }
    )
    headline = {
        "posterior": f"P(A|B) = P(A∩B) / P(B) = {_num(jp['a_b'])} / {_num(result.p_b)} = {_num(result.p_a_given_b)}",
        "likelihood": f"P(B|A) = P(A∩B) / P(A) = {_num(jp['a_b'])} / {_num(result.p_a)} = {_num(result.p_b_given_a)}",
        "all": "Two ways to split everyone: the same four leaves (joint probabilities)",
    }[perspective]
    layout = style.base_layout(headline, height=640, show_legend=False)
    layout.update(
        xaxis=_hidden_axis(-2.2, 11.0),
        yaxis=_hidden_axis(0.0, 1.04),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        annotations=annotations,
    )
    return style.figure(data, layout)


# -- unit square ------------------------------------------------------------------------


def area_figure(result: Bayes, story: Story, perspective: Perspective) -> go.Figure:
    """The unit square split by P(A) across and by P(B|A), P(B|¬A) up each column.

    Each rectangle's area is a joint probability; P(A|B) is the vermillion share
    of the solid (B) area.
    """
    p_a, like = result.p_a, result.p_b_given_a
    false_pos = result.p_b_given_not_a or 0.0
    joint = result.joint
    cells = {
        "a_b": (0.0, p_a, 0.0, like, float(joint[0, 0])),
        "a_not_b": (0.0, p_a, like, 1.0, float(joint[0, 1])),
        "not_a_b": (p_a, 1.0, 0.0, false_pos, float(joint[1, 0])),
        "not_a_not_b": (p_a, 1.0, false_pos, 1.0, float(joint[1, 1])),
    }
    colours = group_colours(perspective)
    shapes = [
        {
            "type": "rect",
            "x0": x0,
            "x1": x1,
            "y0": y0,
            "y1": y1,
            "fillcolor": colours[key],
            "line": {"color": "white", "width": 2},
            "layer": "below",
        }
        for key, (x0, x1, y0, y1, _) in cells.items()
        if x1 > x0 and y1 > y0
    ]
    labels = _labels(story)
    text_x, text_y, texts, hover = [], [], [], []
    for key, (x0, x1, y0, y1, area) in cells.items():
        hover.append(f"{labels[key]}: area {_num(area)}")
        if (x1 - x0) >= 0.09 and (y1 - y0) >= 0.07:
            text_x.append((x0 + x1) / 2)
            text_y.append((y0 + y1) / 2)
            dark = key in ("a_b", "not_a_b") and colours[key] != GREY
            texts.append(
                f"<span style='color:{'white' if dark else style.INK}'>{labels[key]}<br>{_num(area)}</span>"
            )
    data: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "x": text_x,
            "y": text_y,
            "mode": "text",
            "text": texts,
            "textfont": {"size": 15},
            "hoverinfo": "skip",
            "showlegend": False,
            "name": "areas",
        }
    ]
    if perspective in ("posterior", "all"):
        data.append(
            {
                "type": "scatter",
                "x": [0, 0, p_a, p_a, 1, 1, 0],
                "y": [0, like, like, false_pos, false_pos, 0, 0],
                "mode": "lines",
                "name": f"outlined: {story.b} (area P(B) = {_num(result.p_b)})",
                "line": {"color": OUTLINE, "width": 4},
                "hoverinfo": "skip",
            }
        )
    if perspective in ("likelihood", "all"):
        data.append(
            {
                "type": "scatter",
                "x": [0, 0, p_a, p_a, 0],
                "y": [0, 1, 1, 0, 0],
                "mode": "lines",
                "name": f"outlined: {story.a} (width P(A) = {_num(p_a)})",
                "line": {
                    "color": OUTLINE,
                    "width": 3 if perspective == "all" else 4,
                    "dash": "dash" if perspective == "all" else "solid",
                },
                "hoverinfo": "skip",
            }
        )
    title = {
        "posterior": f"P(A|B) = {story.a}-and-{story.b} area / {story.b} area = {_num(float(joint[0, 0]))} / {_num(result.p_b)} = {_num(result.p_a_given_b)}",
        "likelihood": f"P(B|A) = height of the solid part of the {story.a} column = {_num(like)}",
        "all": "Everyone is the unit square: width P(A), heights P(B|A) and P(B|¬A)",
    }[perspective]
    layout = style.base_layout(title, height=520)
    tick_a = [p_a / 2, (1 + p_a) / 2]
    layout.update(
        shapes=shapes,
        xaxis={
            **layout["xaxis"],
            "range": [-0.01, 1.01],
            "autorange": False,
            "tickvals": tick_a,
            "ticktext": [
                f"{story.a}: P(A) = {_num(p_a)}",
                f"{story.not_a}: {_num(1 - p_a)}",
            ],
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "title": {"text": ""},
        },
        yaxis={
            **layout["yaxis"],
            "range": [-0.01, 1.01],
            "autorange": False,
            "tickvals": [0, 0.25, 0.5, 0.75, 1],
            "showgrid": False,
            "zeroline": False,
            "scaleanchor": "x",
            "constrain": "domain",
            "fixedrange": True,
            "title": {"text": f"share that shows {story.b} (solid)"},
        },
    )
    return style.figure(data, layout)


# -- bars -------------------------------------------------------------------------------


def _bar_layout(title: str, y_title: str, height: int = 320) -> dict[str, Any]:
    layout = style.base_layout(title, "", y_title, height=height, show_legend=False)
    layout["yaxis"] = {
        **layout["yaxis"],
        "range": [0, 1.15],
        "autorange": False,
        "tickvals": [0, 0.25, 0.5, 0.75, 1],
        "ticktext": ["0", "25 %", "50 %", "75 %", "100 %"],
    }
    return layout


def prior_posterior_figure(result: Bayes, story: Story) -> go.Figure:
    """Belief in A before the evidence, after B, and after ¬B."""
    names = [
        "before: P(A)",
        f"after {story.b}: P(A|B)",
        f"after {story.not_b}: P(A|¬B)",
    ]
    values: list[float | None] = [
        result.p_a,
        result.p_a_given_b,
        result.p_a_given_not_b,
    ]
    colours = [style.SKY, style.TARGET, style.SECOND]
    text = [percent(v) if v is not None else "never happens" for v in values]
    bars = {
        "type": "bar",
        "x": names,
        "y": [v if v is not None else 0.0 for v in values],
        "marker": {"color": colours},
        "text": text,
        "textposition": "outside",
        "cliponaxis": False,
        "textfont": {"size": 16},
        "hovertemplate": "%{x}: %{text}<extra></extra>",
        "name": "belief in A",
        "width": 0.55,
    }
    layout = _bar_layout(
        f"Belief in {story.a}: before and after the evidence", "probability"
    )
    return style.figure([bars], layout)


def sequence_figure(seq: Updates, story: Story) -> go.Figure:
    """Belief after each result: the posterior of one test is the next prior."""
    ordinals = ["1st", "2nd", "3rd"] + [f"{k}th" for k in range(4, 10)]
    names = ["before"] + [
        f"{ordinals[i]} {'+' if r == '+' else '−'}"
        for i, r in enumerate(seq.results[: len(seq.beliefs) - 1])
    ]
    colours = [style.SKY] + [
        style.TARGET if r == "+" else style.CURRENT
        for r in seq.results[: len(seq.beliefs) - 1]
    ]
    data: list[dict[str, Any]] = [
        {
            "type": "bar",
            "x": names,
            "y": seq.beliefs,
            "marker": {"color": colours},
            "text": [percent(float(b)) for b in seq.beliefs],
            "textposition": "outside",
            "cliponaxis": False,
            "textfont": {"size": 16},
            "hovertemplate": "%{x}: %{text}<extra></extra>",
            "name": "belief in A",
            "width": 0.6,
        },
        {
            "type": "scatter",
            "x": names,
            "y": seq.beliefs,
            "mode": "lines",
            "line": {"color": style.NEUTRAL, "width": 2, "dash": "dot"},
            "hoverinfo": "skip",
            "name": "path",
        },
    ]
    layout = _bar_layout(
        f"P({story.a}) after each result (red: positive, blue: negative)",
        "probability",
        height=400,
    )
    if seq.stopped_at is not None:
        layout["annotations"] = [
            {
                "x": 1.0,
                "xref": "paper",
                "y": 1.08,
                "yref": "y",
                "xanchor": "right",
                "showarrow": False,
                "text": f"result {seq.stopped_at + 1} cannot happen: updating stops",
                "font": {"color": style.TARGET, "size": 15},
            }
        ]
    return style.figure(data, layout)


def naive_bayes_figure(nb: NaiveBayes) -> go.Figure:
    """Each word's likelihood in spam and in genuine mail, and the belief word by word."""
    words = [f"“{w}”" for w in nb.words]
    data: list[dict[str, Any]] = [
        {
            "type": "bar",
            "x": words,
            "y": nb.p_word_given_spam,
            "name": "P(word | spam)",
            "marker": {"color": style.TARGET},
            "text": [_num(v) for v in nb.p_word_given_spam],
            "textposition": "outside",
            "cliponaxis": False,
            "xaxis": "x",
            "yaxis": "y",
        },
        {
            "type": "bar",
            "x": words,
            "y": nb.p_word_given_ham,
            "name": "P(word | genuine)",
            "marker": {"color": style.CURRENT},
            "text": [_num(v) for v in nb.p_word_given_ham],
            "textposition": "outside",
            "cliponaxis": False,
            "xaxis": "x",
            "yaxis": "y",
        },
        {
            "type": "scatter",
            "x": ["prior", *(f"{i}. {w}" for i, w in enumerate(nb.words, start=1))],
            "y": nb.steps,
            "mode": "lines+markers+text",
            "name": "P(spam | words so far)",
            "line": {"color": style.ACCENT, "width": 4},
            "marker": {"size": 14},
            "text": [percent(float(v)) for v in nb.steps],
            "textposition": "top center",
            "textfont": {"size": 15},
            "cliponaxis": False,
            "xaxis": "x2",
            "yaxis": "y2",
        },
    ]
    layout = style.base_layout(
        "Words multiply: likelihoods (left), belief word by word (right)", height=420
    )
    axis = layout["xaxis"]
    percent_axis = {
        **layout["yaxis"],
        "range": [0, 1.12],
        "autorange": False,
        "tickvals": [0, 0.25, 0.5, 0.75, 1],
        "ticktext": ["0", "25 %", "50 %", "75 %", "100 %"],
    }
    layout.update(
        barmode="group",
        xaxis={**axis, "domain": [0.0, 0.45], "title": {"text": "word"}},
        yaxis={**percent_axis, "title": {"text": "likelihood"}},
        xaxis2={
            **axis,
            "domain": [0.57, 1.0],
            "anchor": "y2",
            "title": {"text": "after reading word"},
        },
        yaxis2={**percent_axis, "anchor": "x2", "title": {"text": "P(spam)"}},
    )
    layout["legend"] = {**layout["legend"], "y": 1.02}
    layout["margin"] = {**layout["margin"], "t": 95}
    return style.figure(data, layout)
