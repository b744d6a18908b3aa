"""Descriptive statistics of a learner's own list: mean, median, variance, std.

Notebook cell 6::

    Tawqeer = np.array([10, 20, 30, 40])
    mean = np.mean(Tawqeer)         # 25.0
    variance = np.var(Tawqeer)      # 125.0  (population variance, ddof=0)
    std_dev = np.std(Tawqeer)       # 11.180339887498949

The variance is the mean area of the squares drawn on the deviations from the
mean: ``(15² + 5² + 5² + 15²) / 4 = 500 / 4 = 125``; the standard deviation is the
side of that average square, ``√125``.

Examples
--------
>>> s = summarize("10, 20, 30, 40")
>>> float(s.mean), float(s.var_pop), float(s.std_pop)
(25.0, 125.0, 11.180339887498949)
>>> round(float(s.var_sample), 4)   # 500 / 3
166.6667
>>> float(summarize([10, 20, 30, 40, 200]).median)
30.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.parsing import (
    as_finite_array,
    check_finite_number,
    check_int,
    format_number,
    parse_vector,
)

#: Most values a learner may enter on this page (every value gets a square).
MAX_VALUES = 200
#: Largest size of one value; squares of larger numbers lose all precision.
MAX_ABS = 1e9
#: The notebook's list (cell 6).
NOTEBOOK_DATA = "10, 20, 30, 40"


@dataclass(frozen=True)
class DataSummary:
    """Centre and spread of a list of numbers.

    Every statistic is a ``np.float64`` computed exactly as the code panel does
    (``np.mean``, ``np.median``, ``np.var``, ``np.std``), so the page and pasted
    code agree to the last digit. ``var_sample`` and ``std_sample`` are ``None``
    for a single value: dividing by ``n − 1 = 0`` is undefined.
    """

    values: np.ndarray  # shape (n,)
    mean: np.float64
    median: np.float64
    var_pop: np.float64
    std_pop: np.float64
    var_sample: np.float64 | None
    std_sample: np.float64 | None
    ddof: int = 0  # the variance the learner chose: 0 population, 1 sample

    @property
    def key(self) -> tuple[tuple[float, ...], int]:
        """The inputs this summary was computed from (a cache key)."""
        return (tuple(self.values.tolist()), self.ddof)

    @property
    def n(self) -> int:
        """The number of values."""
        return int(self.values.size)

    @property
    def all_equal(self) -> bool:
        """True when every value is the same (then nothing varies: variance 0)."""
        return bool(np.all(self.values == self.values[0]))

    @property
    def deviations(self) -> np.ndarray:
        """``xᵢ − x̄`` for every value, shape (n,)."""
        return self.values - self.mean

    @property
    def squares(self) -> np.ndarray:
        """``(xᵢ − x̄)²``: the area of each deviation's square, shape (n,)."""
        return self.deviations**2

    def variance(self, ddof: int | None = None) -> np.float64:
        """Population (``ddof=0``) or sample (``ddof=1``) variance; default: chosen."""
        ddof = self.ddof if ddof is None else ddof
        value = self.var_pop if ddof == 0 else self.var_sample
        if value is None:
            raise ValueError(_ONE_VALUE)
        return value

    def std(self, ddof: int | None = None) -> np.float64:
        """Population (``ddof=0``) or sample (``ddof=1``) std; default: chosen."""
        ddof = self.ddof if ddof is None else ddof
        value = self.std_pop if ddof == 0 else self.std_sample
        if value is None:
            raise ValueError(_ONE_VALUE)
        return value


_ONE_VALUE = (
    "The sample variance needs at least two values: with one value n − 1 = 0, and "
    "dividing by 0 is undefined. Add a value, or choose the population variance."
)


def parse_data(text: str) -> np.ndarray:
    """Read the learner's list (``"10, 20, 30, 40"``) and check every value.

    Raises ``ValueError`` for an empty list, anything that is not a number, NaN or
    inf, more than :data:`MAX_VALUES` values, or a value beyond ``±MAX_ABS``.
    """
    values = parse_vector(text, "The data", max_length=MAX_VALUES)
    return _check_size(values)


def _check_size(values: np.ndarray) -> np.ndarray:
    too_big = values[np.abs(values) > MAX_ABS]
    if too_big.size:
        raise ValueError(
            f"The data: {format_number(too_big[0])} is too large; keep every value "
            f"between −{MAX_ABS:,.0f} and {MAX_ABS:,.0f}."
        )
    return values


def summarize(data: object, ddof: int = 0) -> DataSummary:
    """Mean, median, population and sample variance and std of ``data``.

    Parameters
    ----------
    data : str or array_like of shape (n,)
        Text as typed (``"10, 20, 30, 40"``) or numbers.
    ddof : {0, 1}
        The variance the learner asked for. With ``ddof=1`` a single value is an
        error (the sample variance is undefined); with ``ddof=0`` it is allowed
        and the summary's sample fields are ``None``.

    Notes
    -----
    ``mean = Σxᵢ / n``; population variance ``σ² = Σ(xᵢ − x̄)² / n`` (``ddof=0``,
    NumPy's default); sample variance ``s² = Σ(xᵢ − x̄)² / (n − 1)`` (``ddof=1``).
    The standard deviation is the square root of the variance. When every value is
    the same the variance is exactly 0 (``np.var`` of the deviations from the first
    value), not the rounding noise of the mean.

    Examples
    --------
    >>> float(summarize("0.1, 0.1, 0.1").var_pop)   # np.var gives 1.9e-34
    0.0
    """
    if ddof not in (0, 1):
        raise ValueError(f"ddof must be 0 or 1, not {ddof!r}.")
    if isinstance(data, str):
        values = parse_data(data)
    else:
        values = _check_size(
            as_finite_array(data, "The data", ndim=1, max_size=MAX_VALUES)
        )
    n = values.size
    if n < 2 and ddof == 1:
        raise ValueError(_ONE_VALUE)
    # Equal values have no spread at all; np.var([0.1, 0.1, 0.1]) would give
    # 1.9e-34, the rounding error of the mean 0.10000000000000002, so the spread is
    # taken from the deviations from the first value instead (all exactly 0).
    spread = values - values[0] if bool(np.all(values == values[0])) else values
    return DataSummary(
        values=values,
        mean=np.mean(values),
        median=np.median(values),
        var_pop=np.var(spread),
        std_pop=np.std(spread),
        var_sample=np.var(spread, ddof=1) if n > 1 else None,
        std_sample=np.std(spread, ddof=1) if n > 1 else None,
        ddof=ddof,
    )


@dataclass(frozen=True)
class OutlierEffect:
    """How far the mean and the median move when the most extreme value is dropped."""

    value: float  # the value farthest from the median
    mean_with: float
    mean_without: float
    median_with: float
    median_without: float

    @property
    def mean_shift(self) -> float:
        """How far the mean moves: ``|mean with − mean without|``."""
        return abs(self.mean_with - self.mean_without)

    @property
    def median_shift(self) -> float:
        """How far the median moves: ``|median with − median without|``."""
        return abs(self.median_with - self.median_without)


def outlier_effect(summary: DataSummary) -> OutlierEffect | None:
    """Drop the value farthest from the median and see what the mean and median do.

    Returns ``None`` for fewer than three values (the median of what remains
    says nothing) or when every value is the same.

    Examples
    --------
    >>> e = outlier_effect(summarize("10, 20, 30, 40, 200"))
    >>> e.value, e.mean_with, e.mean_without, e.median_with, e.median_without
    (200.0, 60.0, 25.0, 30.0, 25.0)
    """
    values = summary.values
    if values.size < 3:
        return None
    distance = np.abs(values - summary.median)
    if distance.max() == 0:
        return None
    index = int(np.argmax(distance))
    rest = np.delete(values, index)
    return OutlierEffect(
        value=float(values[index]),
        mean_with=float(summary.mean),
        mean_without=float(np.mean(rest)),
        median_with=float(summary.median),
        median_without=float(np.median(rest)),
    )


@dataclass(frozen=True)
class MoveOneValue:
    """Mean and median while one value (the largest) slides along the axis."""

    summary: DataSummary  # the data the sweep starts from
    positions: np.ndarray  # shape (m,): where the moved value is put
    means: np.ndarray  # shape (m,)
    medians: np.ndarray  # shape (m,)
    moved: float  # the value that is moved (its current position)

    @property
    def key(self) -> tuple[object, ...]:
        """The inputs this sweep was computed from (a cache key)."""
        low, high = float(self.positions[0]), float(self.positions[-1])
        return (self.summary.key, low, high, int(self.positions.size))


def move_largest_value(
    summary: DataSummary,
    low: float | None = None,
    high: float | None = None,
    points: int = 161,
) -> MoveOneValue:
    """Replace the largest value by every position in ``[low, high]``.

    The mean follows the moved value in a straight line (slope ``1/n``): one value
    can drag it anywhere. The median changes only while the moved value passes
    through the middle of the data, and is flat outside it. By default the sweep
    runs over the data's range stretched by one span to the left and two to the
    right, so the largest value is seen becoming an outlier.
    """
    points = check_int(points, "The number of positions", 2, 10_000)
    if low is not None:
        low = check_finite_number(low, "low")
    if high is not None:
        high = check_finite_number(high, "high")
    if low is None or high is None:
        left, right = view_range(summary)
        span = right - left
        low = left - span if low is None else low
        high = right + 2 * span if high is None else high
    if not low < high:
        raise ValueError("The sweep needs low < high.")
    if not math.isfinite(high - low):
        raise ValueError("The sweep is too wide: keep low and high within ±1e300.")
    values = summary.values
    positions = np.linspace(low, high, points)
    index = int(np.argmax(values))
    grid = np.repeat(values[np.newaxis, :], points, axis=0)
    grid[:, index] = positions
    return MoveOneValue(
        summary=summary,
        positions=positions,
        means=grid.mean(axis=1),
        medians=np.median(grid, axis=1),
        moved=float(values[index]),
    )


def view_range(summary: DataSummary) -> tuple[float, float]:
    """An x range that holds every value, the ±1 std band (either kind) and a margin."""
    values = summary.values
    spread = max(
        float(np.ptp(values)),
        2 * float(summary.std_sample if summary.std_sample is not None else 0),
    )
    if spread == 0:
        spread = max(abs(float(summary.mean)), 1.0)
    low = min(float(values.min()), float(summary.mean) - spread / 2)
    high = max(float(values.max()), float(summary.mean) + spread / 2)
    pad = 0.12 * (high - low)
    return low - pad, high + pad
