"""What both views of the Mean, variance & std page share: the list and its presets."""

from __future__ import annotations

import streamlit as st

from core import descriptive_statistics as stats
from text import descriptive_statistics as words
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


def data_controls(state: PageState) -> str:
    """The list box and one button per ready-made list; returns the list as typed."""
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
