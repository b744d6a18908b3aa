"""Your own function: a learner's ``f(w)`` or ``f(x, y)`` as a loss the page descends.

The text is parsed by :mod:`core.expression` (a whitelist, never evaluated),
checked on the whole range the page can draw, differentiated exactly with SymPy
and turned into a :class:`Function1D` or :class:`Surface`, so gradient descent,
the slope estimates and the optimisers run on it unchanged.

Examples
--------
>>> fn = custom_function("w^2 - 2*w")
>>> fn.derivative_code, fn.minima           # f′(w) = 2w − 2: the minimum is w = 1
('2*w - 2', (1.0,))
>>> custom_surface("x^2 + 3*y^2").gradient(np.array([1.0, 1.0]))
array([2., 6.])
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import sympy
from sympy.printing.numpy import NumPyPrinter

from core.expression import (
    EXAMPLES,
    VARIABLES_1D,
    VARIABLES_2D,
    Expression,
    evaluate,
    parse_expression,
    symbols,
    to_sympy,
)
from core.gradient_descent.functions import Function1D
from core.gradient_descent.surfaces import Surface
from core.parsing import display_number

#: The key of "your own function" in the pickers.
CUSTOM = "custom"
#: The w axis a typed f(w) is drawn on, and the range it is checked on (all the page can draw).
CUSTOM_W_RANGE = (-6.0, 6.0)
CHECK_W_RANGE = (-11.0, 11.0)
#: The x and y axes of a typed f(x, y), and the square it is checked on.
CUSTOM_XY_RANGE = (-4.0, 4.0)
CHECK_XY_RANGE = (-6.0, 6.0)
#: Most minima kept (the deepest ones).
MAX_MINIMA = 12

_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
__all__ = ["CUSTOM", "EXAMPLES", "custom_function", "custom_surface"]


def _label(expression: Expression) -> str:
    """Unicode for charts: ``w⁴ − 3·w² + w``."""
    text = expression.code.replace("np.", "")
    text = re.sub(
        r"\*\*(\d{1,2})(?![\d.])", lambda m: m.group(1).translate(_SUPERSCRIPTS), text
    )
    text = text.replace("**", "^").replace("*", "·").replace(" - ", " − ")
    return re.sub(r"(^|[(^·/ ])-", r"\1−", text)


def _numpy_text(expr: sympy.Expr) -> str:
    """SymPy as NumPy code, the very text :func:`sympy.lambdify` runs (``np.`` for ``numpy.``)."""
    return NumPyPrinter().doprint(expr).replace("numpy.", "np.")


def _vectorised(
    expr: sympy.Expr, names: tuple[sympy.Symbol, ...]
) -> Callable[..., np.ndarray]:
    """``expr`` as a NumPy function of arrays (a constant comes back as a full array)."""
    run = sympy.lambdify(names, expr, modules="numpy")

    def call(*arrays: np.ndarray) -> np.ndarray:
        arrays = tuple(np.asarray(a, dtype=float) for a in arrays)
        with np.errstate(all="ignore"):
            out = np.asarray(run(*arrays), dtype=float)
        return np.broadcast_to(out, np.broadcast(*arrays).shape).copy()

    return call


def _parsed(
    expression: str, variables: tuple[str, ...]
) -> tuple[Expression, sympy.Expr]:
    """The checked tree and its SymPy form; refuses constant functions."""
    parsed = parse_expression(expression, variables)
    axis = np.linspace(
        *(CHECK_W_RANGE if variables == VARIABLES_1D else CHECK_XY_RANGE), 121
    )
    grid = axis if variables == VARIABLES_1D else np.stack(np.meshgrid(axis, axis))
    low, high = CHECK_W_RANGE if variables == VARIABLES_1D else CHECK_XY_RANGE
    try:  # undefined or infinite values are refused before SymPy sees them
        evaluate(parsed, grid)
    except ValueError as error:
        names = " and ".join(variables)
        raise ValueError(
            f"{str(error).rstrip('.')} (the page checks {names} from "
            f"{display_number(low)} to {display_number(high)}: all it can draw)."
        ) from None
    try:
        expr = to_sympy(parsed)
    except (OverflowError, ZeroDivisionError, RecursionError, TypeError):
        raise ValueError(
            "The numbers in this function are too large to work with."
        ) from None
    if not expr.free_symbols:
        raise ValueError(
            f"f = {parsed.code} has no {' or '.join(variables)}: it is constant, so there "
            "is no slope and nothing to descend."
        )
    return parsed, expr


def _check_derivative(
    values: np.ndarray, grid: np.ndarray, name: str, where: str
) -> None:
    """Refuse a derivative that is NaN or infinite somewhere on the grid (``grid[..., k]``)."""
    bad = ~np.isfinite(values)
    if np.any(bad):
        point = np.reshape(grid, (-1, values.size))[:, int(np.argmax(bad.ravel()))]
        at = ", ".join(display_number(float(v)) for v in point)
        at = f"({at})" if point.size > 1 else at
        raise ValueError(
            f"The derivative {name} is undefined or infinite at {where} = {at} (a corner "
            "or a vertical tangent): gradient descent needs a slope everywhere."
        )


def _refine_1d(f: Callable, df: Callable, low: float, high: float) -> float:
    """The minimum in ``[low, high]``: bisection on f′ when it changes sign, else golden section."""
    a, b = np.array([low]), np.array([high])
    if df(a)[0] < 0 < df(b)[0]:
        for _ in range(80):
            mid = (a + b) / 2
            if df(mid)[0] < 0:
                a = mid
            else:
                b = mid
        return float(((a + b) / 2)[0])
    golden = (np.sqrt(5) - 1) / 2
    for _ in range(80):
        c, d = b - golden * (b - a), a + golden * (b - a)
        if f(c)[0] < f(d)[0]:
            b = d
        else:
            a = c
    return float(((a + b) / 2)[0])


def _minima_1d(f: Callable, df: Callable, label: str) -> tuple[float, ...]:
    ws = np.linspace(*CUSTOM_W_RANGE, 1201)
    with np.errstate(all="ignore"):
        values = f(ws)
    inner = (
        np.flatnonzero((values[1:-1] <= values[:-2]) & (values[1:-1] < values[2:])) + 1
    )
    if inner.size == 0:
        low, high = (display_number(v) for v in CUSTOM_W_RANGE)
        raise ValueError(
            f"f(w) = {label} has no minimum between {low} and {high}: gradient descent "
            "would slide downhill for ever. Add a term that grows, e.g. + w**4."
        )
    deepest = inner[np.argsort(values[inner])[:MAX_MINIMA]]
    found = sorted(_refine_1d(f, df, ws[i - 1], ws[i + 1]) for i in deepest)
    return tuple(round(m, 12) + 0.0 for m in found)


@lru_cache(maxsize=128)
def _function(code: str, text: str) -> Function1D:
    parsed, expr = _parsed(text, VARIABLES_1D)
    (w,) = symbols(parsed)
    derivative = sympy.diff(expr, w)
    df, d2f = (
        _vectorised(derivative, (w,)),
        _vectorised(sympy.diff(derivative, w), (w,)),
    )
    grid = np.linspace(*CHECK_W_RANGE, 441)
    _check_derivative(df(grid), grid, "f′(w)", "w")

    def f(ws: np.ndarray) -> np.ndarray:
        return evaluate(parsed, np.asarray(ws, dtype=float), strict=False)

    label = _label(parsed)
    return Function1D(
        key=f"{CUSTOM}:{code}",
        label=label,
        latex=sympy.latex(expr),
        derivative_latex=sympy.latex(derivative),
        f=f,
        df=df,
        d2f=d2f,
        code=code,
        derivative_code=_numpy_text(derivative),
        minima=_minima_1d(f, df, label),
        w_range=CUSTOM_W_RANGE,
    )


def custom_function(expression: str) -> Function1D:
    """A learner's ``f(w)`` as a 1-D loss with its exact derivative.

    Parameters
    ----------
    expression : str
        In ``w``, e.g. ``"sin(3*w) + 0.1*w**2"`` (see :mod:`core.expression`).

    Returns
    -------
    Function1D
        Keyed ``"custom:<code>"``; ``ValueError`` for anything the page cannot
        descend (a syntax error, an unknown name, a constant, a value undefined
        or infinite for some ``w`` in ±11, no minimum in ±6).

    Examples
    --------
    >>> custom_function("w**4 - 3*w**2 + w").derivative_code
    '4*w**3 - 6*w + 1'
    """
    parsed = parse_expression(expression, VARIABLES_1D)
    return _function(parsed.code, expression)


def _minima_2d(
    surface_f: Callable, grad: Callable, hessian: Callable
) -> tuple[tuple[float, float], ...]:
    axis = np.linspace(*CUSTOM_XY_RANGE, 121)
    gx, gy = np.meshgrid(axis, axis)
    with np.errstate(all="ignore"):
        z = surface_f(gx, gy)
    centre = z[1:-1, 1:-1]
    lowest = np.ones_like(centre, dtype=bool)
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            if di or dj:
                lowest &= (
                    centre
                    < z[1 + di : z.shape[0] - 1 + di, 1 + dj : z.shape[1] - 1 + dj]
                )
    rows, cols = np.nonzero(lowest)
    order = np.argsort(centre[rows, cols])[:MAX_MINIMA]
    found: list[tuple[float, float]] = []
    for i, j in zip(rows[order] + 1, cols[order] + 1, strict=True):
        guess = np.array([gx[i, j], gy[i, j]])
        with np.errstate(all="ignore"):
            for _ in range(30):
                guess = (
                    guess
                    - np.linalg.lstsq(hessian(*guess), grad(*guess), rcond=None)[0]
                )
            settled = np.all(np.isfinite(guess)) and np.linalg.norm(grad(*guess)) < 1e-8
        inside = np.all(np.abs(guess) <= CUSTOM_XY_RANGE[1])
        point = (round(float(guess[0]), 12) + 0.0, round(float(guess[1]), 12) + 0.0)
        if (
            settled
            and inside
            and all(np.hypot(point[0] - a, point[1] - b) > 1e-6 for a, b in found)
        ):
            found.append(point)
    return tuple(found)


@lru_cache(maxsize=128)
def _surface(code: str, text: str) -> Surface:
    parsed, expr = _parsed(text, VARIABLES_2D)
    x, y = symbols(parsed)
    partials = (sympy.diff(expr, x), sympy.diff(expr, y))
    dx, dy = (_vectorised(p, (x, y)) for p in partials)
    axis = np.linspace(*CHECK_XY_RANGE, 121)
    grid = np.stack(np.meshgrid(axis, axis))
    _check_derivative(dx(*grid), grid, "∂f/∂x", "(x, y)")
    _check_derivative(dy(*grid), grid, "∂f/∂y", "(x, y)")
    rows = [[_vectorised(sympy.diff(p, v), (x, y)) for v in (x, y)] for p in partials]

    def f(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        # Always on arrays (one point too): a race run point by point then gets
        # the numbers of one run from many starts at once (``race_many``).
        x, y = np.broadcast_arrays(np.asarray(xs, float), np.asarray(ys, float))
        flat = np.stack([x.reshape(-1), y.reshape(-1)])
        return evaluate(parsed, flat, strict=False).reshape(x.shape)

    def grad(xs: np.ndarray, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return dx(xs, ys), dy(xs, ys)

    def hessian(xs: float, ys: float) -> np.ndarray:
        return np.array([[float(h(xs, ys)) for h in row] for row in rows])

    minima = _minima_2d(f, lambda a, b: np.array(grad(a, b), dtype=float), hessian)
    start = (-3.0, 2.0)
    if any(abs(m[0] - start[0]) + abs(m[1] - start[1]) < 1 for m in minima):
        start = (3.0, -2.0)
    z = f(
        *np.meshgrid(
            np.linspace(*CUSTOM_XY_RANGE, 61), np.linspace(*CUSTOM_XY_RANGE, 61)
        )
    )
    return Surface(
        key=f"{CUSTOM}:{code}",
        label="Your own f(x, y)",
        formula=_label(parsed),
        latex=sympy.latex(expr),
        loss_code=code,
        gradient_code=", ".join(_numpy_text(p) for p in partials),
        f=f,
        grad=grad,
        minima=minima,
        x_range=CUSTOM_XY_RANGE,
        y_range=CUSTOM_XY_RANGE,
        default_start=start,
        gradient_latex=r" ,\; ".join(sympy.latex(p) for p in partials),
        log_levels=bool(np.min(z) >= 0 and np.max(z) > 1000 * (np.min(z) + 1)),
    )


def custom_surface(expression: str) -> Surface:
    """A learner's ``f(x, y)`` as a 2-D loss with its exact gradient.

    Parameters
    ----------
    expression : str
        In ``x`` and ``y``, e.g. ``"(1 - x)**2 + 100*(y - x**2)**2"``.

    Returns
    -------
    Surface
        Keyed ``"custom:<code>"``, drawn on ±4; ``ValueError`` for anything the
        page cannot descend (values undefined or infinite for some point in ±6).

    Examples
    --------
    >>> custom_surface("(1 - x)**2 + 100*(y - x**2)**2").minima
    ((1.0, 1.0),)
    """
    parsed = parse_expression(expression, VARIABLES_2D)
    return _surface(parsed.code, expression)
