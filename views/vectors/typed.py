"""Vectors of any length, typed as text: ``a = 1, 2, 3`` (notebook cell 2)."""

from __future__ import annotations

from core import vectors as vec
from text.questions import catalogue as Q
from ui import page
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.vectors.common import preset_buttons, show

PARAMS = (
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
)

#: Cases worth seeing once: each names itself in the sentence under the chart.
PRESETS = {
    "Orthogonal": {"a": "1, 0, -1", "b": "1, 5, 1"},
    "Parallel": {"a": "1, 2, 3", "b": "2, 4, 6"},
    "Opposite": {"a": "1, 2, 3", "b": "-3, -6, -9"},
    "Embeddings": {"a": "0.2, 0.8, 0.1, 0.5", "b": "0.3, 0.7, 0.0, 0.6"},
    "Zero vector": {"a": "0, 0, 0", "b": "4, 5, 6"},
}


def render(state: PageState, frame: Frame) -> None:
    """Two text boxes; the vectors drawn in the plane they span, the sum, the code."""
    with frame.controls:
        a, b = state.widget("a"), state.widget("b")
        preset_buttons(state, "any", PRESETS)
        result = page.compute("dot_any", vec.dot_product_from_text, a, b)
    with frame.main:
        show(result, plane=False)


VIEW = View(
    "any", "n-D (type)", PARAMS, render, questions=(Q.VECTORS_DOT, Q.VECTORS_COSINE)
)
