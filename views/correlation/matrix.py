"""Feature selection: a correlation matrix, features ranked by |r|, and one pair.

On generated houses (their settings) or on a table: a data set or the learner's
own, pasted or uploaded, with the target column picked (``feature_table``).
"""

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
from views.correlation import feature_table
from views.correlation.common import SEED, view_reset_button
from viz import correlation as viz

_COLUMNS = {name: name for name in corr.COLUMNS}
PARAMS = (
    Param.choice("data", "Data", "houses", table_words.MATRIX_DATA, widget="segmented"),
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
    *feature_table.PARAMS,
)
#: What "Defaults of this view" resets: not the table the Your-data view shares.
_OWN = (*PARAMS[: -len(feature_table.PARAMS)], feature_table.TARGET)


def _pick_cell(state: PageState, fm: corr.FeatureMatrix) -> None:
    """A click on a heatmap cell selects that pair for the scatter below."""
    event = st.session_state.get("heatmap")
    points = event.selection.points if event is not None else []
    names = points[0].get("customdata", [])[:2] if points else []
    if len(names) == 2 and all(name in fm.names for name in names):
        keys = ("col_x", "col_y") if fm.source else ("fx", "fy")
        state.set_values(dict(zip(keys, names, strict=True)))


def _show(state: PageState, fm: corr.FeatureMatrix, fx: str, fy: str) -> None:
    sentence = words.describe_matrix(fm)
    page.explain(sentence)
    for a, b, r in fm.redundant_pairs():
        st.warning(words.redundancy_warning(a, b, r, fm.threshold))
    page.chart(
        page.figure_of(viz.heatmap_figure, fm, (fx, fy)),
        key="heatmap",
        alt=sentence,
        on_select=partial(_pick_cell, state, fm),
        selection_mode="points",
    )
    left, right = st.columns(2)
    with left:
        ranking = page.figure_of(viz.ranking_figure, fm)
        page.chart(ranking, key="ranking", alt=sentence)
    with right:
        pair = fm.pair(fx, fy)
        page.chart(page.figure_of(viz.pair_figure, pair), key="pair", alt=sentence)
    st.info(words.MATRIX_CAVEAT)
    code = (
        words.table_matrix_code(fm) if fm.source else words.matrix_code(fm, fm.samples)
    )
    code_panel(code, words.matrix_code_result(fm))


def _houses(state: PageState) -> tuple[corr.FeatureMatrix, str, str]:
    """The generated houses' settings and the pair to look at; their matrix."""
    st.markdown(words.MATRIX_INTRO)
    samples, link = state.widget("samples"), state.widget("link")
    threshold = state.widget("threshold")
    seed = seed_control(state)
    st.markdown(words.MATRIX_PICK)
    fx, fy = state.widget("fx"), state.widget("fy")
    fm = page.compute("matrix", corr.feature_matrix, samples, link, threshold, seed)
    return fm, fx, fy


def render(state: PageState, frame: Frame) -> None:
    """Houses or a table, and the pair to look at; matrix, ranking, pair, code."""
    with frame.controls:
        if state.widget("data") == "table":
            fm, fx, fy = feature_table.table_matrix(state)
        else:
            fm, fx, fy = _houses(state)
        view_reset_button(state, _OWN)
    with frame.main:
        _show(state, fm, fx, fy)


VIEW = View("matrix", "Feature selection", PARAMS, render)
