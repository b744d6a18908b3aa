"""Learner text for the Sampling page: code, formulas and sentences.

Pure functions of ``core.sampling`` results: no Streamlit, no Plotly.

Examples
--------
>>> closeness(0.1), closeness(2.0)
('very close to', 'still far from')
>>> from core.sampling import running_means
>>> lln_code(running_means("die", 100, 1, seed=0)).splitlines()[2]
'rng = np.random.default_rng(seed=0)'
"""

from __future__ import annotations

import math

import numpy as np

from core.parsing import display_number, format_number
from core.sampling import MeansOfK, RunningMeans

#: The page's opening paragraph.
INTRO = (
    "Why do averages of random draws behave so well? The **law of large numbers**: "
    "the mean of more and more draws settles on the true mean μ, and its typical "
    "miss shrinks like σ/√n. The **central limit theorem**: means of k draws from "
    "*any* source pile up in a bell curve, N(μ, σ²/k), once k is large enough. "
    "*(Grows from notebook cell 7: draws from a distribution.)*"
)
#: Said instead of the bins slider when the source is discrete.
DISCRETE_BINS = "A discrete source gets one bar per possible mean."


# -- law of large numbers -----------------------------------------------------------


def lln_code(result: RunningMeans) -> str:
    """Code that draws the same paths and prints each path's final running mean."""
    src, n, runs = result.source, result.n, result.runs
    return (
        "import numpy as np\n\n"
        f"rng = np.random.default_rng(seed={result.seed})\n"
        f"draws = {src.code.format(size=f'({runs}, {n})')}  # {runs} runs of {n} draws\n"
        f"running_mean = np.cumsum(draws, axis=1) / np.arange(1, {n} + 1)\n"
        "running_mean[:, -1]  # each run's mean of all its draws"
    )


def lln_code_result(result: RunningMeans) -> np.ndarray:
    """What :func:`lln_code` evaluates to: each run's final running mean."""
    return result.final


def lln_latex(result: RunningMeans) -> str:
    """``x̄ₙ → μ`` and the typical miss ``σ/√n`` with the current numbers."""
    src = result.source
    return (
        r"\begin{gathered} \bar{x}_n = \frac{x_1 + \dots + x_n}{n} \;\longrightarrow\; \mu = "
        rf"{format_number(src.mean, 6)} \\ \text{{typical miss}} \approx "
        rf"\frac{{\sigma}}{{\sqrt{{n}}}} = \frac{{{format_number(src.std, 4)}}}"
        rf"{{\sqrt{{{result.n}}}}} = {format_number(src.std / math.sqrt(result.n), 3)}"
        r" \end{gathered}"
    )


def describe_lln(result: RunningMeans) -> str:
    """Where the runs end, and how that compares with the band ``μ ± σ/√n``."""
    src, n = result.source, result.n
    band = src.std / math.sqrt(n)
    finals = ", ".join(display_number(v) for v in result.final)
    worst = float(np.max(np.abs(result.final - src.mean)))
    inside = int(np.count_nonzero(np.abs(result.final - src.mean) <= band))
    runs = "run ends" if result.runs == 1 else "runs end"
    return (
        f"After **{n:,} draws** the {runs} at {finals}: at most "
        f"**{display_number(worst, 3)}** from the true mean μ = "
        f"{display_number(src.mean)}. The band μ ± σ/√n is ±{display_number(band, 3)} "
        f"there ({inside} of {result.runs} inside it; about 68% expected). It narrows "
        "like 1/√n: 100 times more draws, 10 times closer — the law of large numbers."
    )


# -- central limit theorem ----------------------------------------------------------


def clt_code(result: MeansOfK) -> str:
    """Code that draws the same means and prints their mean and spread."""
    src, k, repeats = result.source, result.k, result.repeats
    return (
        "import numpy as np\n\n"
        f"rng = np.random.default_rng(seed={result.seed})\n"
        f"k, repeats = {k}, {repeats}\n"
        f"draws = {src.code.format(size='(repeats, k)')}  # each row: k draws\n"
        "means = draws.mean(axis=1)  # one mean per row\n"
        "means.mean(), means.std()  # theory: the source's mean, and σ/√k"
    )


def clt_code_result(result: MeansOfK) -> tuple[np.float64, np.float64]:
    """What :func:`clt_code` evaluates to: the means' mean and standard deviation."""
    return result.mean_of_means, result.std_of_means


def clt_latex(result: MeansOfK) -> str:
    """``x̄ₖ ≈ N(μ, σ²/k)`` with the current numbers."""
    src = result.source
    return (
        rf"\bar{{x}}_k = \frac{{x_1 + \dots + x_k}}{{k}} \;\approx\; "
        rf"\mathcal{{N}}\!\left(\mu,\ \frac{{\sigma^2}}{{k}}\right) = "
        rf"\mathcal{{N}}\!\left({format_number(src.mean, 4)},\ "
        rf"{format_number(result.predicted_std, 4)}^2\right)"
    )


def closeness(distance: float) -> str:
    """Words for :attr:`MeansOfK.shape_distance` (0 for an exactly normal shape)."""
    if distance < 0.15:
        return "very close to"
    if distance < 0.4:
        return "close to"
    if distance < 0.8:
        return "roughly like"
    return "still far from"


def describe_clt(result: MeansOfK) -> str:
    """How close the histogram of means is to the predicted normal, and why."""
    src, k = result.source, result.k
    verdict = closeness(result.shape_distance)
    what = "single draws" if k == 1 else f"means of k = {k} draws"
    name = src.label.split(" (")[0].split(":")[0]
    kurtosis = (
        f"{display_number(src.excess_kurtosis, 3)}/{k} = "
        f"**{display_number(result.predicted_excess_kurtosis, 2)}**"
    )
    text = (
        f"The {result.repeats:,} {what} from the source “{name}” look **{verdict} "
        f"the normal curve** N({display_number(src.mean)}, "
        f"{display_number(result.predicted_std, 3)}²) that the central limit theorem "
        f"predicts. Their spread is {display_number(float(result.std_of_means), 3)} "
        f"(theory σ/√k = {display_number(result.predicted_std, 3)}). "
    )
    if src.skewness == 0:
        whose = "for single draws" if k == 1 else f"for means of {k} draws"
        text += (
            "The source is symmetric, so only its tails differ from a bell's. How "
            f"heavy they are (the excess kurtosis, 0 for a bell) is {kurtosis} "
            f"{whose}"
        )
        advice = ": increase k to shrink it towards 0."
    else:
        text += (
            "A bell is not lopsided (skewness 0) and its tails are not heavy "
            f"(excess kurtosis 0); {'single draws' if k == 1 else f'means of {k} draws'}"
            f" have exactly {display_number(src.skewness, 3)}/√{k} = "
            f"**{display_number(result.predicted_skewness, 2)}** and {kurtosis} "
            f"(measured skewness {display_number(result.skewness, 2)})"
        )
        advice = (
            ": increase k to shrink both towards 0 — the more skewed the source, "
            "the larger k it needs."
        )
    return text + ("." if verdict == "very close to" else advice)
