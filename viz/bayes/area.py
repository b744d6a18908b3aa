"""The unit square: everyone as area, split by P(A) across and by B up each column."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from core.bayes import Bayes, Perspective, Story
from core.parsing import display_number
from viz import style
from viz.bayes.common import GREY, OUTLINE, group_colours, group_labels, text_trace

#: A rectangle: x0, x1, y0, y1 and its area (the joint probability).
Cell = tuple[float, float, float, float, float]


def cells(result: Bayes) -> dict[str, Cell]:
    """The four rectangles of the square, by group."""
    p_a, like = result.p_a, result.p_b_given_a
    false_pos = result.p_b_given_not_a or 0.0
    (a_b, a_not_b), (not_a_b, not_a_not_b) = result.joint.tolist()
    return {
        "a_b": (0.0, p_a, 0.0, like, a_b),
        "a_not_b": (0.0, p_a, like, 1.0, a_not_b),
        "not_a_b": (p_a, 1.0, 0.0, false_pos, not_a_b),
        "not_a_not_b": (p_a, 1.0, false_pos, 1.0, not_a_not_b),
    }


def _labels(
    boxes: dict[str, Cell], story: Story, colours: dict[str, str]
) -> dict[str, Any]:
    """Each rectangle's name and area, written inside it when it is large enough."""
    labels = group_labels(story)
    x, y, texts = [], [], []
    for key, (x0, x1, y0, y1, area) in boxes.items():
        if (x1 - x0) >= 0.09 and (y1 - y0) >= 0.07:
            x.append((x0 + x1) / 2)
            y.append((y0 + y1) / 2)
            dark = key in ("a_b", "not_a_b") and colours[key] != GREY
            texts.append(
                f"<span style='color:{'white' if dark else style.INK}'>"
                f"{labels[key]}<br>{display_number(area)}</span>"
            )
    return text_trace("areas", x, y, texts, textfont={"size": 15})


def _outlines(
    result: Bayes, story: Story, perspective: Perspective
) -> list[dict[str, Any]]:
    """The B area and/or the A column outlined in black, as the perspective asks."""
    p_a, like = result.p_a, result.p_b_given_a
    false_pos = result.p_b_given_not_a or 0.0
    traces: list[dict[str, Any]] = []
    if perspective in ("posterior", "all"):
        traces.append(
            {
                "type": "scatter",
                "x": [0, 0, p_a, p_a, 1, 1, 0],
                "y": [0, like, like, false_pos, false_pos, 0, 0],
                "mode": "lines",
                "name": f"outlined: {story.b} (area P(B) = {display_number(result.p_b)})",
                "line": {"color": OUTLINE, "width": 4},
                "hoverinfo": "skip",
            }
        )
    if perspective in ("likelihood", "all"):
        traces.append(
            {
                "type": "scatter",
                "x": [0, 0, p_a, p_a, 0],
                "y": [0, 1, 1, 0, 0],
                "mode": "lines",
                "name": f"outlined: {story.a} (width P(A) = {display_number(p_a)})",
                "line": {
                    "color": OUTLINE,
                    "width": 3 if perspective == "all" else 4,
                    "dash": "dash" if perspective == "all" else "solid",
                },
                "hoverinfo": "skip",
            }
        )
    return traces


def _axes(result: Bayes, story: Story, layout: dict[str, Any]) -> dict[str, Any]:
    """Both axes 0 … 1, equal units; x ticks name the two columns."""
    p_a = result.p_a
    fixed = {
        "range": [-0.01, 1.01],
        "autorange": False,
        "showgrid": False,
        "zeroline": False,
        "fixedrange": True,
    }
    xaxis = {
        **layout["xaxis"],
        **fixed,
        "tickvals": [p_a / 2, (1 + p_a) / 2],
        "ticktext": [
            f"{story.a}: P(A) = {display_number(p_a)}",
            f"{story.not_a}: {display_number(1 - p_a)}",
        ],
        "title": {"text": ""},
    }
    yaxis = {
        **layout["yaxis"],
        **fixed,
        "tickvals": [0, 0.25, 0.5, 0.75, 1],
        "scaleanchor": "x",
        "constrain": "domain",
        "title": {"text": f"share that shows {story.b} (solid)"},
    }
    return {"xaxis": xaxis, "yaxis": yaxis}


def area_figure(result: Bayes, story: Story, perspective: Perspective) -> go.Figure:
    """The unit square split by P(A) across and by P(B|A), P(B|¬A) up each column.

    Each rectangle's area is a joint probability; P(A|B) is the vermillion share
    of the solid (B) area.
    """
    boxes = cells(result)
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
        for key, (x0, x1, y0, y1, _) in boxes.items()
        if x1 > x0 and y1 > y0
    ]
    data = [_labels(boxes, story, colours), *_outlines(result, story, perspective)]
    a_b, p_b = display_number(boxes["a_b"][4]), display_number(result.p_b)
    like = display_number(result.p_b_given_a)
    title = {
        "posterior": f"P(A|B) = {story.a}-and-{story.b} area / {story.b} area = "
        f"{a_b} / {p_b} = {display_number(result.p_a_given_b)}",
        "likelihood": f"P(B|A) = height of the solid part of the {story.a} column = {like}",
        "all": "Everyone is the unit square: width P(A), heights P(B|A) and P(B|¬A)",
    }[perspective]
    layout = style.base_layout(title, height=520)
    layout.update(shapes=shapes, **_axes(result, story, layout))
    return style.figure(data, layout)
