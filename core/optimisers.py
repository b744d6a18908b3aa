"""Optimisers: gradient descent, momentum, RMSProp and Adam, step by step.

:func:`optimize` runs one of them from a start point and returns the **whole
trajectory**. It stops as soon as a position passes a bound or stops being
finite and says so (``diverged_at``), so no ``inf``, ``nan`` or overflow warning
ever reaches a page. The gradient-descent and loss-function pages both use it.

:func:`optimize_many` runs one optimiser from many start points at once (each
row with its own learning rate, if wanted), vectorised over the rows: a live
chart draws a frame per start or per learning rate, and one batch of array
operations per step costs about what a single run did. Each row stops on its
own, by the same rule, and every row's trajectory is exactly :func:`optimize`'s
from that start (:func:`optimize` is the one-row case of the same loop).

Examples
--------
>>> square = lambda w: float(w[0] ** 2)
>>> slope = lambda w: 2 * w
>>> optimize(square, slope, [5.0], lr=0.1, steps=2).points[:, 0].tolist()
[5.0, 4.0, 3.2]
>>> optimize(square, slope, [5.0], lr=3.5, steps=20).diverged_at
7
>>> runs = optimize_many(lambda W: W[:, 0] ** 2, lambda W: 2 * W, [[5.0], [5.0]],
...                      lr=[0.1, 3.5], steps=20)
>>> runs[0].points[:3, 0].tolist(), runs[1].diverged_at
([5.0, 4.0, 3.2], 7)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from core.optimiser_steps import Rates, Run, _descend_rows
from core.parsing import as_finite_array, check_in_range, check_int, format_number

LossFn = Callable[[np.ndarray], float]
GradientFn = Callable[[np.ndarray], np.ndarray]
#: ``loss(W) -> (m,)`` and ``gradient(W) -> (m, d)`` for positions ``W`` of shape ``(m, d)``.
ManyLossFn = Callable[[np.ndarray], np.ndarray]
ManyGradientFn = Callable[[np.ndarray], np.ndarray]

#: The optimisers :func:`optimize` knows, by their short name.
METHODS: dict[str, str] = {
    "gd": "Gradient descent",
    "momentum": "Momentum",
    "rmsprop": "RMSProp",
    "adam": "Adam",
}
#: Most steps one call may take (keeps every page fast).
MAX_STEPS = 5000
#: Most start points one :func:`optimize_many` call may take.
MAX_ROWS = 2000
#: Default divergence bound: a position with a coordinate beyond it has "blown up".
DEFAULT_BOUND = 1e6


@dataclass(frozen=True)
class Trajectory:
    """The path of an optimiser from its start.

    ``points[0]`` is the start and ``points[i]`` the position after step ``i``.
    When the run diverged, step ``diverged_at`` is the first step whose position
    passed the bound (or whose position, loss or gradient stopped being finite):
    that position is *not* stored, so the arrays hold steps ``0 … diverged_at − 1``
    and every stored number is finite.
    """

    points: np.ndarray  # shape (k + 1, d): the start, then each step's position
    losses: np.ndarray  # shape (k + 1,): loss at each point
    gradients: np.ndarray  # shape (k + 1, d): gradient at each point
    diverged_at: (
        int | None
    )  # first step whose position passed `bound` or stopped being finite; None if not

    @property
    def steps_taken(self) -> int:
        """How many steps are stored (``len(points) − 1``)."""
        return len(self.points) - 1

    @property
    def final(self) -> np.ndarray:
        """The last stored position, shape ``(d,)``."""
        return self.points[-1]


def _evaluate(
    loss: LossFn, gradient: GradientFn, point: np.ndarray, d: int
) -> tuple[float, np.ndarray] | None:
    """Loss and gradient at ``point``, or ``None`` if either is not finite."""
    try:
        with np.errstate(all="ignore"):
            value = float(loss(point))
            grad = np.asarray(gradient(point), dtype=float).reshape(-1)
    except (OverflowError, ZeroDivisionError):
        return None
    if grad.shape != (d,):
        raise ValueError(
            f"The gradient must have {d} component{'s' if d > 1 else ''} (one per "
            f"coordinate of the start), but it has {grad.size}."
        )
    if not math.isfinite(value) or not np.all(np.isfinite(grad)):
        return None
    return value, grad


def optimize(
    loss: LossFn,
    gradient: GradientFn,
    start: object,
    *,
    method: str = "gd",
    lr: float = 0.1,
    steps: int = 50,
    momentum: float = 0.9,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
    bound: float = DEFAULT_BOUND,
    rho: float = 0.9,
) -> Trajectory:
    """Minimise ``loss`` from ``start`` and return every position on the way.

    Parameters
    ----------
    loss : callable
        ``loss(w) -> float`` for ``w`` of shape ``(d,)``.
    gradient : callable
        ``gradient(w) -> ndarray of shape (d,)``, the derivative of ``loss``.
    start : array_like of shape (d,)
        Where the optimiser starts.
    method : {"gd", "momentum", "rmsprop", "adam"}
        The update rule (see Notes).
    lr : float
        Learning rate α > 0.
    steps : int
        Number of steps, 0 … ``MAX_STEPS``.
    momentum : float
        Momentum β in [0, 1) (``method="momentum"`` only).
    beta1, beta2 : float
        Adam's decay rates for the mean and the mean square of the gradient, in [0, 1).
    eps : float
        Small positive number that keeps RMSProp and Adam from dividing by 0.
    bound : float
        A position with a coordinate beyond ±``bound`` counts as diverged.
    rho : float
        RMSProp's decay rate ρ in [0, 1) for the mean square of the gradient.

    Returns
    -------
    Trajectory
        ``points`` of shape ``(k + 1, d)``, ``losses`` ``(k + 1,)``, ``gradients``
        ``(k + 1, d)`` and ``diverged_at`` (``None`` if every step stayed finite
        and within the bound; then ``k = steps``).

    Notes
    -----
    With ``g = ∇loss(w)`` at step ``t = 1, 2, …``:

    - gd: ``w ← w − α·g``
    - momentum (heavy ball, as in Distill's "Why Momentum Really Works"):
      ``z ← β·z + g``, ``w ← w − α·z``
    - rmsprop: ``s ← ρ·s + (1 − ρ)·g²``, ``w ← w − α·g / (√s + ε)``
    - adam: ``m ← β₁·m + (1 − β₁)·g``, ``v ← β₂·v + (1 − β₂)·g²``,
      ``m̂ = m / (1 − β₁ᵗ)``, ``v̂ = v / (1 − β₂ᵗ)``, ``w ← w − α·m̂ / (√v̂ + ε)``

    Examples
    --------
    >>> bowl = lambda w: float(w @ w)          # x² + y², gradient 2·(x, y)
    >>> optimize(bowl, lambda w: 2 * w, [1.0, 2.0], lr=0.25, steps=1).points[-1]
    array([0.5, 1. ])
    """
    rates, lrs = _check_rates(method, lr, momentum, beta1, beta2, rho, eps, rows=1)
    steps = check_int(steps, "The number of steps", 0, MAX_STEPS)
    bound = _check_bound(bound)
    if not callable(loss) or not callable(gradient):
        raise ValueError("loss and gradient must be functions of the position.")
    w = as_finite_array(start, "The start point").reshape(-1)
    _check_within(w, bound)
    evaluate = _one_point(loss, gradient, w.size)
    done = _descend_rows(
        evaluate, w[None, :], method, rates, lrs, steps=steps, bound=bound
    )
    return _trajectories(done)[0]


def _one_point(
    loss: LossFn, gradient: GradientFn, d: int
) -> Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """:func:`_evaluate` as the rows' loop calls it: one row, NaN when not finite."""

    def evaluate(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        found = _evaluate(loss, gradient, points[0], d)
        if found is None:
            return np.array([math.nan]), np.full((1, d), math.nan)
        return np.array([found[0]]), found[1][None, :]

    return evaluate


def optimize_many(
    loss: ManyLossFn,
    gradient: ManyGradientFn,
    starts: object,
    *,
    method: str = "gd",
    lr: float | Sequence[float] | np.ndarray = 0.1,
    steps: int = 50,
    momentum: float = 0.9,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
    bound: float = DEFAULT_BOUND,
    rho: float = 0.9,
) -> list[Trajectory]:
    """:func:`optimize` from every row of ``starts`` at once, vectorised over the rows.

    Parameters
    ----------
    loss : callable
        ``loss(W) -> ndarray of shape (m,)`` for positions ``W`` of shape ``(m, d)``
        (any ``m`` rows of the batch: rows that stopped are left out).
    gradient : callable
        ``gradient(W) -> ndarray of shape (m, d)``, the derivative of ``loss`` per row.
    starts : array_like of shape (F, d)
        One start point per row, 1 … ``MAX_ROWS`` rows.
    lr : float or array_like of shape (F,)
        One learning rate for every row, or one per row.
    method, steps, momentum, beta1, beta2, eps, bound, rho
        As for :func:`optimize` (the same for every row).

    Returns
    -------
    list of Trajectory
        One per row, each equal to :func:`optimize`'s from that start with that
        learning rate: a row stops on its own (``diverged_at``) when its position
        passes ``bound`` or its position, loss or gradient stops being finite.

    Notes
    -----
    The inputs are checked once, not at every step. ``loss`` and ``gradient`` are
    called once per step on the rows still running, so a function written with
    NumPy's element-wise operations gives every row the numbers a one-row call
    would (the update rules are :func:`optimize`'s, operation for operation).

    Examples
    --------
    >>> bowl = lambda W: np.sum(W * W, axis=1)          # x² + y², gradient 2·(x, y)
    >>> runs = optimize_many(bowl, lambda W: 2 * W, [[1.0, 2.0], [4.0, 0.0]],
    ...                      lr=0.25, steps=1)
    >>> [run.points[-1].tolist() for run in runs]
    [[0.5, 1.0], [2.0, 0.0]]
    """
    points = as_finite_array(starts, "The start points", ndim=2)
    rows = check_int(len(points), "The number of start points", 1, MAX_ROWS)
    rates, lrs = _check_rates(method, lr, momentum, beta1, beta2, rho, eps, rows=rows)
    steps = check_int(steps, "The number of steps", 0, MAX_STEPS)
    bound = _check_bound(bound)
    if not callable(loss) or not callable(gradient):
        raise ValueError("loss and gradient must be functions of the positions.")
    _check_within(points, bound)
    d = points.shape[1]

    def evaluate(at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        try:
            return _evaluate_rows(loss, gradient, at, d)
        except (OverflowError, ZeroDivisionError):  # Python numbers: row by row
            found = [
                _evaluate_one(loss, gradient, at[i : i + 1], d) for i in range(len(at))
            ]
            return np.array([f[0] for f in found]), np.array([f[1] for f in found])

    done = _descend_rows(evaluate, points, method, rates, lrs, steps=steps, bound=bound)
    return _trajectories(done)


def _evaluate_rows(
    loss: ManyLossFn, gradient: ManyGradientFn, at: np.ndarray, d: int
) -> tuple[np.ndarray, np.ndarray]:
    """Loss ``(m,)`` and gradient ``(m, d)`` of the rows ``at``, checked for shape."""
    m = len(at)
    values = np.asarray(loss(at), dtype=float)  # under run's np.errstate
    grads = np.asarray(gradient(at), dtype=float)
    if values.size != m:
        raise ValueError(
            f"loss(W) must give one value per row of W ({m}), but it gave {values.size}."
        )
    if grads.size != m * d:
        raise ValueError(
            f"gradient(W) must give {d} component{'s' if d > 1 else ''} per row "
            f"(one per coordinate of the start), but it gave shape {grads.shape}."
        )
    return values.reshape(m), grads.reshape(m, d)


def _evaluate_one(
    loss: ManyLossFn, gradient: ManyGradientFn, at: np.ndarray, d: int
) -> tuple[float, np.ndarray]:
    """One row's loss and gradient (NaN where a Python number overflowed)."""
    try:
        values, grads = _evaluate_rows(loss, gradient, at, d)
    except (OverflowError, ZeroDivisionError):
        return math.nan, np.full(d, math.nan)
    return float(values[0]), grads[0]


def _check_rates(
    method: str,
    lr: object,
    momentum: float,
    beta1: float,
    beta2: float,
    rho: float,
    eps: float,
    *,
    rows: int,
) -> tuple[Rates, np.ndarray]:
    """The hyper-parameters checked, and the learning rates as an array ``(rows,)``."""
    if method not in METHODS:
        raise ValueError(
            f"The optimiser must be one of {', '.join(METHODS)}, not {method!r}."
        )
    lrs = _check_lr(lr, rows)
    below_one = {"high_inclusive": False}
    rates = Rates(
        momentum=check_in_range(momentum, "The momentum β", 0.0, 1.0, **below_one),
        beta1=check_in_range(beta1, "Adam's β₁", 0.0, 1.0, **below_one),
        beta2=check_in_range(beta2, "Adam's β₂", 0.0, 1.0, **below_one),
        rho=check_in_range(rho, "RMSProp's decay ρ", 0.0, 1.0, **below_one),
        eps=check_in_range(eps, "ε", 0.0, None, low_inclusive=False),
    )
    return rates, lrs


def _check_lr(lr: object, rows: int) -> np.ndarray:
    """One learning rate per row, each a finite number > 0."""
    if not isinstance(lr, list | tuple | np.ndarray) or np.ndim(lr) == 0:
        one = check_in_range(lr, "The learning rate", 0.0, None, low_inclusive=False)
        return np.full(rows, one)
    lrs = as_finite_array(lr, "The learning rates", ndim=1)
    if lrs.shape != (rows,):
        raise ValueError(
            f"Give one learning rate, or one per start point ({rows}), not {lrs.size}."
        )
    for value in lrs[~(lrs > 0)][:1]:  # the first bad one, named as optimize does
        check_in_range(value, "The learning rate", 0.0, None, low_inclusive=False)
    return lrs


def _check_bound(bound: float) -> float:
    return check_in_range(bound, "The divergence bound", 0.0, None, low_inclusive=False)


def _check_within(points: np.ndarray, bound: float) -> None:
    if np.any(np.abs(points) > bound):
        raise ValueError(
            f"The start point must lie within ±{format_number(bound)} in each "
            "coordinate."
        )


def _trajectories(done: Run) -> list[Trajectory]:
    """Each row of a run as its own :class:`Trajectory` (contiguous copies)."""
    return [
        Trajectory(
            points=done.points[: last + 1, row].copy(),
            losses=done.losses[: last + 1, row].copy(),
            gradients=done.gradients[: last + 1, row].copy(),
            diverged_at=done.diverged_at[row],
        )
        for row, last in enumerate(done.last.tolist())
    ]
