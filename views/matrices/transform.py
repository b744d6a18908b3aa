"""Warp the plane: a 2×2 matrix as a map, its determinant, and AB = first B, then A."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from core import matrices as mat
from text import matrices as words
from text.matrices import live as live_words
from text.questions import catalogue as Q
from ui import live_or_still, page
from ui.code_panel import code_panel
from ui.live_chart import Drag
from ui.live_frames import FigureData
from ui.page import Frame, View
from ui.url_state import PageState, Param
from ui.widgets import flex_row
from views.matrices.common import matrix_param
from viz import matrices as viz
from viz import style
from viz.matrices import live as viz_live

ENTRY: dict[str, Any] = {"min_value": -3.0, "max_value": 3.0, "step": 0.1}
ENTRIES = ("m11", "m12", "m21", "m22")
PARAMS = (
    Param.number("m11", "a (row 1, column 1)", 2.0, **ENTRY),
    Param.number("m12", "b (row 1, column 2)", 1.0, **ENTRY),
    Param.number("m21", "c (row 2, column 1)", 0.5, **ENTRY),
    Param.number("m22", "d (row 2, column 2)", 1.5, **ENTRY),
    Param.toggle(
        "compose",
        "Compose with B (AB)",
        False,
        help="AB applies B first, then A. Type B below.",
    ),
    matrix_param(
        "mb",
        "B (2×2)",
        "0, -1; 1, 0",
        help="The map applied first. 0, -1; 1, 0 turns the plane by 90°.",
        widget="text",
        max_chars=200,
    ),
)

#: Drag where î and ĵ land (the columns), on a grid of halves from −3 to 3.
CONTROLS = (
    Drag(
        ("m11", "m21"),
        trace="i-hat",
        label="î → column 1",
        steps=13,
        colour=style.THIRD,
    ),
    Drag(
        ("m12", "m22"),
        trace="j-hat",
        label="ĵ → column 2",
        steps=13,
        colour=style.SECOND,
    ),
)


def draw(values: Mapping[str, float]) -> tuple[FigureData, str]:
    """The live warp at ``values`` (the four entries of A), and its readout."""
    pm = mat.plane_map([[values["m11"], values["m12"]], [values["m21"], values["m22"]]])
    return viz_live.warp_live_data(pm), live_words.warp_readout(pm)


def presets(state: PageState) -> None:
    """One button per named matrix (identity, rotation, …): sets a, b, c and d."""
    st.caption(words.PRESETS_LABEL)
    row = flex_row()
    for label, (matrix, _) in mat.PLANE_PRESETS.items():
        (m11, m12), (m21, m22) = matrix
        row.button(
            label.capitalize(),
            key=f"plane_{label}",
            on_click=state.set_values,
            args=({"m11": m11, "m12": m12, "m21": m21, "m22": m22},),
            width="stretch",
        )


def render(state: PageState, frame: Frame) -> None:
    """The four entries, presets and B; the warped plane, its formula and code."""
    with frame.controls:
        st.markdown(words.MATRIX_FORM)
        m11, m12, m21, m22 = (state.widget(name) for name in ENTRIES)
        presets(state)
        composing = state.widget("compose")
        b_text = state.widget("mb") if composing else state.value("mb")
        a = page.compute("plane", mat.plane_map, [[m11, m12], [m21, m22]], "A")
        b = None
        if composing:
            b = page.compute("plane_b", mat.plane_map_from_text, b_text, "B")
        warp = page.compute("warp", mat.plane_warp, a, b)
    with frame.main:
        page.formula(words.warp_latex(warp))
        sentence = words.describe_warp(warp)
        page.explain(sentence)
        if composing:  # AB: the chart plays B, then A (the handles would be AB's)
            page.chart(page.figure_of(viz.warp_figure, warp), key="plane", alt=sentence)
        else:
            live_or_still.show(
                state,
                draw,
                CONTROLS,
                key="plane",
                alt=sentence,
                still=lambda: page.figure_of(viz.warp_figure, warp),
            )
        st.caption(words.PLANE_CAPTION if composing else live_words.LIVE_CAPTION)
        code_panel(
            words.map_code(warp.result.matrix), words.map_code_result(warp.result)
        )


VIEW = View(
    "transform", "Warp the plane", PARAMS, render, questions=(Q.MATRICES_DETERMINANT,)
)
