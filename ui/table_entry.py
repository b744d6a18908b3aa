"""A pasted table or a classic data set, and columns picked from it by name.

Shared by the Correlation, Mean-variance-std and Loss-function pages: the
``Param`` objects here are declared once, so each page has one ``table`` key.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from core import table as tb
from core.datasets import dataset_text
from text import table as words
from ui import page
from ui.url_state import PageState, Param

DATASET = Param.choice("dataset", "Data set", "paste", words.DATASETS, widget="select")
TABLE = Param.text(
    "table",
    words.TABLE_LABEL,
    words.TABLE_EXAMPLE,
    widget="text_area",
    max_chars=tb.MAX_TABLE_CHARS,
    help=words.TABLE_HELP,
    validate=tb.parse_table,
)
ROW_SEED = Param.seed(0, name="rows_seed", label="Seed for sampling rows")
_COLUMN: dict[str, Any] = {"max_chars": 2 * tb.MAX_NAME_LENGTH}
COL_X = Param.text("col_x", "x column", "", **_COLUMN)
COL_Y = Param.text("col_y", "y column", "", **_COLUMN)
PARAMS = (DATASET, TABLE, ROW_SEED)


def read_table(state: PageState, key: str) -> tb.Table:
    """The data-set picker and, for "My table", the paste box; the table read."""
    name = state.widget("dataset")
    text = state.widget("table") if name == "paste" else dataset_text(name)
    return page.compute(f"table_{key}", tb.parse_table, text)


def column(state: PageState, param: Param, table: tb.Table, fallback: int) -> str:
    """A select over the table's number columns, bound to ``param`` (URL state)."""
    name = param.name
    asked = state.value(name)
    used = table.names[min(fallback, len(table.names) - 1)]
    if asked in table.names:
        used = asked
    else:
        if asked:
            st.caption(words.column_note(asked, used))
        state.set_values({name: used})
    if name not in state.hidden:
        st.selectbox(param.label, table.names, key=name, persist_state="page")
    return str(state.value(name))


def chosen(
    state: PageState, table: tb.Table, names: tuple[str, ...], limit: int, key: str
) -> tb.Chosen:
    """The chosen columns (rows dropped, sampled past ``limit``), and the note."""
    seed = state.value("rows_seed")
    picked = page.compute(f"chosen_{key}", tb.pick_columns, table, names, seed, limit)
    if picked.sampled:
        state.widget("rows_seed")
    st.caption(words.describe_rows(table, picked))
    return picked
