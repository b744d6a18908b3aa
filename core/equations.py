"""Equations: solve ``a·x + b = 0``, read a line as a model, solve two lines at once.

Notebook cell 1::

    a = 2
    b = -4
    x = -b / a      # 2.0

Examples
--------
>>> solve_linear(2, -4).root
2.0
>>> solve_linear(0, 3).kind
'none'
>>> solve_system([[1, 1], [1, -1]], [3, 1]).point
(2.0, 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from core.parsing import (
    as_finite_array,
    check_finite_number,
    code_literal,
    format_number,
)

SolutionKind = Literal["one", "none", "all"]


@dataclass(frozen=True)
class LinearSolution:
    """The solution of ``a·x + b = 0``.

    ``kind`` is ``"one"`` (a single root), ``"none"`` (``a = 0, b ≠ 0``: the
    equation says ``b = 0``, which is false) or ``"all"`` (``a = b = 0``: every x
    works).
    """

    a: float
    b: float
    kind: SolutionKind
    root: float | None


def solve_linear(a: float, b: float) -> LinearSolution:
    """Solve ``a·x + b = 0`` for ``x``.

    Notes
    -----
    ``x = −b / a`` when ``a ≠ 0``. When ``a = 0`` no division happens: the
    equation reduces to ``b = 0``.
    """
    a = check_finite_number(a, "a")
    b = check_finite_number(b, "b")
    if a == 0:
        return LinearSolution(a, b, "all" if b == 0 else "none", None)
    root = -b / a
    if not np.isfinite(root):
        raise ValueError("a is so close to 0 that x = −b/a is too large to compute.")
    return LinearSolution(a, b, "one", root)


def line_values(w: float, b: float, x: np.ndarray) -> np.ndarray:
    """The model ``y = w·x + b`` evaluated at every ``x`` (vectorised)."""
    return w * np.asarray(x, dtype=float) + b


@dataclass(frozen=True)
class SystemSolution:
    """The solution of ``A @ [x, y] = c`` for a 2×2 system.

    ``kind`` is ``"one"`` (lines cross once at ``point``), ``"none"`` (parallel
    lines, no common point) or ``"all"`` (the same line twice).
    """

    coefficients: np.ndarray  # shape (2, 2)
    constants: np.ndarray  # shape (2,)
    kind: SolutionKind
    point: tuple[float, float] | None
    determinant: float


def solve_system(coefficients: object, constants: object) -> SystemSolution:
    """Solve two linear equations ``a₁x + b₁y = c₁``, ``a₂x + b₂y = c₂``.

    Parameters
    ----------
    coefficients : array_like of shape (2, 2)
        Rows ``[a₁, b₁]`` and ``[a₂, b₂]``.
    constants : array_like of shape (2,)
        ``[c₁, c₂]``.

    Notes
    -----
    With ``det = a₁b₂ − a₂b₁ ≠ 0`` (``A`` has rank 2) the single solution comes
    from ``np.linalg.solve``. With ``det = 0`` the lines are parallel: the ranks
    of ``A`` and ``[A | c]`` tell "no solution" from "the same line", so no
    ``LinAlgError`` can reach the learner.
    """
    matrix = as_finite_array(coefficients, "the coefficients", ndim=2)
    rhs = as_finite_array(constants, "the right-hand sides", ndim=1)
    if matrix.shape != (2, 2) or rhs.shape != (2,):
        raise ValueError("A system here has exactly two equations in x and y.")
    for row, (a_i, b_i) in enumerate(matrix, start=1):
        if a_i == 0 and b_i == 0:
            raise ValueError(
                f"Equation {row} has no x and no y (both coefficients are 0), so it "
                "is not a line: give x or y a non-zero coefficient."
            )
    det = float(np.linalg.det(matrix))
    if np.linalg.matrix_rank(matrix) == 2:
        x, y = np.linalg.solve(matrix, rhs)
        return SystemSolution(matrix, rhs, "one", (float(x), float(y)), det)
    augmented = np.column_stack([matrix, rhs])
    same = np.linalg.matrix_rank(augmented) == np.linalg.matrix_rank(matrix)
    return SystemSolution(matrix, rhs, "all" if same else "none", None, 0.0)


def system_line(
    a: float, b: float, c: float, x: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Points of the line ``a·x + b·y = c`` over ``x`` (a vertical line if ``b = 0``)."""
    x = np.asarray(x, dtype=float)
    if b == 0:
        y = np.array([x.min(), x.max()])
        return np.full(2, c / a), y
    return x, (c - a * x) / b


# -- code shown to the learner (the notebook's style, current values filled in) ----------


def solve_linear_code(a: float, b: float) -> str:
    """NumPy-free code, in the notebook's style, that reproduces :func:`solve_linear`."""
    head = f"# Simple linear equation: ax + b = 0\na = {format_number(a)}\nb = {format_number(b)}\n\n"
    if a != 0:
        return head + "x = -b / a\nx"
    return head + (
        "# a = 0: the equation reads 0·x + b = 0, i.e. b = 0 (no division by 0)\n"
        '"every x is a solution" if b == 0 else "no solution"'
    )


def linear_code_result(solution: LinearSolution) -> float | str:
    """What the last line of :func:`solve_linear_code` evaluates to."""
    if solution.kind == "one":
        assert solution.root is not None
        return solution.root
    return "every x is a solution" if solution.kind == "all" else "no solution"


def system_code_result(solution: SystemSolution) -> np.ndarray | str:
    """What the last line of :func:`solve_system_code` evaluates to."""
    if solution.kind == "one":
        return np.array(solution.point)
    return "every point of the line" if solution.kind == "all" else "no solution"


def solve_system_code(coefficients: object, constants: object) -> str:
    """Code that reproduces :func:`solve_system` with ``np.linalg.solve``."""
    head = (
        "import numpy as np\n\n"
        "# a1*x + b1*y = c1 and a2*x + b2*y = c2, written as A @ [x, y] = c\n"
        f"A = np.array({code_literal(coefficients)})\n"
        f"c = np.array({code_literal(constants)})\n\n"
    )
    return head + (
        "if np.linalg.matrix_rank(A) == 2:  # det(A) != 0: the lines cross once\n"
        "    solution = np.linalg.solve(A, c)\n"
        "else:  # parallel lines: the same line, or no common point\n"
        "    Ac = np.column_stack([A, c])\n"
        "    same = np.linalg.matrix_rank(Ac) == np.linalg.matrix_rank(A)\n"
        '    solution = "every point of the line" if same else "no solution"\n'
        "solution"
    )


# -- words and formulas for the page (pure text, tested like the maths) -----------------


def _signed(value: float) -> str:
    """``+ 4`` / ``− 4`` for writing ``a·x + b`` with the sign folded in."""
    return (
        f"+ {format_number(value, 6)}"
        if value >= 0
        else f"− {format_number(-value, 6)}"
    )


def linear_latex(solution: LinearSolution) -> str:
    """``2x − 4 = 0  ⇒  x = −(−4)/2 = 2`` with the current numbers."""
    a, b = format_number(solution.a, 6), format_number(solution.b, 6)
    equation = rf"{a}\,x {_signed(solution.b)} = 0".replace("−", "-")
    if solution.kind == "one":
        assert solution.root is not None
        return (
            rf"{equation} \quad\Longrightarrow\quad x = -\frac{{b}}{{a}}"
            rf" = -\frac{{{b}}}{{{a}}} = {format_number(solution.root, 6)}"
        )
    verdict = (
        r"\text{true for every } x" if solution.kind == "all" else r"\text{never true}"
    )
    return rf"0\cdot x {_signed(solution.b)} = 0 \;\Longleftrightarrow\; {b} = 0 \quad({verdict})".replace(
        "−", "-"
    )


def _say(value: float, digits: int = 4) -> str:
    """A number for a sentence, with a typographic minus sign."""
    return format_number(value, digits).replace("-", "−")


def describe_linear(solution: LinearSolution) -> str:
    """One or two sentences saying what the chart shows right now."""
    a, b = _say(solution.a), _say(solution.b)
    if solution.kind == "none":
        return (
            f"With a = 0 the line y = {b} is flat and never meets y = 0, so "
            f"{b} = 0 is false: **no x solves the equation**."
        )
    if solution.kind == "all":
        return (
            "With a = 0 and b = 0 the line lies on y = 0 itself: 0 = 0 is always "
            "true, so **every x is a solution**."
        )
    assert solution.root is not None
    direction = "rises" if solution.a > 0 else "falls"
    return (
        f"The line y = {a}x {_signed(solution.b)} {direction} by {_say(abs(solution.a))} "
        f"for every step of 1 in x and crosses y = 0 at **x = {_say(solution.root, 6)}**: "
        f"that is the solution, because {a}·{_say(solution.root, 6)} "
        f"{_signed(solution.b)} = 0. "
        f"Read as a model y = w·x + b, the slope w = {a} is how much the prediction "
        f"changes per unit of input and the intercept b = {b} is the prediction at x = 0."
    )


def system_latex(solution: SystemSolution) -> str:
    """The system, its determinant and its solution with the current numbers."""
    (a1, b1), (a2, b2) = (
        [format_number(v, 6) for v in row] for row in solution.coefficients
    )
    c1, c2 = (format_number(v, 6) for v in solution.constants)
    system = (
        rf"\begin{{cases}} {a1}\,x + {b1}\,y = {c1} \\ {a2}\,x + {b2}\,y = {c2} \end{{cases}}"
    ).replace("+ -", "- ")

    def p(text: str) -> str:
        return f"({text})" if text.startswith("-") else text

    det = (
        rf"\det A = {p(a1)}\cdot{p(b2)} - {p(a2)}\cdot{p(b1)}"
        rf" = {format_number(solution.determinant, 6)}"
    )
    if solution.kind == "one":
        assert solution.point is not None
        x, y = (format_number(v, 6) for v in solution.point)
        return rf"{system} \qquad {det} \qquad (x, y) = ({x},\ {y})"
    return rf"{system} \qquad {det}"


def describe_system(solution: SystemSolution) -> str:
    """What the two lines do right now, in words."""
    if solution.kind == "one":
        assert solution.point is not None
        x, y = (format_number(v, 6) for v in solution.point)
        return (
            f"The two lines cross at **(x, y) = ({x}, {y})**: the one point that "
            f"satisfies both equations. The determinant {format_number(solution.determinant, 4)} "
            "is not 0, so `np.linalg.solve` finds it."
        )
    if solution.kind == "none":
        return (
            "The determinant is 0: the lines have the same slope but different "
            "offsets, so they are **parallel and never meet — no solution**. "
            "`np.linalg.solve` would raise an error here; the page checks the rank first."
        )
    return (
        "The determinant is 0 and the second equation is a multiple of the first: "
        "they describe **the same line, so every point on it is a solution**."
    )
