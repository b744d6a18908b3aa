"""The 68–95–99.7 rule: the share of draws within 1, 2 and 3 σ against the theory."""

from __future__ import annotations

import streamlit as st

from text import normal_distribution as words
from text.questions import further as Q
from ui import page, predict
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState
from views.normal_distribution import common
from viz import normal_distribution as viz

PARAMS = (*common.SAMPLE_PARAMS, common.ZOOM)


def render(state: PageState, frame: Frame) -> None:
    """The sample's controls; the shaded bands, the table and the code."""
    with frame.controls:
        inputs = common.sample_controls(state)
        zoom = state.widget("zoom")
        sample = page.compute("sample", common.sample, *inputs)
    with frame.main:
        page.formula(words.rule_latex(sample.sigma))
        sentence = words.describe_rule(sample)
        page.explain(sentence)
        figure = page.figure_of(viz.normal_figure, sample, zoom, True)
        page.chart(figure, key="rule", alt=sentence)
        predict.shown(st.markdown, words.rule_table(sample))
        code_panel(words.rule_code(sample), words.rule_code_result(sample))


VIEW = View(
    "rule",
    "68–95–99.7",
    PARAMS,
    render,
    questions=(Q.NORMAL_WITHIN_1, Q.NORMAL_WITHIN_2),
)
