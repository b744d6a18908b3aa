"""Generated clouds: a chosen correlation ρ, one outlier, and a curve with r ≈ 0.

Examples
--------
>>> expected_correlation(0.8, 0.75)  # noise weakens r: 0.8 / √(1 + 0.75²)
0.64
>>> abs(curve_sample(0.0, 0.0, seed=0).stats.r) < 1e-12  # y = x² on −3 … 3: r = 0
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.correlation.pairs import PairStats, fisher_interval, pair_stats
from core.parsing import check_in_range, check_int, check_seed

#: Points of the generated clouds (target ρ).
MAX_POINTS = 1000
#: Largest measurement noise (standard deviation) added to a generated y.
MAX_NOISE = 1.0
#: How far the outlier may go from the cloud's centre (the cloud is standard normal).
OUTLIER_LIMIT = 6.0
#: The curve y = x²: its number of points, the half width of its x-range, its noise.
CURVE_POINTS = 41
CURVE_HALF_WIDTH = 3.0
MAX_CURVE_NOISE = 3.0


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

    @property
    def key(self) -> tuple[int, float, float, int]:
        """The inputs this sample was drawn from (a cache key)."""
        return (self.n, self.rho, self.noise, self.seed)

    @property
    def gap(self) -> float:
        """How far the sample r landed from the correlation to expect, ``r − ρ/√(1 + σ²)``."""
        assert self.stats.r is not None
        return self.stats.r - self.expected_r


def expected_correlation(rho: float, noise: float) -> float:
    """Population correlation of ``x`` and ``y = ρ·x + √(1−ρ²)·e + noise·m``.

    ``cov = ρ``, ``var(x) = 1``, ``var(y) = 1 + noise²``, so ``ρ / √(1 + noise²)``:
    measurement noise weakens an observed correlation ("attenuation").

    Examples
    --------
    >>> expected_correlation(0.5, 0.0)
    0.5
    """
    rho = check_in_range(rho, "ρ", -1.0, 1.0)
    noise = check_in_range(noise, "noise", 0.0, MAX_NOISE)
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
    seed = check_seed(seed, "seed")
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


@dataclass(frozen=True)
class OutlierStudy:
    """A cloud of ``base_n`` points and the same cloud with one extra point."""

    base_rho: float
    seed: int
    outlier: tuple[float, float]
    without: PairStats
    with_outlier: PairStats

    @property
    def key(self) -> tuple[float, int, int, float, float]:
        """The inputs this study was computed from (a cache key)."""
        return (self.base_rho, self.without.n, self.seed, *self.outlier)

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
    seed = check_seed(seed, "seed")
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


@dataclass(frozen=True)
class CurveSample:
    """Points on ``y = x²`` (plus noise) for x evenly spread over ``centre ± 3``."""

    centre: float
    noise: float
    seed: int
    stats: PairStats

    @property
    def key(self) -> tuple[float, float, int]:
        """The inputs this sample was drawn from (a cache key)."""
        return (self.centre, self.noise, self.seed)


def curve_sample(centre: float, curve_noise: float, seed: int) -> CurveSample:
    """``y = x² + curve_noise·m`` on 41 evenly spaced x from ``centre − 3`` to ``centre + 3``.

    On a range symmetric about 0 every point ``(x, x²)`` has a mirror image
    ``(−x, x²)``, so the products of deviations cancel and r = 0 although y is
    a perfect function of x. Move the range right and the curve looks rising:
    r climbs towards 1. Spearman's ρ sees any rising or falling curve.
    """
    centre = check_in_range(centre, "the centre of the x-range", -3.0, 3.0)
    noise = check_in_range(curve_noise, "noise", 0.0, MAX_CURVE_NOISE)
    seed = check_seed(seed, "seed")
    rng = np.random.default_rng(seed)
    x = np.linspace(centre - CURVE_HALF_WIDTH, centre + CURVE_HALF_WIDTH, CURVE_POINTS)
    y = x**2 + noise * rng.standard_normal(CURVE_POINTS)
    return CurveSample(centre, noise, seed, pair_stats(x, y))
