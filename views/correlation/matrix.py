"""Feature selection: a correlation matrix, features ranked by |r|, and one pair."""

from __future__ import annotations

from functools import partial

import streamlit as st

from core import correlation as corr
from text import correlation as words
from text import table as table_words
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from ui.widgets import seed_control
from views.correlation.common import SEED, view_reset_button
from viz import correlation as viz

_COLUMNS = {name: name for name in corr.COLUMNS}
PARAMS = (
    Param.integer(
        "samples", "Houses in the data set", 200, min_value=20, max_value=1000, step=10
    ),
    Param.number(
        "link",
        "How closely rooms follow area",
        0.9,
        min_value=0.0,
        max_value=1.0,
        step=0.01,
    ),
    Param.number(
        "threshold",
        "Warn when two features have |r| ≥",
        0.8,
        min_value=0.5,
        max_value=0.99,
        step=0.01,
    ),
    Param.choice("fx", "Plot on x", "area", _COLUMNS, widget="select"),
    Param.choice("fy", "Plot on y", "price", _COLUMNS, widget="select"),
    SEED,
)


def _pick_cell(state: PageState) -> None:
    """A click on a heatmap cell selects that pair for the scatter below."""
    event = st.session_state.get("heatmap")
    points = event.selection.points if event is not None else []
    names = points[0].get("customdata", [])[:2] if points else []
    if len(names) == 2 and all(name in _COLUMNS for name in names):
        state.set_values({"fx": names[0], "fy": names[1]})


def _show(state: PageState, fm: corr.FeatureMatrix, fx: str, fy: str) -> None:
    sentence = words.describe_matrix(fm)
    page.explain(sentence)
    for a, b, r in fm.redundant_pairs():
        st.warning(words.redundancy_warning(a, b, r, fm.threshold), icon="⚠️")
    page.chart(
        page.figure_of(viz.heatmap_figure, fm, (fx, fy)),
        key="heatmap",
        alt=sentence,
        on_select=partial(_pick_cell, state),
        selection_mode="points",
    )
    left, right = st.columns(2)
    with left:
        ranking = page.figure_of(viz.ranking_figure, fm)
        page.chart(ranking, key="ranking", alt=sentence)
    with right:
        pair = fm.pair(fx, fy)
        page.chart(page.figure_of(viz.pair_figure, pair), key="pair", alt=sentence)
    st.info(words.MATRIX_CAVEAT, icon="💡")
    st.caption(table_words.NO_FEATURES)
    code_panel(words.matrix_code(fm, fm.samples), words.matrix_code_result(fm))


def render(state: PageState, frame: Frame) -> None:
    """The data set's settings and the pair to look at; matrix, ranking, pair, code."""
    with frame.controls:
        st.markdown(words.MATRIX_INTRO)
        samples, link = state.widget("samples"), state.widget("link")
        threshold = state.widget("threshold")
        seed = seed_control(state)
        st.markdown(words.MATRIX_PICK)
        fx, fy = state.widget("fx"), state.widget("fy")
        view_reset_button(state, PARAMS)
        fm = page.compute("matrix", corr.feature_matrix, samples, link, threshold, seed)
    with frame.main:
        _show(state, fm, fx, fy)


VIEW = View("matrix", "Feature selection", PARAMS, render)
