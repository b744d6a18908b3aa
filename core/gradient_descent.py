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

from core.optimisers import (
    DEFAULT_BOUND,
    METHODS,
    Trajectory,
    optimize,
)
from core.parsing import (
    check_finite_number,
    check_in_range,
    check_int,
    format_number,
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
    d2f: Callable[[np.ndarray], np.ndarray]  # the curvature f″(w)
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
    loss_code: str  # Python for the loss in terms of x, y: "x ** 2 + y ** 2"
    gradient_code: str  # Python for (∂f/∂x, ∂f/∂y): "2 * x, 2 * y"
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
        "x ** 2 + y ** 2",
        "2 * x, 2 * y",
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
        "x ** 2 + 10 * y ** 2",
        "2 * x, 20 * y",
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
        "(1 - x) ** 2 + 100 * (y - x ** 2) ** 2",
        "-2 * (1 - x) - 400 * x * (y - x ** 2), 200 * (y - x ** 2)",
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
        "x ** 2 - y ** 2",
        "2 * x, -2 * y",
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
        "x ** 4 - 3 * x ** 2 + x + 2 * y ** 2",
        "4 * x ** 3 - 6 * x + 1, 4 * y",
        lambda x, y: x**4 - 3 * x**2 + x + 2 * y**2,
        lambda x, y: (4 * x**3 - 6 * x + 1, 4 * y),
        _two_minima_2d_minima(),
        (-2.5, 2.5),
        (-2.5, 2.5),
        (0.1, 2.0),
        False,
    ),
}


# -- derivatives: the tangent and the finite-difference estimate -------------------------


def get_function(key: str) -> Function1D:
    """The 1-D function called ``key`` (one of ``FUNCTIONS_1D``)."""
    if key not in FUNCTIONS_1D:
        raise ValueError(
            f"The function must be one of {', '.join(FUNCTIONS_1D)}, not {key!r}."
        )
    return FUNCTIONS_1D[key]


def get_surface(key: str) -> Surface:
    """The 2-D surface called ``key`` (one of ``SURFACES``)."""
    if key not in SURFACES:
        raise ValueError(
            f"The surface must be one of {', '.join(SURFACES)}, not {key!r}."
        )
    return SURFACES[key]


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
    def forward_error(self) -> float:
        return self.forward - self.slope

    @property
    def central_error(self) -> float:
        return self.central - self.slope


def derivative_at(key: str, w: float, h: float = 0.5) -> Derivative:
    """Exact derivative of the function ``key`` at ``w`` and its estimates with step ``h``.

    Examples
    --------
    >>> d = derivative_at("square", 5, h=0.5)
    >>> d.value, d.slope, d.forward, d.central    # 25, 2·5, 2·5 + h, exact for w²
    (25.0, 10.0, 10.5, 10.0)
    """
    fn = get_function(key)
    w = check_in_range(w, "w", -MAX_ABS_W, MAX_ABS_W)
    h = check_in_range(h, "The step h", 0.0, 10.0, low_inclusive=False)
    at = np.array([w - h, w, w + h])
    left, value, right = (float(v) for v in fn.f(at))
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
    """The tangent ``f(w₀) + f′(w₀)·(w − w₀)`` evaluated at every ``w``."""
    return d.value + d.slope * (np.asarray(w, dtype=float) - d.w)


def derivative_latex(d: Derivative) -> str:
    """``f(w) = w²,  f′(w) = 2w,  f′(5) = 10`` with the current numbers."""
    w = format_number(d.w, 6)
    return (
        rf"f(w) = {d.fn.latex}, \qquad f'(w) = {d.fn.derivative_latex}, \qquad "
        rf"f'({w}) = {format_number(d.slope, 6)} \qquad "
        rf"\frac{{f(w+h) - f(w-h)}}{{2h}} = {format_number(d.central, 6)}"
    )


def describe_derivative(d: Derivative) -> str:
    """What the tangent and the estimates say, in words."""
    w, slope = format_number(d.w, 4), format_number(d.slope, 4)
    if d.slope > 0:
        trend = "the loss **rises** to the right, so gradient descent would step left"
    elif d.slope < 0:
        trend = "the loss **falls** to the right, so gradient descent would step right"
    else:
        trend = "the curve is **flat** here: a minimum, maximum or flat point, and gradient descent would not move"
    central = format_number(abs(d.central_error), 3)
    forward = format_number(abs(d.forward_error), 3)
    exact_note = (
        " (for a parabola the central difference is exact)"
        if d.central_error == 0 and d.fn.key in ("square", "shifted")
        else ""
    )
    return (
        f"At w = {w} the tangent has slope **f′(w) = {slope}**: {trend}. "
        f"With h = {format_number(d.h, 4)} the central difference is off by {central}{exact_note} "
        f"and the forward difference by {forward}; shrink h and both close in on the exact slope."
    )


def float_literal(value: float) -> str:
    """``5.0`` rather than ``5``: code that must compute in floats, like the page.

    >>> float_literal(5.0), float_literal(0.1)
    ('5.0', '0.1')
    """
    text = format_number(value)
    return text if any(c in text for c in ".en") else text + ".0"


def derivative_code(d: Derivative) -> str:
    """Code that checks the exact derivative against a central difference."""
    uses_np = "np." in d.fn.code or "np." in d.fn.derivative_code
    head = "import numpy as np\n\n" if uses_np else ""
    return (
        f"{head}def loss(w):\n    return {d.fn.code}\n\n"
        f"def derivative(w):  # worked out by hand\n    return {d.fn.derivative_code}\n\n"
        f"w = {float_literal(d.w)}\nh = {float_literal(d.h)}\n\n"
        "exact = derivative(w)\n"
        "estimate = (loss(w + h) - loss(w - h)) / (2 * h)  # central difference\n"
        "exact, estimate"
    )


def _as_printed(value: float, code: str) -> float:
    """The number as the snippet prints it: ``np.float64`` when the code uses NumPy."""
    return np.float64(value) if "np." in code else float(value)


def derivative_code_result(d: Derivative) -> tuple[float, float]:
    """What the last line of :func:`derivative_code` evaluates to."""
    return (
        _as_printed(d.slope, d.fn.derivative_code),
        _as_printed(d.central, d.fn.code),
    )


# -- gradient descent in 1-D ----------------------------------------------------------------

#: Most steps the 1-D page takes.
MAX_STEPS_1D = 500


@dataclass(frozen=True)
class Descent1D:
    """Plain gradient descent on a 1-D function: the inputs and the whole path."""

    fn: Function1D
    w0: float
    lr: float
    steps: int
    path: Trajectory

    @property
    def w(self) -> np.ndarray:
        """Positions ``w₀, w₁, …``, shape ``(k + 1,)``."""
        return self.path.points[:, 0]

    @property
    def gradients(self) -> np.ndarray:
        return self.path.gradients[:, 0]

    @property
    def updates(self) -> np.ndarray:
        """``−lr·f′(w_k)``: how far step ``k + 1`` moved, shape ``(k + 1,)``."""
        return -self.lr * self.gradients


def descend_1d(key: str, w0: float = 5.0, lr: float = 0.1, steps: int = 1) -> Descent1D:
    """Gradient descent ``w ← w − lr·f′(w)`` on the function ``key`` from ``w0``.

    Examples
    --------
    >>> descend_1d("square", 5, 0.1, 1).w.tolist()      # notebook cell 5
    [5.0, 4.0]
    """
    fn = get_function(key)
    w0 = check_in_range(w0, "The start w₀", -MAX_ABS_W, MAX_ABS_W)
    lr = check_in_range(lr, "The learning rate", 0.0, None, low_inclusive=False)
    steps = check_int(steps, "The number of steps", 0, MAX_STEPS_1D)
    path = optimize(fn.loss, fn.gradient, [w0], method="gd", lr=lr, steps=steps)
    return Descent1D(fn, w0, lr, steps, path)


def _power_of_ten(value: float) -> str:
    exponent = math.log10(value)
    if exponent.is_integer() and abs(exponent) >= 4:
        return f"1e{int(exponent)}"
    return format_number(value)


def divergence_message(
    path: Trajectory, name: str = "|w|", bound: float = DEFAULT_BOUND
) -> str:
    """``"diverged at step 7: |w| passed 1e6"`` (empty text if it did not diverge)."""
    if path.diverged_at is None:
        return ""
    return f"diverged at step {path.diverged_at}: {name} passed {_power_of_ten(bound)}"


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

    Each step is ``w ← w − lr·2w = (1 − 2·lr)·w``, so the distance to the minimum
    is multiplied by ``r = 1 − 2·lr``; it shrinks exactly when ``|1 − 2·lr| < 1``.

    >>> [parabola_regime(lr).key for lr in (0.1, 0.5, 0.8, 1.0, 1.1)]
    ['smooth', 'one_step', 'oscillating', 'bouncing', 'diverging']
    """
    lr = check_in_range(lr, "The learning rate", 0.0, None, low_inclusive=False)
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


def descent_latex(result: Descent1D) -> str:
    """The update rule, the first step with its numbers, and for parabolas the rule
    ``|1 − 2·lr| < 1`` with the current rate (one formula per line).
    """
    fn, lr = result.fn, format_number(result.lr, 6)
    lines = [
        rf"w \leftarrow w - \text{{lr}}\cdot f'(w) = w - {lr}\cdot({fn.derivative_latex})"
    ]
    if len(result.w) > 1:
        w0, g0 = result.w[0], result.gradients[0]
        lines.append(
            rf"w_1 = {format_number(w0, 6)} - {lr}\cdot {_paren(g0)}"
            rf" = {format_number(result.w[1], 6)}"
        )
    if is_parabola(fn):
        regime = parabola_regime(result.lr)
        r = format_number(regime.factor, 6)
        relation = {
            "smooth": "< 1",
            "one_step": "= 0",
            "oscillating": "< 1",
            "bouncing": "= 1",
            "diverging": "> 1",
        }[regime.key]
        abs_r = format_number(abs(regime.factor), 6)
        lines.append(
            rf"|1 - 2\cdot\text{{lr}}| = |1 - 2\cdot {lr}| = |{r}| = {abs_r} {relation}"
            if regime.key != "one_step"
            else rf"1 - 2\cdot\text{{lr}} = 1 - 2\cdot {lr} = 0"
        )
    return r"\begin{gathered} " + r" \\ ".join(lines) + r" \end{gathered}"


def _paren(value: float) -> str:
    text = format_number(value, 6)
    return f"({text})" if value < 0 else text


def _minimum_label(fn: Function1D, m: float) -> str:
    if len(fn.minima) == 1:
        return "the minimum"
    return "the left minimum" if m == min(fn.minima) else "the right minimum"


def describe_descent(result: Descent1D) -> str:
    """What gradient descent did on this function, in words (the chart's alt text)."""
    fn, path = result.fn, result.path
    w_last = float(result.w[-1])
    k = path.steps_taken
    lr = format_number(result.lr, 4)
    parts: list[str] = []
    if is_parabola(fn):
        regime = parabola_regime(result.lr)
        r = format_number(regime.factor, 4)
        m = format_number(fn.minima[0])
        why = {
            "smooth": f"every step keeps the same side of the minimum and multiplies the distance to w = {m} by {r}",
            "one_step": f"1 − 2·lr = 0, so the very first step lands exactly on the minimum w = {m}",
            "oscillating": f"each step overshoots to the other side of w = {m}, but the distance still shrinks by |{r}| < 1",
            "bouncing": f"each step jumps to the mirror point across w = {m}: the distance is multiplied by |−1| = 1 and never shrinks",
            "diverging": f"each step overshoots further than it started: the distance to w = {m} grows by |{r}| > 1 every step",
        }[regime.key]
        parts.append(f"With lr = {lr} this is **{regime.name}**: {why}.")
    if path.diverged_at is not None:
        parts.append(
            f"Gradient descent **{divergence_message(path)}**, so it stopped there; "
            f"the last finite position was w = {format_number(w_last, 6)}."
        )
        if not is_parabola(fn):
            parts.append(
                "The learning rate is too large for how steep this curve gets: every step overshoots more than the last."
            )
        return " ".join(parts)
    if k == 0:
        parts.append(
            f"No steps yet: gradient descent starts at w₀ = {format_number(result.w0, 4)}. "
            "Press a step button."
        )
        return " ".join(parts)
    nearest = min(fn.minima, key=lambda m: abs(w_last - m))
    distance = abs(w_last - nearest)
    grad = float(result.gradients[-1])
    where = _minimum_label(fn, nearest)
    after = f"After {k} step{'s' if k != 1 else ''} w = **{format_number(w_last, 6)}**"
    regime_key = parabola_regime(result.lr).key if is_parabola(fn) else ""
    if distance < 1e-3:
        first = int(np.argmax(np.abs(result.w - nearest) < 1e-3))
        parts.append(
            f"{after}: it reached {where} w ≈ {format_number(nearest, 4)} "
            f"(within 0.001 from step {first} on)."
        )
    elif regime_key == "bouncing":
        mirror = format_number(2 * nearest - result.w0, 4)
        parts.append(
            f"{after}: it keeps bouncing between {format_number(result.w0, 4)} and {mirror}."
        )
    elif regime_key == "diverging":
        parts.append(
            f"{after} and its distance to the minimum keeps growing: more steps take it "
            "past 1e6."
        )
    else:
        curvature = float(fn.d2f(np.array([nearest]))[0])
        if curvature > 0 and result.lr >= 2 / curvature:
            parts.append(
                f"{after}: it keeps jumping around {where} w ≈ {format_number(nearest, 4)} "
                "without settling. Near a minimum the curve bends like a parabola with "
                f"curvature f″ = {format_number(curvature, 3)}, and gradient descent only "
                f"settles there when lr < 2/f″ = {format_number(2 / curvature, 3)}: lower "
                "the learning rate."
            )
        else:
            parts.append(
                f"{after} with slope {format_number(grad, 4)}: it is still on its way to "
                f"{where} w ≈ {format_number(nearest, 4)}; more steps bring it closer."
            )
            if curvature == 0:
                parts.append(
                    "Near 0 the slope 4w³ flattens much faster than w itself (f″(0) = 0), "
                    "so the steps shrink and progress slows down."
                )
    if fn.key == "two_minima":
        parts.append(_which_minimum(result, nearest))
    return " ".join(p for p in parts if p)


def _which_minimum(result: Descent1D, nearest: float) -> str:
    fn = result.fn
    left = min(fn.minima)
    hump = float(np.sort(np.roots([4.0, 0.0, -6.0, 1.0]).real)[1])
    start_side = "left" if result.w0 < hump else "right"
    end_side = "left" if nearest == left else "right"
    deeper = "left"  # f(left) ≈ −3.51 < f(right) ≈ −1.07
    lines = [
        f"The hump (a local maximum) at w ≈ {format_number(hump, 3)} splits the curve: "
        f"w₀ = {format_number(result.w0, 4)} is on its {start_side} side"
    ]
    if start_side == end_side:
        lines.append(
            f", where the slope points down into the **{end_side} minimum** "
            f"(loss {format_number(float(fn.f(np.array([nearest]))[0]), 3)}). "
            "Gradient descent only feels the local slope, "
        )
        lines.append(
            "so it cannot know that the left minimum is deeper."
            if end_side != deeper
            else "and here that also happens to be the deeper minimum."
        )
    else:
        lines.append(
            f", yet it ended in the **{end_side} minimum**: a step was large enough "
            "to jump over the hump."
        )
    return "".join(lines)


def descent_code(result: Descent1D) -> str:
    """The notebook's cell with the current numbers; a loop when there are several steps."""
    fn = result.fn
    # Floats (1.0, not 1) so that w comes out a float, as on the page; the
    # notebook's own cell keeps its "w = 5".
    w0, lr = float_literal(result.w0), float_literal(result.lr)
    uses_np = "np." in fn.derivative_code
    head = "import numpy as np\n\n" if uses_np else ""
    if result.steps == 1 and fn.key == "square":
        return (
            "# Gradient Descent Example\n\n"
            f"w = {format_number(result.w0)}           # initial weight\n"
            f"lr = {lr}        # Learning rate\n\n"
            "# derivative of loss = w^2 is 2w\n"
            "gradient = 2 * w\n"
            "w = w - lr * gradient\n\n"
            "w"
        )
    return (
        f"{head}# Gradient descent on loss = {fn.code.split('  #')[0]}\n\n"
        f"w = {w0}           # initial weight\n"
        f"lr = {lr}        # Learning rate\n\n"
        f"for step in range(1, {result.steps + 1}):\n"
        f"    gradient = {fn.derivative_code}  # derivative of the loss\n"
        "    new_w = w - lr * gradient\n"
        "    if abs(new_w) > 1e6:  # the steps are growing: stop before overflow\n"
        '        print("diverged at step", step)\n'
        "        break\n"
        "    w = new_w\n\n"
        "w"
    )


def descent_code_result(result: Descent1D) -> float:
    """What the last line of :func:`descent_code` evaluates to."""
    if result.path.steps_taken == 0:  # the loop never assigned w: the float literal
        return float(result.w0)
    return _as_printed(float(result.w[-1]), result.fn.derivative_code)


def descent_table(result: Descent1D) -> dict[str, np.ndarray]:
    """Columns step, w, f′(w), update (``−lr·f′(w)``) and loss, one row per point."""
    return {
        "step": np.arange(len(result.w)),
        "w": result.w,
        "f′(w)": result.gradients,
        "update": result.updates,
        "loss": result.path.losses,
    }


# -- gradient descent in 2-D: optimisers racing on a surface --------------------------------

#: Most steps the 2-D page takes.
MAX_STEPS_2D = 500
#: Largest |x| or |y| of a start point on the 2-D page.
MAX_ABS_START = 5.0


@dataclass(frozen=True)
class Optimiser:
    """One optimiser and its hyper-parameters (those it does not use are ignored)."""

    method: str = "gd"
    lr: float = 0.1
    momentum: float = 0.9
    rho: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8

    @property
    def label(self) -> str:
        """``"Momentum (lr 0.02, β 0.9)"``: the name with the numbers that matter."""
        lr = format_number(self.lr, 4)
        extra = {
            "gd": "",
            "momentum": f", β {format_number(self.momentum, 4)}",
            "rmsprop": f", ρ {format_number(self.rho, 4)}",
            "adam": f", β₁ {format_number(self.beta1, 4)}, β₂ {format_number(self.beta2, 4)}",
        }[self.method]
        return f"{METHODS[self.method]} (lr {lr}{extra})"


@dataclass(frozen=True)
class Race:
    """Up to three optimisers started from one point on one surface."""

    surface: Surface
    start: tuple[float, float]
    steps: int
    optimisers: tuple[Optimiser, ...]
    paths: tuple[Trajectory, ...]


def race(
    surface_key: str,
    start: tuple[float, float],
    optimisers: tuple[Optimiser, ...] | list[Optimiser],
    steps: int = 60,
) -> Race:
    """Run each optimiser from ``start`` on the surface ``surface_key``.

    Examples
    --------
    >>> r = race("bowl", (1.0, 2.0), [Optimiser("gd", lr=0.25)], steps=1)
    >>> r.paths[0].points.tolist()       # (1, 2) − 0.25·(2, 4)
    [[1.0, 2.0], [0.5, 1.0]]
    """
    surface = get_surface(surface_key)
    x0 = check_in_range(start[0], "The start x₀", -MAX_ABS_START, MAX_ABS_START)
    y0 = check_in_range(start[1], "The start y₀", -MAX_ABS_START, MAX_ABS_START)
    steps = check_int(steps, "The number of steps", 0, MAX_STEPS_2D)
    chosen = tuple(optimisers)
    if not 1 <= len(chosen) <= 3:
        raise ValueError("Compare between one and three optimisers.")
    paths = tuple(
        optimize(
            surface.loss,
            surface.gradient,
            [x0, y0],
            method=o.method,
            lr=o.lr,
            steps=steps,
            momentum=o.momentum,
            beta1=o.beta1,
            beta2=o.beta2,
            eps=o.eps,
            rho=o.rho,
        )
        for o in chosen
    )
    return Race(surface, (x0, y0), steps, chosen, paths)


def surface_grid(
    surface_key: str,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    n: int = 61,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The loss on an ``n × n`` grid, vectorised: ``xs (n,)``, ``ys (n,)``, ``z (n, n)``.

    ``z[i, j]`` is the loss at ``(xs[j], ys[i])`` (rows follow y, as Plotly expects).
    """
    surface = get_surface(surface_key)
    n = check_int(n, "The grid size", 2, 400)
    xs = np.linspace(*x_range, n)
    ys = np.linspace(*y_range, n)
    grid_x, grid_y = np.meshgrid(xs, ys)
    return xs, ys, surface.f(grid_x, grid_y)


def plot_ranges(
    surface: Surface, start: tuple[float, float]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The surface's own view, widened (by whole units) to show the start point."""

    def widen(bounds: tuple[float, float], value: float) -> tuple[float, float]:
        low, high = bounds
        return (min(low, math.floor(value - 0.5)), max(high, math.ceil(value + 0.5)))

    return widen(surface.x_range, start[0]), widen(surface.y_range, start[1])


def race_latex(r: Race) -> list[str]:
    """The surface, then the update rule of each optimiser in the race (one per line)."""
    s = r.surface
    rules = {
        "gd": r"w \leftarrow w - \alpha\,\nabla f",
        "momentum": r"z \leftarrow \beta z + \nabla f, \quad w \leftarrow w - \alpha z",
        "rmsprop": r"s \leftarrow \rho s + (1-\rho)(\nabla f)^2, \quad w \leftarrow w - \frac{\alpha\,\nabla f}{\sqrt{s} + \varepsilon}",
        "adam": r"\begin{gathered} m \leftarrow \beta_1 m + (1-\beta_1)\nabla f, \quad v \leftarrow \beta_2 v + (1-\beta_2)(\nabla f)^2 \\ \hat m = \frac{m}{1-\beta_1^t}, \quad \hat v = \frac{v}{1-\beta_2^t}, \quad w \leftarrow w - \frac{\alpha\,\hat m}{\sqrt{\hat v} + \varepsilon} \end{gathered}",
    }
    used = dict.fromkeys(o.method for o in r.optimisers)
    lines = [
        rf"f(x, y) = {s.latex}, \qquad \nabla f = \left(\tfrac{{\partial f}}{{\partial x}}, \tfrac{{\partial f}}{{\partial y}}\right)"
    ]
    lines += [rf"\text{{{METHODS[m]}:}}\quad {rules[m]}" for m in used]
    return lines


def _distance_to_minimum(
    s: Surface, point: np.ndarray
) -> tuple[float, tuple[float, float] | None]:
    if not s.minima:
        return math.inf, None
    best = min(s.minima, key=lambda m: math.hypot(point[0] - m[0], point[1] - m[1]))
    return math.hypot(point[0] - best[0], point[1] - best[1]), best


def describe_path(r: Race, index: int) -> str:
    """One sentence on what optimiser ``index`` did."""
    o, path = r.optimisers[index], r.paths[index]
    name = METHODS[o.method]
    last = path.final
    at = f"({format_number(last[0], 4)}, {format_number(last[1], 4)})"
    if path.diverged_at is not None:
        return f"{name} **{divergence_message(path, '|x| or |y|')}**: the learning rate is too large for this surface."
    distance, best = _distance_to_minimum(r.surface, last)
    loss = format_number(float(path.losses[-1]), 4)
    if best is not None and distance < 1e-2:
        first = int(np.argmax(np.hypot(*(path.points - np.array(best)).T) < 1e-2))
        return f"{name} reached the minimum ({format_number(best[0], 4)}, {format_number(best[1], 4)}) at step {first} (within 0.01), loss {loss}."
    return f"{name} ended at {at} with loss {loss} after {path.steps_taken} steps."


def describe_race(r: Race) -> str:
    """What the paths on the contour show, in words (the chart's alt text)."""
    s = r.surface
    notes = {
        "bowl": "On a round bowl the gradient points straight at the minimum, so every optimiser heads right for it.",
        "elongated": "The bowl is 10 times steeper across (y) than along (x). Plain gradient descent needs lr below 0.1 or its y steps blow up; near that limit it zig-zags across the valley, far below it it crawls along x. Momentum carries speed along the valley floor, and Adam scales each coordinate's step by the size of its own gradient.",
        "rosenbrock": "The minimum at (1, 1) lies in a long curved valley: reaching the valley is easy, following its flat floor is slow, and a rate that is too large bounces off the steep walls.",
        "saddle": "A saddle has no minimum: the loss falls for ever along y. Starting almost on the ridge (y ≈ 0), gradient descent first slides towards the flat centre and only slowly escapes along y; adaptive methods (RMSProp, Adam) escape much sooner.",
        "two_minima": "Two valleys, left (deeper) and right: which one an optimiser ends in depends on the start point and on how far its steps carry it.",
    }
    lines = [notes[s.key]]
    lines += [describe_path(r, i) for i in range(len(r.paths))]
    return " ".join(lines)


def race_code(r: Race) -> str:
    """Self-contained NumPy code that reproduces every path's end point."""
    s = r.surface
    calls = []
    for o in r.optimisers:
        args = [f'"{o.method}"', f"lr={format_number(o.lr)}"]
        if o.method == "momentum":
            args.append(f"beta={format_number(o.momentum)}")
        if o.method == "rmsprop":
            args.append(f"rho={format_number(o.rho)}")
        if o.method == "adam":
            args += [
                f"beta1={format_number(o.beta1)}",
                f"beta2={format_number(o.beta2)}",
            ]
        calls.append(f"    descend({', '.join(args)}),")
    return (
        "import numpy as np\n\n"
        f"def loss(w):  # {s.label}\n"
        "    x, y = w\n"
        f"    return {s.loss_code}\n\n"
        "def gradient(w):  # the partial derivatives, worked out by hand\n"
        "    x, y = w\n"
        f"    return np.array([{s.gradient_code}])\n\n"
        f"start = [{format_number(r.start[0])}, {format_number(r.start[1])}]\n"
        f"steps = {r.steps}\n\n"
        "def descend(method, lr, beta=0.9, rho=0.9, beta1=0.9, beta2=0.999, eps=1e-8):\n"
        "    w = np.array(start, dtype=float)\n"
        "    z = np.zeros(2)  # momentum's velocity / Adam's mean of the gradient\n"
        "    s = np.zeros(2)  # RMSProp's / Adam's mean of the squared gradient\n"
        "    for t in range(1, steps + 1):\n"
        "        g = gradient(w)\n"
        '        if method == "gd":\n'
        "            update = lr * g\n"
        '        elif method == "momentum":\n'
        "            z = beta * z + g\n"
        "            update = lr * z\n"
        '        elif method == "rmsprop":\n'
        "            s = rho * s + (1 - rho) * g * g\n"
        "            update = lr * g / (np.sqrt(s) + eps)\n"
        "        else:  # adam\n"
        "            z = beta1 * z + (1 - beta1) * g\n"
        "            s = beta2 * s + (1 - beta2) * g * g\n"
        "            update = lr * (z / (1 - beta1**t)) / (np.sqrt(s / (1 - beta2**t)) + eps)\n"
        "        new_w = w - update\n"
        "        if np.any(np.abs(new_w) > 1e6):  # diverged: stop before overflow\n"
        "            break\n"
        "        w = new_w\n"
        "    return w\n\n"
        "np.array([\n" + "\n".join(calls) + "\n])"
    )


def race_code_result(r: Race) -> np.ndarray:
    """What the last line of :func:`race_code` evaluates to: each path's end point."""
    return np.array([p.final for p in r.paths])
