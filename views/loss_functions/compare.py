"""MSE vs MAE vs Huber: the loss of one residual, and what one outlier does to each."""

from __future__ import annotations

import streamlit as st

from core import loss_functions as lf
from text import loss_functions as words
from text.questions import further as Q
from ui import page, predict
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.loss_functions import common
from viz import loss_functions as viz

PARAMS = (
    *common.DATA_PARAMS,
    Param.number("delta", "Huber's δ", 1.0, min_value=0.1, max_value=10, step=0.1),
    Param.toggle("outlier", "Add an outlier", True),
    Param.number("outlier_x", "Outlier at x", 9.0, min_value=0, max_value=12, step=0.1),
    Param.number(
        "outlier_dy",
        "Outlier's distance from the line",
        8.0,
        min_value=lf.RESIDUAL_RANGE[0],
        max_value=lf.RESIDUAL_RANGE[1],
        step=0.5,
        help="Its residual from the clean data's least-squares line.",
    ),
)


def render(state: PageState, frame: Frame) -> None:
    """Data, δ and the outlier; the loss curves, the best lines, the table, the code."""
    with frame.controls:
        data = common.dataset(state, "compare")
        delta, outlier = state.widget("delta"), state.widget("outlier")
        ox, dy = (
            state.widget(k) if outlier else state.value(k)
            for k in ("outlier_x", "outlier_dy")
        )
        comparison = page.compute(
            "compare", common.compare, data, delta, outlier, ox, dy
        )
    with frame.main:
        page.formula(words.loss_curves_latex(comparison.delta))
        sentence = words.describe_comparison(comparison)
        page.explain(sentence)
        left, right = st.columns(2)
        with left:
            curves = page.figure_of(viz.curves_figure, comparison.curves)
            alt = words.curves_alt(comparison.delta)
            page.chart(curves, key="chart_curves", alt=alt)
        with right:
            lines = page.figure_of(viz.outlier_figure, comparison)
            page.chart(lines, key="chart_outlier", alt=sentence)
        table = words.markdown_table(words.comparison_rows(comparison))
        predict.shown(st.markdown, table)
        st.caption(words.COMPARE_NOTE)
        code_panel(
            words.compare_code(comparison), words.compare_code_result(comparison)
        )


VIEW = View(
    "compare",
    "MSE vs MAE vs Huber",
    PARAMS,
    render,
    questions=(Q.LOSS_OUTLIER_HUBER, Q.LOSS_MSE_WITH_OUTLIER),
)
