"""Two equations: where two lines ``a·x + b·y = c`` cross (``np.linalg.solve``)."""

from __future__ import annotations

import streamlit as st

from core import equations as eq
from text import equations as words
from text.questions import catalogue as Q
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.equations.common import COEFFICIENT
from viz import equations as viz

PARAMS = (
    Param.number("a1", "a₁", 1.0, **COEFFICIENT),
    Param.number("b1", "b₁", 1.0, **COEFFICIENT),
    Param.number("c1", "c₁", 3.0, **COEFFICIENT),
    Param.number("a2", "a₂", 1.0, **COEFFICIENT),
    Param.number("b2", "b₂", -1.0, **COEFFICIENT),
    Param.number("c2", "c₂", 1.0, **COEFFICIENT),
)


def render(state: PageState, frame: Frame) -> None:
    """Both equations' coefficients; the two lines, their crossing and the code."""
    with frame.controls:
        st.markdown("Equation 1: **a₁·x + b₁·y = c₁**")
        a1, b1, c1 = (state.widget(name) for name in ("a1", "b1", "c1"))
        st.markdown("Equation 2: **a₂·x + b₂·y = c₂**")
        a2, b2, c2 = (state.widget(name) for name in ("a2", "b2", "c2"))
        coefficients, constants = [[a1, b1], [a2, b2]], [c1, c2]
        system = page.compute("system", eq.solve_system, coefficients, constants)
    with frame.main:
        page.formula(words.system_latex(system))
        sentence = words.describe_system(system)
        page.explain(sentence)
        page.chart(
            page.figure_of(viz.system_figure, system), key="system", alt=sentence
        )
        code_panel(
            words.solve_system_code(coefficients, constants),
            words.system_code_result(system),
        )


VIEW = View(
    "two",
    "Two equations",
    PARAMS,
    render,
    questions=(Q.EQUATIONS_CROSS_X, Q.EQUATIONS_CROSS_Y),
)
