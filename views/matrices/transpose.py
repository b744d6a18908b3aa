"""Transpose: A turned over its diagonal (notebook cell 4), (AB)ᵀ = BᵀAᵀ, and δ xᵀ."""

from __future__ import annotations

import streamlit as st

from core import matrices as mat
from text import matrices as words
from text.questions import further as Q
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.matrices.common import matrix_param
from viz import matrices as viz

PARAMS = (
    matrix_param("t", "A", "1, 2; 3, 4"),
    matrix_param("tb", "B (to check (AB)ᵀ = BᵀAᵀ)", "5, 6; 7, 8", widget="text"),
    Param.text(
        "gx",
        "x (blank: 1, 2, …)",
        "",
        help="The layer's input; as many numbers as A has columns.",
        max_chars=200,
    ),
    Param.text(
        "gd",
        "δ = ∂L/∂z (blank: 1, −1, …)",
        "",
        help="The error signal at the layer's outputs; as many numbers as A has rows.",
        max_chars=200,
    ),
)


def render(state: PageState, frame: Frame) -> None:
    """A, B, x and δ; Aᵀ and its motion, the product rule, the gradient's shape."""
    with frame.controls:
        t_text, tb_text = state.widget("t"), state.widget("tb")
        st.markdown(words.GRADIENT_INPUTS)
        gx_text, gd_text = state.widget("gx"), state.widget("gd")
        tr = page.compute("transpose", mat.transpose_from_text, t_text)
        rule = page.compute("rule", mat.rule_from_text, tr.matrix, tb_text)
        gradient = page.compute(
            "grad_inputs", mat.weight_gradient_from_text, tr.matrix, gx_text, gd_text
        )
    with frame.main:
        page.formula(words.transpose_latex(tr))
        sentence = words.describe_transpose(tr)
        page.explain(sentence)
        figure = page.figure_of(viz.transpose_figure, tr)
        page.chart(figure, key="transpose", alt=sentence)
        st.caption(words.TRANSPOSE_CAPTION)
        code_panel(
            words.transpose_code(tr.matrix),
            words.transpose_code_result(tr),
            title=words.TRANSPOSE_CODE_TITLE,
        )
        st.subheader(words.RULE_TITLE)
        page.formula(words.rule_latex(rule))
        page.explain(rule.message)
        st.subheader(words.GRADIENT_TITLE)
        page.formula(words.weight_gradient_latex(gradient))
        page.explain(words.describe_weight_gradient(gradient))


VIEW = View(
    "transpose",
    "Transpose",
    PARAMS,
    render,
    questions=(Q.MATRICES_TRANSPOSE_CORNER,),
)
