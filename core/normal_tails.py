"""The normal curve's areas: the CDF, both tails, and the 68–95–99.7 rule.

``Φ(z) = ½(1 + erf(z/√2))`` is exact near the middle but loses every digit far in
a tail (``1 − Φ(9) = 0`` in floating point, though it is 1.1e-19); the tails are
computed with ``erfc`` instead, which keeps them.

Examples
--------
>>> round(normal_cdf(1.0, 0, 1) - normal_cdf(-1.0, 0, 1), 4)
0.6827
>>> f"{normal_sf(9.0, 0, 1):.4g}"
'1.129e-19'
"""

from __future__ import annotations

import math

from core.parsing import check_finite_number


def normal_cdf(x: float, mu: float, sigma: float) -> float:
    """``Φ((x − μ)/σ) = ½(1 + erf((x − μ)/(σ√2)))``, the probability ``P(X ≤ x)``.

    The same formula, operation for operation, as ``statistics.NormalDist(mu,
    sigma).cdf(x)``, so the code panel's ``NormalDist`` gives identical digits.

    Examples
    --------
    >>> normal_cdf(0.0, 0, 1)   # half the area lies left of the mean
    0.5
    """
    z = _standardise(x, mu, sigma)
    return 0.5 * (1.0 + math.erf(z))


def normal_sf(x: float, mu: float, sigma: float) -> float:
    """``P(X > x) = ½·erfc((x − μ)/(σ√2))``, accurate far in the upper tail.

    ``1 − Φ`` would subtract two numbers that agree in every digit once ``x`` is
    about 8σ above μ, and give 0; ``erfc`` keeps the digits.

    Examples
    --------
    >>> 1 - normal_cdf(9.0, 0, 1), f"{normal_sf(9.0, 0, 1):.4g}"
    (0.0, '1.129e-19')
    """
    return 0.5 * math.erfc(_standardise(x, mu, sigma))


def normal_lower_tail(x: float, mu: float, sigma: float) -> float:
    """``P(X < x) = ½·erfc((μ − x)/(σ√2))``: :func:`normal_cdf`, accurate far below μ.

    >>> f"{normal_lower_tail(-9.0, 0, 1):.4g}"
    '1.129e-19'
    """
    return 0.5 * math.erfc(-_standardise(x, mu, sigma))


def _standardise(x: float, mu: float, sigma: float) -> float:
    """``(x − μ)/(σ√2)``, with every input checked (σ > 0)."""
    x = check_finite_number(x, "x")
    mu = check_finite_number(mu, "The mean μ")
    sigma = check_finite_number(sigma, "The standard deviation σ")
    if sigma <= 0:
        raise ValueError(
            "The standard deviation σ must be greater than 0: with σ = 0 every "
            "draw equals μ and there is no bell curve."
        )
    z = (x - mu) / (sigma * math.sqrt(2.0))
    if not math.isfinite(z):
        raise ValueError("x is too far from μ, in units of σ, to compute.")
    return z


def rule_probability(k: float) -> float:
    """``P(|X − μ| < kσ) = erf(k/√2)`` for any normal distribution (68–95–99.7).

    Examples
    --------
    >>> round(rule_probability(2), 4)
    0.9545
    """
    k = check_finite_number(k, "k")
    return math.erf(k / math.sqrt(2.0))
