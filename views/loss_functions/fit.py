"""Fit a line by hand: the line's squares, the MSE bowl over (w, b), and descent."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from core import loss_functions as lf
from core.optimisers import METHODS
from text import loss_functions as words
from text.questions import further as Q
from ui import page, predict
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from ui.widgets import metric_row
from views.loss_functions import common
from views.loss_functions.fit_live import live_fit
from viz import loss_functions as viz

W, B = lf.W_RANGE, lf.B_RANGE
PARAMS = (
    *common.DATA_PARAMS,
    Param.number("w", "Slope w", 1.0, min_value=W[0], max_value=W[1], step=0.01),
    Param.number("b", "Intercept b", 0.0, min_value=B[0], max_value=B[1], step=0.05),
    Param.toggle(
        "show_best",
        "Show the best-fit line",
        False,  # the learner tries first
        help="Move the line yourself first, then see the least-squares line.",
    ),
    Param.choice("method", "Optimiser", "gd", METHODS, widget="select"),
    Param.number(
        "lr",
        "Learning rate",
        0.02,
        min_value=0.001,
        max_value=1,
        step=0.001,
        number_format="%.3f",
    ),
    Param.integer("steps", "Steps", 100, min_value=0, max_value=500),
)


def _snap_button(state: PageState, where: DeltaGenerator, fit: lf.LineFit) -> None:
    """The button that moves w and b to the least-squares line (within the sliders)."""
    w_best, b_best, inside = lf.snap_to_best(fit, lf.W_RANGE, lf.B_RANGE)
    where.button(
        "Snap to best fit",
        key="snap",
        on_click=state.set_values,
        args=({"w": w_best, "b": b_best},),
        help="Move w and b to the least-squares line (closed form).",
        width="stretch",
    )
    if not inside:
        st.caption("The best fit lies outside the sliders: snapping to the edge.")


def render(state: PageState, frame: Frame) -> None:
    """Data, w, b and the optimiser; the line and the bowl, formulas, the code."""
    with frame.controls:
        data = common.dataset(state, "fit")
        st.markdown("**Your line** y = w·x + b")
        w, b = state.widget("w"), state.widget("b")
        snap = st.empty()
        show_best = state.widget("show_best")
        st.markdown("**Gradient descent** from your (w, b)")
        method, lr, steps = (state.widget(k) for k in ("method", "lr", "steps"))
        run = page.compute("fit", common.descend, data, w, b, method, lr, steps)
        _snap_button(state, snap, run.fit)
    fit, path = run.fit, run.path
    sentence = words.describe_fit(fit, show_best)
    path_sentence = words.describe_path(path, method, lr)
    runnable = method == "gd" and path.diverged_at is None
    with frame.main:
        page.formula(words.fit_latex(fit, show_best))
        if predict.hiding():  # the live chart writes the MSE beside the point
            still = page.figure_of(viz.fit_figure, fit, show_best)
            page.chart(still, key="fit", alt=sentence)
        else:
            live_fit(state, run, show_best, f"{sentence} {path_sentence}")
        page.explain(sentence)
        metric_row(words.fit_metrics(fit, path))
        page.formula(words.gradient_latex(fit))
        page.explain(path_sentence)
        if runnable:
            st.caption(words.VALLEY_NOTE)
        code_panel(words.fit_code(fit), words.fit_code_result(fit))
        if runnable:
            code_panel(
                words.descent_code(fit.data, fit.w, fit.b, lr, steps),
                words.descent_code_result(path),
                title="Show the gradient-descent code",
            )


VIEW = View("fit", "Fit a line by hand", PARAMS, render, questions=(Q.LOSS_LINE_MSE,))
