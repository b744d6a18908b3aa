"""Two vectors in the plane, moved with sliders: arrows, angle and projection."""

from __future__ import annotations

from typing import Any

import streamlit as st

from core import vectors as vec
from ui import page
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.vectors.common import preset_buttons, show

#: Every coordinate's slider: −5 … 5 in steps of 0.1 (exact entry beside it).
COORDINATE: dict[str, Any] = {"min_value": -5.0, "max_value": 5.0, "step": 0.1}
PARAMS = (
    Param.number("ax", "a₁", 2.0, **COORDINATE),
    Param.number("ay", "a₂", 3.0, **COORDINATE),
    Param.number("bx", "b₁", 4.0, **COORDINATE),
    Param.number("by", "b₂", 1.0, **COORDINATE),
)

#: Cases worth seeing once: each names itself in the sentence under the chart.
PRESETS = {
    "Orthogonal": {"ax": 2.0, "ay": 3.0, "bx": 3.0, "by": -2.0},
    "Parallel": {"ax": 1.0, "ay": 2.0, "bx": 2.0, "by": 4.0},
    "Opposite": {"ax": 2.0, "ay": 1.0, "bx": -4.0, "by": -2.0},
    "Obtuse": {"ax": 3.0, "ay": 1.0, "bx": -2.0, "by": 2.0},
    "Zero vector": {"ax": 0.0, "ay": 0.0, "bx": 4.0, "by": 1.0},
}


def render(state: PageState, frame: Frame) -> None:
    """Sliders for the coordinates of a and b; the arrows at those coordinates."""
    with frame.controls:
        st.markdown("**a** (blue)")
        a = (state.widget("ax"), state.widget("ay"))
        st.markdown("**b** (orange)")
        b = (state.widget("bx"), state.widget("by"))
        preset_buttons(state, "plane", PRESETS)
        result = page.compute("dot_plane", vec.dot_product, a, b)
    with frame.main:
        show(result, plane=True)


VIEW = View("plane", "2-D (sliders)", PARAMS, render)
