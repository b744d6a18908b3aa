"""Gradient descent in 1-D: ``w ← w − lr·f′(w)``, step by step, and its regimes.

Notebook cell 5::

    w = 5           # initial weight
    lr = 0.1        # Learning rate
    gradient = 2 * w            # derivative of loss = w^2 is 2w
    w = w - lr * gradient       # 4.0

Examples
--------
>>> gradient_step(5, 0.1)            # the notebook's cell: 5 - 0.1 * (2 * 5)
4.0
>>> descend_1d("square", 5, 0.1, 2).w.tolist()   # each step multiplies w by 0.8
[5.0, 4.0, 3.2]
>>> descend_1d("square", 5, 3.5, 20).path.diverged_at
7
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.gradient_descent.functions import MAX_ABS_W, Function1D, get_function
from core.optimisers import Trajectory, optimize_many
from core.parsing import (
    as_finite_array,
    check_finite_number,
    check_in_range,
    check_int,
)

#: Most steps the 1-D page takes.
MAX_STEPS_1D = 500


def gradient_step(w: float, lr: float) -> float:
    """One gradient-descent step on ``loss = w²``: ``w − lr · 2w`` (notebook cell 5).

    >>> gradient_step(5, 0.1)
    4.0
    """
    w = check_finite_number(w, "w")
    lr = check_in_range(lr, "The learning rate", 0.0, None, low_inclusive=False)
    gradient = 2 * w
    step = w - lr * gradient
    if not math.isfinite(step):
        raise ValueError("w and the learning rate are too large: the step overflows.")
    return step


@dataclass(frozen=True)
class Descent1D:
    """Plain gradient descent on a 1-D function: the inputs and the whole path."""

    fn: Function1D
    w0: float
    lr: float
    steps: int
    path: Trajectory

    @property
    def key(self) -> tuple[str, float, float, int]:
        """The inputs this descent was computed from (a cache key)."""
        return (self.fn.key, self.w0, self.lr, self.steps)

    @property
    def w(self) -> np.ndarray:
        """Positions ``w₀, w₁, …``, shape ``(k + 1,)``."""
        return self.path.points[:, 0]

    @property
    def gradients(self) -> np.ndarray:
        """Slopes ``f′(w₀), f′(w₁), …``, shape ``(k + 1,)``."""
        return self.path.gradients[:, 0]

    @property
    def updates(self) -> np.ndarray:
        """``−lr·f′(w_k)``: how far step ``k + 1`` moved, shape ``(k + 1,)``."""
        return -self.lr * self.gradients

    @property
    def nearest_minimum(self) -> float:
        """The minimum of the function closest to the last position."""
        last = float(self.w[-1])
        return min(self.fn.minima, key=lambda m: abs(last - m))

    def arrived_at(self, tolerance: float = 1e-3) -> int | None:
        """First step at which ``w`` came within ``tolerance`` of the nearest minimum.

        ``None`` when the last position is not that close.
        """
        near = np.abs(self.w - self.nearest_minimum) < tolerance
        if not near[-1]:
            return None
        return int(np.argmax(near))

    @property
    def curvature(self) -> float:
        """``f″`` at the nearest minimum: there the curve bends like a parabola."""
        return float(self.fn.d2f(np.array([self.nearest_minimum]))[0])


def descend_1d(
    key: str, w0: float = 5.0, lr: float = 0.1, steps: int = 1, expression: str = ""
) -> Descent1D:
    """Gradient descent ``w ← w − lr·f′(w)`` on the function ``key`` from ``w0``.

    Parameters
    ----------
    key : str
        One of ``FUNCTIONS_1D``, or ``"custom"`` for ``expression``.
    w0 : float
        The start, within ±``MAX_ABS_W``.
    lr : float
        The learning rate, > 0.
    steps : int
        How many steps, 0 … ``MAX_STEPS_1D``.
    expression : str
        The learner's ``f(w)`` when ``key`` is ``"custom"``.

    Returns
    -------
    Descent1D
        The inputs and the whole path (stopped early if it diverged).

    Examples
    --------
    >>> descend_1d("square", 5, 0.1, 1).w.tolist()      # notebook cell 5
    [5.0, 4.0]
    """
    return descend_1d_many(key, [(w0, lr)], steps, expression)[0]


def descend_1d_many(
    key: str,
    starts: Sequence[tuple[float, float]],
    steps: int = 1,
    expression: str = "",
) -> list[Descent1D]:
    """:func:`descend_1d` for many ``(w0, lr)`` pairs at once, one descent per pair.

    Every step evaluates ``f′`` at all the positions together (the functions work
    element-wise on arrays), so each descent equals :func:`descend_1d`'s.

    Examples
    --------
    >>> [d.w.tolist() for d in descend_1d_many("square", [(5, 0.1), (5, 0.5)], 1)]
    [[5.0, 4.0], [5.0, 0.0]]
    """
    fn = get_function(key, expression)
    given = as_finite_array(starts, "The (w₀, lr) pairs", ndim=2)
    if given.shape[1] != 2:
        raise ValueError("The starts must be (w₀, lr) pairs: an array of shape (F, 2).")
    pairs = [
        (
            check_in_range(w0, "The start w₀", -MAX_ABS_W, MAX_ABS_W),
            check_in_range(lr, "The learning rate", 0.0, None, low_inclusive=False),
        )
        for w0, lr in given.tolist()
    ]
    steps = check_int(steps, "The number of steps", 0, MAX_STEPS_1D)
    paths = optimize_many(
        lambda w: fn.f(w[:, 0]),
        lambda w: fn.df(w[:, 0])[:, None],
        [[w0] for w0, _ in pairs],
        method="gd",
        lr=[lr for _, lr in pairs],
        steps=steps,
    )
    return [
        Descent1D(fn, w0, lr, steps, path)
        for (w0, lr), path in zip(pairs, paths, strict=True)
    ]


def descent_table(result: Descent1D) -> dict[str, np.ndarray]:
    """Columns step, w, f′(w), update (``−lr·f′(w)``) and loss, one row per point.

    >>> descent_table(descend_1d("square", 5, 0.1, 1))["update"].tolist()
    [-1.0, -0.8]
    """
    return {
        "step": np.arange(len(result.w)),
        "w": result.w,
        "f′(w)": result.gradients,
        "update": result.updates,
        "loss": result.path.losses,
    }


# -- the learning-rate regimes on a parabola -----------------------------------------------


@dataclass(frozen=True)
class Regime:
    """How gradient descent behaves on a parabola ``(w − m)²`` for a learning rate."""

    key: str  # "smooth", "one_step", "oscillating", "bouncing", "diverging"
    name: str
    factor: float  # 1 − 2·lr: each step multiplies the distance to the minimum by it


REGIMES: dict[str, str] = {
    "smooth": "smooth convergence",
    "one_step": "one step to the minimum",
    "oscillating": "oscillating convergence",
    "bouncing": "bouncing for ever",
    "diverging": "divergence",
}


def parabola_regime(lr: float) -> Regime:
    """The regime of gradient descent on ``w²`` (or ``(w − 3)²``) with rate ``lr``.

    Notes
    -----
    Each step is ``w ← w − lr·2w = (1 − 2·lr)·w``, so the distance to the minimum
    is multiplied by ``r = 1 − 2·lr``; it shrinks exactly when ``|1 − 2·lr| < 1``.

    Examples
    --------
    >>> [parabola_regime(lr).key for lr in (0.1, 0.5, 0.8, 1.0, 1.1)]
    ['smooth', 'one_step', 'oscillating', 'bouncing', 'diverging']
    """
    lr = check_in_range(lr, "The learning rate", 0.0, 1e300, low_inclusive=False)
    factor = 1 - 2 * lr
    if lr < 0.5:
        key = "smooth"
    elif lr == 0.5:
        key = "one_step"
    elif lr < 1:
        key = "oscillating"
    elif lr == 1:
        key = "bouncing"
    else:
        key = "diverging"
    return Regime(key, REGIMES[key], factor)


def is_parabola(fn: Function1D) -> bool:
    """``True`` for the functions of the form ``(w − m)²`` (the rule |1 − 2·lr| < 1 holds)."""
    return fn.key in ("square", "shifted")
