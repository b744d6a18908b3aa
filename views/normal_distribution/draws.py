"""The draws: their histogram against the exact bell curve (notebook cell 7)."""

from __future__ import annotations

import streamlit as st

from text import normal_distribution as words
from text.questions import further as Q
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState
from views.normal_distribution import common
from viz import normal_distribution as viz

PARAMS = (*common.SAMPLE_PARAMS, common.ZOOM)


def render(state: PageState, frame: Frame) -> None:
    """The sample's controls; the histogram, the first ten draws and the code."""
    with frame.controls:
        inputs = common.sample_controls(state)
        zoom = state.widget("zoom")
        sample = page.compute("sample", common.sample, *inputs)
    with frame.main:
        page.formula(words.pdf_latex(sample.mu, sample.sigma))
        sentence = words.describe_draws(sample)
        page.explain(sentence)
        figure = page.figure_of(viz.normal_figure, sample, zoom)
        page.chart(figure, key="draws", alt=sentence)
        st.markdown(words.first_ten_line(sample))
        st.caption(words.UNSEEDED_SENTENCE)
        code_panel(words.draws_code(sample), words.draws_code_result(sample))


VIEW = View("draws", "Draws", PARAMS, render, questions=(Q.NORMAL_DRAWS_STD,))
