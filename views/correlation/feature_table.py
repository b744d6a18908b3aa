"""The feature-selection matrix on a learner's table: the target, the columns, a pair."""

from __future__ import annotations

import streamlit as st

from core import correlation as corr
from text import correlation as words
from text import table as table_words
from ui import page
from ui import table_entry as te
from ui.url_state import PageState, Param

#: The column a model would predict (URL key ``target``); the last column at first.
TARGET = Param.column(
    "target",
    table_words.TARGET_LABEL,
    max_chars=te.COL_X.max_chars,
    note=table_words.column_note,
)
#: Rows in the matrix (a longer table is sampled with the rows seed): the code
#: panel writes them all out.
MATRIX_ROWS = 300
PARAMS = (*te.PARAMS, TARGET, te.COL_X, te.COL_Y)


def _matrix_columns(names: tuple[str, ...], target: str) -> tuple[str, ...]:
    """The target and the first columns besides it, in the table's order."""
    others = [name for name in names if name != target]
    kept = set(others[: corr.MAX_MATRIX_COLUMNS - 1]) | {target}
    return tuple(name for name in names if name in kept)


def table_matrix(state: PageState) -> tuple[corr.FeatureMatrix, str, str]:
    """The data set or the learner's table, its target; the matrix and the pair."""
    st.markdown(table_words.MATRIX_TABLE_INTRO)
    table = te.read_table(state, "matrix", columns=2)
    target = te.column(state, TARGET, table, len(table.names) - 1)
    threshold = state.widget("threshold")
    names = _matrix_columns(table.names, target)
    picked = te.chosen(state, table, names, MATRIX_ROWS, "matrix")
    fm = page.compute(
        "matrix_table", corr.table_feature_matrix, picked, target, threshold
    )
    note = table_words.matrix_note(len(table.names), len(names), fm.constant)
    if note:
        st.caption(note)
    st.markdown(words.MATRIX_PICK)
    fx = state.widget("col_x", options=fm.names, fallback=0)
    fy = state.widget("col_y", options=fm.names, fallback=len(fm.names) - 1)
    return fm, str(fx), str(fy)
