"""A·B: the product cell by cell, and the two orders A·B and B·A (notebook cell 3)."""

from __future__ import annotations

import streamlit as st

from core import matrices as mat
from text import matrices as words
from text.questions import catalogue as Q
from ui import page
from ui.cell_editor import matrix_cell_editor
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.matrices.common import matrix_param
from viz import matrices as viz

PARAMS = (
    matrix_param("a", "A", "2, 3; 4, 5"),
    matrix_param("b", "B", "4, 6; 6, 8"),
    Param.integer(
        "cell",
        "Cell of C to explain (row by row)",
        1,
        min_value=1,
        max_value=36,
        help="Which cell the formula writes out; ▶ Play on the chart goes through all.",
    ),
)


def render(state: PageState, frame: Frame) -> None:
    """A and B (as text or cells), the chosen cell; C, its chart, the two orders."""
    with frame.controls:
        a_text, b_text = state.widget("a"), state.widget("b")
        if st.toggle("Edit as number cells", key="_cells_on"):
            matrix_cell_editor(state, "a", "A")
            matrix_cell_editor(state, "b", "B")
        cell = state.widget("cell")
        product = page.compute("product", mat.multiply_from_text, a_text, b_text)
        if cell > product.cells:
            st.caption(words.clamped_cell_note(product))
    i, j = product.cell_index(cell)
    with frame.main:
        st.markdown(words.shapes_line(product))
        page.formula(words.product_latex(product))
        sentence = words.describe_product(product, i, j)
        figure = page.figure_of(viz.product_figure, product, cell)
        page.chart(figure, key="product", alt=sentence)  # on the first screen
        page.formula(words.cell_latex(product, i, j))
        page.explain(sentence)
        code_panel(
            words.product_code(product.a, product.b),
            words.product_code_result(product),
            title=words.PRODUCT_CODE_TITLE,
        )
        orders(product)


def orders(product: mat.MatrixProduct) -> None:
    """A·B next to B·A, and the code that compares them."""
    st.subheader(words.ORDER_TITLE)
    comparison = mat.compare_orders(product)
    page.formula(words.order_latex(comparison))
    page.explain(comparison.reason)
    code_panel(
        words.order_code(product.a, product.b),
        words.order_code_result(comparison),
        title=words.ORDER_CODE_TITLE,
    )


VIEW = View("multiply", "A·B", PARAMS, render, questions=(Q.MATRICES_CELL,))
