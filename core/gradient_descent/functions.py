"""1-D losses, each with its derivative beside it, and the slope at a point.

Every function ``f`` carries ``f′`` (and the curvature ``f″``), vectorised over
arrays of ``w``. :func:`derivative_at` compares the exact slope with the forward
and central finite differences.

Examples
--------
>>> square = FUNCTIONS_1D["square"]
>>> square.f(np.array([5.0])), square.df(np.array([5.0]))   # 5², 2·5
(array([25.]), array([10.]))
>>> d = derivative_at("square", 5, h=0.5)
>>> d.forward, d.central      # (5.5² − 25)/0.5 = 10.5; the central one is exact
(10.5, 10.0)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.parsing import as_finite_array, check_in_range, finite_result


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
    d2f: Callable[[np.ndarray], np.ndarray]  # the curvature f″(w)
    code: str  # Python for the loss, in terms of w: "w ** 2"
    derivative_code: str  # "2 * w"
    minima: tuple[float, ...]  # local minima (exact or to 12 digits)
    w_range: tuple[float, float]  # the w axis the page draws

    def loss(self, w: np.ndarray) -> float:
        """``f(w)`` for a position ``w`` of shape ``(1,)``."""
        return float(self.f(np.asarray(w, dtype=float))[0])

    def gradient(self, w: np.ndarray) -> np.ndarray:
        """``f′(w)`` as an array of shape ``(1,)``."""
        return np.asarray(self.df(np.asarray(w, dtype=float)), dtype=float)

    @property
    def lowest_loss(self) -> float:
        """The lowest value of ``f``: its value at the deepest minimum."""
        return float(np.min(self.f(np.array(self.minima))))


def _cubic_roots() -> np.ndarray:
    # f'(w) = 4w³ − 6w + 1 = 0 for f = w⁴ − 3w² + w, sorted: minimum, maximum, minimum.
    return np.sort(np.roots([4.0, 0.0, -6.0, 1.0]).real)


def two_minima_roots() -> tuple[float, float]:
    """The two minima of ``w⁴ − 3w² + w`` (the outer roots of ``4w³ − 6w + 1``).

    >>> [round(m, 4) for m in two_minima_roots()]
    [-1.3008, 1.1309]
    """
    roots = _cubic_roots()
    return (float(roots[0]), float(roots[2]))


def two_minima_hump() -> float:
    """The local maximum of ``w⁴ − 3w² + w`` between its two minima.

    >>> round(two_minima_hump(), 3)
    0.17
    """
    return float(_cubic_roots()[1])


FUNCTIONS_1D: dict[str, Function1D] = {
    "square": Function1D(
        "square",
        "w²",
        "w^2",
        "2w",
        lambda w: w**2,
        lambda w: 2 * w,
        lambda w: np.full_like(w, 2.0),
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
        lambda w: np.full_like(w, 2.0),
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
        lambda w: 12 * w**2 - 6,
        "w ** 4 - 3 * w ** 2 + w",
        "4 * w ** 3 - 6 * w + 1",
        two_minima_roots(),
        (-2.5, 2.5),
    ),
    "quartic": Function1D(
        "quartic",
        "w⁴",
        "w^4",
        "4w^3",
        lambda w: w**4,
        lambda w: 4 * w**3,
        lambda w: 12 * w**2,
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
        lambda w: 1 / np.cosh(np.clip(w, -300, 300)) ** 2,
        "np.logaddexp(w, -w) - np.log(2)  # log(cosh(w)), safe for large |w|",
        "np.tanh(w)",
        (0.0,),
        (-6.0, 6.0),
    ),
}


def get_function(key: str, expression: str = "") -> Function1D:
    """The 1-D function called ``key`` (one of ``FUNCTIONS_1D``, or ``"custom"``).

    ``"custom"`` is the learner's ``expression`` in ``w``
    (:func:`~core.gradient_descent.custom.custom_function`).
    """
    if key == "custom":
        from core.gradient_descent.custom import (
            custom_function,  # it builds on this module
        )

        return custom_function(expression)
    if key not in FUNCTIONS_1D:
        raise ValueError(
            f"The function must be one of {', '.join(FUNCTIONS_1D)}, not {key!r}."
        )
    return FUNCTIONS_1D[key]


#: Largest |w| the pages accept (the functions stay far from overflow there).
MAX_ABS_W = 100.0


@dataclass(frozen=True)
class Derivative:
    """A function's value and slope at ``w``, and two finite-difference estimates.

    ``forward = (f(w + h) − f(w)) / h`` and ``central = (f(w + h) − f(w − h)) / 2h``;
    both tend to the exact ``slope = f′(w)`` as ``h → 0``, the central one faster
    (its error shrinks like h², the forward one's like h).
    """

    fn: Function1D
    w: float
    h: float
    value: float
    slope: float
    forward: float
    central: float

    @property
    def key(self) -> tuple[str, float, float]:
        """The inputs this derivative was computed from (a cache key)."""
        return (self.fn.key, self.w, self.h)

    @property
    def forward_error(self) -> float:
        """How far the forward difference is from the exact slope."""
        return self.forward - self.slope

    @property
    def central_error(self) -> float:
        """How far the central difference is from the exact slope."""
        return self.central - self.slope


def derivative_at(
    key: str, w: float, h: float = 0.5, expression: str = ""
) -> Derivative:
    """Exact derivative of the function ``key`` at ``w`` and its estimates with step ``h``.

    Examples
    --------
    >>> d = derivative_at("square", 5, h=0.5)
    >>> d.value, d.slope, d.forward, d.central    # 25, 2·5, 2·5 + h, exact for w²
    (25.0, 10.0, 10.5, 10.0)
    """
    fn = get_function(key, expression)
    w = check_in_range(w, "w", -MAX_ABS_W, MAX_ABS_W)
    h = check_in_range(h, "The step h", 0.0, 10.0, low_inclusive=False)
    at = np.array([w - h, w, w + h])
    left, value, right = (float(v) for v in fn.f(at))
    if not all(map(math.isfinite, (left, value, right))):
        raise ValueError(f"f is not defined (or too large) at w = {w:g} ± {h:g}.")
    return Derivative(
        fn=fn,
        w=w,
        h=h,
        value=value,
        slope=float(fn.df(np.array([w]))[0]),
        forward=(right - value) / h,
        central=(right - left) / (2 * h),
    )


def tangent_line(d: Derivative, w: np.ndarray) -> np.ndarray:
    """The tangent ``f(w₀) + f′(w₀)·(w − w₀)`` evaluated at every ``w``.

    >>> tangent_line(derivative_at("square", 1.0), np.array([0.0, 2.0]))
    array([-1.,  3.])
    """
    ws = as_finite_array(w, "w")
    with np.errstate(all="ignore"):
        return finite_result(d.value + d.slope * (ws - d.w), "The tangent line")
