"""A curve: y = x² depends completely on x, yet r can be 0."""

from __future__ import annotations

import streamlit as st

from core import correlation as corr
from text import correlation as words
from text.questions import further as Q
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from ui.widgets import flex_row, metric_row, seed_control
from views.correlation.common import SEED, view_reset_button
from viz import correlation as viz

PARAMS = (
    Param.number(
        "centre", "Centre of the x-range", 0.0, min_value=-3.0, max_value=3.0, step=0.1
    ),
    Param.number(
        "curve_noise",
        "Noise",
        0.5,
        min_value=0.0,
        max_value=corr.MAX_CURVE_NOISE,
        step=0.1,
    ),
    SEED,
)


def _show(curve: corr.CurveSample) -> None:
    stats = curve.stats
    metric_row(
        [
            ("Pearson r", words.r_text(stats.r), None),
            ("r²", words.r_text(stats.r2), None),
            ("Spearman ρₛ", words.r_text(stats.spearman), None),
        ]
    )
    sentence = words.describe_curve(curve)
    page.explain(sentence)
    page.chart(page.figure_of(viz.curve_figure, curve), key="curve", alt=sentence)
    st.info(words.CAUSATION)
    code_panel(words.curve_code(curve), words.curve_code_result(curve))


def render(state: PageState, frame: Frame) -> None:
    """The x-range and the noise; r and Spearman's ρ of the curve, and the code."""
    with frame.controls:
        st.markdown(words.CURVE_INTRO)
        centre, curve_noise = state.widget("centre"), state.widget("curve_noise")
        seed = seed_control(state)
        buttons = flex_row()
        for label, value in words.CURVE_EXAMPLES.items():
            buttons.button(label, on_click=state.set_values, args=({"centre": value},))
        view_reset_button(state, PARAMS)
        curve = page.compute("curve", corr.curve_sample, centre, curve_noise, seed)
    with frame.main:
        _show(curve)


VIEW = View("curve", "A curve", PARAMS, render, questions=(Q.CORRELATION_CURVE_R,))
