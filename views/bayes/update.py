"""Several tests in a row: each posterior becomes the prior of the next result."""

from __future__ import annotations

import streamlit as st

from core import bayes as cb
from text import bayes as words
from text.questions import further as Q
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.bayes import theorem
from views.bayes.common import THEOREM
from viz import bayes as viz

PARAMS = (
    *THEOREM,
    Param.text(
        "results",
        "Test results in order (+ positive, − negative)",
        "+++",
        max_chars=40,
        validate=cb.parse_results,
    ),
)


def render(state: PageState, frame: Frame) -> None:
    """The theorem's controls and the results; the belief after each one."""
    given = theorem.inputs(state, frame)
    with frame.controls:
        results = state.widget("results")
    result = theorem.show(frame, given, formula=False)  # P(A|B₁) is below
    with frame.controls:
        updates = page.compute("updates", cb.update_sequence, result, results)
    sentence = words.describe_sequence(updates, given.story)
    with frame.main:
        page.formula(words.sequence_latex(updates))
        page.chart(
            page.figure_of(viz.sequence_figure, updates, given.story),
            key="bayes_update",
            alt=sentence,
        )
        page.explain(sentence)
        st.info(words.INDEPENDENT_TESTS)
        theorem.say(result, given.story)
        code_panel(
            words.sequence_code(result, updates), words.sequence_code_result(updates)
        )


VIEW = View("update", "Several tests", PARAMS, render, questions=(Q.BAYES_FINAL,))
