"""Anscombe's quartet: the same statistics, four different pictures."""

from __future__ import annotations

import streamlit as st

from core import correlation as corr
from text import correlation as words
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from viz import correlation as viz

PARAMS = (
    Param.toggle(
        "pictures",
        "Show the pictures",
        True,
        help="Teachers: link with pictures=0 to let the class guess from the table first.",
    ),
)


def render(state: PageState, frame: Frame) -> None:
    """The table first; the four pictures, their stories and the code on request."""
    with frame.controls:
        st.markdown(words.ANSCOMBE_INTRO)
        pictures = bool(state.widget("pictures"))
    with frame.main:
        quartet = corr.anscombe_quartet()
        st.table(words.anscombe_table(quartet), hide_index=True)
        if not pictures:
            st.info(words.ANSCOMBE_HIDDEN)
            return
        sentence = words.describe_anscombe(quartet)
        figure = page.figure_of(viz.anscombe_figure, quartet)
        page.chart(figure, key="anscombe", alt=sentence)  # right under the table
        page.explain(sentence)
        st.markdown(words.ANSCOMBE_STORIES)
        code_panel(words.anscombe_code(), words.anscombe_code_result(quartet))


VIEW = View("anscombe", "Anscombe's quartet", PARAMS, render)
