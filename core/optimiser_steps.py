"""The optimisers' update rules, run on many rows at once (``core.optimisers`` checks).

:func:`_descend_rows` takes checked inputs: start points ``(F, d)``, one learning rate per
row, and a function that gives the losses ``(m,)`` and gradients ``(m, d)`` of
any ``m`` rows. Every step is a handful of array operations on the rows still
running; a row stops on its own at the first step whose position passes the
bound or whose position, loss or gradient is not finite. The arithmetic is
written operation for operation as for one row, so a row's numbers do not
depend on the others.

Examples
--------
>>> def square(W):                     # f(w) = w², f′(w) = 2w, per row
...     return W[:, 0] ** 2, 2 * W
>>> done = _descend_rows(square, np.array([[5.0], [5.0]]), "gd", Rates(), np.array([0.1, 3.5]),
...            steps=20, bound=1e6)
>>> done.points[:3, 0, 0].tolist(), done.last.tolist(), done.diverged_at
([5.0, 4.0, 3.2], [20, 6], [None, 7])
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

#: Positions ``(m, d)`` -> their losses ``(m,)`` and gradients ``(m, d)``, maybe not finite.
Evaluate = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class Rates:
    """The hyper-parameters every row shares (checked by ``core.optimisers``)."""

    momentum: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    rho: float = 0.9
    eps: float = 1e-8


@dataclass(frozen=True)
class Run:
    """Every row's path, step-major: row ``i`` is stored for steps ``0 … last[i]``.

    ``points`` has shape ``(steps + 1, F, d)``, ``losses`` ``(steps + 1, F)`` and
    ``gradients`` ``(steps + 1, F, d)``; entries after a row's ``last`` step are
    not set. ``diverged_at[i]`` is the step at which row ``i`` stopped (or None).
    """

    points: np.ndarray
    losses: np.ndarray
    gradients: np.ndarray
    last: np.ndarray
    diverged_at: list[int | None]


def _within(w: np.ndarray, bound: float) -> np.ndarray | None:
    """``None`` when every row is finite and within ±``bound``, else which rows are.

    Per row the same test as ``np.all(np.isfinite(w)) and not np.any(np.abs(w) >
    bound)``: ``NaN <= bound`` and ``inf <= bound`` are both false.

    >>> _within(np.array([[1.0], [2.0]]), 1.5).tolist()
    [True, False]
    """
    if np.maximum.reduce(np.abs(w), axis=None) <= bound:  # NaN anywhere: max is NaN
        return None
    return np.all(np.abs(w) <= bound, axis=1)


def _finite(values: np.ndarray, grads: np.ndarray) -> np.ndarray | None:
    """``None`` when every row's loss and gradient are finite, else which rows are.

    A sum that overflows (or any ``inf``/``NaN``) falls back to the row-by-row test.
    """
    total = float(np.add.reduce(values, axis=None) + np.add.reduce(grads, axis=None))
    if math.isfinite(total):
        return None
    return np.isfinite(values) & np.all(np.isfinite(grads), axis=1)


def _descend_rows(
    evaluate: Evaluate,
    starts: np.ndarray,
    method: str,
    rates: Rates,
    lrs: np.ndarray,
    *,
    steps: int,
    bound: float,
) -> Run:
    """Run ``method`` from every row of ``starts``; each row stops on its own.

    ``ValueError`` when some start's loss or gradient is not finite. The update
    rules are those of :func:`core.optimisers.optimize` (see its Notes).
    """
    with np.errstate(all="ignore"):  # overflow is detected, never warned
        return _loop(evaluate, starts, method, rates, lrs, steps, bound)


def _loop(
    evaluate: Evaluate,
    starts: np.ndarray,
    method: str,
    rates: Rates,
    lrs: np.ndarray,
    steps: int,
    bound: float,
) -> Run:
    rows, d = starts.shape
    value, g = evaluate(starts)
    if _finite(value, g) is not None:
        raise ValueError(
            "The loss or its gradient is not a finite number at the start point: "
            "choose another start."
        )
    points = np.empty((steps + 1, rows, d))
    losses = np.empty((steps + 1, rows))
    grads = np.empty((steps + 1, rows, d))
    points[0], losses[0], grads[0] = starts, value, g
    stopped = _Stopped(np.full(rows, steps), [None] * rows)
    alive = np.arange(rows)  # the rows still running
    lr, w = lrs[:, None], starts
    velocity = np.zeros((rows, d))  # momentum's z, Adam's m
    square = np.zeros((rows, d))  # RMSProp's s, Adam's v
    for t in range(1, steps + 1):
        update, velocity, square = _step(method, rates, t, lr, g, velocity, square)
        w = w - update
        keep = _within(w, bound)
        if keep is not None:
            alive = stopped.mark(alive, keep, t)
            w, lr, velocity, square = (a[keep] for a in (w, lr, velocity, square))
            if not alive.size:
                break
        value, g = evaluate(w)
        keep = _finite(value, g)
        if keep is not None:
            alive = stopped.mark(alive, keep, t)
            w, lr, velocity, square, value, g = (
                a[keep] for a in (w, lr, velocity, square, value, g)
            )
            if not alive.size:
                break
        if alive.size == rows:
            points[t], losses[t], grads[t] = w, value, g
        else:
            points[t, alive], losses[t, alive], grads[t, alive] = w, value, g
    return Run(points, losses, grads, stopped.last, stopped.diverged_at)


def _step(
    method: str,
    rates: Rates,
    t: int,
    lr: np.ndarray,
    g: np.ndarray,
    velocity: np.ndarray,
    square: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Step ``t``'s update ``w_t − w_{t+1}``, and the new velocity and mean square.

    ``lr`` has shape ``(m, 1)``, the others ``(m, d)``; see
    :func:`core.optimisers.optimize` for the rules.
    """
    if method == "gd":
        return lr * g, velocity, square
    if method == "momentum":
        velocity = rates.momentum * velocity + g
        return lr * velocity, velocity, square
    if method == "rmsprop":
        rho = rates.rho
        square = rho * square + (1 - rho) * g * g
        return lr * g / (np.sqrt(square) + rates.eps), velocity, square
    beta1, beta2 = rates.beta1, rates.beta2  # adam
    velocity = beta1 * velocity + (1 - beta1) * g
    square = beta2 * square + (1 - beta2) * g * g
    m_hat = velocity / (1 - beta1**t)
    v_hat = square / (1 - beta2**t)
    return lr * m_hat / (np.sqrt(v_hat) + rates.eps), velocity, square


@dataclass
class _Stopped:
    """Where each row stopped: its last stored step and the step it diverged at."""

    last: np.ndarray
    diverged_at: list[int | None]

    def mark(self, alive: np.ndarray, keep: np.ndarray, t: int) -> np.ndarray:
        """Rows ``alive[~keep]`` diverged at step ``t``; the rows still running."""
        for row in alive[~keep]:
            self.last[row] = t - 1
            self.diverged_at[row] = t
        return alive[keep]
