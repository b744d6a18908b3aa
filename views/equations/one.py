"""One equation: where the line ``y = a·x + b`` crosses zero (notebook cell 1)."""

from __future__ import annotations

from core import equations as eq
from text import equations as words
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.equations.common import COEFFICIENT
from viz import equations as viz

PARAMS = (
    Param.number("a", "a (slope)", 2.0, **COEFFICIENT),
    Param.number("b", "b (intercept)", -4.0, **COEFFICIENT),
)


def render(state: PageState, frame: Frame) -> None:
    """Sliders for a and b; the line, its root, the formula and the code."""
    with frame.controls:
        a, b = state.widget("a"), state.widget("b")
        solution = page.compute("linear", eq.solve_linear, a, b)
    with frame.main:
        page.formula(words.linear_latex(solution))
        sentence = words.describe_linear(solution)
        page.explain(sentence)
        figure = page.figure_of(viz.linear_figure, solution)
        page.chart(figure, key="linear", alt=sentence)
        code_panel(
            words.solve_linear_code(solution.a, solution.b),
            words.linear_code_result(solution),
        )


VIEW = View("one", "One equation", PARAMS, render)
