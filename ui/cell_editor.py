"""Edit a matrix parameter cell by cell: size pickers and one number box per entry.

The parameter stays text (``"2, 3; 4, 5"``), which is what the URL holds; the
cells are a second way to write it. Every edit is written back as text with
``PageState.set_values``, so the text box, the URL and the cells agree::

    if st.toggle("Edit as number cells", key="_cells_on"):
        matrix_cell_editor(state, "a", "A")

Widget keys: ``_<name>_rows``, ``_<name>_cols`` and ``_<name>_<i>_<j>`` (0-based).
"""

from __future__ import annotations

import streamlit as st

from core.matrices import resize_matrix
from core.parsing import MAX_MATRIX_SIDE, format_matrix, parse_matrix
from ui.url_state import PageState


def matrix_cell_editor(
    state: PageState, name: str, label: str, *, max_side: int = MAX_MATRIX_SIDE
) -> None:
    """Rows and columns pickers, then one number cell per entry of ``name``."""
    try:
        current = parse_matrix(state.value(name), label)
    except ValueError:
        st.caption(f"Fix the text of {label} to edit its cells.")
        return
    rows, cols = current.shape
    st.session_state[f"_{name}_rows"] = rows
    st.session_state[f"_{name}_cols"] = cols
    size_cols = st.columns(2)
    for column, (key, word) in zip(
        size_cols, (("rows", "rows"), ("cols", "columns")), strict=True
    ):
        column.selectbox(
            f"{label}: {word}",
            range(1, max_side + 1),
            key=f"_{name}_{key}",
            on_change=_resize,
            args=(state, name, label),
        )
    for i in range(rows):
        cells = st.columns(cols)
        for j in range(cols):
            key = f"_{name}_{i}_{j}"
            st.session_state[key] = float(current[i, j])
            cells[j].number_input(
                f"{label}[{i + 1},{j + 1}]",
                key=key,
                step=1.0,
                format="%g",
                label_visibility="collapsed",
                on_change=_cell_changed,
                args=(state, name, label, i, j),
            )


def _resize(state: PageState, name: str, label: str) -> None:
    current = parse_matrix(state.value(name), label)
    rows = int(st.session_state[f"_{name}_rows"])
    cols = int(st.session_state[f"_{name}_cols"])
    state.set_values({name: format_matrix(resize_matrix(current, rows, cols))})


def _cell_changed(state: PageState, name: str, label: str, i: int, j: int) -> None:
    current = parse_matrix(state.value(name), label)
    value = st.session_state[f"_{name}_{i}_{j}"]
    if value is None:
        return
    current[i, j] = float(value)
    state.set_values({name: format_matrix(current)})
