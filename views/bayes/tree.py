"""Two probability trees: split by A first, then by B first (Bayes flips the tree)."""

from __future__ import annotations

import plotly.graph_objects as go

from core import bayes as cb
from text.questions import catalogue as Q
from ui import page
from ui.page import Frame, View
from ui.url_state import PageState
from views.bayes import pictures
from views.bayes.common import PICTURES
from viz import bayes as viz


def figure(
    result: cb.Bayes, counts: cb.Counts, story: cb.Story, perspective: cb.Perspective
) -> go.Figure:
    """Both trees over these counts (cached per result and extras)."""
    return page.figure_of(viz.tree_figure, result, counts, story, perspective)


def render(state: PageState, frame: Frame) -> None:
    """The theorem's controls; the two trees and their shared leaves."""
    pictures.render(state, frame, figure, key="bayes_tree")


VIEW = View(
    "tree", "Tree", PICTURES, render, questions=(Q.BAYES_POSTERIOR, Q.BAYES_EVIDENCE)
)
