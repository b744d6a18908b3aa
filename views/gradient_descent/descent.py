"""Descent: gradient descent in 1-D, its path on the curve and the learning rate.

The chart is live: drag the start w₀ along the curve or slide the learning rate
under it, and the path, the loss at each step and the regime follow at once
(:func:`views.gradient_descent.descent_live.live_descent`); the formula, the sentence,
the table and the code follow on release.
"""

from __future__ import annotations

import streamlit as st

from core import gradient_descent as gd
from text import gradient_descent as words
from text.gradient_descent import live as live_words
from text.questions import catalogue as Q
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.gradient_descent.common import (
    FUNCTION,
    LOG_SCALE,
    TYPED_FUNCTION,
    function_choice,
)
from views.gradient_descent.descent_live import live_descent
from views.gradient_descent.steps import step_controls
from viz import gradient_descent as viz

#: The "Play the steps" expander's widget key (it tells the page whether it is open).
PLAY_KEY = "descent_play"

PARAMS = (
    FUNCTION,
    TYPED_FUNCTION,
    Param.number("w0", "Start w₀", 5.0, min_value=-10.0, max_value=10.0, step=0.1),
    Param.number(
        "lr",
        "Learning rate lr",
        0.1,
        min_value=0.001,
        max_value=4.0,
        step=0.001,
        number_format="%.3f",
    ),
    # Opens on a descent worth watching (the notebook's one step is the first of them:
    # ?steps=1 is cell 5); Play replays the steps from 0.
    Param.integer("steps", "Steps taken", 20, min_value=0, max_value=gd.MAX_STEPS_1D),
    LOG_SCALE,
)


def _steps_and_table(descent: gd.Descent1D, log_scale: bool) -> None:
    """The loss at each step beside the table of every step.

    The table is Markdown, an HTML table a screen reader walks and a projector
    shows large; ``st.dataframe`` would make a first visit fetch Streamlit's
    1.5 MB data-grid script for 21 rows."""
    left, right = st.columns([0.9, 1.4])
    with left:
        figure = page.figure_of(viz.loss_steps_figure, descent, log_scale)
        page.chart(figure, key="descent_loss", alt=words.steps_alt(descent))
    with right:
        # no scrolling box: a region that scrolls must take the keyboard's focus,
        # and Streamlit's does not (axe's scrollable-region-focusable)
        st.container(key="steps_table").markdown(words.steps_table(descent))
        st.caption(words.STEPS_CAPTION)


def render(state: PageState, frame: Frame) -> None:
    """Function, start, learning rate and steps; the path, the loss and the code."""
    with frame.controls:
        fn_key, expression = function_choice(state)
        w0, lr = state.widget("w0"), state.widget("lr")
        steps = step_controls(state)
        log_scale = state.widget("log")
        descent = page.compute(
            "descent", gd.descend_1d, fn_key, w0, lr, steps, expression, shared=True
        )
    with frame.main:
        page.formula(words.descent_latex(descent))
        sentence = words.describe_descent(descent)
        live_descent(state, descent, fn_key, expression, sentence)  # first screen
        if descent.path.diverged_at is not None:
            warning = words.divergence_message(descent.path).capitalize()
            st.warning(warning)
        page.explain(sentence)
        _steps_and_table(descent, log_scale)
        # Built and sent only while open: its frames were ~half of every change's bytes.
        play = st.expander(live_words.PLAY_LABEL, key=PLAY_KEY, on_change="rerun")
        if play.open:
            with play:
                figure = page.figure_of(viz.descent_figure, descent)
                page.chart(figure, key="descent", alt=sentence)
                st.caption(words.PLAY_CAPTION)
        code_panel(words.descent_code(descent), words.descent_code_result(descent))


VIEW = View("descent", "Descent", PARAMS, render, questions=(Q.GD_NEXT_W, Q.GD_THREE_W))
