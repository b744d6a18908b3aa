"""What the views of the Vectors page share: the preset buttons and the results."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from core.vectors import DotProduct
from text import vectors as words
from ui import page
from ui.code_panel import code_panel
from ui.url_state import PageState
from viz import vectors as viz


def preset_buttons(
    state: PageState, view: str, presets: Mapping[str, Mapping[str, Any]]
) -> None:
    """Cases worth seeing once, two buttons a row: each sets the view's inputs."""
    st.caption("Try a case:")
    buttons = st.columns(2)
    for index, (label, values) in enumerate(presets.items()):
        buttons[index % 2].button(
            label,
            key=f"preset_{view}_{index}",
            on_click=state.set_values,
            args=(values,),
            width="stretch",
        )


def show(result: DotProduct, *, plane: bool) -> None:
    """The formula, the readouts, the two charts, the words and the code panels.

    ``plane``: the 2-D view, where two-number vectors sit at their coordinates.
    """
    for line in words.dot_latex(result):
        page.formula(line)
    sentence = words.describe_dot(result)
    page.explain(sentence)
    for cell, (label, value, tip) in zip(
        st.columns(5), words.readouts(result), strict=True
    ):
        cell.metric(label, value, help=tip)
    projection = words.describe_projection(result)
    left, right = st.columns([1.5, 1])
    with left:
        arrows = page.figure_of(viz.vectors_figure, result, plane)
        page.chart(arrows, key="arrows", alt=f"{sentence} {projection}")
    with right:
        terms = page.figure_of(viz.terms_figure, result)
        page.chart(terms, key="terms", alt=words.describe_terms(result))
    page.explain(projection)
    if not plane and result.dimension != 2:
        st.caption(words.PLANE_NOTE)
    code_panel(
        words.dot_code(result.a, result.b),
        words.dot_code_result(result),
        title="Show the NumPy code (notebook cell 2)",
    )
    code_panel(
        words.angle_code(result.a, result.b),
        words.angle_code_result(result),
        title="Show the code for the lengths, angle and projection",
    )
