"""Mean vs median: what one extreme value does to each."""

from __future__ import annotations

import streamlit as st

from core import descriptive_statistics as stats
from text import descriptive_statistics as words
from text.questions import catalogue as Q
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState
from views.descriptive_statistics.common import DATA, DATA_PARAMS, data_controls
from viz import descriptive_statistics as viz

PARAMS = DATA_PARAMS
#: Session key: this view has opened once (it chose its opening list then).
OPENED = "_center_opened"


def open_on_an_outlier(state: PageState) -> None:
    """The first time this view opens on the notebook's list (mean = median: nothing
    to see), it opens on that list with one extreme value added instead.

    Only when neither the learner nor the link chose the numbers; the
    "Notebook" button brings the notebook's list back.
    """
    if st.session_state.get(OPENED):
        return
    st.session_state[OPENED] = True
    untouched = state.value("data") == DATA.default and "data" not in st.query_params
    if untouched and state.value("source") == "list":
        state.set_values({"data": words.PRESETS["outlier"][1]})


def render(state: PageState, frame: Frame) -> None:
    """The list; the values with their mean and median, and one value moved."""
    open_on_an_outlier(state)
    with frame.controls:
        data = data_controls(state)
        summary = page.compute("summary", stats.summarize, data, 0)
    with frame.main:
        page.formula(words.centre_latex(summary))
        sentence = words.describe_centre(summary, stats.outlier_effect(summary))
        page.explain(sentence)
        dots = page.figure_of(viz.centre_dot_plot_figure, summary)
        page.chart(dots, key="center", alt=sentence)
        sweep = stats.move_largest_value(summary)
        moving = page.figure_of(viz.move_value_figure, sweep, summary)
        page.chart(moving, key="move", alt=words.MOVE_VALUE_ALT)
        code_panel(words.centre_code(summary.values), words.centre_code_result(summary))


VIEW = View(
    "center",
    "Mean vs median",
    PARAMS,
    render,
    questions=(Q.STATISTICS_MEAN, Q.STATISTICS_MEDIAN),
)
