"""Figures for the Bayes page: icon array, probability trees, unit square, bars.

One colour code on every chart of the page (:mod:`viz.bayes.common`): hue tells
A from ¬A, strength tells B from ¬B, and the group a perspective looks inside is
outlined in black, the rest greyed. Figures are built from plain dicts with
``viz.style.figure``; ``tests/viz/test_bayes.py`` rebuilds every one *with*
Plotly's validation, so a typo in a property name still fails a test.
"""

from __future__ import annotations

from viz.bayes.area import area_figure
from viz.bayes.bars import naive_bayes_figure, prior_posterior_figure, sequence_figure
from viz.bayes.common import COLOURS, GREY, OUTLINE, group_colours
from viz.bayes.icons import GRID, ORDER, icon_array_figure, icon_codes, run_outline
from viz.bayes.tree import tree_figure

__all__ = [
    "COLOURS",
    "GREY",
    "GRID",
    "ORDER",
    "OUTLINE",
    "area_figure",
    "group_colours",
    "icon_array_figure",
    "icon_codes",
    "naive_bayes_figure",
    "prior_posterior_figure",
    "run_outline",
    "sequence_figure",
    "tree_figure",
]
