"""core.equations: hand-checked values, the notebook cell, properties, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import equations as eq
from text import equations as words

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
nonzero = finite.filter(lambda v: abs(v) > 1e-6)


def test_notebook_cell_1() -> None:
    # In [1]: a = 2; b = -4; x = -b / a  ->  Out[1]: 2.0
    solution = eq.solve_linear(2, -4)
    assert solution.kind == "one"
    assert solution.root == 2.0
    assert repr(solution.root) == "2.0"


@pytest.mark.parametrize(
    ("a", "b", "root"), [(1, 1, -1.0), (-4, 2, 0.5), (0.5, 0, 0.0), (3, -1, 1 / 3)]
)
def test_hand_checked_roots(a: float, b: float, root: float) -> None:
    assert eq.solve_linear(a, b).root == pytest.approx(root)


def test_a_zero_b_nonzero_has_no_solution() -> None:
    solution = eq.solve_linear(0, 3)
    assert (solution.kind, solution.root) == ("none", None)
    assert "no x solves" in words.describe_linear(solution)


def test_a_zero_b_zero_every_x_solves() -> None:
    solution = eq.solve_linear(0, 0)
    assert (solution.kind, solution.root) == ("all", None)
    assert "every x is a solution" in words.describe_linear(solution)


@given(nonzero, finite)
def test_root_satisfies_the_equation(a: float, b: float) -> None:
    root = eq.solve_linear(a, b).root
    assert root is not None
    assert a * root + b == pytest.approx(0, abs=1e-9 * max(1.0, abs(b)))


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, "two", None])
def test_bad_coefficients_raise_a_clear_error(bad: object) -> None:
    with pytest.raises(ValueError, match=r"^a must be a (finite )?number"):
        eq.solve_linear(bad, 1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^b must be a (finite )?number"):
        eq.solve_linear(1, bad)  # type: ignore[arg-type]


def test_tiny_a_overflowing_root_is_reported() -> None:
    with pytest.raises(ValueError, match="too large"):
        eq.solve_linear(1e-320, 1e10)


def test_line_values_is_the_model() -> None:
    np.testing.assert_array_equal(eq.line_values(2, -4, [0, 1, 2]), [-4, -2, 0])


# -- systems of two equations ---------------------------------------------------------


def test_system_matches_numpy_solve() -> None:
    solution = eq.solve_system([[1, 1], [1, -1]], [3, 1])
    assert solution.kind == "one"
    assert solution.point == (2.0, 1.0)
    assert solution.determinant == pytest.approx(-2.0)


@given(st.lists(finite, min_size=6, max_size=6))
def test_system_solution_satisfies_both_equations(values: list[float]) -> None:
    a = np.array(values[:4]).reshape(2, 2)
    c = np.array(values[4:])
    if (
        np.linalg.matrix_rank(a) < 2
        or np.linalg.cond(a) > 1e8
        or (a == 0).all(axis=1).any()
    ):
        return
    solution = eq.solve_system(a, c)
    assert solution.kind == "one"
    point = np.array(solution.point)
    scale = np.abs(a).max() * np.abs(point).max() + np.abs(c).max()  # size of the terms
    np.testing.assert_allclose(a @ point, c, rtol=0, atol=1e-9 * max(scale, 1.0))


def test_parallel_lines_have_no_solution() -> None:
    solution = eq.solve_system([[1, 1], [2, 2]], [3, 5])
    assert (solution.kind, solution.point) == ("none", None)
    assert "parallel" in words.describe_system(solution)


def test_identical_lines_have_every_point() -> None:
    solution = eq.solve_system([[1, 1], [2, 2]], [3, 6])
    assert solution.kind == "all"
    assert "same line" in words.describe_system(solution)


def test_equation_without_x_or_y_is_rejected() -> None:
    with pytest.raises(ValueError, match="Equation 2 has no x and no y"):
        eq.solve_system([[1, 1], [0, 0]], [3, 1])


@pytest.mark.parametrize(
    ("coefficients", "constants", "message"),
    [
        ([[1, 1], [1, math.nan]], [3, 1], "finite"),
        ([[1, 1, 1], [1, 1, 1]], [3, 1], "exactly two equations"),
        ([[1, 1], [1, 1]], [3, 1, 2], "exactly two equations"),
        ([["x", 1], [1, 1]], [3, 1], "only numbers"),
    ],
)
def test_bad_systems_raise(
    coefficients: object, constants: object, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        eq.solve_system(coefficients, constants)


def test_vertical_line_is_drawn_at_x_equals_c_over_a() -> None:
    xs, ys = eq.system_line(2, 0, 6, np.array([-10.0, 10.0]))
    np.testing.assert_array_equal(xs, [3, 3])
    np.testing.assert_array_equal(ys, [-10, 10])
