"""Correlation: Pearson's r, Spearman's rank correlation and what they do not tell you.

Notebook cell 9::

    x = np.array([1, 2, 3, 4])
    y = np.array([10, 20, 30, 40])
    np.corrcoef(x, y)       # array([[1., 1.], [1., 1.]])

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
import re
from dataclasses import dataclass, replace
from statistics import NormalDist
from typing import Literal

import numpy as np

from core.parsing import (
    MAX_LIST_LENGTH,
    as_finite_array,
    check_in_range,
    check_int,
    code_literal,
    format_number,
    format_vector,
    parse_number,
    parse_vector,
)

#: Largest size of a value a learner may enter (keeps every sum of squares finite).
MAX_ABS_VALUE = 1e12
#: Below this sum of squared deviations the data vary too little to compute r reliably.
MIN_SUM_SQUARES = 1e-200
#: Points of the generated clouds (target ρ, outliers).
MAX_POINTS = 1000
#: Largest measurement noise (standard deviation) added to a generated y.
MAX_NOISE = 1.0


# -- Pearson, Spearman and the least-squares line of paired data -------------------------


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
    def n(self) -> int:
        return int(self.x.size)

    @property
    def r2(self) -> float | None:
        """r², the share of y's variance that the least-squares line explains."""
        return None if self.r is None else self.r**2

    def z_scores(self) -> tuple[np.ndarray, np.ndarray]:
        """``((x − x̄)/s_x, (y − ȳ)/s_y)``; r is their mean product times n/(n − 1)."""
        if self.constant:
            raise ValueError(constant_message(self))
        return (self.x - self.mean_x) / self.sd_x, (self.y - self.mean_y) / self.sd_y

    @property
    def corrcoef(self) -> np.ndarray | None:
        """``np.corrcoef(x, y)`` (shape (2, 2)), or ``None`` when r is undefined."""
        if self.r is None:
            return None
        return np.corrcoef(self.x, self.y)


def _is_constant(values: np.ndarray) -> bool:
    return bool(np.all(values == values[0]))


def _check_pairs(
    x: object, y: object, names: tuple[str, str] = ("x", "y")
) -> tuple[np.ndarray, np.ndarray]:
    """Validate paired data; return float arrays of shape (n,)."""
    name_x, name_y = names
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

    >>> average_ranks(np.array([3.0, 1.0, 2.0]))
    array([2., 0., 1.])
    """
    values = np.asarray(values, dtype=float)
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
        raise ValueError(constant_message(stats))
    return stats.r


def spearman_rho(x: object, y: object) -> float:
    """Spearman's rank correlation: Pearson's r of the (average) ranks.

    >>> spearman_rho([1, 2, 3, 4], [1, 4, 9, 16])  # monotonic, not linear
    1.0
    """
    stats = pair_stats(x, y)
    if stats.spearman is None:
        raise ValueError(constant_message(stats))
    return stats.spearman


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
    xs, ys = _check_pairs(x, y, names)
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


def normal_quantile(p: float) -> float:
    """The z with ``Φ(z) = p`` for the standard normal (``NormalDist().inv_cdf``).

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


def constant_message(stats: PairStats) -> str:
    """Why r is undefined for constant data, in words (markdown)."""
    parts = []
    for name in stats.constant:
        values = stats.x if name == stats.names[0] else stats.y
        parts.append(f"every {name} is {format_number(values[0], 6)}")
    which = " and ".join(f"**{name}**" for name in stats.constant)
    verb = "are" if len(stats.constant) > 1 else "is"
    return (
        f"{which} {verb} constant ({'; '.join(parts)}). Something that never changes "
        "cannot change *together* with anything, so **there is no correlation**: "
        "r = Sxy / √(Sxx·Syy) would divide 0 by 0. NumPy prints nan here — or, after "
        "rounding, a meaningless ±1 — so this page shows no r at all."
    )


# -- typed data: two lists, or two columns ---------------------------------------------

Entry = Literal["lists", "columns"]
_COLUMN_SPLIT = re.compile(r"[,;\t ]+")


def parse_lists(x_text: str, y_text: str) -> tuple[np.ndarray, np.ndarray]:
    """Read two typed lists, e.g. ``"1, 2, 3"`` and ``"10 20 30"``."""
    xs = parse_vector(x_text, "x")
    ys = parse_vector(y_text, "y")
    _check_pairs(xs, ys)
    return xs, ys


def parse_columns(text: str) -> tuple[np.ndarray, np.ndarray, tuple[str, str]]:
    """Read two pasted columns: one ``x, y`` pair per line.

    Commas, semicolons, tabs (a spreadsheet paste) or spaces separate the two
    numbers. An optional first line of two words names the columns.

    Returns
    -------
    x, y : ndarray of shape (n,)
    names : (str, str)
        The header's names, or ``("x", "y")``.

    >>> x, y, names = parse_columns("hours\\tscore\\n1\\t50\\n2\\t60")
    >>> names, x.tolist(), y.tolist()
    (('hours', 'score'), [1.0, 2.0], [50.0, 60.0])
    """
    if not isinstance(text, str):
        raise ValueError("The columns must be text.")
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        raise ValueError(
            "The columns are empty: enter one pair per line, x then y, e.g. 1, 10."
        )
    if len(lines) > MAX_LIST_LENGTH + 1:
        raise ValueError(
            f"There are {len(lines):,} lines; the most this page takes is "
            f"{MAX_LIST_LENGTH:,} pairs."
        )
    names = ("x", "y")
    header = [tok for tok in _COLUMN_SPLIT.split(lines[0]) if tok]
    if len(header) == 2 and not any(_looks_numeric(tok) for tok in header):
        names = (header[0][:30], header[1][:30])
        if names[0] == names[1]:
            names = (names[0] + " (1)", names[1] + " (2)")
        lines = lines[1:]
    xs, ys = [], []
    for number, line in enumerate(lines, start=1 + (names != ("x", "y"))):
        tokens = [tok for tok in _COLUMN_SPLIT.split(line) if tok]
        if len(tokens) != 2:
            raise ValueError(
                f"Line {number} ({line[:40]!r}) has {len(tokens)} "
                f"{'entry' if len(tokens) == 1 else 'entries'}; each line needs "
                "exactly two numbers: x, then y."
            )
        xs.append(parse_number(tokens[0], f"Line {number}, x"))
        ys.append(parse_number(tokens[1], f"Line {number}, y"))
    x, y = np.array(xs, dtype=float), np.array(ys, dtype=float)
    if x.size < 2:
        raise ValueError(
            f"Correlation needs at least 2 points (x, y), but there is only {x.size}."
        )
    _check_pairs(x, y, names)
    return x, y, names


def pairs_from_lists(x: str, y: str) -> PairStats:
    """Statistics of two typed lists (the "two lists" entry)."""
    return pair_stats(*parse_lists(x, y))


def pairs_from_columns(xy: str) -> PairStats:
    """Statistics of two pasted columns (the "two columns" entry)."""
    xs, ys, names = parse_columns(xy)
    return pair_stats(xs, ys, names)


def _looks_numeric(token: str) -> bool:
    try:
        parse_number(token)
    except ValueError:
        return token.strip().lower().lstrip("+-") in {"nan", "inf", "infinity"}
    return True


def columns_text(
    x: np.ndarray, y: np.ndarray, names: tuple[str, str] = ("x", "y")
) -> str:
    """Write paired data as two columns (inverse of :func:`parse_columns`)."""
    header = "" if names == ("x", "y") else f"{names[0]}, {names[1]}\n"
    return header + "\n".join(
        f"{format_number(a)}, {format_number(b)}" for a, b in zip(x, y, strict=True)
    )


def lists_text(values: np.ndarray) -> str:
    """Write one list as ``"1, 2, 3"``."""
    return format_vector(values)


def code_array(values: np.ndarray) -> np.ndarray:
    """The array ``np.array(<code_literal(values)>)`` builds: ints if all are whole."""
    values = np.asarray(values, dtype=float)
    if np.all(values == np.round(values)) and np.all(np.abs(values) < 1e15):
        return values.astype(np.int64)
    return values


# -- data with a chosen correlation -----------------------------------------------------


@dataclass(frozen=True)
class GeneratedSample:
    """``n`` points drawn so that the true correlation is ``rho`` (before noise)."""

    n: int
    rho: float
    noise: float
    seed: int
    stats: PairStats
    expected_r: float  # the population correlation once the noise is added
    interval: tuple[float, float] | None  # 95 % interval for ρ from the sample r


def expected_correlation(rho: float, noise: float) -> float:
    """Population correlation of ``x`` and ``y = ρ·x + √(1−ρ²)·e + noise·m``.

    ``cov = ρ``, ``var(x) = 1``, ``var(y) = 1 + noise²``, so ``ρ / √(1 + noise²)``:
    measurement noise weakens an observed correlation ("attenuation").

    >>> expected_correlation(0.8, 0.75)
    0.64
    """
    return rho / math.sqrt(1 + noise**2)


def correlated_sample(
    n: int, rho: float, seed: int, noise: float = 0.0
) -> GeneratedSample:
    """Draw ``n`` points whose population correlation is ``rho``.

    Parameters
    ----------
    n : int, 3 … 1000
    rho : float in [−1, 1]
    seed : int ≥ 0
        The generator is ``np.random.default_rng(seed)``.
    noise : float in [0, 1]
        Standard deviation of extra measurement noise added to ``y``.

    Notes
    -----
    ``x, e, m`` are independent standard normals (drawn together, shape (3, n))::

        y = ρ·x + √(1 − ρ²)·e + noise·m

    so ``corr(x, y) = ρ`` without noise. The sample's r wanders around ρ, less
    so for larger n. Moving ρ keeps ``x, e, m``: the same cloud morphs.
    """
    n = check_int(n, "n", 3, MAX_POINTS)
    rho = check_in_range(rho, "ρ", -1.0, 1.0)
    seed = check_int(seed, "seed", 0, 2**32 - 1)
    noise = check_in_range(noise, "noise", 0.0, MAX_NOISE)
    rng = np.random.default_rng(seed)
    x, e, m = rng.standard_normal((3, n))
    y = rho * x + np.sqrt(1 - rho**2) * e + noise * m
    stats = pair_stats(x, y)
    assert stats.r is not None
    return GeneratedSample(
        n=n,
        rho=rho,
        noise=noise,
        seed=seed,
        stats=stats,
        expected_r=expected_correlation(rho, noise),
        interval=fisher_interval(stats.r, n),
    )


# -- Anscombe's quartet ----------------------------------------------------------------

_ANSCOMBE_X = (10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5)
#: Anscombe (1973), "Graphs in Statistical Analysis", The American Statistician 27(1).
ANSCOMBE: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "I": (
        _ANSCOMBE_X,
        (8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68),
    ),
    "II": (
        _ANSCOMBE_X,
        (9.14, 8.14, 8.74, 8.77, 9.26, 8.10, 6.13, 3.10, 9.13, 7.26, 4.74),
    ),
    "III": (
        _ANSCOMBE_X,
        (7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73),
    ),
    "IV": (
        (8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8),
        (6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.50, 5.56, 7.91, 6.89),
    ),
}
#: What each picture really shows.
ANSCOMBE_STORY = {
    "I": "a noisy straight line: the one case where r and the line tell the story",
    "II": "a smooth curve: the relationship is perfect but not a line",
    "III": "an exact line with one outlier that tilts the fit",
    "IV": "no relationship at all: one extreme point alone creates r",
}


def anscombe_quartet() -> dict[str, PairStats]:
    """The four data sets with their statistics (same to 2–3 decimals)."""
    return {name: pair_stats(x, y) for name, (x, y) in ANSCOMBE.items()}


def anscombe_table(quartet: dict[str, PairStats]) -> list[dict[str, str]]:
    """Rows for the summary table: mean, variance (n − 1), r, line, per data set."""
    rows = []
    for name, stats in quartet.items():
        assert stats.r is not None
        assert stats.slope is not None
        assert stats.intercept is not None
        assert stats.spearman is not None
        rows.append(
            {
                "data set": name,
                "mean of x": f"{stats.mean_x:.2f}",
                "mean of y": f"{stats.mean_y:.2f}",
                "variance of x": f"{stats.sd_x**2:.2f}",
                "variance of y": f"{stats.sd_y**2:.3f}",
                "r": f"{stats.r:.3f}",
                "Spearman ρₛ": f"{stats.spearman:.3f}",
                "line": f"y = {stats.intercept:.2f} + {stats.slope:.3f}·x",
            }
        )
    return rows


#: How far the outlier may go from the cloud's centre (the cloud is standard normal).
OUTLIER_LIMIT = 6.0


# -- one outlier ----------------------------------------------------------------------


@dataclass(frozen=True)
class OutlierStudy:
    """A cloud of ``base_n`` points and the same cloud with one extra point."""

    base_rho: float
    seed: int
    outlier: tuple[float, float]
    without: PairStats
    with_outlier: PairStats

    @property
    def shift(self) -> float:
        """How much the one point moved r."""
        assert self.with_outlier.r is not None
        assert self.without.r is not None
        return self.with_outlier.r - self.without.r


def outlier_study(
    base_rho: float, base_n: int, ox: float, oy: float, seed: int
) -> OutlierStudy:
    """Correlation of a cloud with and without one outlier at ``(ox, oy)``.

    The cloud: ``x, e`` standard normal (shape (2, base_n)),
    ``y = ρ·x + √(1 − ρ²)·e``.
    """
    base_rho = check_in_range(base_rho, "the cloud's ρ", -1.0, 1.0)
    base_n = check_int(base_n, "the number of points", 5, 200)
    ox = check_in_range(ox, "the outlier's x", -OUTLIER_LIMIT, OUTLIER_LIMIT)
    oy = check_in_range(oy, "the outlier's y", -OUTLIER_LIMIT, OUTLIER_LIMIT)
    seed = check_int(seed, "seed", 0, 2**32 - 1)
    rng = np.random.default_rng(seed)
    x, e = rng.standard_normal((2, base_n))
    y = base_rho * x + np.sqrt(1 - base_rho**2) * e
    return OutlierStudy(
        base_rho=base_rho,
        seed=seed,
        outlier=(ox, oy),
        without=pair_stats(x, y),
        with_outlier=pair_stats(np.append(x, ox), np.append(y, oy)),
    )


# -- a curve: a perfect relationship with r near 0 ----------------------------------------

CURVE_POINTS = 41
CURVE_HALF_WIDTH = 3.0
MAX_CURVE_NOISE = 3.0


@dataclass(frozen=True)
class CurveSample:
    """Points on ``y = x²`` (plus noise) for x evenly spread over ``centre ± 3``."""

    centre: float
    noise: float
    seed: int
    stats: PairStats


def curve_sample(centre: float, curve_noise: float, seed: int) -> CurveSample:
    """``y = x² + curve_noise·m`` on 41 evenly spaced x from ``centre − 3`` to ``centre + 3``.

    On a range symmetric about 0 every point ``(x, x²)`` has a mirror image
    ``(−x, x²)``, so the products of deviations cancel and r = 0 although y is
    a perfect function of x. Move the range right and the curve looks rising:
    r climbs towards 1. Spearman's ρ sees any rising or falling curve.
    """
    centre = check_in_range(centre, "the centre of the x-range", -3.0, 3.0)
    noise = check_in_range(curve_noise, "noise", 0.0, MAX_CURVE_NOISE)
    seed = check_int(seed, "seed", 0, 2**32 - 1)
    rng = np.random.default_rng(seed)
    x = np.linspace(centre - CURVE_HALF_WIDTH, centre + CURVE_HALF_WIDTH, CURVE_POINTS)
    y = x**2 + noise * rng.standard_normal(CURVE_POINTS)
    return CurveSample(centre, noise, seed, pair_stats(x, y))


# -- a correlation matrix for feature selection --------------------------------------------

#: Columns of the generated house-price data set: (name, unit).
FEATURES: tuple[tuple[str, str], ...] = (
    ("area", "m²"),
    ("rooms", "rooms"),
    ("age", "years"),
    ("distance", "km to the centre"),
    ("listing day", "day of the year"),
)
TARGET = ("price", "k€")


@dataclass(frozen=True)
class FeatureMatrix:
    """A generated data set, its correlation matrix and what it says about features."""

    names: tuple[str, ...]  # the features, then the target (last)
    data: np.ndarray  # shape (samples, len(names))
    matrix: (
        np.ndarray
    )  # shape (len(names), len(names)): np.corrcoef(data, rowvar=False)
    threshold: float
    link: float
    seed: int

    @property
    def features(self) -> tuple[str, ...]:
        return self.names[:-1]

    @property
    def target(self) -> str:
        return self.names[-1]

    def ranking(self) -> list[tuple[str, float]]:
        """Features by |r| with the target, strongest first: ``[(name, r), …]``."""
        with_target = self.matrix[:-1, -1]
        order = sorted(range(len(self.features)), key=lambda i: -abs(with_target[i]))
        return [(self.features[i], float(with_target[i])) for i in order]

    def redundant_pairs(self) -> list[tuple[str, str, float]]:
        """Pairs of features with |r| ≥ threshold: ``[(a, b, r), …]``, strongest first."""
        pairs = []
        k = len(self.features)
        for i in range(k):
            for j in range(i + 1, k):
                r = float(self.matrix[i, j])
                if abs(r) >= self.threshold:
                    pairs.append((self.features[i], self.features[j], r))
        return sorted(pairs, key=lambda p: -abs(p[2]))

    def column(self, name: str) -> np.ndarray:
        if name not in self.names:
            raise ValueError(
                f"{name!r} is not a column; pick one of {', '.join(self.names)}."
            )
        return self.data[:, self.names.index(name)]

    def pair(self, fx: str, fy: str) -> PairStats:
        """Statistics of column ``fy`` against column ``fx``."""
        return pair_stats(self.column(fx), self.column(fy), names=(fx, fy))


def feature_matrix(
    samples: int, link: float, threshold: float, seed: int
) -> FeatureMatrix:
    """Generate a small house-price data set and its correlation matrix.

    Parameters
    ----------
    samples : int, 20 … 1000
        Number of houses.
    link : float in [0, 1]
        How closely ``rooms`` follows ``area`` (their correlation is about ``link``).
    threshold : float in [0.5, 0.99]
        |r| between two features from which the page warns that they are redundant.
    seed : int

    Notes
    -----
    ``a, b, e`` standard normal (shape (3, samples)); age, distance, listing day
    uniform on [0, 60], [0, 20], [1, 365] (shape (samples, 3))::

        area  = 100 + 20·a                 rooms = 4 + link·a + √(1 − link²)·b
        price = 300 + 50·a − 1.5·age − 6·distance + 30·e

    Price depends on area, age and distance; rooms only through area; the
    listing day not at all.
    """
    samples = check_int(samples, "the number of houses", 20, 1000)
    link = check_in_range(link, "the rooms–area link", 0.0, 1.0)
    threshold = check_in_range(threshold, "the warning threshold", 0.5, 0.99)
    seed = check_int(seed, "seed", 0, 2**32 - 1)
    rng = np.random.default_rng(seed)
    a, b, e = rng.standard_normal((3, samples))
    age, distance, day = rng.uniform([0, 0, 1], [60, 20, 365], (samples, 3)).T
    area = 100 + 20 * a
    rooms = 4 + (link * a + np.sqrt(1 - link**2) * b)
    price = 300 + 50 * a - 1.5 * age - 6 * distance + 30 * e
    data = np.column_stack([area, rooms, age, distance, day, price])
    names = (*(name for name, _ in FEATURES), TARGET[0])
    return FeatureMatrix(
        names=names,
        data=data,
        matrix=np.corrcoef(data, rowvar=False),
        threshold=threshold,
        link=link,
        seed=seed,
    )


# -- guess the correlation -------------------------------------------------------------

Grade = Literal["great", "good", "miss"]
GREAT_WITHIN = 0.05
GOOD_WITHIN = 0.10
POINTS: dict[str, int] = {"great": 3, "good": 1, "miss": 0}


@dataclass(frozen=True)
class GameRound:
    """One round: a cloud whose sample r the learner guesses."""

    seed: int
    number: int
    rho: float
    stats: PairStats

    @property
    def r(self) -> float:
        assert self.stats.r is not None
        return self.stats.r


def game_round(seed: int, number: int) -> GameRound:
    """Round ``number`` of the game with ``seed``: the same for everyone with that seed.

    ``rng = np.random.default_rng([seed, number])``; ρ uniform on [−1, 1], n from
    20 to 100, then ``y = ρ·x + √(1 − ρ²)·e``. The learner guesses the sample r.
    """
    seed = check_int(seed, "seed", 0, 2**32 - 1)
    number = check_int(number, "round", 1, 9999)
    rng = np.random.default_rng([seed, number])
    rho = rng.uniform(-1, 1)
    n = int(rng.integers(20, 101))
    x, e = rng.standard_normal((2, n))
    y = rho * x + np.sqrt(1 - rho**2) * e
    return GameRound(seed, number, float(rho), pair_stats(x, y))


@dataclass(frozen=True)
class Score:
    guess: float
    r: float
    error: float  # |guess − r|
    grade: Grade

    @property
    def points(self) -> int:
        return POINTS[self.grade]


def score_guess(guess: float, r: float) -> Score:
    """Grade a guess: within 0.05 of r is great, within 0.10 good, else a miss.

    >>> score_guess(0.5, 0.46).grade, score_guess(0.5, 0.41).grade
    ('great', 'good')
    """
    guess = check_in_range(guess, "your guess", -1.0, 1.0)
    r = check_in_range(r, "r", -1.0, 1.0)
    error = abs(guess - r)
    # rounding to 1e-9 keeps a guess of 0.55 for r = 0.5 "great" despite binary noise
    tolerance = round(error, 9)
    grade: Grade = (
        "great"
        if tolerance <= GREAT_WITHIN
        else "good"
        if tolerance <= GOOD_WITHIN
        else "miss"
    )
    return Score(guess, r, error, grade)


@dataclass(frozen=True)
class GameRecord:
    """A learner's session: rounds played (round → score), points and streaks.

    The streak counts consecutive played rounds within 0.10 (great or good).
    """

    scores: tuple[tuple[int, Score], ...] = ()
    streak: int = 0
    best_streak: int = 0

    @property
    def points(self) -> int:
        return sum(score.points for _, score in self.scores)

    @property
    def played(self) -> int:
        return len(self.scores)

    def score_of(self, number: int) -> Score | None:
        for played, score in self.scores:
            if played == number:
                return score
        return None

    def mean_error(self) -> float | None:
        if not self.scores:
            return None
        return float(np.mean([score.error for _, score in self.scores]))

    def count(self, grade: Grade) -> int:
        return sum(1 for _, score in self.scores if score.grade == grade)


def record_guess(record: GameRecord, number: int, score: Score) -> GameRecord:
    """The record after round ``number`` was scored (a round counts once)."""
    if record.score_of(number) is not None:
        return record
    streak = record.streak + 1 if score.grade != "miss" else 0
    return replace(
        record,
        scores=(*record.scores, (number, score)),
        streak=streak,
        best_streak=max(record.best_streak, streak),
    )


# -- code shown to the learner -------------------------------------------------------


def pairs_code(stats: PairStats) -> str:
    """The notebook's cell with the current data (or why r is undefined)."""
    head = (
        "import numpy as np\n\n"
        f"x = np.array({code_literal(stats.x)})\n"
        f"y = np.array({code_literal(stats.y)})\n\n"
    )
    if stats.r is not None:
        return head + "np.corrcoef(x, y)"
    return head + (
        "# A constant list has no spread (np.ptp = max − min = 0), so r = 0/0 is\n"
        "# undefined: np.corrcoef(x, y) would print nan, or a meaningless ±1.\n"
        "np.ptp(x), np.ptp(y)"
    )


def pairs_code_result(stats: PairStats) -> object:
    """What the last line of :func:`pairs_code` evaluates to."""
    if stats.corrcoef is not None:
        return stats.corrcoef
    return np.ptp(code_array(stats.x)), np.ptp(code_array(stats.y))


def sample_code(sample: GeneratedSample) -> str:
    """Code that draws the same sample and computes r, r² and Spearman's ρ."""
    return (
        "import numpy as np\n\n"
        f"rng = np.random.default_rng({sample.seed})\n"
        f"n, rho, noise = {sample.n}, {format_number(sample.rho)}, "
        f"{format_number(sample.noise)}\n"
        "x, e, m = rng.standard_normal((3, n))\n"
        "y = rho * x + np.sqrt(1 - rho**2) * e + noise * m\n\n"
        "r = np.corrcoef(x, y)[0, 1]\n"
        "rank_x, rank_y = x.argsort().argsort(), y.argsort().argsort()\n"
        "spearman = np.corrcoef(rank_x, rank_y)[0, 1]  # r of the ranks\n"
        "r, r**2, spearman"
    )


def sample_code_result(sample: GeneratedSample) -> tuple[float, float, float]:
    stats = sample.stats
    assert stats.r is not None
    assert stats.r2 is not None
    assert stats.spearman is not None
    return np.float64(stats.r), np.float64(stats.r2), np.float64(stats.spearman)


def anscombe_code() -> str:
    """Code that prints the quartet's shared statistics."""
    lines = ["import numpy as np\n", "quartet = {"]
    for name, (x, y) in ANSCOMBE.items():
        lines.append(f'    "{name}": ({code_literal(x)},')
        lines.append(f"          {code_literal(y)}),")
    lines.append("}\n")
    lines.append("# mean x, mean y, var x, var y (n − 1), r, slope, intercept")
    lines.append("np.array([")
    lines.append("    [np.mean(x), np.mean(y), np.var(x, ddof=1), np.var(y, ddof=1),")
    lines.append("     np.corrcoef(x, y)[0, 1], *np.polyfit(x, y, 1)]")
    lines.append("    for x, y in quartet.values()")
    lines.append("]).round(3)")
    return "\n".join(lines)


def anscombe_code_result(quartet: dict[str, PairStats]) -> np.ndarray:
    rows = []
    for stats in quartet.values():
        rows.append(
            [
                stats.mean_x,
                stats.mean_y,
                stats.sd_x**2,
                stats.sd_y**2,
                stats.r,
                stats.slope,
                stats.intercept,
            ]
        )
    return np.array(rows, dtype=float).round(3)


def outlier_code(study: OutlierStudy) -> str:
    """Code that draws the same cloud and computes r without and with the outlier."""
    ox, oy = (format_number(v) for v in study.outlier)
    return (
        "import numpy as np\n\n"
        f"rng = np.random.default_rng({study.seed})\n"
        f"rho = {format_number(study.base_rho)}\n"
        f"x, e = rng.standard_normal((2, {study.without.n}))\n"
        "y = rho * x + np.sqrt(1 - rho**2) * e\n"
        "r_without = np.corrcoef(x, y)[0, 1]\n\n"
        f"# add one outlier at ({ox}, {oy})\n"
        f"x_all, y_all = np.append(x, {ox}), np.append(y, {oy})\n"
        "r_with = np.corrcoef(x_all, y_all)[0, 1]\n"
        "r_without, r_with"
    )


def outlier_code_result(study: OutlierStudy) -> tuple[float, float]:
    assert study.without.r is not None
    assert study.with_outlier.r is not None
    return np.float64(study.without.r), np.float64(study.with_outlier.r)


def curve_code(curve: CurveSample) -> str:
    low = format_number(curve.centre - CURVE_HALF_WIDTH)
    high = format_number(curve.centre + CURVE_HALF_WIDTH)
    return (
        "import numpy as np\n\n"
        f"rng = np.random.default_rng({curve.seed})\n"
        f"x = np.linspace({low}, {high}, {CURVE_POINTS})\n"
        f"y = x**2 + {format_number(curve.noise)} * rng.standard_normal({CURVE_POINTS})"
        "  # a curve, not a line\n\n"
        "np.corrcoef(x, y)[0, 1]"
    )


def curve_code_result(curve: CurveSample) -> float:
    assert curve.stats.r is not None
    return np.float64(curve.stats.r)


def matrix_code(fm: FeatureMatrix, samples: int) -> str:
    link = format_number(fm.link)
    return (
        "import numpy as np\n\n"
        f"rng = np.random.default_rng({fm.seed})\n"
        f"n, link = {samples}, {link}\n"
        "a, b, e = rng.standard_normal((3, n))\n"
        "age, distance, day = rng.uniform([0, 0, 1], [60, 20, 365], (n, 3)).T\n"
        "area = 100 + 20 * a                                  # m²\n"
        "rooms = 4 + (link * a + np.sqrt(1 - link**2) * b)    # follows area\n"
        "price = 300 + 50 * a - 1.5 * age - 6 * distance + 30 * e  # k€\n\n"
        "# columns: area, rooms, age, distance, listing day, price\n"
        "data = np.column_stack([area, rooms, age, distance, day, price])\n"
        "np.corrcoef(data, rowvar=False).round(2)"
    )


def matrix_code_result(fm: FeatureMatrix) -> np.ndarray:
    return fm.matrix.round(2)


def game_code(round_: GameRound) -> str:
    return (
        "import numpy as np\n\n"
        f"rng = np.random.default_rng([{round_.seed}, {round_.number}])  # [seed, round]\n"
        "rho = rng.uniform(-1, 1)\n"
        "n = int(rng.integers(20, 101))\n"
        "x, e = rng.standard_normal((2, n))\n"
        "y = rho * x + np.sqrt(1 - rho**2) * e\n\n"
        "np.corrcoef(x, y)[0, 1]"
    )


def game_code_result(round_: GameRound) -> float:
    return np.float64(round_.r)


# -- words and formulas ----------------------------------------------------------------


def format_r(value: float, digits: int = 3) -> str:
    """``0.816``, ``−0.5``: fixed decimals, a real minus sign, never ``−0.000``."""
    text = f"{value:.{digits}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace("-", "−")


def strength(r: float) -> str:
    """A rough word for |r| (conventions differ; these are common teaching bands)."""
    size = abs(r)
    if size >= 0.999999:
        word = "perfect"
    elif size >= 0.7:
        word = "strong"
    elif size >= 0.4:
        word = "moderate"
    elif size >= 0.1:
        word = "weak"
    else:
        return "almost no linear"
    return f"{word} {'positive' if r > 0 else 'negative'}"


def pearson_latex(stats: PairStats) -> str:
    """``r = Sxy/√(Sxx·Syy)`` with the current sums substituted."""
    general = (
        r"r = \frac{\sum (x_i-\bar x)(y_i-\bar y)}"
        r"{\sqrt{\sum (x_i-\bar x)^2\,\sum (y_i-\bar y)^2}}"
    )
    sxy = format_number(stats.sxy, 5)
    sxx = format_number(stats.sxx, 5)
    syy = format_number(stats.syy, 5)
    if stats.r is None:
        return (
            general
            + rf" = \frac{{{sxy}}}{{\sqrt{{{sxx}\cdot{syy}}}}} = \frac{{0}}{{0}}\;(\text{{undefined}})"
        )
    return general + (
        rf" = \frac{{{sxy}}}{{\sqrt{{{sxx}\cdot{syy}}}}} = {format_r(stats.r)}"
    ).replace("−", "-")


def describe_pairs(stats: PairStats) -> str:
    """What the scatter of typed data shows, in words."""
    if stats.r is None:
        return constant_message(stats)
    r = stats.r
    text = (
        f"The {stats.n} points show a **{strength(r)} relationship: r = {format_r(r)}**"
        f" (r² = {format_r(r * r)}: the line explains {r * r:.0%} of the variance of "
        f"{stats.names[1]}). Spearman's rank correlation is {format_r(stats.spearman or 0.0)}."
    )
    if stats.n == 2:
        text += (
            " With only 2 points r is always +1 or −1: a line goes through any two "
            "points, so it says nothing yet."
        )
    elif stats.spearman is not None and abs(stats.spearman) - abs(r) > 0.1:
        text += (
            " Spearman is higher than r: the points rise or fall steadily, but along "
            "a curve rather than a line."
        )
    return text


def describe_sample(sample: GeneratedSample) -> str:
    """Sample r next to the target ρ, in words."""
    r = sample.stats.r
    assert r is not None
    text = (
        f"You asked for ρ = {format_r(sample.rho, 2)}; these {sample.n} random points "
        f"have **r = {format_r(r)}**"
    )
    if sample.noise > 0:
        text += (
            f". The noise (σ = {format_number(sample.noise, 3)}) blurs y, so the most "
            f"you can expect is ρ/√(1 + σ²) = **{format_r(sample.expected_r)}**"
        )
    text += "."
    if sample.interval is not None:
        lo, hi = sample.interval
        inside = lo <= sample.expected_r <= hi
        text += (
            f" From this sample alone, the true correlation is probably between "
            f"{format_r(lo, 2)} and {format_r(hi, 2)} (95 % interval)"
            + (
                "; the true value is inside it."
                if inside
                else "; this time the true value is outside it — it happens 1 time in 20."
            )
        )
    text += (
        " A new seed draws a new sample: watch r wander around ρ, less so for large n."
    )
    return text


def describe_anscombe(quartet: dict[str, PairStats]) -> str:
    rs = [s.r for s in quartet.values() if s.r is not None]
    return (
        f"All four data sets have mean x = 9, mean y ≈ 7.50, the same variances, "
        f"r ≈ {min(rs):.3f}–{max(rs):.3f} and the same line y ≈ 3.00 + 0.500·x — "
        "yet the pictures differ completely: I is a noisy line, II a curve, III a "
        "line with one outlier, IV one extreme point. **Always plot your data.**"
    )


def describe_outlier(study: OutlierStudy) -> str:
    before, after = study.without.r, study.with_outlier.r
    assert before is not None
    assert after is not None
    sp_before, sp_after = study.without.spearman, study.with_outlier.spearman
    assert sp_before is not None
    assert sp_after is not None
    ox, oy = (format_number(v, 3) for v in study.outlier)
    move = study.shift
    verdict = (
        "barely changes r"
        if abs(move) < 0.05
        else "moves r a lot"
        if abs(move) > 0.2
        else "moves r"
    )
    text = (
        f"Without the outlier r = {format_r(before)}; with one point at ({ox}, {oy}) "
        f"**r = {format_r(after)}** ({'+' if move >= 0 else '−'}{abs(move):.3f}): one point "
        f"out of {study.with_outlier.n} {verdict}. Spearman's ρ goes from "
        f"{format_r(sp_before)} to {format_r(sp_after)}: ranks cap how far one point "
        "can pull."
    )
    return text


def describe_curve(curve: CurveSample) -> str:
    r, spearman = curve.stats.r, curve.stats.spearman
    assert r is not None
    assert spearman is not None
    low = format_number(curve.centre - CURVE_HALF_WIDTH, 3)
    high = format_number(curve.centre + CURVE_HALF_WIDTH, 3)
    if abs(curve.centre) < 0.5:
        lesson = (
            "y depends completely on x, yet **r is near 0**: the left half falls, the "
            "right half rises, and the two cancel. r measures only how well a "
            "*straight line* fits."
        )
    else:
        lesson = (
            "on this one-sided range the curve mostly rises or falls, so r is large — "
            "but a line still misses the bend."
        )
    return (
        f"For x from {low} to {high}, y = x² gives **r = {format_r(r)}** and Spearman's "
        f"ρ = {format_r(spearman)}: {lesson}"
    )


def describe_matrix(fm: FeatureMatrix) -> str:
    ranking = fm.ranking()
    best, best_r = ranking[0]
    worst, worst_r = ranking[-1]
    text = (
        f"**{best}** is the feature most correlated with {fm.target} (r = "
        f"{format_r(best_r, 2)}); **{worst}** the least (r = {format_r(worst_r, 2)})."
    )
    pairs = fm.redundant_pairs()
    if pairs:
        a, b, r = pairs[0]
        text += (
            f" But {a} and {b} are strongly correlated with each other (r = "
            f"{format_r(r, 2)}): they carry nearly the same information, so a model "
            "gains little from keeping both."
        )
    return text


def describe_round(round_: GameRound, score: Score | None) -> str:
    """The game's chart, in words: never the answer before the guess."""
    if score is None:
        return (
            f"Round {round_.number}: {round_.stats.n} points. How strongly do they "
            "line up? Enter your guess for r between −1 and 1."
        )
    verdict = {
        "great": "**Great!** Within 0.05.",
        "good": "**Good!** Within 0.10.",
        "miss": "Not this time: more than 0.10 away.",
    }[score.grade]
    return (
        f"Round {round_.number}: you guessed {format_r(score.guess, 2)}; the true r is "
        f"**{format_r(score.r)}** (off by {score.error:.3f}). {verdict}"
    )


# -- page text: examples and notes (data for the page, kept out of the page script) --------

#: Example data for "Your data": label → (x, y) as typed lists.
DATA_EXAMPLES: dict[str, tuple[str, str]] = {
    "Perfect negative": ("1, 2, 3, 4, 5", "10, 8, 6, 4, 2"),
    "Hours → score": (
        "1, 2, 2, 3, 4, 5, 5, 6, 7, 8",
        "52, 55, 61, 58, 66, 70, 64, 75, 78, 83",
    ),
    "No pattern": ("1, 2, 3, 4, 5, 6", "4, 9, 2, 8, 3, 7"),
    "Constant x": ("5, 5, 5, 5", "10, 20, 30, 40"),
}
#: Outlier positions worth seeing: label → values of (base_rho, ox, oy).
OUTLIER_EXAMPLES: dict[str, dict[str, float]] = {
    "One point breaks a correlation": {"base_rho": 0.7, "ox": 5.0, "oy": -5.0},
    "One point creates a correlation": {"base_rho": 0.0, "ox": 6.0, "oy": 6.0},
    "One point on the line inflates r": {"base_rho": 0.7, "ox": 5.0, "oy": 3.5},
}
CAUSATION = (
    "**Correlation is not causation.** Ice-cream sales and drownings rise and fall "
    "together — because both follow hot weather, not because one causes the other. "
    "A strong r says two things vary together; only an experiment, or knowing the "
    "mechanism, says *why*."
)
MATRIX_CAVEAT = (
    "A high |r| with the target makes a feature a good *candidate*, not a cause: "
    "price and area move together, but a correlation alone never says which drives "
    "which, or whether a third thing drives both. And r only sees straight lines: a "
    "feature with a curved effect can have r ≈ 0."
)
QUADRANT_NOTE = (
    "r adds up (x − x̄)(y − ȳ) over all points: orange points (top right, bottom "
    "left) push it up, blue points push it down. r is that sum divided by "
    "√(Sxx·Syy), so it always lies between −1 and 1."
)
ANSCOMBE_INTRO = (
    "In 1973 the statistician **Francis Anscombe** built four small data sets with "
    "the same means, variances, correlation and regression line. Read the table "
    "first: would you expect four similar pictures?"
)
ANSCOMBE_HIDDEN = (
    "Same means, same variances, same r, same line: the four data sets look alike "
    "in the table. Only Spearman's ρₛ (a rank correlation) hints that something "
    "differs. Switch on **Show the pictures**."
)
MATRIX_INTRO = (
    "A made-up data set of **houses**: five features and the target, **price**. "
    "Which features would you feed a model?"
)
GAME_HELP = (
    "Teachers: share this page's address — everyone with the same seed gets the "
    "same rounds. Add `&hide=seed` to hide the seed."
)


def redundancy_warning(a: str, b: str, r: float, threshold: float) -> str:
    """The warning for two features that repeat each other."""
    return (
        f"**{a}** and **{b}** are strongly correlated with each other (r = "
        f"{format_r(r, 2)}, |r| ≥ {threshold:.2f}): they carry nearly the same "
        "information. Keep one, or combine them."
    )


def describe_record(record: GameRecord) -> str:
    """The game's tally in one line."""
    mean_error = record.mean_error()
    return (
        f"{record.played} rounds played · {record.count('great')} great "
        f"(±{GREAT_WITHIN:.2f}, {POINTS['great']} points) · {record.count('good')} "
        f"good (±{GOOD_WITHIN:.2f}, {POINTS['good']} point)"
        + ("" if mean_error is None else f" · average miss {mean_error:.3f}")
        + ". The streak counts rounds in a row within 0.10."
    )
