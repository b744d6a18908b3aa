"""What both views of the Mean, variance & std page share: the list and its presets."""

from __future__ import annotations

import numpy as np
import streamlit as st

from core import descriptive_statistics as stats
from text import descriptive_statistics as words
from ui import table_entry as te
from ui.url_state import PageState, Param

#: The learner's numbers (URL key ``data``), checked like the page checks them.
DATA = Param.text(
    "data",
    "Your numbers",
    stats.NOTEBOOK_DATA,
    max_chars=4000,
    validate=stats.parse_data,
    help=words.DATA_HELP,
)
SOURCE = Param.choice(
    "source",
    "Numbers from",
    "list",
    {"list": "A typed list", "table": "A table or data set"},
    widget="segmented",
)
COLUMN = Param.column(
    "column", "Column", max_chars=te.COL_X.max_chars, note=te.words.column_note
)
#: Every parameter of the data controls (both views draw them).
DATA_PARAMS = (DATA, SOURCE, *te.PARAMS, COLUMN)


def _table_column(state: PageState) -> np.ndarray:
    """A data set or a pasted table, and one of its number columns."""
    table = te.read_table(state, "stats")
    name = te.column(state, COLUMN, table, 0)
    picked = te.chosen(state, table, (name,), stats.MAX_VALUES, "stats")
    return picked.columns[0]


def data_controls(state: PageState) -> str | np.ndarray:
    """The list box (or a table's column) and the ready-made lists; the data."""
    if state.widget("source") == "table":
        return _table_column(state)
    data_text: str = state.widget("data")
    st.caption(words.PRESETS_CAPTION)
    for word, (label, text) in words.PRESETS.items():
        st.button(
            label,
            key=f"preset_{word}",
            on_click=state.set_values,
            args=({"data": text},),
            width="stretch",
        )
    return data_text
