"""What the "fit" and "compare" views share: the data controls and cached runs."""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial
from typing import Any

import streamlit as st

from core import loss_functions as lf
from text import loss_functions as words
from ui import page
from ui import table_entry as te
from ui.url_state import PageState, Param

#: Every box that takes a typed list of numbers.
LIST: dict[str, Any] = {"help": words.LIST_HELP, "max_chars": 2000}

DATA_PARAMS = (
    Param.choice(
        "data",
        "Data",
        "seeded",
        {"seeded": "Seeded", "typed": "Typed", "table": "Table"},
        widget="segmented",
    ),
    Param.integer("n", "Number of points", 12, min_value=2, max_value=lf.MAX_POINTS),
    Param.seed(0),
    Param.number(
        "noise", "Noise (std)", 1.0, min_value=0, max_value=3, step=0.1, widget="slider"
    ),
    Param.text(
        "x",
        "x values",
        "1, 2, 3, 4, 5, 6, 7, 8",
        validate=partial(lf.parse_values, name="x"),
        **LIST,
    ),
    Param.text(
        "y",
        "y values",
        "2.5, 3, 4.5, 4, 6, 5.5, 7.5, 7",
        validate=partial(lf.parse_values, name="y"),
        **LIST,
    ),
    *te.PARAMS,
    te.COL_X,
    te.COL_Y,
)


def _table_dataset(state: PageState, view: str) -> lf.Dataset:
    """A data set or a pasted table; x and y picked from its number columns."""
    table = te.read_table(state, view, columns=2)
    names = (te.column(state, te.COL_X, table, 0), te.column(state, te.COL_Y, table, 1))
    picked = te.chosen(state, table, names, lf.MAX_POINTS, view)
    return page.compute("data_" + view, lf.typed_dataset, *picked.columns)


def dataset(state: PageState, view: str) -> lf.Dataset:
    """The data controls; the points they make (the last good ones after an error)."""
    source = state.widget("data")
    if source == "seeded":
        n, seed, noise = (state.widget(name) for name in ("n", "seed", "noise"))
        st.caption(words.SEEDED_NOTE)
        return page.compute(
            "data_" + view, lf.make_dataset, n=n, seed=seed, noise=noise
        )
    if source == "table":
        return _table_dataset(state, view)
    x, y = state.widget("x"), state.widget("y")
    return page.compute("data_" + view, lf.typed_dataset, x, y)


# Heavy pure work is cached by what it was computed from (``data.key``); the
# data set itself is passed beside its key and not hashed again.
@st.cache_data(max_entries=64, show_spinner=False)
def _descend(
    key: Hashable,
    _data: lf.Dataset,
    w: float,
    b: float,
    method: str,
    lr: float,
    steps: int,
) -> lf.LineDescent:
    return lf.descend(_data, w, b, method=method, lr=lr, steps=steps)


def descend(
    data: lf.Dataset, w: float, b: float, method: str, lr: float, steps: int
) -> lf.LineDescent:
    """:func:`core.loss_functions.descend`, cached across reruns and sessions."""
    return _descend(data.key, data, w, b, method, lr, steps)


@st.cache_data(max_entries=32, show_spinner=False)
def _compare(
    key: Hashable, _data: lf.Dataset, delta: float, on: bool, ox: float, dy: float
) -> lf.LossComparison:
    return lf.compare_losses(_data, delta, outlier=on, outlier_x=ox, outlier_dy=dy)


def compare(
    data: lf.Dataset, delta: float, outlier: bool, outlier_x: float, outlier_dy: float
) -> lf.LossComparison:
    """:func:`core.loss_functions.compare_losses`, cached across reruns and sessions."""
    return _compare(data.key, data, delta, outlier, outlier_x, outlier_dy)
