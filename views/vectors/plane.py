"""Two vectors in the plane: drag their tips (or move the sliders).

The arrows chart is live: while a tip is dragged the arrow, the shadow of a on b,
the angle and the readout ``a·b = … · θ = …°`` follow at display rate; the
formula, the numbers, the sum chart and the code follow on release.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from core import vectors as vec
from text import vectors as words
from text.questions import catalogue as Q
from ui import page
from ui.live_chart import Drag
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.vectors.common import preset_buttons, show
from viz import style
from viz import vectors_live as viz

#: Every coordinate's slider: −5 … 5 in steps of 0.1 (exact entry beside it).
COORDINATE: dict[str, Any] = {"min_value": -5.0, "max_value": 5.0, "step": 0.1}
PARAMS = (
    Param.number("ax", "a₁", 2.0, **COORDINATE),
    Param.number("ay", "a₂", 3.0, **COORDINATE),
    Param.number("bx", "b₁", 4.0, **COORDINATE),
    Param.number("by", "b₂", 1.0, **COORDINATE),
)

#: The tips of a and b, dragged in the plane on the whole numbers −5 … 5 (the
#: frames of a finer grid would pass the 300 KB a live chart may send).
CONTROLS = (
    Drag(("ax", "ay"), trace="a", label="tip of a", steps=11, colour=style.CURRENT),
    Drag(("bx", "by"), trace="b", label="tip of b", steps=11, colour=style.SECOND),
)

#: Cases worth seeing once: each names itself in the sentence under the chart.
PRESETS = {
    "Orthogonal": {"ax": 2.0, "ay": 3.0, "bx": 3.0, "by": -2.0},
    "Parallel": {"ax": 1.0, "ay": 2.0, "bx": 2.0, "by": 4.0},
    "Opposite": {"ax": 2.0, "ay": 1.0, "bx": -4.0, "by": -2.0},
    "Obtuse": {"ax": 3.0, "ay": 1.0, "bx": -2.0, "by": 2.0},
    "Zero vector": {"ax": 0.0, "ay": 0.0, "bx": 4.0, "by": 1.0},
}


def draw(values: Mapping[str, float]) -> tuple[dict[str, Any], str]:
    """The live arrows chart at ``values`` (plain figure data), and its readout."""
    a, b = (values["ax"], values["ay"]), (values["bx"], values["by"])
    result = vec.dot_product(a, b)
    return viz.plane_live_data(result), words.plane_readout(result)


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
        show(result, plane=True, live=(state, draw, CONTROLS))


VIEW = View(
    "plane",
    "2-D (sliders)",
    PARAMS,
    render,
    questions=(Q.VECTORS_PLANE_DOT, Q.VECTORS_PLANE_COSINE),
)
