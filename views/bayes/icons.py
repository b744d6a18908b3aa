"""The icon array: one square per person, the group a probability looks inside outlined."""

from __future__ import annotations

import plotly.graph_objects as go

from core import bayes as cb
from ui import page
from ui.page import Frame, View
from ui.url_state import PageState
from views.bayes import pictures
from views.bayes.common import PICTURES
from viz import bayes as viz


def figure(
    result: cb.Bayes, counts: cb.Counts, story: cb.Story, perspective: cb.Perspective
) -> go.Figure:
    """The icon array of these counts (cached per result and extras)."""
    return page.figure_of(viz.icon_array_figure, result, counts, story, perspective)


def render(state: PageState, frame: Frame) -> None:
    """The theorem's controls; the people, coloured and outlined."""
    pictures.render(state, frame, figure, key="bayes_icons")


VIEW = View("icons", "👥 Icon array", PICTURES, render)
