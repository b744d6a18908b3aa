"""Squared errors: the residuals of y_true vs y_pred drawn as squares (notebook cell 10)."""

from __future__ import annotations

from functools import partial

import streamlit as st

from core import loss_functions as lf
from text import loss_functions as words
from text.questions import catalogue as Q
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from ui.widgets import metric_row
from views.loss_functions.common import LIST
from viz import loss_functions as viz

PARAMS = (
    Param.text(
        "y_true",
        "y_true (true values)",
        "3, 5, 7",
        validate=partial(lf.parse_values, name="y_true"),
        **LIST,
    ),
    Param.text(
        "y_pred",
        "y_pred (the model's predictions)",
        "2, 5, 8",
        validate=partial(lf.parse_values, name="y_pred"),
        **LIST,
    ),
)


def render(state: PageState, frame: Frame) -> None:
    """The two lists and example presets; the squares, the formula, the table, the code."""
    with frame.controls:
        y_true, y_pred = state.widget("y_true"), state.widget("y_pred")
        st.caption("Try a case:")
        for label, values in words.PRESETS.items():
            st.button(label, on_click=state.set_values, args=(values,), width="stretch")
        report = page.compute("residuals", lf.residual_report, y_true, y_pred)
    with frame.main:
        page.formula(words.mse_latex(report))
        sentence = words.describe_residuals(report)
        figure = page.figure_of(viz.residual_squares_figure, report)
        page.chart(figure, key="chart_squares", alt=sentence)  # on the first screen
        page.explain(sentence)
        metric_row(words.residual_metrics(report))
        st.markdown("**Point by point** (the mean of the *squared* column is the MSE)")
        table = words.markdown_table(words.residual_rows(report))
        box = st.container(height=320 if report.n > 8 else "content", border=False)
        box.markdown(table)
        st.caption(words.GRADIENT_NOTE)
        st.info(words.NORMALISATION)
        code_panel(
            words.mse_code(report.y_true, report.y_pred),
            words.mse_code_result(report),
            title="Show the NumPy code (notebook cell 10)",
        )


VIEW = View("mse", "Squared errors", PARAMS, render, questions=(Q.LOSS_MSE, Q.LOSS_MAE))
