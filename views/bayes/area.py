"""The unit square: everyone as area, each joint probability a rectangle."""

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
    """The unit square (areas need no counts: they are the probabilities)."""
    return page.figure_of(viz.area_figure, result, story, perspective)


def render(state: PageState, frame: Frame) -> None:
    """The theorem's controls; the square split by P(A) and by B."""
    pictures.render(state, frame, figure, key="bayes_area")


VIEW = View(
    "area",
    "Unit square",
    PICTURES,
    render,
    questions=(Q.BAYES_POSTERIOR, Q.BAYES_EVIDENCE),
)
