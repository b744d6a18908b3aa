"""Equations: solve a·x + b = 0, read the line as a model, and solve two lines at once."""

from __future__ import annotations

import streamlit as st

from core import equations as eq
from ui import page
from ui.code_panel import code_panel
from ui.url_state import Param
from viz import equations as viz

COEFFICIENT = {"min_value": -10.0, "max_value": 10.0, "step": 0.1}
PARAMS = (
    Param.choice(
        "view",
        "Show",
        "one",
        {
            "one": "One equation",
            "two": "Two equations",
        },
        widget="segmented",
    ),
    Param.number("a", "a (slope)", 2.0, **COEFFICIENT),
    Param.number("b", "b (intercept)", -4.0, **COEFFICIENT),
    Param.number("a1", "a₁", 1.0, **COEFFICIENT),
    Param.number("b1", "b₁", 1.0, **COEFFICIENT),
    Param.number("c1", "c₁", 3.0, **COEFFICIENT),
    Param.number("a2", "a₂", 1.0, **COEFFICIENT),
    Param.number("b2", "b₂", -1.0, **COEFFICIENT),
    Param.number("c2", "c₂", 1.0, **COEFFICIENT),
)

state = page.start(
    "equations",
    "Equations: solving ax + b = 0",
    PARAMS,
    intro=(
        "An **equation** says two expressions are equal. In machine learning a model "
        "*is* an equation — `y = w·x + b` — and training solves equations for its "
        "parameters. Move **a** and **b** and watch where the line crosses zero. "
        "*(Notebook cell 1: a = 2, b = −4 gives x = 2.0.)*"
    ),
)
controls, main = page.columns()

with controls:
    view = state.widget("view")
    if view == "one":
        a = state.widget("a")
        b = state.widget("b")
    else:
        st.markdown("Equation 1: **a₁·x + b₁·y = c₁**")
        row1 = [state.widget(name) for name in ("a1", "b1", "c1")]
        st.markdown("Equation 2: **a₂·x + b₂·y = c₂**")
        row2 = [state.widget(name) for name in ("a2", "b2", "c2")]
    page.reset_button(state)
    state.sync_url()

if view == "one":
    with controls:
        solution = page.compute("linear", eq.solve_linear, a, b)
    with main:
        page.formula(eq.linear_latex(solution))
        words = eq.describe_linear(solution)
        page.explain(words)
        page.chart(viz.linear_figure(solution), key="linear", alt=words)
        code_panel(
            eq.solve_linear_code(solution.a, solution.b),
            eq.linear_code_result(solution),
        )
else:
    coefficients = [row1[:2], row2[:2]]
    constants = [row1[2], row2[2]]
    with controls:
        system = page.compute("system", eq.solve_system, coefficients, constants)
    with main:
        page.formula(eq.system_latex(system))
        words = eq.describe_system(system)
        page.explain(words)
        page.chart(viz.system_figure(system), key="system", alt=words)
        code_panel(
            eq.solve_system_code(coefficients, constants), eq.system_code_result(system)
        )
