"""Pearson's r, Spearman's rank correlation and the least-squares line of paired data.

Pearson's correlation of paired data ``(xᵢ, yᵢ)`` is

    r = Σ(xᵢ − x̄)(yᵢ − ȳ) / √(Σ(xᵢ − x̄)² · Σ(yᵢ − ȳ)²) = Sxy / √(Sxx · Syy),

the average product of the two z-scores. It is undefined when x or y is
constant (``Sxx = 0`` or ``Syy = 0``): this module says so instead of returning
``nan`` or the meaningless ``±1`` that rounding can give ``np.corrcoef``.
Spearman's correlation is Pearson's r of the ranks.

Examples
--------
>>> stats = pair_stats([1, 2, 3, 4], [10, 20, 30, 40])
>>> float(stats.r), float(stats.slope), float(stats.intercept)
(1.0, 10.0, 0.0)
>>> pair_stats([5, 5, 5], [1, 2, 3]).r is None
True
>>> average_ranks(np.array([10.0, 30.0, 20.0, 30.0]))
array([0. , 2.5, 1. , 2.5])
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from core.parsing import (
    MAX_LIST_LENGTH,
    as_finite_array,
    check_finite_number,
    check_in_range,
    check_int,
    check_names,
    format_number,
)

#: Largest size of a value a learner may enter (keeps every sum of squares finite).
MAX_ABS_VALUE = 1e12
#: Below this sum of squared deviations the data vary too little to compute r reliably.
MIN_SUM_SQUARES = 1e-200
#: The spacing of floats just above 1 (machine epsilon, 2.2e-16).
EPSILON = float(np.finfo(float).eps)


@dataclass(frozen=True)
class PairStats:
    """Everything the page shows about paired data ``(x, y)``.

    ``r``, ``spearman`` are ``None`` when x or y is constant (listed in
    ``constant``): a constant has no spread, so r = 0/0 is undefined. ``slope``
    and ``intercept`` of the least-squares line are ``None`` when x is constant
    (every point is on one vertical line). Standard deviations use ``n − 1``.
    """

    x: np.ndarray  # shape (n,)
    y: np.ndarray  # shape (n,)
    names: tuple[str, str]
    mean_x: float
    mean_y: float
    sd_x: float
    sd_y: float
    sxx: float  # Σ(x − x̄)²
    syy: float  # Σ(y − ȳ)²
    sxy: float  # Σ(x − x̄)(y − ȳ)
    r: float | None
    spearman: float | None
    slope: float | None
    intercept: float | None
    constant: tuple[str, ...]

    @property
    def key(self) -> Hashable:
        """The data these statistics were computed from (a cache key)."""
        return (self.x.tobytes(), self.y.tobytes(), self.names)

    @property
    def n(self) -> int:
        """The number of points."""
        return int(self.x.size)

    @property
    def r2(self) -> float | None:
        """r², the share of y's variance that the least-squares line explains."""
        return None if self.r is None else self.r**2

    def z_scores(self) -> tuple[np.ndarray, np.ndarray]:
        """``((x − x̄)/s_x, (y − ȳ)/s_y)``; r is their mean product times n/(n − 1)."""
        if self.constant:
            raise ValueError(undefined_message(self))
        return (self.x - self.mean_x) / self.sd_x, (self.y - self.mean_y) / self.sd_y

    def deviation_products(self) -> np.ndarray:
        """``(xᵢ − x̄)(yᵢ − ȳ)`` for every point (shape (n,)); they add up to Sxy.

        A positive product (top right or bottom left of the means) pulls r up.
        """
        return (self.x - self.mean_x) * (self.y - self.mean_y)

    def fitted(self, x: np.ndarray) -> np.ndarray | None:
        """The least-squares line ``ŷ = intercept + slope·x`` at ``x`` (None: x constant)."""
        if self.slope is None or self.intercept is None:
            return None
        return self.intercept + self.slope * np.asarray(x, dtype=float)

    @property
    def corrcoef(self) -> np.ndarray | None:
        """``np.corrcoef(x, y)`` (shape (2, 2)), or ``None`` when r is undefined."""
        if self.r is None:
            return None
        return np.corrcoef(self.x, self.y)


def _is_constant(values: np.ndarray) -> bool:
    """True when ``values`` are equal, or differ only by rounding in the last digits.

    Centring n numbers of size at most ``M`` rounds each deviation by up to about
    ``n·ε·M`` (ε = 2.2e-16, the spacing of floats near 1), so a spread
    ``‖x − x̄‖ ≤ n·ε·M`` cannot be told from a constant: ``[0.30000000000000004,
    0.3, 0.3]`` is 0.1 + 0.2 typed beside 0.3. Its r would be rounding noise, so it
    is undefined, as for exactly equal values. (The values are scaled by a power of
    two first, which is exact, so tiny values are judged by the same relative rule.)
    """
    if np.all(values == values[0]):
        return True
    biggest = float(np.max(np.abs(values)))
    scaled = np.ldexp(values, -math.frexp(biggest)[1])  # exact: entries now ≤ 1
    spread = float(np.linalg.norm(scaled - scaled.mean()))
    return spread <= values.size * EPSILON * float(np.max(np.abs(scaled)))


def _differs_by_rounding(values: np.ndarray) -> bool:
    return _is_constant(values) and not np.all(values == values[0])


def check_pairs(
    x: object, y: object, names: tuple[str, str] = ("x", "y")
) -> tuple[np.ndarray, np.ndarray]:
    """Validate paired data; return float arrays of shape (n,).

    Raises ``ValueError`` for lists of different lengths, fewer than 2 points,
    or values beyond ±10¹².
    """
    name_x, name_y = check_names(names)
    xs = as_finite_array(x, name_x, ndim=1, max_size=MAX_LIST_LENGTH)
    ys = as_finite_array(y, name_y, ndim=1, max_size=MAX_LIST_LENGTH)
    if xs.size != ys.size:
        raise ValueError(
            f"{name_x} has {xs.size} numbers but {name_y} has {ys.size}: each "
            f"{name_x} needs exactly one {name_y}, so give both lists the same length."
        )
    if xs.size < 2:
        raise ValueError(
            "Correlation needs at least 2 points (x, y), but there is only 1."
        )
    for name, values in ((name_x, xs), (name_y, ys)):
        biggest = float(np.max(np.abs(values)))
        if biggest > MAX_ABS_VALUE:
            raise ValueError(
                f"{name} contains {format_number(biggest, 4)}; this page takes values "
                "between −10¹² and 10¹². Change the unit (e.g. thousands) to make "
                "them smaller: r does not depend on the unit."
            )
    return xs, ys


def _sum_squares(values: np.ndarray, name: str) -> float:
    total = float(np.sum((values - values.mean()) ** 2))
    if total < MIN_SUM_SQUARES:
        raise ValueError(
            f"The values of {name} differ by too little to compute a correlation "
            "reliably: multiply them by a power of 10 (r does not depend on the unit)."
        )
    return total


def average_ranks(values: np.ndarray) -> np.ndarray:
    """0-based ranks of ``values``; tied values share the average of their ranks.

    Without ties this equals ``values.argsort().argsort()``.

    Examples
    --------
    >>> average_ranks(np.array([3.0, 1.0, 2.0]))
    array([2., 0., 1.])
    """
    values = as_finite_array(values, "The values", ndim=1)
    order = np.argsort(values, kind="mergesort")
    ordered = values[order]
    starts = np.r_[0, np.flatnonzero(np.diff(ordered)) + 1]
    ends = np.r_[starts[1:], values.size]
    ranks = np.empty(values.size)
    ranks[order] = np.repeat((starts + ends - 1) / 2, ends - starts)
    return ranks


def pearson_r(x: object, y: object) -> float:
    """Pearson's correlation of paired data.

    Parameters
    ----------
    x, y : array_like of shape (n,), n ≥ 2

    Returns
    -------
    float in [−1, 1]

    Notes
    -----
    ``r = Sxy / √(Sxx·Syy)``, computed by ``np.corrcoef``. Raises ``ValueError``
    when x or y is constant: r is then undefined (0/0).

    Examples
    --------
    >>> pearson_r([1, 2, 3], [3, 2, 1])  # y falls exactly as x rises
    -1.0
    """
    stats = pair_stats(x, y)
    if stats.r is None:
        raise ValueError(undefined_message(stats))
    return stats.r


def spearman_rho(x: object, y: object) -> float:
    """Spearman's rank correlation: Pearson's r of the (average) ranks.

    Examples
    --------
    >>> spearman_rho([1, 2, 3, 4], [1, 4, 9, 16])  # monotonic, not linear
    1.0
    """
    xs, ys = check_pairs(x, y)
    if _is_constant(xs) or _is_constant(ys):
        raise ValueError(undefined_message(pair_stats(xs, ys)))
    # ranks are ordinary numbers whatever the data's scale (1e-300 or 1e12)
    ranked = pair_stats(average_ranks(xs), average_ranks(ys))
    assert ranked.r is not None
    return ranked.r


def pair_stats(x: object, y: object, names: tuple[str, str] = ("x", "y")) -> PairStats:
    """Validate paired data and compute r, Spearman's ρ and the least-squares line.

    Parameters
    ----------
    x, y : array_like of shape (n,)
        2 ≤ n ≤ 1000 finite numbers each, at most 10¹² in size.
    names : (str, str)
        What the learner calls x and y (used in messages).

    Notes
    -----
    Least-squares line ``ŷ = slope·x + intercept`` with ``slope = Sxy / Sxx``
    and ``intercept = ȳ − slope·x̄``; also ``slope = r·s_y/s_x``.
    """
    xs, ys = check_pairs(x, y, names)
    constant = tuple(
        name
        for name, values in zip(names, (xs, ys), strict=True)
        if _is_constant(values)
    )
    mean_x, mean_y = float(xs.mean()), float(ys.mean())
    sxx = 0.0 if names[0] in constant else _sum_squares(xs, names[0])
    syy = 0.0 if names[1] in constant else _sum_squares(ys, names[1])
    sxy = float(np.sum((xs - mean_x) * (ys - mean_y))) if not constant else 0.0
    n = xs.size
    r = spearman = slope = intercept = None
    if not constant:
        r = float(np.corrcoef(xs, ys)[0, 1])
        spearman = float(np.corrcoef(average_ranks(xs), average_ranks(ys))[0, 1])
    if names[0] not in constant:
        slope = sxy / sxx
        intercept = mean_y - slope * mean_x
        if not (math.isfinite(slope) and math.isfinite(intercept)):
            raise ValueError(
                "x and y are on such different scales that the line's slope is too "
                "large to compute: change the unit of one of them."
            )
    return PairStats(
        x=xs,
        y=ys,
        names=(names[0], names[1]),
        mean_x=mean_x,
        mean_y=mean_y,
        sd_x=math.sqrt(sxx / (n - 1)),
        sd_y=math.sqrt(syy / (n - 1)),
        sxx=sxx,
        syy=syy,
        sxy=sxy,
        r=r,
        spearman=spearman,
        slope=slope,
        intercept=intercept,
        constant=constant,
    )


def undefined_message(stats: PairStats) -> str:
    """Why r is undefined for constant data (the ``ValueError`` of :func:`pearson_r`).

    Examples
    --------
    >>> undefined_message(pair_stats([5, 5], [1, 2]))
    'r is undefined: x is constant (every x is 5), so r = Sxy / √(Sxx·Syy) divides 0 by 0.'
    """
    parts = []
    for name in stats.constant:
        values = stats.x if name == stats.names[0] else stats.y
        rounding = ", up to rounding" if _differs_by_rounding(values) else ""
        parts.append(f"every {name} is {format_number(values[0], 6)}{rounding}")
    which = " and ".join(stats.constant)
    verb = "are" if len(stats.constant) > 1 else "is"
    return (
        f"r is undefined: {which} {verb} constant ({'; '.join(parts)}), so "
        "r = Sxy / √(Sxx·Syy) divides 0 by 0."
    )


def normal_quantile(p: float) -> float:
    """The z with ``Φ(z) = p`` for the standard normal (``NormalDist().inv_cdf``).

    Examples
    --------
    >>> round(normal_quantile(0.975), 6)
    1.959964
    """
    p = check_in_range(p, "p", 0.0, 1.0, low_inclusive=False, high_inclusive=False)
    return NormalDist().inv_cdf(p)


def fisher_interval(
    r: float, n: int, level: float = 0.95
) -> tuple[float, float] | None:
    """Approximate confidence interval for the true ρ from a sample r (Fisher's z).

    ``tanh(atanh(r) ± z/√(n − 3))`` with ``z`` the standard normal quantile
    (1.96 for 95 %). ``None`` when ``n ≤ 3`` or ``|r| = 1`` (the approximation
    needs both).

    Examples
    --------
    >>> lo, hi = fisher_interval(0.0, 103)
    >>> round(lo, 3), round(hi, 3)
    (-0.194, 0.194)
    """
    r = check_in_range(r, "r", -1.0, 1.0)
    n = check_int(n, "n", 2)
    level = check_in_range(
        level, "level", 0.0, 1.0, low_inclusive=False, high_inclusive=False
    )
    if n <= 3 or abs(r) == 1.0:
        return None
    z = normal_quantile(0.5 + level / 2)
    centre, half = math.atanh(r), z / math.sqrt(n - 3)
    return math.tanh(centre - half), math.tanh(centre + half)


def format_r(value: float, digits: int = 3) -> str:
    """Write a correlation with fixed decimals and a real minus sign, never ``−0.000``.

    Unlike ``display_number`` (significant digits) every r on the page has the
    same number of decimals, so a column of them lines up.

    Examples
    --------
    >>> format_r(0.81642), format_r(-0.5), format_r(-1e-17)
    ('0.816', '−0.500', '0.000')
    """
    value = check_finite_number(value, "r")
    digits = check_int(digits, "digits", 0, 17)
    text = f"{value:.{digits}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace("-", "−")
