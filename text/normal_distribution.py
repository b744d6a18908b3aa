"""Learner text for the Normal distribution page: the code panels, formulas, sentences.

Pure functions of ``core.normal_distribution`` results: no Streamlit, no Plotly.

Examples
--------
>>> from core.normal_distribution import sample_normal
>>> sample = sample_normal(mu=0, sigma=1, n=100, bins=20, seed=0)
>>> draws_code(sample).splitlines()[-2]
'samples = rng.normal(loc=0, scale=1, size=100)'
>>> first_ten_line(sample)[:45]
'**First ten draws** (seed 0): 0.1257, −0.1321'
"""

from __future__ import annotations

import numpy as np

from core.normal_distribution import (
    RULE_K,
    IntervalProbability,
    NormalSample,
    rule_probability,
)
from core.parsing import display_number, format_number
from text.common import latex_number

#: The page's opening paragraph.
INTRO = (
    "Many ML methods assume data is **normally distributed**: a bell curve set by "
    "its mean **μ** (where it is centred) and standard deviation **σ** (how wide "
    "it is). Draw random numbers from it and watch their histogram approach the "
    "exact curve as n grows. *(Notebook cell 7: 100 draws with μ = 0, σ = 1.)*"
)

#: Why the page's draws differ from the notebook's printed ones.
UNSEEDED_SENTENCE = (
    "The notebook called `np.random.normal` without a seed: NumPy's global generator "
    "then starts from fresh randomness supplied by the operating system every time "
    "Python starts, so its ten numbers (0.214, 1.543, 1.645, …) change on every run "
    "and can never be reproduced — `np.random.default_rng(seed)` starts from a fixed "
    "state, so the same seed gives the same draws here, in your Python and in a "
    "shared link."
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
    """What :func:`rule_code` evaluates to."""
    return sample.within


def interval_code(sample: NormalSample, interval: IntervalProbability) -> str:
    """``P(a < X < b)`` from the CDF (standard library) and from the draws.

    An interval on one side of μ uses that side's tail, ``½·erfc(…)``: there
    ``cdf(b) − cdf(a)`` subtracts two numbers equal in every digit far from μ.
    """
    mu, sigma = format_number(sample.mu), format_number(sample.sigma)
    ends = f"a, b = {format_number(interval.a)}, {format_number(interval.b)}\n\n"
    share = "share = np.mean((samples > a) & (samples < b))  # what the draws did\n"
    if interval.side == "both":
        return (
            "from statistics import NormalDist\n\n"
            + _draw_lines(sample.mu, sample.sigma, sample.n, sample.seed)
            + ends
            + f"curve = NormalDist(mu={mu}, sigma={sigma})\n"
            + "probability = curve.cdf(b) - curve.cdf(a)  # area under the bell curve\n"
            + share
            + "probability, share"
        )
    upper = interval.side == "upper"
    tail = (
        f"0.5 * erfc((x - {mu}) / ({sigma} * sqrt(2.0)))"
        if upper
        else f"0.5 * erfc(-((x - {mu}) / ({sigma} * sqrt(2.0))))"
    )
    return (
        "from math import erfc, sqrt\n\n"
        + _draw_lines(sample.mu, sample.sigma, sample.n, sample.seed)
        + ends
        + f"# a and b are both {'above' if upper else 'below'} the mean: use that "
        "tail, P(X > x) or P(X < x),\n"
        + "# which keeps its digits (cdf(b) - cdf(a) would be 1 - 1 = 0 far out)\n"
        + f"def tail(x):\n    return {tail}\n\n"
        + f"probability = {'tail(a) - tail(b)' if upper else 'tail(b) - tail(a)'}\n"
        + share
        + "probability, share"
    )


def interval_code_result(interval: IntervalProbability) -> tuple[float, np.float64]:
    """What :func:`interval_code` evaluates to."""
    return interval.probability, np.float64(interval.count / interval.n)


# -- words and formulas -----------------------------------------------------------------


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
    """The 68–95–99.7 rule (the same for every σ), the percentages on a second line
    (on one line ``k = 1, 2, 3`` ran past the column at 1366 px)."""
    return (
        r"\begin{gathered}"
        r"P(|X-\mu| < k\sigma) = \operatorname{erf}\!\left(\tfrac{k}{\sqrt 2}\right)"
        r" \\ 68.27\%,\ 95.45\%,\ 99.73\% \text{ for } k = 1, 2, 3"
        r"\end{gathered}"
    )


def interval_latex(interval: IntervalProbability) -> str:
    """``P(a < X < b) = Φ(z_b) − Φ(z_a)`` with today's numbers, on two lines.

    Far from μ the two terms are the tails ``1 − Φ`` (or ``Φ`` below μ), each written
    as a power of ten, so a probability of 1e-18 never shows as ``1 − 1 = 0``.
    """
    first, second = (latex_number(term) for term in interval.terms)
    z_a, z_b = format_number(interval.z_a, 4), format_number(interval.z_b, 4)
    formula = (
        r"\Phi\!\left(\tfrac{b-\mu}{\sigma}\right) - "
        r"\Phi\!\left(\tfrac{a-\mu}{\sigma}\right)"
    )
    if interval.side == "upper":
        terms = rf"(1 - \Phi({z_a})) - (1 - \Phi({z_b}))"
    elif interval.side == "lower":
        terms = rf"\Phi({z_b}) - \Phi({z_a})"
    else:
        terms = rf"\Phi({z_b}) - \Phi({z_a})"
    return (
        rf"\begin{{aligned}} P(a < X < b) &= {formula} = {terms} \\"
        rf" &= {first} - {second} = {latex_number(interval.probability)} \end{{aligned}}"
    )


def describe_draws(sample: NormalSample) -> str:
    """How the sample compares with the distribution it came from."""
    mean, std = float(sample.mean), float(sample.std)
    outside = sample.below + sample.above
    text = (
        f"The {sample.n:,} draws have mean **{display_number(mean)}** (μ = "
        f"{display_number(sample.mu)}) and standard deviation **{display_number(std)}** "
        f"(σ = {display_number(sample.sigma)}). The sample mean is off by "
        f"{display_number(abs(mean - sample.mu), 3)}; a typical miss for this n is "
        f"σ/√n = {display_number(sample.standard_error, 3)}, so more draws bring the "
        "bars closer to the curve."
    )
    if outside:
        text += f" {outside:,} draws fell beyond μ ± 4σ, off the histogram."
    return text


def first_ten_line(sample: NormalSample) -> str:
    """The first ten draws, as printed under the chart (4 decimals)."""
    first = ", ".join(f"{v:.4f}".replace("-", "−") for v in sample.first_ten)
    return f"**First ten draws** (seed {sample.seed}): {first}"


def describe_rule(sample: NormalSample) -> str:
    """The shares within 1, 2 and 3 σ beside the theory."""
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
    """The shaded area and the share of draws inside, in words."""
    return (
        f"The shaded area under the curve between a = {display_number(interval.a)} and "
        f"b = {display_number(interval.b)} is **P(a < X < b) = "
        f"{display_number(interval.probability)}**; of the {interval.n:,} draws, "
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
            f"| {k}σ | {display_number(low)} … {display_number(high)} | "
            f"{_percent(float(share))} | {_percent(rule_probability(k))} |"
        )
    return "\n".join(rows)
