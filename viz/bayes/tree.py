"""Probability trees: the same four leaves split by A first, then by B first."""

from __future__ import annotations

from typing import Any, NamedTuple

import plotly.graph_objects as go

from core.bayes import Bayes, Counts, Perspective, Story
from core.parsing import display_number
from viz import style
from viz.bayes.common import (
    COLOURS,
    OUTLINE,
    group_labels,
    hidden_axis,
    text_trace,
)

#: Where each tree's heading sits, top to bottom.
TREE_TOPS = (0.98, 0.46)
#: x of the root, the first split and the leaves (the axis runs from −2.2 to 12.4).
ROOT_X, SPLIT_X, LEAF_X = 0.0, 3.2, 7.0
X_RANGE = (-2.2, 12.4)
#: Pixels per unit at the narrowest chart (the laptop's 1366 px screen), to keep a
#: label clear of its sloping branch: x (about 570 px over the range), y (580 / 1.04).
PX_PER_X, PX_PER_Y = 39.0, 558.0
#: About how wide one character of a 15 px branch label is, in pixels.
CHAR_PX = 8.0


class Branch(NamedTuple):
    """One branch: its label, probability (``None``: undefined) and highlight."""

    name: str
    probability: float | None
    lit: bool


class Tree(NamedTuple):
    """The first split's two nodes, six branches, four leaf keys and a heading."""

    firsts: tuple[str, str]
    branches: tuple[Branch, ...]
    leaves: tuple[str, str, str, str]
    heading: str


def _complement(value: float | None) -> float | None:
    return None if value is None else 1 - value


def trees(result: Bayes, story: Story, perspective: Perspective) -> tuple[Tree, Tree]:
    """The tree the learner typed (A first) and the flipped one (B first)."""
    post, like = perspective == "posterior", perspective == "likelihood"
    false_pos, not_b = result.p_b_given_not_a, result.p_a_given_not_b
    by_a = Tree(
        (story.a, story.not_a),
        (
            Branch("P(A)", result.p_a, like),
            Branch("P(¬A)", result.p_not_a, False),
            Branch("P(B|A)", result.p_b_given_a, like),
            Branch("P(¬B|A)", 1 - result.p_b_given_a, False),
            Branch("P(B|¬A)", false_pos, False),
            Branch("P(¬B|¬A)", _complement(false_pos), False),
        ),
        ("a_b", "a_not_b", "not_a_b", "not_a_not_b"),
        "<b>Split by A first</b> — what you entered",
    )
    by_b = Tree(
        (story.b, story.not_b),
        (
            Branch("P(B)", result.p_b, post),
            Branch("P(¬B)", result.p_not_b, False),
            Branch("P(A|B)", result.p_a_given_b, post),
            Branch("P(¬A|B)", result.p_not_a_given_b, False),
            Branch("P(A|¬B)", not_b, False),
            Branch("P(¬A|¬B)", _complement(not_b), False),
        ),
        ("a_b", "not_a_b", "a_not_b", "not_a_not_b"),
        "<b>Split by B first</b> — Bayes flips the tree: P(A|B) is a branch",
    )
    return by_a, by_b


def _branch(x0: float, y0: float, x1: float, y1: float, branch: Branch) -> dict:
    """A branch drawn as thick as its probability (dotted when undefined)."""
    prob = branch.probability
    return {
        "type": "scatter",
        "x": [x0, x1],
        "y": [y0, y1],
        "mode": "lines",
        "line": {
            "color": style.ACCENT if branch.lit else style.NEUTRAL,
            "width": _width(prob),
            "dash": "dot" if prob is None else "solid",
        },
        "hoverinfo": "skip",
        "showlegend": False,
    }


def _leaves(
    tree: Tree, leaf_y: list[float], texts: list[str], focus: set[str]
) -> dict[str, Any]:
    """The four leaves: squares in the group colours, the focus ones outlined."""
    return {
        "type": "scatter",
        "x": [LEAF_X] * 4,
        "y": leaf_y,
        "mode": "markers+text",
        "text": texts,
        "textposition": "middle right",
        "textfont": {"size": 15},
        "marker": {
            "size": 22,
            "symbol": "square",
            "color": [COLOURS[k] for k in tree.leaves],
            "line": {
                "color": [OUTLINE if k in focus else "#999999" for k in tree.leaves],
                "width": [4 if k in focus else 1 for k in tree.leaves],
            },
        },
        "hovertemplate": "%{text}<extra></extra>",
        "showlegend": False,
        "name": "leaves (joint probabilities)",
    }


def branch_label(
    ends: tuple[float, float, float, float], branch: Branch, *, first: bool
) -> dict[str, Any]:
    """A branch's label on white: over an upward branch, under a downward one.

    A first-level branch's label ends at the branch's middle (the branch slopes
    away from it there); a second-level one is centred and lifted clear of the
    rise under half its width. Either way no line strikes through the words.
    """
    x0, y0, x1, y1 = ends
    prob = branch.probability
    text = f"{branch.name} = {'undefined' if prob is None else display_number(prob)}"
    slope = abs((y1 - y0) * PX_PER_Y / ((x1 - x0) * PX_PER_X))
    clear = _width(prob) / 2 + 2 + (0 if first else slope * len(text) * CHAR_PX / 2)
    up = y1 > y0
    return {
        "x": (x0 + x1) / 2,
        "y": (y0 + y1) / 2,
        "text": text,
        "showarrow": False,
        "xanchor": "right" if first else "center",
        "yanchor": "bottom" if up else "top",
        "yshift": clear if up else -clear,
        "font": {"size": 15, "color": style.ACCENT if branch.lit else style.INK},
        "bgcolor": "#FFFFFF",
        "borderpad": 1,
    }


def _width(probability: float | None) -> float:
    """A branch's line width in pixels: as thick as its probability."""
    return 1.5 + 9 * (probability or 0.0)


def _draw_tree(
    tree: Tree, top: float, n: int, leaf_texts: dict[str, str], focus: set[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A tree's traces and its branch labels (annotations on white)."""
    leaf_y = [top - 0.03 - 0.12 * i for i in range(4)]
    mid_y = [(leaf_y[0] + leaf_y[1]) / 2, (leaf_y[2] + leaf_y[3]) / 2]
    root_y = sum(mid_y) / 2
    ends = [(ROOT_X, root_y, SPLIT_X, y) for y in mid_y]
    ends += [(SPLIT_X, mid_y[i // 2], LEAF_X, leaf_y[i]) for i in range(4)]
    data, labels = [], []
    for index, (end, branch) in enumerate(zip(ends, tree.branches, strict=True)):
        data.append(_branch(*end, branch))
        labels.append(branch_label(end, branch, first=index < 2))
    data.append(
        {
            "type": "scatter",
            "x": [ROOT_X, SPLIT_X, SPLIT_X],
            "y": [root_y, *mid_y],
            "mode": "markers+text",
            "text": [f"all {n:,}  ", f"{tree.firsts[0]}  ", f"{tree.firsts[1]}  "],
            # away from the branch that comes in: above the upper node, below the lower
            "textposition": ["middle left", "top left", "bottom left"],
            "textfont": {"size": 16},
            "marker": {"size": 12, "color": style.INK},
            "hoverinfo": "skip",
            "showlegend": False,
            "name": "nodes",
        }
    )
    texts = [leaf_texts[k] for k in tree.leaves]
    data.append(_leaves(tree, leaf_y, texts, focus))
    return data, labels


def tree_figure(
    result: Bayes, counts: Counts, story: Story, perspective: Perspective
) -> go.Figure:
    """Two trees over the same four leaves: split by A first, then by B first.

    The top tree holds what the learner typed (P(A), P(B|A), P(B|¬A)); the
    bottom tree is the same population split by the evidence first, and its
    branch from B to A carries the posterior P(A|B). Branch widths follow the
    branch probabilities; leaves show the joint probability and the count.
    """
    (a_b, a_not_b), (not_a_b, not_a_not_b) = result.joint.tolist()
    joint = {
        "a_b": a_b,
        "a_not_b": a_not_b,
        "not_a_b": not_a_b,
        "not_a_not_b": not_a_not_b,
    }
    labels = group_labels(story)
    leaf_texts = {
        k: f"  {labels[k]}<br>  P = {display_number(joint[k])} "
        f"({getattr(counts, k):,} of {counts.n:,})"
        for k in joint
    }
    focus = {"posterior": {"a_b", "not_a_b"}, "likelihood": {"a_b", "a_not_b"}}.get(
        perspective, set()
    )
    data: list[dict[str, Any]] = []
    branch_labels: list[dict[str, Any]] = []
    annotations = []
    for top, tree in zip(TREE_TOPS, trees(result, story, perspective), strict=True):
        traces, tree_labels = _draw_tree(tree, top, counts.n, leaf_texts, focus)
        data += traces
        branch_labels += tree_labels
        annotations.append(
            {
                "x": X_RANGE[0],
                "y": top + 0.035,
                "xanchor": "left",
                "text": tree.heading,
                "showarrow": False,
                "font": {"size": 16},
            }
        )
    # The labels' points, for hover and "Show the numbers" (the words are annotations).
    data.append(
        {
            **text_trace(
                "branch probabilities",
                [label["x"] for label in branch_labels],
                [label["y"] for label in branch_labels],
                [label["text"] for label in branch_labels],
            ),
            "mode": "markers",
            "marker": {"size": 8, "opacity": 0},
            "hovertemplate": "%{text}<extra></extra>",
        }
    )
    shared, p_a_given_b = display_number(a_b), display_number(result.p_a_given_b)
    p_a, p_b = display_number(result.p_a), display_number(result.p_b)
    headline = {
        "posterior": f"P(A|B) = P(A∩B) / P(B) = {shared} / {p_b} = {p_a_given_b}",
        "likelihood": f"P(B|A) = P(A∩B) / P(A) = {shared} / {p_a} = "
        f"{display_number(result.p_b_given_a)}",
        "all": "Two ways to split everyone: the same four leaves (joint probabilities)",
    }[perspective]
    layout = style.base_layout(headline, height=640, show_legend=False)
    layout.update(
        xaxis=hidden_axis(*X_RANGE),
        yaxis=hidden_axis(0.0, 1.04),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        annotations=annotations + branch_labels,
    )
    return style.figure(data, layout)
