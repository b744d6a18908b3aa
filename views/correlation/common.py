"""What several Correlation views share: the seed, the quadrant toggle, a view reset."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from ui.url_state import PageState, Param

#: Every correlation's slider: −1 … 1 in steps of 0.01.
CORRELATION: dict[str, Any] = {"min_value": -1.0, "max_value": 1.0, "step": 0.01}

SEED = Param.seed(0, label="Random seed")
QUADRANTS = Param.toggle(
    "quadrants",
    "Show what pulls r up or down",
    False,
    help="Colour each point by the sign of (x − x̄)(y − ȳ), its share of r.",
)

VIEW_RESET_LABEL = "↺ Defaults of this view"


def _reset(state: PageState, params: Sequence[Param]) -> None:
    state.set_values({param.name: param.default for param in params})


def view_reset_button(state: PageState, params: Sequence[Param]) -> None:
    """A button that resets this view's controls only (the others keep their values)."""
    st.button(VIEW_RESET_LABEL, on_click=_reset, args=(state, params))
