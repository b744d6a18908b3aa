"""Seeded normal draws summarised for any μ and σ without drawing again.

``np.random.default_rng(seed).normal(mu, sigma, n)`` computes ``mu + sigma * z``
for the standard normal draws ``z = default_rng(seed).standard_normal(n)``, one
IEEE operation after the other, so ``mu + sigma * z`` is the very same array, bit
for bit (``tests/core/test_normal_draws.py`` checks it). And ``x = μ + σz`` rounds
monotonically in ``z`` (σ > 0): sorting ``z`` once sorts every ``x``. So the
standard draws are drawn and sorted once per ``(n, seed)``
(:func:`standard_draws`), and a histogram, the 68–95–99.7 shares and the count
inside ``(a, b)`` for any ``(μ, σ)`` are found by binary search, in
``O(bins · log n)`` instead of ``O(n)``: each count is *exactly* NumPy's on the
drawn ``x`` (the search tests the same comparisons on the same floats).

The mean and standard deviation are ``μ + σ·mean(z)`` and ``σ·std(z)``: equal to
NumPy's ``np.mean(x)`` and ``np.std(x)`` up to rounding in the last bits (a
relative 1e-15), so every digit the page shows agrees.

Examples
--------
>>> draws = standard_draws(n=100, seed=0)
>>> s = summarize_standard(draws, mu=0, sigma=1, bins=20)
>>> s.first_ten[:3].round(4)
array([ 0.1257, -0.1321,  0.6404])
>>> int(s.counts.sum() + s.below + s.above)
100
>>> count_between(draws, 0, 1, -1, 1)   # draws within one σ of μ
65
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.normal_distribution import (
    BIN_SPAN,
    BINS_LIMITS,
    N_LIMITS,
    RULE_K,
    IntervalProbability,
    NormalSample,
    check_normal,
    interval_probability,
)
from core.parsing import (
    as_finite_array,
    check_finite_number,
    check_in_range,
    check_int,
    check_seed,
)


@dataclass(frozen=True)
class StandardDraws:
    """``n`` standard normal draws of ``default_rng(seed)``, kept for every μ and σ.

    The first ten in the order drawn, all of them sorted (shape ``(n,)``), and
    their mean and standard deviation.
    """

    n: int
    seed: int
    first_ten: np.ndarray
    sorted: np.ndarray
    mean: float
    std: float

    @property
    def key(self) -> tuple[int, int]:
        """``(n, seed)``: all the draws depend on."""
        return (self.n, self.seed)


def standard_draws(n: int, seed: int) -> StandardDraws:
    """Draw ``default_rng(seed).standard_normal(n)`` once, keep it sorted.

    Parameters
    ----------
    n : int
        How many draws, within ``N_LIMITS``.
    seed : int
        The seed (``core.parsing.SEED_LIMITS``).

    Returns
    -------
    StandardDraws
        Read only: share it between every μ and σ.
    """
    n = check_int(n, "The sample size n", *N_LIMITS)
    seed = check_seed(seed)
    z = np.random.default_rng(seed).standard_normal(n)
    first_ten = z[:10].copy()
    mean, std = float(np.mean(z)), float(np.std(z))
    z.sort()
    for array in (z, first_ten):
        array.flags.writeable = False
    return StandardDraws(n, seed, first_ten, z, mean, std)


def _first(
    draws: StandardDraws,
    mu: float,
    sigma: float,
    guess: np.ndarray,
    passes: Callable[[np.ndarray], np.ndarray],
) -> np.ndarray:
    """For each test, the first index of the sorted ``x = μ + σz`` that passes it.

    ``passes`` maps values of ``x`` (an array) to booleans and must be monotone:
    false, then true. ``guess`` (in units of z) puts the search within a few draws
    of the answer; the loop then steps over the draws whose rounding differs.
    """
    z, n = draws.sorted, draws.n
    index = np.searchsorted(z, guess)
    while True:
        before = np.maximum(index - 1, 0)
        back = (index > 0) & passes(mu + sigma * z[before])
        index = index - back
        at = np.minimum(index, n - 1)
        ahead = (index < n) & ~passes(mu + sigma * z[at])
        index = index + ahead
        if not (back.any() or ahead.any()):
            return index


def count_below(
    draws: StandardDraws, mu: float, sigma: float, t: np.ndarray, *, strict: bool
) -> np.ndarray:
    """How many ``x`` are ``< t`` (``strict``) or ``<= t``, for each value of ``t``."""
    mu, sigma = _location_scale(mu, sigma)
    t = as_finite_array(t, "The thresholds")
    with np.errstate(over="ignore"):  # a first guess only: a tiny σ gives ±inf
        guess = (t - mu) / sigma
    if strict:
        return _first(draws, mu, sigma, guess, lambda x: x >= t)
    return _first(draws, mu, sigma, guess, lambda x: x > t)


def count_between(
    draws: StandardDraws, mu: float, sigma: float, a: float, b: float
) -> int:
    """``np.count_nonzero((x > a) & (x < b))`` for ``x = μ + σz``, by search."""
    mu, sigma = _location_scale(mu, sigma)
    a, b = check_finite_number(a, "a"), check_finite_number(b, "b")
    return max(
        0, _below(draws, mu, sigma, b, True) - _below(draws, mu, sigma, a, False)
    )


def _location_scale(mu: float, sigma: float) -> tuple[float, float]:
    """``mu`` finite and ``sigma`` finite and > 0, as floats."""
    mu = check_finite_number(mu, "The mean μ")
    sigma = check_in_range(
        sigma, "The standard deviation σ", 0.0, None, low_inclusive=False
    )
    return mu, sigma


def _below(
    draws: StandardDraws, mu: float, sigma: float, t: float, strict: bool
) -> int:
    """How many ``x`` are ``< t`` (``strict``) or ``<= t``: one search, in Python floats.

    ``mu + sigma * z`` on Python floats is the same IEEE multiply, then add, as
    NumPy's on arrays, so each comparison is the one NumPy would make.
    """
    z, index = draws.sorted, int(np.searchsorted(draws.sorted, (t - mu) / sigma))

    def past(j: int) -> bool:  # x[j] is not counted
        x = mu + sigma * float(z[j])
        return x >= t if strict else x > t

    while index > 0 and past(index - 1):
        index -= 1
    while index < draws.n and not past(index):
        index += 1
    return index


def interval_standard(
    draws: StandardDraws, mu: float, sigma: float, a: float, b: float
) -> IntervalProbability:
    """:func:`core.normal_distribution.interval_probability` of ``x = μ + σz``.

    The same checks and probability; the count inside ``(a, b)`` by search.

    Examples
    --------
    >>> r = interval_standard(standard_draws(100, seed=0), 0, 1, -1, 1)
    >>> round(r.probability, 4), r.count, r.n
    (0.6827, 65, 100)
    """
    empty = interval_probability(mu, sigma, a, b, np.zeros(1))
    count = count_between(draws, empty.mu, empty.sigma, empty.a, empty.b)
    return dataclasses.replace(empty, count=count, n=draws.n)


def summarize_standard(
    draws: StandardDraws, mu: float, sigma: float, bins: int
) -> NormalSample:
    """:func:`core.normal_distribution.summarize_sample` of ``x = μ + σz``, by search.

    The counts per bin, below, above and within kσ are exactly those of
    ``summarize_sample(default_rng(seed).normal(mu, sigma, n), ...)``; the mean
    and standard deviation agree to about 15 significant digits.

    Examples
    --------
    >>> s = summarize_standard(standard_draws(1000, seed=0), 0, 1, bins=10)
    >>> s.key
    (0.0, 1.0, 1000, 10, 0)
    """
    mu, sigma = check_normal(mu, sigma)
    bins = check_int(bins, "The number of bins", *BINS_LIMITS)
    low, high = mu - BIN_SPAN * sigma, mu + BIN_SPAN * sigma
    edges = np.linspace(low, high, bins + 1)  # as np.histogram makes them
    before = count_below(draws, mu, sigma, edges[:-1], strict=True)
    last = int(count_below(draws, mu, sigma, edges[-1:], strict=False)[0])
    counts = np.diff(np.append(before, last))
    below, above = int(before[0]), draws.n - last
    return NormalSample(
        mu=mu,
        sigma=sigma,
        n=draws.n,
        seed=draws.seed,
        first_ten=mu + sigma * draws.first_ten,
        mean=np.float64(mu + sigma * draws.mean),
        std=np.float64(sigma * draws.std),
        edges=edges,
        counts=counts,
        below=below,
        above=above,
        within=_within(draws, mu, sigma),
    )


def _within(draws: StandardDraws, mu: float, sigma: float) -> np.ndarray:
    """``np.mean(np.abs(x − μ) < kσ)`` for k = 1, 2, 3, exactly, by search."""
    limits = np.array([k * sigma for k in RULE_K])
    bound = np.concatenate([-limits, limits])
    left = np.arange(bound.size) < len(RULE_K)

    def passes(x: np.ndarray) -> np.ndarray:
        # |x − μ| < kσ: first index with x − μ > −kσ, then first with x − μ ≥ kσ
        d = x - mu
        return np.where(left, d > bound, d >= bound)

    first = _first(draws, mu, sigma, bound / sigma, passes)
    inside = first[len(RULE_K) :] - first[: len(RULE_K)]
    return inside / draws.n
