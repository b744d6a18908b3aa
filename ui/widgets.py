"""Generic widgets that several views draw the same way: readouts and seeds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from core.parsing import SEED_LIMITS, format_number
from ui import predict
from ui.url_state import PageState

#: A readout: label, value as text, and an optional note under it (``None``: none).
Metric = tuple[str, str, str | None]


def metric_row(
    items: Sequence[Metric], *, where: Any = None, arrows: bool = True
) -> None:
    """A row of big readouts, one column each, for the back of the room.

    With ``arrows`` a note that starts with a sign (``+0.12``) gets an arrow.
    """
    items = predict.masked_metrics(items)  # "?" while the learner predicts
    row = flex_row(where)  # equal shares of the row, one element a readout
    arrow = "auto" if arrows else "off"
    for label, value, note in items:
        row.metric(
            label, value, note, delta_color="off", delta_arrow=arrow, width="stretch"
        )


def flex_row(where: Any = None) -> Any:
    """A row of buttons or readouts that wraps when narrow, sent as one element.

    ``st.columns(n)`` is sent as n + 1 elements on every rerun.
    """
    return (where or st).container(horizontal=True, gap="small")


def error_metric(
    column: Any, label: str, value: float, error: float, help: str
) -> None:
    """A computed value with how far it is from the exact one (``error …``)."""
    column.metric(
        label,
        format_number(value, 6),
        width="stretch",
        delta=f"error {format_number(error, 3)}",
        delta_color="off",
        delta_arrow="off",
        help=help,
    )


def _next_seed(state: PageState, name: str) -> None:
    state.set_values({name: (state.value(name) + 1) % (SEED_LIMITS[1] + 1)})


#: The button under a seed box: the next seed, so a new sample is still a link.
NEW_SAMPLE = "New random sample"


def seed_control(
    state: PageState, name: str = "seed", *, label: str = NEW_SAMPLE
) -> int:
    """The seed box and a button that moves to the next seed (a new sample)."""
    seed = int(state.widget(name))
    if name not in state.hidden:
        st.button(label, on_click=_next_seed, args=(state, name))
    return seed
