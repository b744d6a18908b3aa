"""Your data: Pearson's and Spearman's r of two typed lists or two pasted columns."""

from __future__ import annotations

import streamlit as st

from core import correlation as corr
from core.parsing import parse_vector
from text import correlation as words
from text.questions import catalogue as Q
from ui import page
from ui import table_entry as te
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from ui.widgets import flex_row, metric_row
from views.correlation.common import QUADRANTS
from viz import correlation as viz

_LIST_HELP = "Numbers separated by commas or spaces."
PARAMS = (
    Param.choice(
        "entry",
        "Enter the data as",
        "lists",
        {"lists": "Two lists", "columns": "Columns", "table": "Table"},
        widget="segmented",
    ),
    Param.text(
        "x",
        "x values",
        "1, 2, 3, 4",
        help=_LIST_HELP,
        validate=lambda text: parse_vector(text, "x"),
    ),
    Param.text(
        "y",
        "y values (one for each x)",
        "10, 20, 30, 40",
        help=_LIST_HELP,
        validate=lambda text: parse_vector(text, "y"),
    ),
    Param.text(
        "xy",
        "x, y — one pair per line (paste two spreadsheet columns)",
        "1, 10\n2, 20\n3, 30\n4, 40",
        widget="text_area",
        max_chars=20_000,
        help="An optional first line of two names, e.g. `hours, score`, labels the axes.",
        validate=corr.parse_columns,
    ),
    QUADRANTS,
    *te.PARAMS,
    te.COL_X,
    te.COL_Y,
)
#: The entry shown on the last run: a switch carries the data across.
_ENTRY_SEEN = "_correlation_entry"


def _convert_entry(state: PageState, entry: corr.Entry) -> None:
    """Carry the data across when the learner switches lists ↔ columns."""
    previous = st.session_state.get(_ENTRY_SEEN, entry)
    st.session_state[_ENTRY_SEEN] = entry
    if previous != entry and "table" not in (previous, entry):
        x, y, xy = state.value("x"), state.value("y"), state.value("xy")
        state.set_values(corr.convert_entry(entry, x, y, xy))


def _example(state: PageState, x: str, y: str) -> None:
    xs, ys = parse_vector(x), parse_vector(y)
    state.set_values({"x": x, "y": y, "xy": corr.columns_text(xs, ys)})


def _table_pairs(state: PageState) -> corr.PairStats:
    """The data set or pasted table, two columns picked from it, and their r."""
    table = te.read_table(state, "pairs", columns=2)
    names = (te.column(state, te.COL_X, table, 0), te.column(state, te.COL_Y, table, 1))
    picked = te.chosen(state, table, names, te.tb.SHOWN_ROWS, "pairs")
    return page.compute("pairs", corr.pair_stats, *picked.columns, names=names)


def _controls(state: PageState) -> tuple[corr.PairStats, bool]:
    entry = state.widget("entry")
    _convert_entry(state, entry)
    if entry == "table":
        return _table_pairs(state), bool(state.widget("quadrants"))
    texts = (state.widget("x"), state.widget("y")) if entry == "lists" else None
    xy_text = state.widget("xy") if entry == "columns" else ""
    quadrants = bool(state.widget("quadrants"))
    st.caption(words.TRY)
    buttons = flex_row()
    for label, (x, y) in words.DATA_EXAMPLES.items():
        buttons.button(label, on_click=_example, args=(state, x, y), width="stretch")
    if texts is not None:
        return page.compute("pairs", corr.pairs_from_lists, *texts), quadrants
    return page.compute("pairs", corr.pairs_from_columns, xy_text), quadrants


def _show(stats: corr.PairStats, quadrants: bool) -> None:
    metric_row(
        [
            ("Pearson r", words.r_text(stats.r), None),
            ("r²", words.r_text(stats.r2), None),
            ("Spearman ρₛ", words.r_text(stats.spearman), None),
            ("points n", str(stats.n), None),
        ]
    )
    page.formula(words.pearson_latex(stats))
    sentence = words.describe_pairs(stats)
    (st.warning if stats.r is None else page.explain)(sentence)
    figure = page.figure_of(viz.pairs_figure, stats, quadrants)
    page.chart(figure, key="pairs", alt=sentence)
    if quadrants and stats.r is not None:
        st.caption(words.QUADRANT_NOTE)
    code_panel(words.pairs_code(stats), words.pairs_code_result(stats))


def render(state: PageState, frame: Frame) -> None:
    """The data boxes and examples; r, the formula, the scatter and the code."""
    with frame.controls:
        stats, quadrants = _controls(state)
    with frame.main:
        _show(stats, quadrants)


VIEW = View("data", "Your data", PARAMS, render, questions=(Q.CORRELATION_R,))
