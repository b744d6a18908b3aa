"""The answers of the further questions, one function per question.

Spread, the 68–95–99.7 rule, several tests, naive Bayes, the slope, the central
limit, the curve and the outlier, the layer, the transpose, a fitted line and the
outlier's losses.

As in :mod:`core.questions.answers`, each function takes the page's values by
their URL names, computes the answer with the topic's own ``core`` function and
returns an :class:`~core.questions.guess.Answer`; a question with no answer for
today's values raises ``ValueError`` saying why.

Examples
--------
The notebook's numbers 2, 4, 4, 4, 5, 5, 7, 9 have standard deviation 2 (÷ n):

>>> spread_std("2, 4, 4, 4, 5, 5, 7, 9", 0)
Answer(value=2.0, tolerance=0.1, low=0.0, high=1000000000.0)

Three positive tests of the rare disease (1 % ill, 90 % sensitive, 5 % false
positives) leave a belief of about 0.983:

>>> round(final_belief("natural", 0.01, 0.9, 0.5, 0.05, "+++").value, 3)
0.983
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from core import bayes as cb
from core import correlation as corr
from core import descriptive_statistics as stats
from core import gradient_descent as gd
from core import loss_functions as lf
from core import matrices as mat
from core import normal_distribution as nd
from core import sampling as smp
from core.parsing import check_int
from core.questions.guess import Answer, make_answer, relative_tolerance

#: A share of draws, a probability: guessed within 0.05.
SHARE_TOLERANCE = 0.05
#: A correlation coefficient r: guessed within 0.1.
R_TOLERANCE = 0.1


# -- Mean, variance & std -----------------------------------------------------------
def spread_std(data: Any, ddof: int) -> Answer:
    """The standard deviation (``ddof`` 0: ÷ n, 1: ÷ n − 1): within 5 %, ≥ 0.1."""
    value = stats.summarize(data, check_int(ddof, "ddof", 0, 1)).std()
    return make_answer(value, tolerance=relative_tolerance(float(value)), low=0.0)


def spread_variance(data: Any, ddof: int) -> Answer:
    """The variance (``ddof`` 0: ÷ n, 1: ÷ n − 1): within 5 %, at least 0.1."""
    value = stats.summarize(data, check_int(ddof, "ddof", 0, 1)).variance()
    return make_answer(value, tolerance=relative_tolerance(float(value)), low=0.0)


# -- Normal distribution ---------------------------------------------------------------
def within_sigma(mu: float, sigma: float, n: int, seed: int, k: int) -> Answer:
    """The share of the ``n`` seeded draws within ``k`` σ of μ: within 0.05."""
    k = check_int(k, "k", 1, 3)
    draws = nd.draw_normal(mu, sigma, n, seed)
    sample = nd.summarize_sample(draws, mu, sigma, nd.BINS_LIMITS[0], seed)
    return make_answer(
        float(sample.within[k - 1]), tolerance=SHARE_TOLERANCE, low=0.0, high=1.0
    )


def draws_std(mu: float, sigma: float, n: int, seed: int) -> Answer:
    """The standard deviation (÷ n) of the ``n`` seeded draws: within 5 %, ≥ 0.01."""
    value = float(np.std(nd.draw_normal(mu, sigma, n, seed)))
    return make_answer(value, tolerance=relative_tolerance(value, floor=0.01), low=0.0)


# -- Sampling ----------------------------------------------------------------------------
def means_std(source: str, k: int, repeats: int, bins: int, seed: int) -> Answer:
    """The standard deviation of the means of ``k`` draws: within 10 %, ≥ 0.01."""
    value = float(smp.means_of_k(source, k, repeats, bins, seed).std_of_means)
    return make_answer(
        value, tolerance=relative_tolerance(value, 0.1, floor=0.01), low=0.0
    )


# -- Bayes ---------------------------------------------------------------------------------
def final_belief(
    form: cb.Form,
    p_a: float,
    p_b_given_a: float,
    p_b: float,
    p_b_given_not_a: float,
    results: str,
) -> Answer:
    """``P(A | every result)``, each posterior the next prior: within 0.05."""
    first = cb.bayes(form, p_a, p_b_given_a, p_b, p_b_given_not_a)
    value = float(cb.update_sequence(first, results).beliefs[-1])
    return make_answer(value, tolerance=SHARE_TOLERANCE, low=0.0, high=1.0)


def spam_posterior(
    message: str,
    p_spam: float,
    spam_likelihoods: Sequence[float],
    genuine_likelihoods: Sequence[float],
) -> Answer:
    """``P(spam | the message's words)`` of naive Bayes: within 0.05."""
    words = cb.parse_message(message)
    verdict = cb.naive_bayes(words, p_spam, spam_likelihoods, genuine_likelihoods)
    return make_answer(verdict.posterior, tolerance=SHARE_TOLERANCE, low=0.0, high=1.0)


# -- Gradient descent -------------------------------------------------------------------------
def slope(fn: str, w: float, h: float, f: str = "") -> Answer:
    """The exact slope ``f′(w)``: within 5 %, at least 0.1."""
    value = gd.derivative_at(fn, w, h, f).slope
    return make_answer(value, tolerance=relative_tolerance(value))


def loss_at(fn: str, w: float, h: float, f: str = "") -> Answer:
    """The loss ``f(w)``: within 5 %, at least 0.1."""
    value = gd.derivative_at(fn, w, h, f).value
    return make_answer(value, tolerance=relative_tolerance(value))


# -- Correlation ---------------------------------------------------------------------------------
def _r(value: float | None) -> Answer:
    if value is None:
        raise ValueError("r is undefined when x or y does not vary")
    return make_answer(value, tolerance=R_TOLERANCE, low=-1.0, high=1.0)


def columns_r(xy: str) -> Answer:
    """Pearson's ``r`` of pasted ``x, y`` columns (one pair per line): within 0.1."""
    return _r(corr.pairs_from_columns(xy).r)


def curve_r(centre: float, curve_noise: float, seed: int) -> Answer:
    """Pearson's ``r`` of the noisy curve ``y = x²``: within 0.1."""
    return _r(corr.curve_sample(centre, curve_noise, seed).stats.r)


def outlier_r(base_rho: float, base_n: int, ox: float, oy: float, seed: int) -> Answer:
    """Pearson's ``r`` of the cloud with the outlier added: within 0.1."""
    return _r(corr.outlier_study(base_rho, base_n, ox, oy, seed).with_outlier.r)


# -- Matrices -------------------------------------------------------------------------------------
def layer_output(w: str, x: str, bias: str, act: str, index: int = 0) -> Answer:
    """Output ``y[index]`` of ``y = f(W x + b)`` (clamped to the outputs): 5 %, ≥ 0.1."""
    layer = mat.layer_from_text(w, x, bias, act)
    i = min(check_int(index, "index", 0), layer.outputs - 1)
    value = float(layer.y[i])
    return make_answer(value, tolerance=relative_tolerance(value))


def product_transpose_corner(t: str, tb: str) -> Answer:
    """The entry of ``(AB)ᵀ`` in row 1 and its last column: last row of A · column 1 of B.

    Within 5 % of the answer, at least 0.1; no answer when ``AB`` is undefined.
    """
    rule = mat.rule_from_text(mat.transpose_from_text(t).matrix, tb)
    if rule.ab_t is None:
        raise ValueError("AB is not defined: B needs as many rows as A has columns")
    value = float(rule.ab_t[0, -1])
    return make_answer(value, tolerance=relative_tolerance(value))


# -- Loss functions ---------------------------------------------------------------------------------
def loss_dataset(
    data: str, n: int, seed: int, noise: float, x: str, y: str
) -> lf.Dataset:
    """The points of the loss page's data controls (seeded or typed)."""
    if data == "seeded":
        return lf.make_dataset(n, seed, noise)
    if data == "typed":
        return lf.typed_dataset(x, y)
    raise ValueError(
        "Predict first asks about seeded or typed points: pick one of those under Data"
    )


def line_mse(dataset: lf.Dataset, w: float, b: float) -> Answer:
    """The MSE of the line ``y = w·x + b`` on these points: within 10 %, ≥ 0.1."""
    value = lf.fit_line(dataset, w, b).mse
    return make_answer(value, tolerance=relative_tolerance(value, 0.1), low=0.0)


def outlier_huber(outlier: bool, outlier_dy: float, delta: float) -> Answer:
    """The Huber loss of the outlier's own residual with this ``δ``: 5 %, ≥ 0.1."""
    if not outlier:
        raise ValueError("there is no outlier: switch on Add an outlier")
    value = lf.residual_losses(outlier_dy, lf.check_delta(delta))["huber"]
    return make_answer(value, tolerance=relative_tolerance(value), low=0.0)


def mse_with_outlier(
    dataset: lf.Dataset, delta: float, outlier: bool, ox: float, dy: float
) -> Answer:
    """The MSE of the clean line over every point, the outlier too: 10 %, ≥ 0.1."""
    if not outlier:
        raise ValueError("there is no outlier: switch on Add an outlier")
    comparison = lf.compare_losses(
        dataset, delta, outlier=True, outlier_x=ox, outlier_dy=dy
    )
    value = comparison.values_outlier["mse"]
    return make_answer(value, tolerance=relative_tolerance(value, 0.1), low=0.0)
