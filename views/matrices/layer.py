"""Neural layer: y = f(W x + b) on one input, on a batch, and the weights' gradient."""

from __future__ import annotations

import streamlit as st

from core import matrices as mat
from text import matrices as words
from text.questions import further as Q
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.matrices.common import MATRIX_HELP, matrix_param, vector_param
from viz import matrices as viz

PARAMS = (
    matrix_param(
        "w",
        "W (outputs × inputs)",
        "0.2, -0.5, 1; 1.5, 0.3, -0.8",
        help="Row i holds the weights into output i. " + MATRIX_HELP,
    ),
    vector_param("x", "x (input)", "1, 2, 3"),
    vector_param("bias", "b (bias)", "0.5, -1"),
    Param.choice(
        "act",
        "Activation f",
        "relu",
        {"identity": "none", "relu": "ReLU", "sigmoid": "sigmoid", "tanh": "tanh"},
        widget="radio",
    ),
    matrix_param(
        "batch",
        "X (a batch: one example per row)",
        "1, 2, 3; 0, 1, -1; 2, 0, 1",
        help=None,
    ),
    vector_param("target", "t (target output, for the gradient)", "1, 0"),
)


def render(state: PageState, frame: Frame) -> None:
    """W, x, b, f, a batch X and a target t; the diagram, the batch, the gradient."""
    with frame.controls:
        w, x, b = state.widget("w"), state.widget("x"), state.widget("bias")
        activation = state.widget("act")
        batch_text, target_text = state.widget("batch"), state.widget("target")
        layer = page.compute("layer", mat.layer_from_text, w, x, b, activation)
    with frame.main:
        for line in words.layer_latex(layer):
            page.formula(line)
        sentence = words.describe_layer(layer)
        page.chart(page.figure_of(viz.layer_figure, layer), key="layer", alt=sentence)
        page.explain(sentence)
        code_panel(words.layer_code(layer), words.layer_code_result(layer))
        st.subheader(words.BATCH_TITLE)
        with frame.controls:
            batch = page.compute("batch", mat.batch_from_text, layer, batch_text)
        page.explain(words.describe_batch(batch))
        page.chart(
            page.figure_of(viz.layer_batch_figure, batch),
            key="batch_outputs",
            alt=words.describe_batch_outputs(batch),
        )
        code_panel(words.batch_code(batch), words.batch_code_result(batch))
        st.subheader(words.BACKWARD_TITLE)
        with frame.controls:
            gradient = page.compute(
                "gradient", mat.gradient_from_text, layer, target_text
            )
        for line in words.gradient_latex(gradient):
            page.formula(line)
        page.explain(words.describe_gradient(gradient))


VIEW = View(
    "layer", "Neural layer", PARAMS, render, questions=(Q.MATRICES_LAYER_OUTPUT,)
)
