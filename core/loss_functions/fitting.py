"""A line ``y = w·x + b`` on a data set: its MSE, the MSE bowl over (w, b), descent.

``L(w, b) = (1/n)·Σ(yᵢ − (w·xᵢ + b))²`` is the mean squared error of the line;
its gradient is beside it, and the least-squares line (where both partial
derivatives are 0) is in closed form.

Examples
--------
>>> least_squares([0, 1, 2], [1, 3, 5])          # y = 2x + 1 exactly
(2.0, 1.0)
>>> x, y = np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0])
>>> line_mse(1.0, 0.0, x, y)   # residuals 1, 2, 3: (1 + 4 + 9) / 3
4.666666666666667
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core.loss_functions.data import Dataset, typed_dataset
from core.loss_functions.losses import MAX_ABS_VALUE
from core.optimisers import (
    METHODS,
    ManyGradientFn,
    ManyLossFn,
    Trajectory,
    optimize_many,
)
from core.parsing import (
    as_finite_array,
    check_finite_number,
    check_in_range,
    check_int,
    finite_result,
)

#: The sliders of the line y = w·x + b; the MSE contour covers exactly these.
W_RANGE = (-2.0, 3.0)
B_RANGE = (-6.0, 10.0)
#: Grid of the MSE contour, per side.
GRID = 41


def line_mse(w: float, b: float, x: np.ndarray, y: np.ndarray) -> float:
    """``L(w, b) = (1/n)·Σ(yᵢ − (w·xᵢ + b))²``: the MSE of the line on the points."""
    w, b, x, y = _line_inputs(w, b, x, y)
    with np.errstate(over="ignore", invalid="ignore"):
        y_hat = w * x + b
        mse = np.mean((y - y_hat) ** 2)
    return float(finite_result(mse, "The MSE of this line"))


def line_mse_grad(w: float, b: float, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``(∂L/∂w, ∂L/∂b) = (−(2/n)·Σxᵢrᵢ, −(2/n)·Σrᵢ)`` with ``rᵢ = yᵢ − (w·xᵢ + b)``."""
    w, b, x, y = _line_inputs(w, b, x, y)
    with np.errstate(over="ignore", invalid="ignore"):
        r = y - (w * x + b)
        grad = np.array([-2 * np.mean(x * r), -2 * np.mean(r)])
    return finite_result(grad, "The gradient of the MSE")


def _line_inputs(
    w: float, b: float, x: Any, y: Any
) -> tuple[float, float, np.ndarray, np.ndarray]:
    """A line ``(w, b)`` and points ``x``, ``y`` of one length, all finite."""
    xs, ys = as_finite_array(x, "x", ndim=1), as_finite_array(y, "y", ndim=1)
    if xs.shape != ys.shape:
        raise ValueError("x and y must have the same length.")
    return check_finite_number(w, "w"), check_finite_number(b, "b"), xs, ys


def least_squares(x: Any, y: Any) -> tuple[float, float]:
    """The line with the smallest MSE, in closed form.

    Notes
    -----
    ``w* = Σ(xᵢ − x̄)(yᵢ − ȳ) / Σ(xᵢ − x̄)²`` and ``b* = ȳ − w*·x̄`` (where both
    partial derivatives of the MSE are 0).

    Examples
    --------
    >>> least_squares([0, 1, 2], [1, 3, 5])
    (2.0, 1.0)
    """
    data = typed_dataset(x, y)
    return _least_squares(data.x, data.y)


def _least_squares(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float]:
    """:func:`least_squares` on checked data (x has at least two different values).

    The deviations are scaled by powers of two (exact) before they are multiplied,
    so tiny data (x = 1e-300, 2e-300, …) whose squares underflow still gets its
    line; for ordinary data every digit is the same as without the scaling.
    """
    dx, dy = xs - xs.mean(), ys - ys.mean()
    ex, ey = exponent_of(dx), exponent_of(dy)
    ux, uy = np.ldexp(dx, -ex), np.ldexp(dy, -ey)
    with np.errstate(over="ignore"):
        w = np.ldexp(np.sum(ux * uy) / np.sum(ux * ux), ey - ex)
        b = ys.mean() - w * xs.mean()
    if not (np.isfinite(w) and np.isfinite(b)):
        raise ValueError(
            "The x values differ so little, compared with y, that the best line is "
            "too steep to compute: change the unit of x (e.g. multiply it by 1000)."
        )
    return float(w), float(b)


def exponent_of(values: np.ndarray) -> int:
    """The power of two that brings the largest entry of ``values`` near 1 (0: all 0).

    >>> exponent_of(np.array([3.0, -0.5])), exponent_of(np.array([1e-300]))
    (2, -996)
    """
    values = as_finite_array(values, "The values")
    biggest = float(np.max(np.abs(values)))
    return int(np.frexp(biggest)[1]) if biggest > 0 else 0


def mse_surface(
    x: np.ndarray, y: np.ndarray, w_values: np.ndarray, b_values: np.ndarray
) -> np.ndarray:
    """``L(w, b)`` on a grid: shape ``(len(b_values), len(w_values))`` (rows are b).

    Notes
    -----
    Uses the moments of the data, ``L = mean(y²) − 2w·mean(xy) − 2b·mean(y)
    + w²·mean(x²) + 2wb·mean(x) + b²``, so the cost does not grow with ``n``.
    Tiny negative values from rounding are clipped to 0.
    """
    _, _, x, y = _line_inputs(0.0, 0.0, x, y)
    w = as_finite_array(w_values, "The slopes w", ndim=1)[None, :]
    b = as_finite_array(b_values, "The intercepts b", ndim=1)[:, None]
    with np.errstate(over="ignore", invalid="ignore"):
        sxx, sx, sy, sxy, syy = (
            np.mean(x * x),
            np.mean(x),
            np.mean(y),
            np.mean(x * y),
            np.mean(y * y),
        )
        surface = syy - 2 * w * sxy - 2 * b * sy + w * w * sxx + 2 * w * b * sx + b * b
    return np.maximum(finite_result(surface, "The MSE surface"), 0.0)


def bowl(data: Dataset, grid: int = GRID) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(w_values, b_values, L)`` over the sliders' ranges; ``L`` has shape (b, w)."""
    grid = check_int(grid, "The grid size", 2, 400)
    w_values = np.linspace(*W_RANGE, grid)
    b_values = np.linspace(*B_RANGE, grid)
    return w_values, b_values, mse_surface(data.x, data.y, w_values, b_values)


@dataclass(frozen=True)
class LineFit:
    """The learner's line on the data, and the least-squares optimum.

    ``predictions``, ``residuals`` (``y − ŷ``) and ``squares`` (``residuals²``)
    have shape (n,); ``grad`` is ``(∂L/∂w, ∂L/∂b)``, shape (2,).
    """

    data: Dataset
    w: float
    b: float
    predictions: np.ndarray
    residuals: np.ndarray
    squares: np.ndarray
    mse: float
    grad: np.ndarray
    w_best: float
    b_best: float
    mse_best: float

    @property
    def key(self) -> tuple[Any, ...]:
        """The inputs this fit was computed from (a cache key)."""
        return (self.data.key, self.w, self.b)

    @property
    def excess(self) -> float:
        """How much larger the learner's MSE is than the smallest possible."""
        return max(self.mse - self.mse_best, 0.0)

    @property
    def at_best(self) -> bool:
        """True when the line is the best fit (to about 6 significant digits)."""
        return self.excess <= 1e-6 * max(self.mse_best, 1e-12)


def fit_line(data: Dataset, w: float, b: float) -> LineFit:
    """The line ``y = w·x + b`` on ``data``: residuals, MSE, gradient, optimum.

    Examples
    --------
    >>> fit = fit_line(typed_dataset("0, 1, 2", "1, 3, 5"), 1.0, 0.0)
    >>> fit.squares.tolist(), fit.w_best, fit.b_best
    ([1.0, 4.0, 9.0], 2.0, 1.0)
    """
    w = check_in_range(w, "The slope w", -MAX_ABS_VALUE, MAX_ABS_VALUE)
    b = check_in_range(b, "The intercept b", -MAX_ABS_VALUE, MAX_ABS_VALUE)
    x, y = data.x, data.y
    y_hat = w * x + b
    residuals = y - y_hat
    w_best, b_best = _least_squares(x, y)
    return LineFit(
        data=data,
        w=w,
        b=b,
        predictions=y_hat,
        residuals=residuals,
        squares=residuals**2,
        mse=line_mse(w, b, x, y),
        grad=line_mse_grad(w, b, x, y),
        w_best=w_best,
        b_best=b_best,
        mse_best=line_mse(w_best, b_best, x, y),
    )


def descent_path(
    data: Dataset,
    w: float,
    b: float,
    *,
    method: str = "gd",
    lr: float = 0.01,
    steps: int = 50,
) -> Trajectory:
    """The optimiser's path on ``L(w, b)`` from the learner's ``(w, b)``.

    The path :func:`core.optimisers.optimize` takes with ``line_mse`` and
    ``line_mse_grad`` (the same numbers, computed by :func:`descent_paths`); the
    trajectory stops (``diverged_at``) if it blows up.
    """
    return descent_paths(data, [(w, b)], method=method, lr=lr, steps=steps)[0]


def descent_paths(
    data: Dataset,
    starts: Any,
    *,
    method: str = "gd",
    lr: Any = 0.01,
    steps: int = 50,
) -> list[Trajectory]:
    """:func:`descent_path` from many lines ``(w, b)`` at once, one path per line.

    ``starts`` has shape ``(F, 2)``; ``lr`` is one rate or one per line. Every
    step evaluates ``L`` and its gradient for all the lines together
    (:func:`line_mse_rows`), with the very numbers of ``line_mse`` and
    ``line_mse_grad``, so each path equals :func:`descent_path`'s.

    Examples
    --------
    >>> data = typed_dataset("0, 1, 2", "1, 3, 5")
    >>> paths = descent_paths(data, [(2.0, 1.0), (2.0, 2.0)], lr=0.1, steps=1)
    >>> paths[1].points[-1].tolist()        # (2, 2) − 0.1·∇L, with ∇L = (2, 2)
    [1.8, 1.8]
    >>> [round(float(path.losses[-1]), 4) for path in paths]  # (0.8² + 0.6² + 0.4²) / 3
    [0.0, 0.3867]
    """
    if method not in METHODS:
        raise ValueError(
            f"The optimiser must be one of {', '.join(METHODS)}, not {method!r}."
        )
    loss, gradient = line_mse_rows(data.x, data.y)
    return optimize_many(loss, gradient, starts, method=method, lr=lr, steps=steps)


def line_mse_rows(x: Any, y: Any) -> tuple[ManyLossFn, ManyGradientFn]:
    """``L`` and its gradient for many lines at once: rows ``(w, b)`` of ``W``.

    ``loss(W)`` has shape ``(m,)`` and ``gradient(W)`` ``(m, 2)``; row ``i`` holds
    exactly ``line_mse(*W[i], x, y)`` and ``line_mse_grad(*W[i], x, y)`` (the same
    operations, one row of residuals per line). The data is checked once, here;
    the gradient reuses the sums of the ``loss`` call just before it.

    Examples
    --------
    >>> loss, gradient = line_mse_rows([0.0, 1.0, 2.0], [1.0, 3.0, 5.0])
    >>> W = np.array([[1.0, 0.0], [2.0, 2.0]])  # residuals 1, 2, 3 and −1, −1, −1
    >>> loss(W).tolist(), gradient(W).tolist()
    ([4.666666666666667, 1.0], [[-5.333333333333333, -4.0], [2.0, 2.0]])
    """
    _, _, xs, ys = _line_inputs(0.0, 0.0, x, y)
    n = xs.size
    last: list[np.ndarray] = []  # W of the last call, and its sums

    def sums(W: np.ndarray) -> np.ndarray:
        """``[Σxᵢrᵢ, Σrᵢ, Σrᵢ²]`` per line, shape ``(m, 3)``, ``r = y − (w·x + b)``.

        Each row is summed as ``np.mean`` sums one line's values (pairwise, in
        order), in one reduction for all the lines.
        """
        if not last or last[0] is not W:
            terms = np.empty((3, len(W), n))  # three separate blocks: no overlap
            r = np.subtract(ys, W[:, :1] * xs + W[:, 1:], out=terms[1])
            np.multiply(xs, r, out=terms[0])
            np.multiply(r, r, out=terms[2])  # r**2, to the last bit
            last[:] = [W, np.add.reduce(terms, axis=2).T]
        return last[1]

    def loss(W: np.ndarray) -> np.ndarray:
        return sums(W)[:, 2] / n  # what np.mean computes

    def gradient(W: np.ndarray) -> np.ndarray:
        return -2 * (sums(W)[:, :2] / n)

    return loss, gradient


@dataclass(frozen=True)
class LineDescent:
    """The learner's line, an optimiser's run from it, and the MSE bowl.

    ``surface`` is ``L`` on the grid ``w_values`` × ``b_values``, shape
    ``(len(b_values), len(w_values))``.
    """

    fit: LineFit
    path: Trajectory
    method: str
    lr: float
    steps: int
    w_values: np.ndarray = field(repr=False)
    b_values: np.ndarray = field(repr=False)
    surface: np.ndarray = field(repr=False)

    @property
    def key(self) -> tuple[Any, ...]:
        """The inputs this run was computed from (a cache key)."""
        return (self.fit.key, self.method, self.lr, self.steps)


def descend(
    data: Dataset, w: float, b: float, *, method: str, lr: float, steps: int
) -> LineDescent:
    """:func:`fit_line`, :func:`descent_path` and :func:`bowl` of one line at once.

    Examples
    --------
    >>> data = typed_dataset("0, 1, 2", "1, 3, 5")
    >>> run = descend(data, 2.0, 1.0, method="gd", lr=0.1, steps=3)
    >>> run.path.losses.tolist()   # already at the bottom: nothing moves
    [0.0, 0.0, 0.0, 0.0]
    """
    fit = fit_line(data, w, b)
    path = descent_path(data, fit.w, fit.b, method=method, lr=lr, steps=steps)
    w_values, b_values, surface = bowl(data)
    return LineDescent(fit, path, method, lr, steps, w_values, b_values, surface)


def snap_to_best(
    fit: LineFit, w_range: tuple[float, float], b_range: tuple[float, float]
) -> tuple[float, float, bool]:
    """The optimum rounded to 12 digits and clipped to the sliders' ranges.

    Returns
    -------
    w, b : float
        The optimum, or the nearest edge of the sliders' ranges.
    inside : bool
        False when the optimum lies outside the sliders' ranges.
    """
    w_range = _check_range(w_range, "The w range")
    b_range = _check_range(b_range, "The b range")
    w = float(f"{fit.w_best:.12g}")
    b = float(f"{fit.b_best:.12g}")
    cw = min(max(w, w_range[0]), w_range[1])
    cb = min(max(b, b_range[0]), b_range[1])
    return cw, cb, (cw, cb) == (w, b)


def _check_range(bounds: Any, name: str) -> tuple[float, float]:
    values = as_finite_array(bounds, name, ndim=1)
    if values.shape != (2,) or not values[0] <= values[1]:
        raise ValueError(f"{name} must be two numbers, low then high.")
    return float(values[0]), float(values[1])
