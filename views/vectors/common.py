"""What the views of the Vectors page share: the preset buttons and the results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from core.vectors import DotProduct
from text import vectors as words
from ui import live_chart, page, predict
from ui.code_panel import code_panel
from ui.live_chart import Control
from ui.live_frames import Draw
from ui.url_state import PageState
from ui.widgets import flex_row
from viz import vectors as viz

#: A live arrows chart: the page state, the draw function and the handles.
LiveArrows = tuple[PageState, Draw, Sequence[Control]]


def preset_buttons(
    state: PageState, view: str, presets: Mapping[str, Mapping[str, Any]]
) -> None:
    """Cases worth seeing once, a row of buttons: each sets the view's inputs."""
    st.caption("Try a case:")
    row = flex_row()
    for index, (label, values) in enumerate(presets.items()):
        row.button(
            label,
            key=f"preset_{view}_{index}",
            on_click=state.set_values,
            args=(values,),
            width="stretch",
        )


def show(result: DotProduct, *, plane: bool, live: LiveArrows | None = None) -> None:
    """The formula, the readouts, the two charts, the words and the code panels.

    ``plane``: the 2-D view, where two-number vectors sit at their coordinates.
    ``live``: the plane view's state, draw function and handles: its arrows chart
    is live (drag the tips of a and b).
    """
    for line in words.dot_latex(result):
        page.formula(line)
    sentence = words.describe_dot(result)
    projection = words.describe_projection(result)
    # the arrows first and the whole width: on the first screen, and big enough
    # that the angle, the shadow and their words stay apart at the origin
    if live is not None:
        state, draw, controls = live
        alt = f"{sentence} {projection}"
        live_chart.show(state, draw, controls, key="arrows", alt=alt)
    else:
        arrows = page.figure_of(viz.vectors_figure, result, plane)
        page.chart(arrows, key="arrows", alt=f"{sentence} {projection}")
    page.explain(sentence)
    page.explain(projection)
    readouts = flex_row()
    for label, value, tip in words.readouts(result):
        readouts.metric(label, predict.masked(value), help=tip, width="stretch")
    terms = page.figure_of(viz.terms_figure, result)
    page.chart(terms, key="terms", alt=words.describe_terms(result))
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
