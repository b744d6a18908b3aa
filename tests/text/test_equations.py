"""text.equations: the code panel's code reproduces the page's numbers; formulas."""

from __future__ import annotations

import numpy as np
import pytest

from core import equations as eq
from tests.helpers import run_snippet
from text import equations as words

# -- the code panel's code reproduces the numbers ------------------------------------


@pytest.mark.parametrize(
    ("a", "b"), [(2, -4), (0.1, 0.3), (-7.5, 2.25), (0, 3), (0, 0)]
)
def test_linear_code_reproduces_the_result(a: float, b: float) -> None:
    solution = eq.solve_linear(a, b)
    assert run_snippet(words.solve_linear_code(a, b)) == words.linear_code_result(
        solution
    )


def test_notebook_code_is_the_notebook_cell() -> None:
    code = words.solve_linear_code(2, -4)
    assert "a = 2\nb = -4\n" in code
    assert code.endswith("x = -b / a\nx")


@pytest.mark.parametrize(
    ("coefficients", "constants"),
    [
        ([[1, 1], [1, -1]], [3, 1]),
        ([[1, 1], [2, 2]], [3, 5]),
        ([[1, 1], [2, 2]], [3, 6]),
    ],
)
def test_system_code_reproduces_the_result(coefficients: list, constants: list) -> None:
    solution = eq.solve_system(coefficients, constants)
    shown = run_snippet(words.solve_system_code(coefficients, constants))
    expected = words.system_code_result(solution)
    if isinstance(expected, str):
        assert shown == expected
    else:
        np.testing.assert_array_equal(shown, expected)


def test_latex_substitutes_the_numbers() -> None:
    latex = words.linear_latex(eq.solve_linear(2, -4))
    assert r"-\frac{-4}{2} = 2" in latex
    assert "(-1)" in words.system_latex(eq.solve_system([[1, 1], [1, -1]], [3, 1]))


def test_two_equations_drop_the_ones() -> None:
    latex = words.system_latex(eq.solve_system([[1, 1], [1, -1]], [3, 1]))
    assert r"x + y = 3 \\ x - y = 1" in latex  # not "1\,x + 1\,y"
    assert r"1\,x" not in latex
    assert r"1\,y" not in latex
    assert words.linear_terms((2, -1), ("x", "y")) == "2x − y"
    assert words.linear_terms((-1, 0), ("x", "y")) == "−x"
    assert words.linear_terms((0, 0), ("x", "y")) == "0"
    assert words.linear_terms((-2.5, 1), ("x", "y"), latex=True) == r"-2.5\,x + y"


def test_the_intro_speaks_to_both_views() -> None:
    assert "Move **a** and **b**" not in words.INTRO
    assert "two lines cross" in words.INTRO
