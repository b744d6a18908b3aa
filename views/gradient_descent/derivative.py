"""Derivative: the tangent at w and its finite-difference estimates."""

from __future__ import annotations

from core import gradient_descent as gd
from core.parsing import format_number
from text import gradient_descent as words
from text.questions import further as Q
from ui import page, predict
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from ui.widgets import error_metric, flex_row
from views.gradient_descent.common import FUNCTION, TYPED_FUNCTION, function_choice
from viz import gradient_descent as viz

PARAMS = (
    FUNCTION,
    TYPED_FUNCTION,
    Param.number(
        "w",
        "w (where to take the slope)",
        5.0,
        min_value=-10.0,
        max_value=10.0,
        step=0.1,
    ),
    Param.number(
        "h",
        "Finite-difference step h",
        0.5,
        min_value=0.001,
        max_value=2.0,
        step=0.001,
        number_format="%.3f",
        help="The estimate uses f(w − h) and f(w + h); smaller h, better estimate.",
    ),
)


def _metrics(d: gd.Derivative) -> None:
    """The exact slope, both estimates with their errors, and the loss."""
    row = flex_row()
    row.metric("exact f′(w)", format_number(d.slope, 6), width="stretch")
    error_metric(
        row,
        "central difference",
        d.central,
        d.central_error,
        "(f(w + h) − f(w − h)) / 2h: the slope of the orange secant.",
    )
    error_metric(
        row,
        "forward difference",
        d.forward,
        d.forward_error,
        "(f(w + h) − f(w)) / h: one-sided, so its error shrinks only like h.",
    )
    row.metric("loss f(w)", format_number(d.value, 6), width="stretch")


def render(state: PageState, frame: Frame) -> None:
    """The function, w and h; the tangent, the estimates, the formula and the code."""
    with frame.controls:
        fn_key, expression = function_choice(state)
        w, h = state.widget("w"), state.widget("h")
        d = page.compute("derivative", gd.derivative_at, fn_key, w, h, expression)
    with frame.main:
        page.formula(words.derivative_latex(d))
        sentence = words.describe_derivative(d)
        figure = page.figure_of(viz.derivative_figure, d)
        page.chart(figure, key="derivative", alt=sentence)  # on the first screen
        page.explain(sentence)
        if not predict.hiding():  # the slope and the loss are the answers
            _metrics(d)
        code_panel(words.derivative_code(d), words.derivative_code_result(d))


VIEW = View(
    "derivative", "Derivative", PARAMS, render, questions=(Q.GD_SLOPE, Q.GD_LOSS)
)
