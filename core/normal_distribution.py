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

import numpy as np

from core.parsing import check_finite_number, check_in_range, check_int, format_number

MU_LIMITS = (-3.0, 3.0)
SIGMA_LIMITS = (0.5, 2.0)
N_LIMITS = (10, 1_000_000)
BINS_LIMITS = (5, 120)
SEED_LIMITS = (0, 2**32 - 1)
#: The x axis, fixed from the limits of μ and σ so that moving μ moves the picture.
X_RANGE = (-9.0, 9.0)
#: The y axis (density), fixed from the smallest σ: the tallest possible bell fits.
Y_MAX = 0.9
#: Bins cover μ ± BIN_SPAN·σ; draws outside are counted but not drawn.
BIN_SPAN = 4.0
RULE_K = (1, 2, 3)

UNSEEDED_SENTENCE = (
    "The notebook called `np.random.normal` without a seed: NumPy's global generator "
    "then starts from fresh randomness supplied by the operating system every time "
    "Python starts, so its ten numbers (0.214, 1.543, 1.645, …) change on every run "
    "and can never be reproduced — `np.random.default_rng(seed)` starts from a fixed "
    "state, so the same seed gives the same draws here, in your Python and in a "
    "shared link."
)


def check_normal(mu: float, sigma: float) -> tuple[float, float]:
    """Validate ``μ`` and ``σ > 0`` against the page's limits."""
    mu = check_in_range(mu, "The mean μ", *MU_LIMITS)
    sigma = check_finite_sigma(sigma)
    return mu, sigma


def check_finite_sigma(sigma: float) -> float:
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

    >>> round(float(normal_pdf(0.0, 0, 1)), 4)   # 1/√(2π)
    0.3989
    """
    z = (np.asarray(x, dtype=float) - mu) / sigma
    return np.exp(-0.5 * z * z) / (sigma * math.sqrt(2 * math.pi))


def normal_cdf(x: float, mu: float, sigma: float) -> float:
    """``Φ((x − μ)/σ) = ½(1 + erf((x − μ)/(σ√2)))``, the probability ``P(X ≤ x)``.

    The same formula, operation for operation, as ``statistics.NormalDist(mu,
    sigma).cdf(x)``, so the code panel's ``NormalDist`` gives identical digits.
    """
    return 0.5 * (1.0 + math.erf((x - mu) / (sigma * math.sqrt(2.0))))


def rule_probability(k: float) -> float:
    """``P(|X − μ| < kσ) = erf(k/√2)`` for any normal distribution (68–95–99.7)."""
    return math.erf(k / math.sqrt(2.0))


def draw_normal(mu: float, sigma: float, n: int, seed: int) -> np.ndarray:
    """``n`` draws from ``N(μ, σ²)``, exactly as the code panel makes them.

    Returns
    -------
    ndarray of shape (n,)
        ``np.random.default_rng(seed).normal(loc=mu, scale=sigma, size=n)``.
    """
    mu, sigma = check_normal(mu, sigma)
    n = check_int(n, "The sample size n", *N_LIMITS)
    seed = check_int(seed, "The seed", *SEED_LIMITS)
    return np.random.default_rng(seed).normal(loc=mu, scale=sigma, size=n)


@dataclass(frozen=True)
class NormalSample:
    """What the page shows about a sample: never the raw draws themselves.

    ``edges`` (shape ``(bins + 1,)``) span ``μ ± 4σ``; ``counts`` (shape
    ``(bins,)``) are the draws per bin; ``below``/``above`` count the draws
    outside. ``within[k − 1]`` is the share of draws with ``|x − μ| < kσ``.
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
    def width(self) -> float:
        return float(self.edges[1] - self.edges[0])

    @property
    def centres(self) -> np.ndarray:
        return (self.edges[:-1] + self.edges[1:]) / 2

    @property
    def density(self) -> np.ndarray:
        """Bar heights with total area = share of draws inside the bins (≈ 1)."""
        return self.counts / (self.n * self.width)


def summarize_sample(
    samples: np.ndarray, mu: float, sigma: float, bins: int, seed: int
) -> NormalSample:
    """Bin the draws once on the server and keep only what the page shows.

    Work is ``O(n)``; the result's size depends on ``bins`` only, never on ``n``.
    """
    mu, sigma = check_normal(mu, sigma)
    bins = check_int(bins, "The number of bins", *BINS_LIMITS)
    samples = np.asarray(samples, dtype=float)
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
    """Draw with :func:`draw_normal` and summarise with :func:`summarize_sample`."""
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

    @property
    def share(self) -> float:
        return self.count / self.n


def interval_probability(
    mu: float, sigma: float, a: float, b: float, samples: np.ndarray
) -> IntervalProbability:
    """``P(a < X < b) = Φ((b − μ)/σ) − Φ((a − μ)/σ)`` beside the draws' share.

    >>> draws = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    >>> r = interval_probability(0, 1, -1, 1, draws)
    >>> round(r.probability, 4), r.count, r.share
    (0.6827, 3, 0.6)
    """
    mu, sigma = check_normal(mu, sigma)
    a = check_in_range(a, "a", *X_RANGE)
    b = check_in_range(b, "b", *X_RANGE)
    if not a < b:
        raise ValueError(
            f"The interval needs a < b, but a = {format_number(a)} and "
            f"b = {format_number(b)}: move a left of b."
        )
    samples = np.asarray(samples, dtype=float)
    return IntervalProbability(
        mu=mu,
        sigma=sigma,
        a=a,
        b=b,
        probability=normal_cdf(b, mu, sigma) - normal_cdf(a, mu, sigma),
        count=int(np.count_nonzero((samples > a) & (samples < b))),
        n=int(samples.size),
    )


# -- code shown to the learner ----------------------------------------------------------


def _draw_lines(mu: float, sigma: float, n: int, seed: int) -> str:
    return (
        "import numpy as np\n\n"
        "# The notebook's np.random.normal(...) was unseeded: new numbers every run.\n"
        "# A seeded generator gives the same numbers every time:\n"
        f"rng = np.random.default_rng(seed={seed})\n"
        f"samples = rng.normal(loc={format_number(mu)}, scale={format_number(sigma)}, "
        f"size={n})\n"
    )


def draws_code(sample: NormalSample) -> str:
    """Cell 7 with a seeded generator: the first ten draws."""
    return _draw_lines(sample.mu, sample.sigma, sample.n, sample.seed) + "samples[:10]"


def draws_code_result(sample: NormalSample) -> np.ndarray:
    """What :func:`draws_code` evaluates to."""
    return sample.first_ten


def rule_code(sample: NormalSample) -> str:
    """The share of draws within 1, 2 and 3 standard deviations of μ."""
    mu, sigma = format_number(sample.mu), format_number(sample.sigma)
    return (
        _draw_lines(sample.mu, sample.sigma, sample.n, sample.seed)
        + "\n# share of draws within k standard deviations of the mean\n"
        + f"within = [np.mean(np.abs(samples - {mu}) < k * {sigma}) for k in (1, 2, 3)]\n"
        + "np.array(within)"
    )


def rule_code_result(sample: NormalSample) -> np.ndarray:
    return sample.within


def interval_code(sample: NormalSample, interval: IntervalProbability) -> str:
    """``P(a < X < b)`` from the CDF (standard library) and from the draws."""
    mu, sigma = format_number(sample.mu), format_number(sample.sigma)
    return (
        "from statistics import NormalDist\n\n"
        + _draw_lines(sample.mu, sample.sigma, sample.n, sample.seed)
        + f"a, b = {format_number(interval.a)}, {format_number(interval.b)}\n\n"
        + f"curve = NormalDist(mu={mu}, sigma={sigma})\n"
        + "probability = curve.cdf(b) - curve.cdf(a)  # area under the bell curve\n"
        + "share = np.mean((samples > a) & (samples < b))  # what the draws did\n"
        + "probability, share"
    )


def interval_code_result(interval: IntervalProbability) -> tuple[float, np.float64]:
    return interval.probability, np.float64(interval.count / interval.n)


# -- words and formulas -----------------------------------------------------------------


def _n(value: float, digits: int = 4) -> str:
    return format_number(value, digits).replace("-", "−")


def _percent(share: float) -> str:
    return f"{100 * share:.2f}%"


def pdf_latex(mu: float, sigma: float) -> str:
    """The density with today's μ and σ."""
    m, s = format_number(mu, 6), format_number(sigma, 6)
    shifted = "x" if mu == 0 else rf"(x - {m})".replace("- -", "+ ")
    return (
        r"f(x) = \frac{1}{\sigma\sqrt{2\pi}}\,e^{-\frac{(x-\mu)^2}{2\sigma^2}}"
        rf" = \frac{{1}}{{{s}\sqrt{{2\pi}}}}\,e^{{-\frac{{{shifted}^2}}{{2\cdot {s}^2}}}}"
    )


def rule_latex(sigma: float) -> str:
    return (
        r"P(|X-\mu| < k\sigma) = \operatorname{erf}\!\left(\tfrac{k}{\sqrt 2}\right):"
        r"\quad 68.27\%,\ 95.45\%,\ 99.73\% \text{ for } k = 1, 2, 3"
    )


def interval_latex(interval: IntervalProbability) -> str:
    """``P(a < X < b) = Φ(z_b) − Φ(z_a)`` with today's numbers, on two lines."""
    mu, sigma = interval.mu, interval.sigma
    za, zb = (interval.a - mu) / sigma, (interval.b - mu) / sigma
    phi_a, phi_b = normal_cdf(za, 0.0, 1.0), normal_cdf(zb, 0.0, 1.0)
    return (
        r"\begin{aligned} P(a < X < b) &= \Phi\!\left(\tfrac{b-\mu}{\sigma}\right) - "
        r"\Phi\!\left(\tfrac{a-\mu}{\sigma}\right)"
        rf" = \Phi({format_number(zb, 4)}) - \Phi({format_number(za, 4)}) \\"
        rf" &= {format_number(phi_b, 4)} - {format_number(phi_a, 4)}"
        rf" = {format_number(interval.probability, 4)} \end{{aligned}}"
    )


def describe_draws(sample: NormalSample) -> str:
    """How the sample compares with the distribution it came from."""
    typical = sample.sigma / math.sqrt(sample.n)
    outside = sample.below + sample.above
    text = (
        f"The {sample.n:,} draws have mean **{_n(float(sample.mean))}** (μ = "
        f"{_n(sample.mu)}) and standard deviation **{_n(float(sample.std))}** (σ = "
        f"{_n(sample.sigma)}). The sample mean is off by "
        f"{_n(abs(float(sample.mean) - sample.mu), 3)}; a typical miss for this n is "
        f"σ/√n = {_n(typical, 3)}, so more draws bring the bars closer to the curve."
    )
    if outside:
        text += f" {outside:,} draws fell beyond μ ± 4σ, off the histogram."
    return text


def describe_rule(sample: NormalSample) -> str:
    parts = [
        f"{_percent(float(share))} within {k}σ (theory {_percent(rule_probability(k))})"
        for k, share in zip(RULE_K, sample.within, strict=True)
    ]
    return (
        f"Of the {sample.n:,} draws, " + ", ".join(parts) + ". "
        "The rule holds for every normal distribution, whatever μ and σ: only the "
        "distance in units of σ matters."
    )


def describe_interval(interval: IntervalProbability) -> str:
    return (
        f"The shaded area under the curve between a = {_n(interval.a)} and "
        f"b = {_n(interval.b)} is **P(a < X < b) = "
        f"{_n(interval.probability)}**; of the {interval.n:,} draws, "
        f"{interval.count:,} (**{_percent(interval.share)}**) landed inside."
    )


def rule_table(sample: NormalSample) -> str:
    """A markdown table: the empirical share beside the theory for k = 1, 2, 3."""
    rows = [
        "| within | μ − kσ … μ + kσ | share of your draws | theory erf(k/√2) |",
        "|---|---|---|---|",
    ]
    for k, share in zip(RULE_K, sample.within, strict=True):
        low, high = sample.mu - k * sample.sigma, sample.mu + k * sample.sigma
        rows.append(
            f"| {k}σ | {_n(low)} … {_n(high)} | {_percent(float(share))} | "
            f"{_percent(rule_probability(k))} |"
        )
    return "\n".join(rows)
