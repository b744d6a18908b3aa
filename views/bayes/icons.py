"""The icon array: one square per person, the group a probability looks inside outlined.

The chart is live: slide the prior P(A) under it and the people recolour and the
bars of belief (P(A) before, P(A|B) after) move at once; the formula, the
sentences and the code follow on release.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from core import bayes as cb
from text.bayes import live as live_words
from text.questions import catalogue as Q
from ui import live_context, live_or_still, page
from ui.live_chart import Range
from ui.page import Frame, View
from ui.url_state import PageState
from views.bayes import pictures
from views.bayes.common import PICTURES
from viz import bayes as viz
from viz.bayes import live as viz_live

#: The prior in steps of 0.01, as its slider.
CONTROLS = (Range("p_a", steps=101),)


def figure(
    result: cb.Bayes, counts: cb.Counts, story: cb.Story, perspective: cb.Perspective
) -> go.Figure:
    """The icon array of these counts (cached per result and extras)."""
    return page.figure_of(viz.icon_array_figure, result, counts, story, perspective)


def _draw(
    given: tuple[Any, ...],
    story: cb.Story,
    n: int,
    perspective: cb.Perspective,
    values: Mapping[str, float],
) -> tuple[dict[str, Any], str]:
    """The live chart with the prior at ``values["p_a"]``; the other inputs fixed.

    ``given``: the form and its other two numbers, as ``cb.bayes`` takes them.
    Where that prior is impossible with them, the chart says why, with no people.
    """
    form, p_b_given_a, p_b, p_b_given_not_a = given
    p_a = values["p_a"]
    result: cb.Bayes | None = None
    counts: cb.Counts | None = None
    problem = ""
    try:
        result = cb.bayes(form, p_a, p_b_given_a, p_b, p_b_given_not_a)
        counts = cb.natural_frequencies(result, n)
    except ValueError as exc:
        problem = str(exc)
    data = viz_live.icons_live_data(
        result,
        counts,
        story,
        perspective,
        n=n,
        problem=live_words.problem_line(problem),
    )
    return data, live_words.icons_readout(p_a, result, counts, problem)


def render(state: PageState, frame: Frame) -> None:
    """The theorem's controls; the people, coloured and outlined, live."""

    def live(
        result: cb.Bayes,
        counts: cb.Counts,
        story: cb.Story,
        perspective: cb.Perspective,
        sentence: str,
    ) -> None:
        given = (
            result.form,
            result.p_b_given_a,
            state.value("p_b"),
            state.value("p_b_given_not_a"),
        )
        inputs = (given, state.value("story"), counts.n, perspective)
        draw = live_context.keyed(_draw, inputs, given, story, counts.n, perspective)
        live_or_still.show(
            state,
            draw,
            CONTROLS,
            key="bayes_icons",
            alt=sentence,
            still=lambda: figure(result, counts, story, perspective),
            kept=any(state.value(k) != v for k, v in result.inputs.items()),
        )
        st.caption(live_words.LIVE_CAPTION)

    pictures.render(state, frame, figure, key="bayes_icons", live=live)


VIEW = View(
    "icons",
    "Icon array",
    PICTURES,
    render,
    questions=(Q.BAYES_POSTERIOR, Q.BAYES_EVIDENCE),
)
