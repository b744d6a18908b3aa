"""The normal distribution: seeded draws, their histogram, the bell curve, intervals.

Notebook cell 7::

    samples = np.random.normal(loc=0, scale=1, size=100)
    samples[:10]

The notebook used NumPy's *unseeded* global generator, so its printed numbers
cannot be reproduced. Here every draw comes from ``np.random.default_rng(seed)``:
the same seed gives the same numbers on the page, in pasted code and in a link.

Examples
--------
>>> s = sample_normal(mu=0, sigma=1, n=100, bins=20, seed=0)
>>> s.first_ten[:3].round(4)
array([ 0.1257, -0.1321,  0.6404])
>>> round(normal_cdf(1.0, 0, 1) - normal_cdf(-1.0, 0, 1), 4)   # the 68 of 68–95–99.7
0.6827
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from core.normal_tails import normal_cdf as normal_cdf
from core.normal_tails import normal_lower_tail as normal_lower_tail
from core.normal_tails import normal_sf as normal_sf
from core.normal_tails import rule_probability as rule_probability
from core.parsing import (
    as_finite_array,
    check_finite_number,
    check_in_range,
    check_int,
    check_seed,
    finite_result,
    format_number,
)

MU_LIMITS = (-3.0, 3.0)
SIGMA_LIMITS = (0.5, 2.0)
N_LIMITS = (10, 1_000_000)
BINS_LIMITS = (5, 120)
#: The x axis, fixed from the limits of μ and σ so that moving μ moves the picture.
X_RANGE = (-9.0, 9.0)
#: The y axis (density), fixed from the smallest σ: the tallest possible bell fits.
Y_MAX = 0.9
#: Bins cover μ ± BIN_SPAN·σ; draws outside are counted but not drawn.
BIN_SPAN = 4.0
#: The k of the 68–95–99.7 rule: within 1, 2 and 3 standard deviations.
RULE_K = (1, 2, 3)

Side = Literal["upper", "lower", "both"]


def check_normal(mu: float, sigma: float) -> tuple[float, float]:
    """Validate ``μ`` and ``σ > 0`` against the page's limits.

    Parameters
    ----------
    mu : float
        The mean μ, within ``MU_LIMITS``.
    sigma : float
        The standard deviation σ, within ``SIGMA_LIMITS``.

    Returns
    -------
    tuple of float
        ``(μ, σ)`` as floats; ``ValueError`` saying what is wrong otherwise.
    """
    mu = check_in_range(mu, "The mean μ", *MU_LIMITS)
    sigma = check_finite_sigma(sigma)
    return mu, sigma


def check_finite_sigma(sigma: float) -> float:
    """Return σ if it is finite, above 0 and within ``SIGMA_LIMITS``.

    Examples
    --------
    >>> check_finite_sigma(1.5)
    1.5
    """
    low, high = SIGMA_LIMITS
    value = check_finite_number(sigma, "The standard deviation σ")
    if value <= 0:
        raise ValueError(
            "The standard deviation σ must be greater than 0: with σ = 0 every "
            "draw equals μ and there is no bell curve."
        )
    return check_in_range(value, "The standard deviation σ", low, high)


def normal_pdf(x: np.ndarray | float, mu: float, sigma: float) -> np.ndarray:
    """``f(x) = exp(−(x − μ)² / (2σ²)) / (σ√(2π))`` evaluated at every ``x``.

    Parameters
    ----------
    x : float or ndarray of shape (m,)
        Where to evaluate the density.
    mu, sigma : float
        The mean and the standard deviation (σ > 0; not checked).

    Returns
    -------
    ndarray of the shape of ``x``
        The density ``f(x)``.

    Examples
    --------
    >>> round(float(normal_pdf(0.0, 0, 1)), 4)   # 1/√(2π)
    0.3989
    """
    mu = check_finite_number(mu, "The mean μ")
    sigma = check_finite_number(sigma, "The standard deviation σ")
    if sigma <= 0:
        raise ValueError("The standard deviation σ must be greater than 0.")
    xs = as_finite_array(x, "x")
    with np.errstate(over="ignore", under="ignore"):
        z = (xs - mu) / sigma
        density = np.exp(-0.5 * z * z) / (sigma * math.sqrt(2 * math.pi))
    return finite_result(np.where(np.isfinite(z), density, 0.0), "The density")


def draw_normal(mu: float, sigma: float, n: int, seed: int) -> np.ndarray:
    """``n`` draws from ``N(μ, σ²)``, exactly as the code panel makes them.

    Parameters
    ----------
    mu, sigma : float
        The mean and standard deviation (see :func:`check_normal`).
    n : int
        How many draws, within ``N_LIMITS``.
    seed : int
        The seed of ``np.random.default_rng`` (see ``core.parsing.SEED_LIMITS``).

    Returns
    -------
    ndarray of shape (n,)
        ``np.random.default_rng(seed).normal(loc=mu, scale=sigma, size=n)``.
    """
    mu, sigma = check_normal(mu, sigma)
    n = check_int(n, "The sample size n", *N_LIMITS)
    seed = check_seed(seed)
    return np.random.default_rng(seed).normal(loc=mu, scale=sigma, size=n)


@dataclass(frozen=True)
class NormalSample:
    """What the page shows about a sample: never the raw draws themselves.

    ``edges`` (shape ``(bins + 1,)``) span ``μ ± 4σ``; ``counts`` (shape
    ``(bins,)``) are the draws per bin; ``below``/``above`` count the draws
    outside. ``within[k − 1]`` is the share of draws with ``|x − μ| < kσ``.
    ``key`` assumes the draws came from :func:`draw_normal` with ``seed``.
    """

    mu: float
    sigma: float
    n: int
    seed: int
    first_ten: np.ndarray  # shape (min(n, 10),)
    mean: np.float64
    std: np.float64
    edges: np.ndarray
    counts: np.ndarray
    below: int
    above: int
    within: np.ndarray  # shape (3,)

    @property
    def key(self) -> tuple[float, float, int, int, int]:
        """The inputs this summary was computed from: ``(μ, σ, n, bins, seed)``."""
        return (self.mu, self.sigma, self.n, int(self.counts.size), self.seed)

    @property
    def width(self) -> float:
        """The width of one bin."""
        return float(self.edges[1] - self.edges[0])

    @property
    def centres(self) -> np.ndarray:
        """The middle of each bin, shape ``(bins,)``."""
        return (self.edges[:-1] + self.edges[1:]) / 2

    @property
    def standard_error(self) -> float:
        """``σ/√n``: how far the sample mean typically lands from μ."""
        return self.sigma / math.sqrt(self.n)

    @property
    def density(self) -> np.ndarray:
        """Bar heights with total area = share of draws inside the bins (≈ 1)."""
        return self.counts / (self.n * self.width)


def summarize_sample(
    samples: np.ndarray, mu: float, sigma: float, bins: int, seed: int
) -> NormalSample:
    """Bin the draws once on the server and keep only what the page shows.

    Work is ``O(n)``; the result's size depends on ``bins`` only, never on ``n``.

    Parameters
    ----------
    samples : array_like of shape (n,)
        The draws.
    mu, sigma : float
        The distribution they were drawn from.
    bins : int
        How many bins cover ``μ ± 4σ``, within ``BINS_LIMITS``.
    seed : int
        The seed they were drawn with (kept for the page's words).

    Returns
    -------
    NormalSample
        Counts per bin, mean, standard deviation and the 68–95–99.7 shares.
    """
    mu, sigma = check_normal(mu, sigma)
    bins = check_int(bins, "The number of bins", *BINS_LIMITS)
    seed = check_seed(seed)
    samples = as_finite_array(samples, "The draws", ndim=1)
    if np.max(np.abs(samples)) > 1e150:
        raise ValueError("The draws are too large to summarise (beyond ±1e150).")
    low, high = mu - BIN_SPAN * sigma, mu + BIN_SPAN * sigma
    counts, edges = np.histogram(samples, bins=bins, range=(low, high))
    inside = int(counts.sum())
    below = int(np.count_nonzero(samples < low))
    distance = np.abs(samples - mu)
    within = np.array([np.mean(distance < k * sigma) for k in RULE_K])
    return NormalSample(
        mu=mu,
        sigma=sigma,
        n=int(samples.size),
        seed=int(seed),
        first_ten=samples[:10].copy(),
        mean=np.mean(samples),
        std=np.std(samples),
        edges=edges,
        counts=counts,
        below=below,
        above=int(samples.size) - inside - below,
        within=within,
    )


def sample_normal(
    mu: float, sigma: float, n: int, bins: int, seed: int
) -> NormalSample:
    """Draw with :func:`draw_normal` and summarise with :func:`summarize_sample`.

    Examples
    --------
    >>> s = sample_normal(mu=0, sigma=1, n=1000, bins=10, seed=0)
    >>> s.key, round(s.standard_error, 4)
    ((0.0, 1.0, 1000, 10, 0), 0.0316)
    """
    return summarize_sample(draw_normal(mu, sigma, n, seed), mu, sigma, bins, seed)


@dataclass(frozen=True)
class IntervalProbability:
    """``P(a < X < b)`` from the CDF, and the share of draws that fell inside."""

    mu: float
    sigma: float
    a: float
    b: float
    probability: float
    count: int
    n: int
    #: ``"upper"``: both ends at or above μ, ``P = P(X > a) − P(X > b)``;
    #: ``"lower"``: both at or below, ``P = P(X < b) − P(X < a)``; ``"both"``:
    #: ``Φ(b) − Φ(a)``. A tail is computed with ``erfc``, so an interval far from μ
    #: gets its true tiny probability (about 1e-18), not ``1 − 1 = 0``.
    side: Side = "both"

    @property
    def terms(self) -> tuple[float, float]:
        """The two numbers subtracted to give ``probability``, in that order."""
        if self.side == "upper":
            return normal_sf(self.a, self.mu, self.sigma), normal_sf(
                self.b, self.mu, self.sigma
            )
        if self.side == "lower":
            return normal_lower_tail(self.b, self.mu, self.sigma), normal_lower_tail(
                self.a, self.mu, self.sigma
            )
        return self.cdf_b, self.cdf_a

    @property
    def share(self) -> float:
        """The share of the draws that fell inside ``(a, b)``."""
        return self.count / self.n

    @property
    def z_a(self) -> float:
        """``(a − μ)/σ``: a in units of σ from the mean."""
        return (self.a - self.mu) / self.sigma

    @property
    def z_b(self) -> float:
        """``(b − μ)/σ``: b in units of σ from the mean."""
        return (self.b - self.mu) / self.sigma

    @property
    def cdf_a(self) -> float:
        """``Φ(z_a) = P(X < a)``."""
        return normal_cdf(self.z_a, 0.0, 1.0)

    @property
    def cdf_b(self) -> float:
        """``Φ(z_b) = P(X < b)``."""
        return normal_cdf(self.z_b, 0.0, 1.0)


def interval_probability(
    mu: float, sigma: float, a: float, b: float, samples: np.ndarray
) -> IntervalProbability:
    """``P(a < X < b) = Φ((b − μ)/σ) − Φ((a − μ)/σ)`` beside the draws' share.

    Parameters
    ----------
    mu, sigma : float
        The distribution (see :func:`check_normal`).
    a, b : float
        The ends of the interval, ``a < b``, both within ``X_RANGE``.
    samples : array_like of shape (n,)
        The draws whose share inside ``(a, b)`` is counted.

    Returns
    -------
    IntervalProbability
        The exact probability and the draws' count and share.

    Examples
    --------
    >>> draws = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    >>> r = interval_probability(0, 1, -1, 1, draws)
    >>> round(r.probability, 4), r.count, r.share
    (0.6827, 3, 0.6)
    >>> f"{interval_probability(-3, 0.5, 6, 9, draws).probability:.3g}"  # 18σ out
    '9.74e-73'
    """
    mu, sigma = check_normal(mu, sigma)
    a = check_in_range(a, "a", *X_RANGE)
    b = check_in_range(b, "b", *X_RANGE)
    if not a < b:
        raise ValueError(
            f"The interval needs a < b, but a = {format_number(a)} and "
            f"b = {format_number(b)}: move a left of b."
        )
    samples = as_finite_array(samples, "The draws", ndim=1)
    side: Side = "upper" if a >= mu else "lower" if b <= mu else "both"
    if side == "upper":  # both ends above μ: subtract upper tails, which keep digits
        probability = normal_sf(a, mu, sigma) - normal_sf(b, mu, sigma)
    elif side == "lower":
        probability = normal_lower_tail(b, mu, sigma) - normal_lower_tail(a, mu, sigma)
    else:
        probability = normal_cdf(b, mu, sigma) - normal_cdf(a, mu, sigma)
    return IntervalProbability(
        mu=mu,
        sigma=sigma,
        a=a,
        b=b,
        probability=probability,
        count=int(np.count_nonzero((samples > a) & (samples < b))),
        n=int(samples.size),
        side=side,
    )
