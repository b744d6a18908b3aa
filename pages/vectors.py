"""Vectors and the dot product: arrows, the sum term by term, angle, cosine, projection."""

from __future__ import annotations

from typing import Any

import streamlit as st

from core import vectors as vec
from core.parsing import format_number
from ui import page
from ui.code_panel import code_panel
from ui.url_state import Param
from viz import vectors as viz

COORDINATE = {"min_value": -5.0, "max_value": 5.0, "step": 0.1}
PARAMS = (
    Param.choice(
        "view",
        "Vectors",
        "any",
        {"any": "n-D (type)", "plane": "2-D (sliders)"},
        widget="segmented",
    ),
    Param.text(
        "a",
        "a",
        "1, 2, 3",
        help="Up to 6 numbers separated by commas, e.g. 1, 2, 3.",
        max_chars=200,
        validate=vec.validate_vector_text,
    ),
    Param.text(
        "b",
        "b",
        "4, 5, 6",
        help="As many numbers as a, separated by commas.",
        max_chars=200,
        validate=vec.validate_vector_text,
    ),
    Param.number("ax", "a₁", 2.0, **COORDINATE),
    Param.number("ay", "a₂", 3.0, **COORDINATE),
    Param.number("bx", "b₁", 4.0, **COORDINATE),
    Param.number("by", "b₂", 1.0, **COORDINATE),
)

#: Cases worth seeing once: each names itself in the sentence under the chart.
PLANE_PRESETS = {
    "Orthogonal": {"ax": 2.0, "ay": 3.0, "bx": 3.0, "by": -2.0},
    "Parallel": {"ax": 1.0, "ay": 2.0, "bx": 2.0, "by": 4.0},
    "Opposite": {"ax": 2.0, "ay": 1.0, "bx": -4.0, "by": -2.0},
    "Obtuse": {"ax": 3.0, "ay": 1.0, "bx": -2.0, "by": 2.0},
    "Zero vector": {"ax": 0.0, "ay": 0.0, "bx": 4.0, "by": 1.0},
}
TEXT_PRESETS = {
    "Orthogonal": {"a": "1, 0, -1", "b": "1, 5, 1"},
    "Parallel": {"a": "1, 2, 3", "b": "2, 4, 6"},
    "Opposite": {"a": "1, 2, 3", "b": "-3, -6, -9"},
    "Embeddings": {"a": "0.2, 0.8, 0.1, 0.5", "b": "0.3, 0.7, 0.0, 0.6"},
    "Zero vector": {"a": "0, 0, 0", "b": "4, 5, 6"},
}


# Figures are cached as objects (cache_resource), not pickled copies (cache_data):
# unpickling a figure costs about as much as building it; st.plotly_chart only reads it.
@st.cache_resource(max_entries=64, show_spinner=False)
def _figures(a: tuple[float, ...], b: tuple[float, ...], plane: bool) -> Any:
    result = vec.dot_product(a, b)
    return viz.vectors_figure(result, plane=plane), viz.terms_figure(result)


state = page.start(
    "vectors",
    "Vectors and the dot product",
    PARAMS,
    intro=(
        "A **vector** is a list of numbers — a data point, a row of features, an "
        "embedding — drawn as an arrow from the origin. The **dot product** "
        "`a·b = a₁b₁ + a₂b₂ + …` multiplies them term by term and adds up; it tells "
        "how much two vectors point the same way, and it is the first step of every "
        "neuron. *(Notebook cell 2: `np.dot([1, 2, 3], [4, 5, 6])` gives 32.)*"
    ),
)
controls, main = page.columns()

with controls:
    view = state.widget("view")
    if view == "any":
        a_text = state.widget("a")
        b_text = state.widget("b")
        presets = TEXT_PRESETS
    else:
        st.markdown("**a** (blue)")
        a_xy = (state.widget("ax"), state.widget("ay"))
        st.markdown("**b** (orange)")
        b_xy = (state.widget("bx"), state.widget("by"))
        presets = PLANE_PRESETS
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
    page.reset_button(state)
    state.sync_url()
    if view == "any":
        result = page.compute("dot_any", vec.dot_product_from_text, a_text, b_text)
    else:
        result = page.compute("dot_plane", vec.dot_product, a_xy, b_xy)

with main:
    for line in vec.dot_latex(result):
        page.formula(line)
    words = vec.describe_dot(result)
    page.explain(words)
    cells = st.columns(5)
    cells[0].metric("a·b", format_number(result.dot, 6))
    cells[1].metric("|a| (length)", format_number(result.norm_a, 4))
    cells[2].metric("|b| (length)", format_number(result.norm_b, 4))
    if result.cosine is None or result.angle_degrees is None:
        cells[3].metric("cos θ: undefined", "—", help="A zero vector has no direction.")
        cells[4].metric(
            "angle θ: undefined", "—", help="A zero vector has no direction."
        )
    else:
        cells[3].metric("cos θ (similarity)", format_number(result.cosine, 4))
        cells[4].metric("angle θ", f"{format_number(result.angle_degrees, 4)}°")
    arrows_fig, terms_fig = _figures(tuple(result.a), tuple(result.b), view == "plane")
    left, right = st.columns([1.5, 1])
    with left:
        projection_words = vec.describe_projection(result)
        page.chart(
            arrows_fig,
            key="arrows",
            alt=f"{words} {projection_words}",
        )
    with right:
        page.chart(
            terms_fig,
            key="terms",
            alt=f"The dot product built up term by term: {vec.dot_sum_text(result)}.",
        )
    page.explain(projection_words)
    if view == "any" and result.dimension != 2:
        st.caption(
            "Vectors with more than two numbers cannot be drawn on a flat screen as "
            "they are, but any two of them lie in one flat plane: the left chart "
            "shows that plane, with a along the horizontal axis. Their lengths and "
            "the angle between them are exact."
        )
    a_now, b_now = result.a, result.b
    code_panel(
        vec.dot_code(a_now, b_now),
        vec.dot_code_result(result),
        title="Show the NumPy code (notebook cell 2)",
    )
    code_panel(
        vec.angle_code(a_now, b_now),
        vec.angle_code_result(result),
        title="Show the code for the lengths, angle and projection",
    )
