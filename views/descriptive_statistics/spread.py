"""Variance & std: each value's deviation from the mean, and the squares on them."""

from __future__ import annotations

import streamlit as st

from core import descriptive_statistics as stats
from text import descriptive_statistics as words
from text.questions import further as Q
from ui import page, predict
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.descriptive_statistics.common import DATA_PARAMS, data_controls
from viz import descriptive_statistics as viz

PARAMS = (
    *DATA_PARAMS,
    Param.choice(
        "ddof",
        "Variance of a",
        "0",
        {"0": "population (÷ n)", "1": "sample (÷ n − 1)"},
        widget="segmented",
        help="ddof=0 divides by n (NumPy's default); ddof=1 divides by n − 1.",
    ),
)


def render(state: PageState, frame: Frame) -> None:
    """The list and ddof; the deviations, their squares, the table and the code."""
    with frame.controls:
        data = data_controls(state)
        ddof = int(state.widget("ddof"))
        summary = page.compute("summary", stats.summarize, data, ddof)
    with frame.main:
        page.formula(words.variance_latex(summary))
        sentence = words.describe_spread(summary)
        dots = page.figure_of(viz.dot_plot_figure, summary)
        page.chart(dots, key="deviations", alt=sentence)  # on the first screen
        page.explain(sentence)
        squares = page.figure_of(viz.squares_figure, summary)
        page.chart(squares, key="squares", alt=sentence)
        predict.shown(st.markdown, words.statistics_table(summary))
        st.markdown(words.POPULATION_SENTENCE + " " + words.SAMPLE_SENTENCE)
        code_panel(
            words.statistics_code(summary), words.statistics_code_result(summary)
        )


VIEW = View(
    "spread",
    "Variance & std",
    PARAMS,
    render,
    questions=(Q.STATISTICS_STD, Q.STATISTICS_VARIANCE),
)
