"""What a 1-D descent did (its regime, read from the path), and the rates worth trying.

A live chart scrubs the learning rate over a grid and names the regime of every
frame. On a parabola ``(w − m)²`` the regime follows from ``lr`` alone
(:func:`~core.gradient_descent.descent.parabola_regime`); on any other curve it is
read from the path: did it arrive, did it cross the minimum on the way, does it
keep jumping because ``lr ≥ 2/f″`` at the minimum?

The rates worth scrubbing depend on the curve: near a minimum with curvature
``f″`` gradient descent settles only when ``lr < 2/f″``, so the grid runs a little
past ``2/f″`` (the largest curvature between the start and the minima).

Examples
--------
>>> from core.gradient_descent.descent import descend_1d
>>> from core.gradient_descent.functions import get_function
>>> path_regime(descend_1d("square", 5, 0.8, 30))
'oscillating'
>>> path_regime(descend_1d("log_cosh", 5, 0.5, 60))
'smooth'
>>> learning_rate_range(get_function("square"), 5.0)   # 2.4 / f″ = 2.4 / 2 = 1.2
(0.05, 1.2, 24)
"""

from __future__ import annotations

import math

import numpy as np

from core.gradient_descent.descent import Descent1D, is_parabola, parabola_regime
from core.gradient_descent.functions import Function1D
from core.parsing import check_finite_number, check_in_range

#: Every regime :func:`path_regime` names.
REGIME_KEYS = (
    "none",
    "smooth",
    "one_step",
    "oscillating",
    "bouncing",
    "diverging",
    "jumping",
    "on_its_way",
)
#: How far past ``2/f″`` the learning-rate grid runs (1.2: divergence is in view).
PAST_THE_EDGE = 1.2
#: Grid points the learning-rate grid aims at, and the finest spacing it uses.
RATE_POINTS = 40
FINEST_RATE = 0.001


def path_regime(result: Descent1D, tolerance: float = 1e-3) -> str:
    """The regime of a descent, one of :data:`REGIME_KEYS`.

    Parameters
    ----------
    result : Descent1D
        A descent from :func:`~core.gradient_descent.descent.descend_1d`.
    tolerance : float
        How close to a minimum counts as arrived.

    Returns
    -------
    str
        ``"none"`` before any step; ``"diverging"`` when the path blew up (or, on a
        parabola, will); on a parabola the regime of ``lr``; elsewhere ``"smooth"`` or
        ``"oscillating"`` once it arrived (without or with crossing the minimum),
        ``"jumping"`` when ``lr ≥ 2/f″`` at the nearest minimum, else ``"on_its_way"``.

    Examples
    --------
    >>> from core.gradient_descent.descent import descend_1d
    >>> [path_regime(descend_1d("square", 5, lr, 20)) for lr in (0.1, 0.5, 1.0, 1.1)]
    ['smooth', 'one_step', 'bouncing', 'diverging']
    >>> path_regime(descend_1d("quartic", 2, 0.01, 5))
    'on_its_way'
    """
    tolerance = check_in_range(
        tolerance, "The tolerance", 0.0, None, low_inclusive=False
    )
    if result.path.diverged_at is not None:
        return "diverging"
    if result.path.steps_taken == 0:
        return "none"
    if is_parabola(result.fn):
        return parabola_regime(result.lr).key
    if result.arrived_at(tolerance) is not None:
        offsets = np.sign(result.w - result.nearest_minimum)
        offsets = offsets[offsets != 0]
        crossed = bool(np.any(offsets[1:] != offsets[:-1]))
        return "oscillating" if crossed else "smooth"
    curvature = result.curvature
    if curvature > 0 and result.lr >= 2 / curvature:
        return "jumping"
    return "on_its_way"


def _nice_at_least(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10ᵏ that is at least ``value`` (> 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    for mantissa in (1.0, 2.0, 2.5, 5.0, 10.0):
        if mantissa * power >= value * (1 - 1e-12):
            return float(f"{mantissa * power:.12g}")
    return 10 * power  # pragma: no cover - 10 always passes


def learning_rate_range(
    fn: Function1D,
    w0: float,
    lr: float | None = None,
    highest: float = 4.0,
) -> tuple[float, float, int]:
    """A grid of learning rates worth scrubbing on ``fn`` from ``w0``: ``(low, high, n)``.

    Parameters
    ----------
    fn : Function1D
        The curve.
    w0 : float
        The start: its curvature counts (a steep start needs a small rate).
    lr : float, optional
        The current rate: the grid reaches at least that far.
    highest : float
        The largest rate the page allows.

    Returns
    -------
    low, high : float
        The first and last rate; ``low`` is also the spacing (a round number).
    n : int
        How many rates, ``low, 2·low, …, n·low = high``.

    Notes
    -----
    With ``c = max |f″|`` at ``w0`` and at the minima, the grid runs to about
    ``1.2 · 2/c``: past the rate where descent stops settling, so the learner sees
    smooth, oscillating and diverging paths.

    Examples
    --------
    >>> from core.gradient_descent.functions import get_function
    >>> learning_rate_range(get_function("log_cosh"), 5.0)   # f″(0) = 1
    (0.1, 2.4, 24)
    >>> learning_rate_range(get_function("quartic"), 5.0)    # f″(5) = 300
    (0.001, 0.008, 8)
    """
    w0 = check_finite_number(w0, "The start w₀")
    highest = check_in_range(highest, "The highest rate", FINEST_RATE, None)
    points = np.array([w0, *fn.minima], dtype=float)
    with np.errstate(all="ignore"):
        curvatures = np.abs(np.asarray(fn.d2f(points), dtype=float))
    curvatures = curvatures[np.isfinite(curvatures)]
    curvature = float(curvatures.max()) if curvatures.size else 0.0
    top = PAST_THE_EDGE * 2 / curvature if curvature > 1e-12 else highest
    if lr is not None:
        top = max(top, check_finite_number(lr, "The learning rate"))
    top = min(max(top, 2 * FINEST_RATE), highest)
    spacing = max(FINEST_RATE, _nice_at_least(top / RATE_POINTS))
    count = max(2, math.ceil(top / spacing - 1e-9))
    while count * spacing > highest * (1 + 1e-12):
        count -= 1
    return spacing, float(f"{count * spacing:.12g}"), count
