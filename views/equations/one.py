"""One equation: where the line ``y = a·x + b`` crosses zero (notebook cell 1).

The chart is live: drag the intercept (the diamond at x = 0) or the tip of the
slope triangle, and the line and its root follow at once; the formula, the
sentence and the code follow on release.
"""

from __future__ import annotations

from collections.abc import Mapping

import plotly.graph_objects as go

from core import equations as eq
from text import equations as words
from text.questions import catalogue as Q
from ui import live_chart, page
from ui.code_panel import code_panel
from ui.live_chart import Drag
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.equations.common import COEFFICIENT
from viz import equations_live as viz
from viz import style

PARAMS = (
    Param.number("a", "a (slope)", 2.0, **COEFFICIENT),
    Param.number("b", "b (intercept)", -4.0, **COEFFICIENT),
)
#: Drag the intercept up and down (b), or the tip of the slope triangle (a).
CONTROLS = (
    Drag(("b",), trace="intercept", label="intercept b", colour=style.SECOND),
    Drag(("a",), trace="slope-handle", label="slope a", colour=style.ACCENT),
)


def draw(values: Mapping[str, float]) -> tuple[go.Figure, str]:
    """The live chart at ``values``: the line and its root, and the readout."""
    solution = eq.solve_linear(values["a"], values["b"])
    return viz.linear_live_figure(solution), words.linear_readout(solution)


def render(state: PageState, frame: Frame) -> None:
    """Sliders for a and b; the line, its root, the formula and the code."""
    with frame.controls:
        a, b = state.widget("a"), state.widget("b")
        solution = page.compute("linear", eq.solve_linear, a, b)
    with frame.main:
        page.formula(words.linear_latex(solution))
        sentence = words.describe_linear(solution)
        page.explain(sentence)
        live_chart.show(state, draw, CONTROLS, key="linear", alt=sentence)
        code_panel(
            words.solve_linear_code(solution.a, solution.b),
            words.linear_code_result(solution),
        )


VIEW = View("one", "One equation", PARAMS, render, questions=(Q.EQUATIONS_ROOT,))
