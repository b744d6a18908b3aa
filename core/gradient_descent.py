"""Derivatives and gradient descent: tangents, learning-rate regimes, optimisers.

Notebook cell 5::

    w = 5           # initial weight
    lr = 0.1        # Learning rate
    gradient = 2 * w            # derivative of loss = w^2 is 2w
    w = w - lr * gradient       # 4.0

Every loss here carries its derivative beside it (``FUNCTIONS_1D`` and
``SURFACES``). :func:`optimize` runs plain gradient descent, momentum, RMSProp or
Adam from a start point and returns the **whole trajectory**; it stops as soon as
a position passes a bound or stops being finite and says so (``diverged_at``),
so no ``inf``, ``nan`` or overflow warning ever reaches a page.

Examples
--------
>>> gradient_step(5, 0.1)            # the notebook's cell: 5 - 0.1 * (2 * 5)
4.0
>>> square = FUNCTIONS_1D["square"]
>>> path = optimize(square.loss, square.gradient, [5.0], lr=0.1, steps=2)
>>> path.points[:, 0].tolist()       # 5 → 4 → 3.2  (each step multiplies w by 0.8)
[5.0, 4.0, 3.2]
>>> optimize(square.loss, square.gradient, [5.0], lr=3.5, steps=20).diverged_at
7
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.parsing import (
    as_finite_array,
    check_finite_number,
    check_in_range,
    check_int,
    format_number,
)

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


# -- the optimiser -------------------------------------------------------------------


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
    >>> bowl = SURFACES["bowl"]
    >>> optimize(bowl.loss, bowl.gradient, [1.0, 2.0], lr=0.25, steps=1).points[-1]
    array([0.5, 1. ])
    """
    if method not in METHODS:
        raise ValueError(
            f"The optimiser must be one of {', '.join(METHODS)}, not {method!r}."
        )
    lr = check_in_range(lr, "The learning rate", 0.0, None, low_inclusive=False)
    steps = check_int(steps, "The number of steps", 0, MAX_STEPS)
    momentum = check_in_range(
        momentum, "The momentum β", 0.0, 1.0, high_inclusive=False
    )
    beta1 = check_in_range(beta1, "Adam's β₁", 0.0, 1.0, high_inclusive=False)
    beta2 = check_in_range(beta2, "Adam's β₂", 0.0, 1.0, high_inclusive=False)
    rho = check_in_range(rho, "RMSProp's decay ρ", 0.0, 1.0, high_inclusive=False)
    eps = check_in_range(eps, "ε", 0.0, None, low_inclusive=False)
    bound = check_in_range(
        bound, "The divergence bound", 0.0, None, low_inclusive=False
    )
    if not callable(loss) or not callable(gradient):
        raise ValueError("loss and gradient must be functions of the position.")
    w = as_finite_array(start, "The start point").reshape(-1)
    d = w.size
    if np.any(np.abs(w) > bound):
        raise ValueError(
            f"The start point must lie within ±{format_number(bound)} in each "
            "coordinate."
        )
    first = _evaluate(loss, gradient, w, d)
    if first is None:
        raise ValueError(
            "The loss or its gradient is not a finite number at the start point: "
            "choose another start."
        )

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


def gradient_step(w: float, lr: float) -> float:
    """One gradient-descent step on ``loss = w²``: ``w − lr · 2w`` (notebook cell 5).

    >>> gradient_step(5, 0.1)
    4.0
    """
    w = check_finite_number(w, "w")
    lr = check_in_range(lr, "The learning rate", 0.0, None, low_inclusive=False)
    gradient = 2 * w
    return w - lr * gradient


# -- 1-D functions, each with its derivative beside it -----------------------------------


@dataclass(frozen=True)
class Function1D:
    """A 1-D loss ``f(w)`` with its derivative ``f′(w)``.

    ``loss`` and ``gradient`` take an array of shape ``(1,)`` (what
    :func:`optimize` passes); ``f`` and ``df`` are the same maths vectorised
    over any array of ``w`` values, for curves.
    """

    key: str
    label: str  # Unicode, for charts: "w²"
    latex: str  # for st.latex: "w^2"
    derivative_latex: str
    f: Callable[[np.ndarray], np.ndarray]
    df: Callable[[np.ndarray], np.ndarray]
    code: str  # Python for the loss, in terms of w: "w ** 2"
    derivative_code: str  # "2 * w"
    minima: tuple[float, ...]  # local minima (exact or to 12 digits)
    w_range: tuple[float, float]  # the w axis the page draws

    def loss(self, w: np.ndarray) -> float:
        return float(self.f(np.asarray(w, dtype=float))[0])

    def gradient(self, w: np.ndarray) -> np.ndarray:
        return np.asarray(self.df(np.asarray(w, dtype=float)), dtype=float)


def _two_minima_roots() -> tuple[float, ...]:
    # f'(w) = 4w³ − 6w + 1 = 0; the outer two roots are minima, the middle a maximum.
    roots = np.sort(np.roots([4.0, 0.0, -6.0, 1.0]).real)
    return (float(roots[0]), float(roots[2]))


FUNCTIONS_1D: dict[str, Function1D] = {
    "square": Function1D(
        "square",
        "w²",
        "w^2",
        "2w",
        lambda w: w**2,
        lambda w: 2 * w,
        "w ** 2",
        "2 * w",
        (0.0,),
        (-6.0, 6.0),
    ),
    "shifted": Function1D(
        "shifted",
        "(w − 3)²",
        "(w - 3)^2",
        "2(w - 3)",
        lambda w: (w - 3) ** 2,
        lambda w: 2 * (w - 3),
        "(w - 3) ** 2",
        "2 * (w - 3)",
        (3.0,),
        (-3.0, 9.0),
    ),
    "two_minima": Function1D(
        "two_minima",
        "w⁴ − 3w² + w",
        "w^4 - 3w^2 + w",
        "4w^3 - 6w + 1",
        lambda w: w**4 - 3 * w**2 + w,
        lambda w: 4 * w**3 - 6 * w + 1,
        "w ** 4 - 3 * w ** 2 + w",
        "4 * w ** 3 - 6 * w + 1",
        _two_minima_roots(),
        (-2.5, 2.5),
    ),
    "quartic": Function1D(
        "quartic",
        "w⁴",
        "w^4",
        "4w^3",
        lambda w: w**4,
        lambda w: 4 * w**3,
        "w ** 4",
        "4 * w ** 3",
        (0.0,),
        (-3.0, 3.0),
    ),
    "log_cosh": Function1D(
        "log_cosh",
        "log cosh w",
        r"\log\cosh w",
        r"\tanh w",
        lambda w: np.logaddexp(w, -w) - math.log(2.0),
        np.tanh,
        "np.logaddexp(w, -w) - np.log(2)  # log(cosh(w)), safe for large |w|",
        "np.tanh(w)",
        (0.0,),
        (-6.0, 6.0),
    ),
}


# -- 2-D surfaces, each with its gradient beside it ------------------------------------------


@dataclass(frozen=True)
class Surface:
    """A 2-D loss ``f(x, y)`` with its gradient, vectorised over grids.

    ``f(x, y)`` and ``grad(x, y) -> (∂f/∂x, ∂f/∂y)`` accept arrays of any
    (matching) shape; ``loss`` and ``gradient`` take a point of shape ``(2,)``
    for :func:`optimize`.
    """

    key: str
    label: str
    formula: str  # Unicode, for charts
    latex: str
    f: Callable[[np.ndarray, np.ndarray], np.ndarray]
    grad: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
    minima: tuple[tuple[float, float], ...]
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    default_start: tuple[float, float]
    log_levels: bool  # contour levels on a log scale (steep valleys)

    def loss(self, point: np.ndarray) -> float:
        x, y = np.asarray(point, dtype=float)
        return float(self.f(x, y))

    def gradient(self, point: np.ndarray) -> np.ndarray:
        x, y = np.asarray(point, dtype=float)
        gx, gy = self.grad(x, y)
        return np.array([gx, gy], dtype=float)


def _two_minima_2d_minima() -> tuple[tuple[float, float], ...]:
    left, right = _two_minima_roots()
    return ((left, 0.0), (right, 0.0))


SURFACES: dict[str, Surface] = {
    "bowl": Surface(
        "bowl",
        "Round bowl",
        "x² + y²",
        "x^2 + y^2",
        lambda x, y: x**2 + y**2,
        lambda x, y: (2 * x, 2 * y),
        ((0.0, 0.0),),
        (-4.0, 4.0),
        (-4.0, 4.0),
        (3.0, 2.0),
        False,
    ),
    "elongated": Surface(
        "elongated",
        "Elongated bowl (ill-conditioned)",
        "x² + 10·y²",
        "x^2 + 10\\,y^2",
        lambda x, y: x**2 + 10 * y**2,
        lambda x, y: (2 * x, 20 * y),
        ((0.0, 0.0),),
        (-4.0, 4.0),
        (-2.0, 2.0),
        (-3.5, 1.5),
        False,
    ),
    "rosenbrock": Surface(
        "rosenbrock",
        "Rosenbrock banana",
        "(1 − x)² + 100·(y − x²)²",
        "(1 - x)^2 + 100\\,(y - x^2)^2",
        lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
        lambda x, y: (-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)),
        ((1.0, 1.0),),
        (-2.0, 2.0),
        (-1.0, 3.0),
        (-1.5, 2.0),
        True,
    ),
    "saddle": Surface(
        "saddle",
        "Saddle",
        "x² − y²",
        "x^2 - y^2",
        lambda x, y: x**2 - y**2,
        lambda x, y: (2 * x, -2 * y),
        (),
        (-4.0, 4.0),
        (-4.0, 4.0),
        (3.5, 0.01),
        False,
    ),
    "two_minima": Surface(
        "two_minima",
        "Two minima",
        "x⁴ − 3x² + x + 2·y²",
        "x^4 - 3x^2 + x + 2y^2",
        lambda x, y: x**4 - 3 * x**2 + x + 2 * y**2,
        lambda x, y: (4 * x**3 - 6 * x + 1, 4 * y),
        _two_minima_2d_minima(),
        (-2.5, 2.5),
        (-2.5, 2.5),
        (0.1, 2.0),
        False,
    ),
}
