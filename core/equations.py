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

from core.parsing import as_finite_array, check_finite_number, finite_result

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

    @property
    def key(self) -> tuple[float, float]:
        """The inputs this solution was computed from (a cache key)."""
        return (self.a, self.b)


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
    w = check_finite_number(w, "w")
    b = check_finite_number(b, "b")
    xs = as_finite_array(x, "x")
    with np.errstate(all="ignore"):
        return finite_result(w * xs + b, "The line y = w·x + b")


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
    #: False when the lines cross once but ``det`` is too small or large for a
    #: float (e.g. coefficients near 1e-243): ``determinant`` then holds the
    #: nearest float of the right sign, and the words say so.
    determinant_stored: bool = True

    @property
    def key(self) -> tuple[float, ...]:
        """The inputs this solution was computed from (a cache key)."""
        return (*self.coefficients.ravel().tolist(), *self.constants.tolist())


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
    ``LinAlgError`` can reach the learner. Ranks are taken after dividing each
    equation by its largest coefficient, so the answer does not depend on units.

    Examples
    --------
    >>> solve_system([[1e6, 0], [0, 1e-6]], [1, 1]).point  # x = 1e-6, y = 1e6
    (1e-06, 1000000.0)
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
    scaled = _per_equation(matrix)
    if np.linalg.matrix_rank(scaled) == 2:
        with np.errstate(all="ignore"):
            x, y = np.linalg.solve(matrix, rhs)
            det = float(matrix[0, 0] * matrix[1, 1] - matrix[0, 1] * matrix[1, 0])
        if not (np.isfinite(x) and np.isfinite(y)):
            raise ValueError(
                "The lines cross so far away that the point is too large to compute: "
                "make the right-hand sides smaller or the coefficients larger."
            )
        stored = det != 0 and bool(np.isfinite(det))
        if not stored:  # the lines still cross once: keep the sign, say so in words
            sign = float(np.sign(np.linalg.det(scaled))) or 1.0
            huge = not np.isfinite(det) or abs(det) > 1
            det = sign * (np.finfo(float).max if huge else np.finfo(float).tiny)
        return SystemSolution(matrix, rhs, "one", (float(x), float(y)), det, stored)
    augmented = _per_equation(np.column_stack([matrix, rhs]))
    same = np.linalg.matrix_rank(augmented) == np.linalg.matrix_rank(scaled)
    return SystemSolution(matrix, rhs, "all" if same else "none", None, 0.0)


def _per_equation(matrix: np.ndarray) -> np.ndarray:
    """Each row divided by its largest entry in size: the same equations, in units of 1.

    Rank with NumPy's tolerance (relative to the largest singular value) then does
    not depend on the units of each equation: ``1e6·x = 1`` and ``1e-6·y = 1`` cross
    once, although ``[[1e6, 0], [0, 1e-6]]`` looks singular to an absolute test.
    """
    return matrix / np.abs(matrix).max(axis=1, keepdims=True)


def system_line(
    a: float, b: float, c: float, x: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Points of the line ``a·x + b·y = c`` over ``x`` (a vertical line if ``b = 0``)."""
    a, b, c = (check_finite_number(v, n) for v, n in ((a, "a"), (b, "b"), (c, "c")))
    x = as_finite_array(x, "x", ndim=1)
    if a == 0 and b == 0:
        raise ValueError("a·x + b·y = c is not a line when a and b are both 0.")
    with np.errstate(all="ignore"):
        if b == 0:
            y = np.array([x.min(), x.max()])
            return finite_result(np.full(2, c / a), "The line"), y
        return x, finite_result((c - a * x) / b, "The line")
