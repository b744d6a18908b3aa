"""The answer of every question in the catalogue, one function per question.

Each function takes the page's values by their URL names (the same names the
views pass to ``core``), computes the answer with the topic's own ``core``
function, and returns an :class:`~core.questions.guess.Answer` with the
question's tolerance and range. A question with no answer for today's values
(no root, a zero vector, a diverged descent) raises ``ValueError`` saying why.

Tolerances: a probability, a share or a correlation is close within 0.05 (0.1
for r, which people guess less precisely); any other number within 5 % of the
answer, but never less than a small floor in the page's own units.

Examples
--------
Notebook cell 1: the root of ``2x − 4 = 0`` is 2, close within 0.1:

>>> linear_root(2.0, -4.0)
Answer(value=2.0, tolerance=0.1, low=-1000000000.0, high=1000000000.0)

Notebook cell 2: the dot product of (1, 2, 3) and (4, 5, 6):

>>> dot(np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0])).value
32.0
"""

from __future__ import annotations

from typing import Any

import numpy as np

from core import bayes as cb
from core import correlation as corr
from core import descriptive_statistics as stats
from core import equations as eq
from core import gradient_descent as gd
from core import loss_functions as lf
from core import matrices as mat
from core import normal_distribution as nd
from core import sampling as smp
from core import vectors as vec
from core.parsing import check_int
from core.questions.guess import Answer, make_answer, relative_tolerance

#: A probability, a share of draws, a cosine: guessed within 0.05.
PROBABILITY_TOLERANCE = 0.05
#: A correlation coefficient r: guessed within 0.1.
R_TOLERANCE = 0.1


# -- equations ---------------------------------------------------------------------
def linear_root(a: float, b: float) -> Answer:
    """The root ``x = −b/a`` of ``a·x + b = 0``: within 5 %, at least 0.1."""
    root = eq.solve_linear(a, b).root
    if root is None:
        raise ValueError("with a = 0 the line has no single root")
    return make_answer(root, tolerance=relative_tolerance(root))


def crossing(
    a1: float,
    b1: float,
    c1: float,
    a2: float,
    b2: float,
    c2: float,
    axis: int,
) -> Answer:
    """Coordinate ``axis`` (0: x, 1: y) of where two lines ``a·x + b·y = c`` cross."""
    point = eq.solve_system([[a1, b1], [a2, b2]], [c1, c2]).point
    if point is None:
        raise ValueError("these two lines do not cross in exactly one point")
    value = point[check_int(axis, "axis", 0, 1)]
    return make_answer(value, tolerance=relative_tolerance(value))


# -- vectors and matrices -------------------------------------------------------------
def _dot_product(a: Any, b: Any) -> vec.DotProduct:
    if isinstance(a, str) and isinstance(b, str):
        return vec.dot_product_from_text(a, b)
    return vec.dot_product(a, b)


def dot(a: Any, b: Any) -> Answer:
    """``a·b`` (vectors as arrays or as typed text): within 5 %, at least 0.5."""
    value = _dot_product(a, b).dot
    return make_answer(value, tolerance=relative_tolerance(value, floor=0.5))


def cosine(a: Any, b: Any) -> Answer:
    """``cos θ = a·b / (|a||b|)``, in −1 … 1: within 0.05."""
    value = _dot_product(a, b).cosine
    if value is None:
        raise ValueError("a zero vector has no direction, so no angle")
    return make_answer(value, tolerance=PROBABILITY_TOLERANCE, low=-1.0, high=1.0)


def product_cell(a: str, b: str, cell: int) -> Answer:
    """Cell number ``cell`` (row by row, clamped) of ``A @ B``: within 5 %, ≥ 0.5."""
    product = mat.multiply_from_text(a, b)
    i, j = product.cell_index(check_int(cell, "cell"))
    value = float(product.c[i, j])
    return make_answer(value, tolerance=relative_tolerance(value, floor=0.5))


def determinant(m11: float, m12: float, m21: float, m22: float) -> Answer:
    """``det [[a, b], [c, d]] = a·d − b·c``: the area factor, within 5 %, ≥ 0.1."""
    value = mat.plane_map([[m11, m12], [m21, m22]], "A").determinant
    return make_answer(value, tolerance=relative_tolerance(value))


# -- gradient descent -------------------------------------------------------------------
def w_ahead(
    fn: str, w0: float, lr: float, steps: int, f: str = "", ahead: int = 1
) -> Answer:
    """``w`` after ``ahead`` more steps of ``w ← w − lr·f′(w)`` from step ``steps``.

    Close within 5 % of the answer, at least 0.05. A descent that diverges on the
    way has no answer.
    """
    total = check_int(steps, "steps", 0) + check_int(ahead, "ahead", 1, 100)
    if total > gd.MAX_STEPS_1D:
        raise ValueError(f"the page takes at most {gd.MAX_STEPS_1D} steps")
    path = gd.descend_1d(fn, w0, lr, total, f).path
    if path.diverged_at is not None:
        raise ValueError(f"the descent diverges at step {path.diverged_at}")
    value = float(path.points[-1][0])
    return make_answer(value, tolerance=relative_tolerance(value, floor=0.05))


# -- statistics -------------------------------------------------------------------------
def mean(data: Any) -> Answer:
    """The mean of the learner's numbers: within 5 %, at least 0.1."""
    value = stats.summarize(data, 0).mean
    return make_answer(value, tolerance=relative_tolerance(value))


def median(data: Any) -> Answer:
    """The median of the learner's numbers: within 5 %, at least 0.1."""
    value = stats.summarize(data, 0).median
    return make_answer(value, tolerance=relative_tolerance(value))


def interval_share(
    mu: float, sigma: float, n: int, seed: int, a: float, b: float
) -> Answer:
    """The share of the ``n`` seeded draws between ``a`` and ``b``: within 0.05."""
    draws = nd.draw_normal(mu, sigma, n, seed)
    result = nd.interval_probability(mu, sigma, a, b, draws)
    return make_answer(
        result.count / result.n, tolerance=PROBABILITY_TOLERANCE, low=0.0, high=1.0
    )


def interval_area(mu: float, sigma: float, a: float, b: float) -> Answer:
    """``P(a < X < b)`` for ``X ~ N(μ, σ²)``, the area under the curve: within 0.05."""
    result = nd.interval_probability(mu, sigma, a, b, np.array([mu]))
    return make_answer(
        result.probability, tolerance=PROBABILITY_TOLERANCE, low=0.0, high=1.0
    )


def source_mean(source: str) -> Answer:
    """The true mean of a sampling source (a die: 3.5): within 5 %, at least 0.05."""
    value = smp.get_source(source).mean
    return make_answer(value, tolerance=relative_tolerance(value, floor=0.05))


def final_mean(source: str, n: int, runs: int, seed: int) -> Answer:
    """Run 1's mean after all ``n`` draws: within 5 % of the answer, at least 0.05."""
    value = float(smp.running_means(source, n, runs, seed).final[0])
    return make_answer(value, tolerance=relative_tolerance(value, floor=0.05))


def posterior(
    form: cb.Form,
    p_a: float,
    p_b_given_a: float,
    p_b: float,
    p_b_given_not_a: float,
) -> Answer:
    """``P(A|B) = P(B|A)·P(A) / P(B)``, in 0 … 1: within 0.05."""
    value = cb.bayes(form, p_a, p_b_given_a, p_b, p_b_given_not_a).p_a_given_b
    return make_answer(value, tolerance=PROBABILITY_TOLERANCE, low=0.0, high=1.0)


def evidence(
    form: cb.Form,
    p_a: float,
    p_b_given_a: float,
    p_b: float,
    p_b_given_not_a: float,
) -> Answer:
    """``P(B) = P(B|A)·P(A) + P(B|¬A)·(1 − P(A))``, in 0 … 1: within 0.05."""
    value = cb.bayes(form, p_a, p_b_given_a, p_b, p_b_given_not_a).p_b
    return make_answer(value, tolerance=PROBABILITY_TOLERANCE, low=0.0, high=1.0)


def pearson_r(x: str, y: str) -> Answer:
    """Pearson's ``r`` of two typed lists, in −1 … 1: within 0.1."""
    value = corr.pairs_from_lists(x, y).r
    if value is None:
        raise ValueError("r is undefined when one list does not vary")
    return make_answer(value, tolerance=R_TOLERANCE, low=-1.0, high=1.0)


def sample_r(n: int, rho: float, seed: int, noise: float) -> Answer:
    """Pearson's ``r`` of the seeded cloud drawn with target ``ρ``: within 0.1."""
    value = corr.correlated_sample(n, rho, seed, noise).stats.r
    if value is None:
        raise ValueError("r is undefined for this cloud")
    return make_answer(value, tolerance=R_TOLERANCE, low=-1.0, high=1.0)


# -- loss ----------------------------------------------------------------------------------
def mse(y_true: Any, y_pred: Any) -> Answer:
    """``mean((y_true − y_pred)²)``: within 10 %, at least 0.1."""
    value = lf.residual_report(y_true, y_pred).mse
    return make_answer(value, tolerance=relative_tolerance(value, 0.1), low=0.0)


def mae(y_true: Any, y_pred: Any) -> Answer:
    """``mean(|y_true − y_pred|)``: within 10 %, at least 0.1."""
    value = lf.residual_report(y_true, y_pred).mae
    return make_answer(value, tolerance=relative_tolerance(value, 0.1), low=0.0)
