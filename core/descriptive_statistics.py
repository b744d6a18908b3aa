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

from dataclasses import dataclass

import numpy as np

from core.parsing import (
    as_finite_array,
    code_literal,
    format_number,
    parse_vector,
)

#: Most values a learner may enter on this page (every value gets a square).
MAX_VALUES = 200
#: Largest size of one value; squares of larger numbers lose all precision.
MAX_ABS = 1e9
#: The notebook's list (cell 6).
NOTEBOOK_DATA = "10, 20, 30, 40"
#: Ready-made lists: short URL word -> (button label, the list).
PRESETS: dict[str, tuple[str, str]] = {
    "notebook": ("Notebook: 10, 20, 30, 40", NOTEBOOK_DATA),
    "outlier": ("With an outlier: … 200", "10, 20, 30, 40, 200"),
    "wider": ("Same mean, twice the spread", "-5, 15, 35, 55"),
    "equal": ("All equal", "25, 25, 25, 25"),
    "scores": ("Test scores", "62, 71, 75, 78, 80, 83, 85, 88, 90, 94"),
}


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
    def n(self) -> int:
        return int(self.values.size)

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
    The standard deviation is the square root of the variance.
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
    return DataSummary(
        values=values,
        mean=np.mean(values),
        median=np.median(values),
        var_pop=np.var(values),
        std_pop=np.std(values),
        var_sample=np.var(values, ddof=1) if n > 1 else None,
        std_sample=np.std(values, ddof=1) if n > 1 else None,
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
        return abs(self.mean_with - self.mean_without)

    @property
    def median_shift(self) -> float:
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

    positions: np.ndarray  # shape (m,): where the moved value is put
    means: np.ndarray  # shape (m,)
    medians: np.ndarray  # shape (m,)
    moved: float  # the value that is moved (its current position)


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
    if low is None or high is None:
        left, right = view_range(summary)
        span = right - left
        low = left - span if low is None else low
        high = right + 2 * span if high is None else high
    if not low < high:
        raise ValueError("The sweep needs low < high.")
    values = summary.values
    positions = np.linspace(low, high, points)
    index = int(np.argmax(values))
    grid = np.repeat(values[np.newaxis, :], points, axis=0)
    grid[:, index] = positions
    return MoveOneValue(
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


# -- code shown to the learner ----------------------------------------------------------


def statistics_code(summary: DataSummary) -> str:
    """The notebook's cell 6 with the learner's list (and ``ddof=1`` if chosen)."""
    values, ddof = summary.values, summary.ddof
    head = (
        "import numpy as np\n\n"
        "# Mean, Variance, Standard Deviation\n"
        f"Tawqeer = np.array({code_literal(values)})\n"
        "mean = np.mean(Tawqeer)\n"
    )
    if ddof == 0:
        spread = "variance = np.var(Tawqeer)\nstd_dev = np.std(Tawqeer)\n"
    else:
        spread = (
            "# sample variance and std: divide by n - 1 instead of n\n"
            "variance = np.var(Tawqeer, ddof=1)\n"
            "std_dev = np.std(Tawqeer, ddof=1)\n"
        )
    return head + spread + "\nmean, variance, std_dev"


def statistics_code_result(
    summary: DataSummary,
) -> tuple[np.float64, np.float64, np.float64]:
    """What :func:`statistics_code` evaluates to: ``(mean, variance, std_dev)``."""
    return summary.mean, summary.variance(), summary.std()


def centre_code(values: np.ndarray) -> str:
    """Mean and median side by side, in the notebook's style."""
    return (
        "import numpy as np\n\n"
        f"Tawqeer = np.array({code_literal(values)})\n"
        "mean = np.mean(Tawqeer)\n"
        "median = np.median(Tawqeer)  # the middle value once sorted\n\n"
        "mean, median"
    )


def centre_code_result(summary: DataSummary) -> tuple[np.float64, np.float64]:
    """What :func:`centre_code` evaluates to: ``(mean, median)``."""
    return summary.mean, summary.median


# -- words and formulas (pure text) ------------------------------------------------------


def _n(value: float, digits: int = 6) -> str:
    return format_number(value, digits).replace("-", "−")


def _terms(summary: DataSummary, most: int = 4) -> str:
    """``(10 − 25)² + (20 − 25)² + …`` for the formula."""

    def term(x: float) -> str:
        mean = format_number(float(summary.mean), 6)
        return rf"({format_number(x, 6)} - {mean})^2"

    shown = [term(x) for x in summary.values[:most]]
    if summary.n > most:
        shown.append(r"\dots")
    return " + ".join(shown)


def variance_latex(summary: DataSummary) -> str:
    """``σ² = (1/n) Σ (xᵢ − x̄)² = (…)/4 = 125, σ = √125 = 11.18`` with the numbers."""
    n = summary.n
    total = format_number(float(summary.squares.sum()), 6)
    if summary.ddof == 1:
        divisor, symbol, label = n - 1, "s", r"\frac{1}{n-1}"
    else:
        divisor, symbol, label = n, r"\sigma", r"\frac{1}{n}"
    variance = format_number(float(summary.variance()), 6)
    std = format_number(float(summary.std()), 6)
    return (
        r"\begin{aligned} "
        rf"\bar{{x}} &= {format_number(float(summary.mean), 6)} \\ "
        rf"{symbol}^2 &= {label}\sum_i (x_i - \bar{{x}})^2 \\ "
        rf"&= \frac{{{_terms(summary)}}}{{{divisor}}} \\ "
        rf"&= \frac{{{total}}}{{{divisor}}} = {variance} \\ "
        rf"{symbol} &= \sqrt{{{variance}}} = {std} "
        r"\end{aligned}"
    )


def centre_latex(summary: DataSummary) -> str:
    """The mean as a sum and the median as the middle of the sorted list."""
    n = summary.n
    ordered = np.sort(summary.values)
    if n % 2:
        middle = rf"x_{{({(n + 1) // 2})}} = {format_number(float(summary.median), 6)}"
    else:
        a, b = ordered[n // 2 - 1], ordered[n // 2]
        middle = (
            rf"\frac{{{format_number(float(a), 6)} + {format_number(float(b), 6)}}}{{2}}"
            rf" = {format_number(float(summary.median), 6)}"
        )
    total = format_number(float(summary.values.sum()), 6)
    return (
        rf"\bar{{x}} = \frac{{1}}{{n}}\sum_i x_i = \frac{{{total}}}{{{n}}} = "
        rf"{format_number(float(summary.mean), 6)} \qquad \text{{median}} = {middle}"
    )


def describe_spread(summary: DataSummary) -> str:
    """What the deviations and squares show right now."""
    n, mean = summary.n, _n(float(summary.mean))
    if n == 1:
        return (
            f"With a single value the mean is that value, **{mean}**, and the "
            "population variance is **0**: nothing varies. The **sample variance is "
            "undefined**: it divides by n − 1 = 0."
        )
    if summary.var_pop == 0:
        return (
            f"All {n} values equal the mean **{mean}**: every deviation is 0, every "
            "square has area 0, so the **variance and standard deviation are 0**."
        )
    variance, std = _n(float(summary.variance())), _n(float(summary.std()))
    total = _n(float(summary.squares.sum()))
    inside = int(np.count_nonzero(np.abs(summary.deviations) <= summary.std()))
    share = (
        f"the mean area of the {n} squares"
        if summary.ddof == 0
        else f"their total area shared among n − 1 = {n - 1}"
    )
    return (
        f"Each segment is a value's distance from the mean **{mean}**; the square on "
        f"it has that distance squared as its area. The squares add up to {total}, "
        f"and the variance **{variance}** is {share}: the dashed square. Its side, "
        f"the standard deviation **{std}**, is a typical distance from the mean — "
        f"{inside} of the {n} values lie within ±1 std of it (the shaded band)."
    )


def describe_centre(summary: DataSummary, effect: OutlierEffect | None) -> str:
    """Mean vs median, and what the most extreme value does to each."""
    mean, median = _n(float(summary.mean)), _n(float(summary.median))
    text = f"The mean is **{mean}** and the median (the middle value) is **{median}**."
    if effect is None:
        return text + " With so few different values there is no outlier to test."
    gap = effect.mean_shift - effect.median_shift
    text += (
        f" Dropping {_n(effect.value)}, the value farthest from the median, would "
        f"move the mean by **{_n(effect.mean_shift, 4)}** (to "
        f"{_n(effect.mean_without, 4)}) but the median only by "
        f"**{_n(effect.median_shift, 4)}** (to {_n(effect.median_without, 4)})"
    )
    if gap > 0:
        text += ": one extreme value drags the mean, while the median barely notices."
    else:
        text += "."
    return text


POPULATION_SENTENCE = (
    "**Population** variance (`ddof=0`, divide by n) describes exactly these numbers "
    "when they are the whole group you care about — NumPy's default, and what the "
    "notebook computed."
)
SAMPLE_SENTENCE = (
    "**Sample** variance (`ddof=1`, divide by n − 1) is for when these numbers are a "
    "sample from a larger population: the sample's own mean sits closer to its points "
    "than the true mean does, so dividing by n − 1 corrects the underestimate "
    "(Bessel's correction)."
)
