"""Optimisers: gradient descent, momentum, RMSProp and Adam, step by step.

:func:`optimize` runs one of them from a start point and returns the **whole
trajectory**. It stops as soon as a position passes a bound or stops being
finite and says so (``diverged_at``), so no ``inf``, ``nan`` or overflow warning
ever reaches a page. The gradient-descent and loss-function pages both use it.

Examples
--------
>>> square = lambda w: float(w[0] ** 2)
>>> slope = lambda w: 2 * w
>>> optimize(square, slope, [5.0], lr=0.1, steps=2).points[:, 0].tolist()
[5.0, 4.0, 3.2]
>>> optimize(square, slope, [5.0], lr=3.5, steps=20).diverged_at
7
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.parsing import as_finite_array, check_in_range, check_int, format_number

LossFn = Callable[[np.ndarray], float]
GradientFn = Callable[[np.ndarray], np.ndarray]

#: The optimisers :func:`optimize` knows, by their short name.
METHODS: dict[str, str] = {
    "gd": "Gradient descent",
    "momentum": "Momentum",
    "rmsprop": "RMSProp",
    "adam": "Adam",
}
#: Most steps one call may take (keeps every page fast).
MAX_STEPS = 5000
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
    rates = _check_rates(method, lr, momentum, beta1, beta2, rho, eps)
    steps = check_int(steps, "The number of steps", 0, MAX_STEPS)
    bound = check_in_range(
        bound, "The divergence bound", 0.0, None, low_inclusive=False
    )
    if not callable(loss) or not callable(gradient):
        raise ValueError("loss and gradient must be functions of the position.")
    w = as_finite_array(start, "The start point").reshape(-1)
    if np.any(np.abs(w) > bound):
        raise ValueError(
            f"The start point must lie within ±{format_number(bound)} in each "
            "coordinate."
        )
    return _descend(loss, gradient, w, method, rates, steps, bound)


@dataclass(frozen=True)
class _Rates:
    lr: float
    momentum: float
    beta1: float
    beta2: float
    rho: float
    eps: float


def _check_rates(
    method: str,
    lr: float,
    momentum: float,
    beta1: float,
    beta2: float,
    rho: float,
    eps: float,
) -> _Rates:
    if method not in METHODS:
        raise ValueError(
            f"The optimiser must be one of {', '.join(METHODS)}, not {method!r}."
        )
    below_one = {"high_inclusive": False}
    return _Rates(
        lr=check_in_range(lr, "The learning rate", 0.0, None, low_inclusive=False),
        momentum=check_in_range(momentum, "The momentum β", 0.0, 1.0, **below_one),
        beta1=check_in_range(beta1, "Adam's β₁", 0.0, 1.0, **below_one),
        beta2=check_in_range(beta2, "Adam's β₂", 0.0, 1.0, **below_one),
        rho=check_in_range(rho, "RMSProp's decay ρ", 0.0, 1.0, **below_one),
        eps=check_in_range(eps, "ε", 0.0, None, low_inclusive=False),
    )


def _descend(
    loss: LossFn,
    gradient: GradientFn,
    w: np.ndarray,
    method: str,
    rates: _Rates,
    steps: int,
    bound: float,
) -> Trajectory:
    d = w.size
    first = _evaluate(loss, gradient, w, d)
    if first is None:
        raise ValueError(
            "The loss or its gradient is not a finite number at the start point: "
            "choose another start."
        )
    lr, momentum, rho, eps = rates.lr, rates.momentum, rates.rho, rates.eps
    beta1, beta2 = rates.beta1, rates.beta2
    points = [w.copy()]
    losses = [first[0]]
    grads = [first[1]]
    velocity = np.zeros(d)  # momentum's z, Adam's m
    square = np.zeros(d)  # RMSProp's s, Adam's v
    diverged_at: int | None = None
    g = first[1]
    with np.errstate(all="ignore"):  # overflow is detected below, never warned
        for t in range(1, steps + 1):
            if method == "gd":
                update = lr * g
            elif method == "momentum":
                velocity = momentum * velocity + g
                update = lr * velocity
            elif method == "rmsprop":
                square = rho * square + (1 - rho) * g * g
                update = lr * g / (np.sqrt(square) + eps)
            else:  # adam
                velocity = beta1 * velocity + (1 - beta1) * g
                square = beta2 * square + (1 - beta2) * g * g
                m_hat = velocity / (1 - beta1**t)
                v_hat = square / (1 - beta2**t)
                update = lr * m_hat / (np.sqrt(v_hat) + eps)
            w = w - update
            if not np.all(np.isfinite(w)) or np.any(np.abs(w) > bound):
                diverged_at = t
                break
            evaluated = _evaluate(loss, gradient, w, d)
            if evaluated is None:
                diverged_at = t
                break
            points.append(w.copy())
            losses.append(evaluated[0])
            grads.append(evaluated[1])
            g = evaluated[1]
    return Trajectory(
        points=np.array(points),
        losses=np.array(losses),
        gradients=np.array(grads),
        diverged_at=diverged_at,
    )
