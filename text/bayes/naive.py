"""Learner text for the naive Bayes spam filter: scores, verdict, code.

Examples
--------
>>> from core.bayes import naive_bayes
>>> nb = naive_bayes(["free", "meeting"], 0.5, [0.3, 0.02], [0.03, 0.2])
>>> naive_bayes_code(nb).splitlines()[-1]
'P_spam_given_message'
>>> latex_number(0.0015), latex_number(0.000015)
('0.0015', '1.5 \\\\times 10^{-5}')
"""

from __future__ import annotations

import math

import numpy as np

from core.bayes import NaiveBayes, percent, strongest_word, vetoing_words
from core.bayes import format_probability as prob
from core.parsing import code_literal, format_number
from text.common import latex_power

#: What "naive" means, and why it still works.
NAIVE_ASSUMPTION = (
    "**The naive assumption:** given the class, words are independent, so "
    "P(free, money | spam) = P(free | spam) · P(money | spam). Real words are not "
    "independent (“free” and “money” come together), yet the product still ranks "
    "messages well — and it is just Bayes' theorem applied once per word, each "
    "posterior the next prior."
)


def latex_number(value: float) -> str:
    """``0.0015`` stays, ``1.5e-05`` becomes ``1.5 \\times 10^{-5}``."""
    return latex_power(prob(value))


def _score_latex(score: float, log_score: float | None) -> str:
    """A score for LaTeX; one too small for a float is written from its log."""
    if score > 0 or log_score is None:
        return latex_number(score)
    return power_of_ten(log_score / math.log(10), latex=True)


def _score_words(score: float, log_score: float | None) -> str:
    if score > 0 or log_score is None:
        return f"{score:.3g}"
    return power_of_ten(log_score / math.log(10))


def power_of_ten(exponent: float, *, latex: bool = False) -> str:
    """``10**exponent`` written as ``m × 10ᵏ`` (3 digits), for numbers below any float.

    >>> power_of_ten(-600.0), power_of_ten(-599.5, latex=True)
    ('1 × 10⁻⁶⁰⁰', '3.16 \\\\times 10^{-600}')
    """
    whole = math.floor(exponent)
    mantissa = format_number(10 ** (exponent - whole), 3)
    if mantissa == "10":
        mantissa, whole = "1", whole + 1
    if latex:
        return f"{mantissa} \\times 10^{{{whole}}}"
    return f"{mantissa} × 10{str(whole).translate(_SUPERSCRIPTS)}"


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def naive_bayes_latex(nb: NaiveBayes) -> str:
    """Each class's score, then the posterior, with today's numbers."""
    factors = (latex_number(v) for v in nb.p_word_given_spam)
    spam = r" \times ".join([prob(nb.p_spam), *factors])
    factors = (latex_number(v) for v in nb.p_word_given_ham)
    ham = r" \times ".join([prob(1 - nb.p_spam), *factors])
    spam_score = _score_latex(nb.spam_score, nb.log_spam_score)
    ham_score = _score_latex(nb.ham_score, nb.log_ham_score)
    words = r",\ ".join(nb.words)
    return (
        r"\begin{aligned}"
        r"\text{score}(c) &= P(c)\,\prod_i P(w_i\mid c) \\"
        rf"\text{{score}}(\text{{spam}}) &= {spam} = {spam_score} \\"
        rf"\text{{score}}(\text{{genuine}}) &= {ham} = {ham_score} \\"
        rf"P(\text{{spam}}\mid \text{{{words}}}) &= "
        rf"\frac{{{spam_score}}}{{{spam_score} + {ham_score}}} = {prob(nb.posterior)}"
        r"\end{aligned}"
    )


def describe_naive_bayes(nb: NaiveBayes) -> str:
    """The verdict and which word pushed hardest."""
    verdict = "spam" if nb.posterior >= 0.5 else "genuine"
    text = (
        f"The message “{' '.join(nb.words)}” is scored "
        f"{_score_words(nb.spam_score, nb.log_spam_score)} as spam and "
        f"{_score_words(nb.ham_score, nb.log_ham_score)} as genuine, so "
        "**P(spam | message) = "
        f"{percent(nb.posterior)}**: the filter calls it {verdict}."
    )
    strongest = strongest_word(nb)
    if strongest is not None:
        word, ratio = strongest
        side = "spam" if ratio > 1 else "genuine"
        factor = ratio if ratio > 1 else 1 / ratio
        text += (
            f" “{word}” pushes hardest: it is {format_number(factor, 3)} times as "
            f"likely in {side} mail."
        )
    zeros = vetoing_words(nb)
    if zeros:
        text += (
            f" A likelihood of 0 (for “{zeros[0]}”) vetoes a class whatever the other "
            "words say — which is why real filters smooth their counts."
        )
    return text


def naive_bayes_code(nb: NaiveBayes) -> str:
    """Multiplying likelihoods with NumPy, the page's numbers filled in."""
    return "\n".join(
        [
            "import numpy as np",
            "",
            f"P_spam = {format_number(nb.p_spam)}",
            f"words = {list(nb.words)!r}",
            f"P_word_given_spam = np.array({code_literal(nb.p_word_given_spam)})",
            f"P_word_given_genuine = np.array({code_literal(nb.p_word_given_ham)})",
            "",
            "# naive: words are assumed independent given the class, so multiply",
            *(_LOG_LINES if nb.underflows else _PRODUCT_LINES),
            "P_spam_given_message",
        ]
    )


_PRODUCT_LINES = (
    "spam_score = P_spam * np.prod(P_word_given_spam)",
    "genuine_score = (1 - P_spam) * np.prod(P_word_given_genuine)",
    "P_spam_given_message = spam_score / (spam_score + genuine_score)",
)
#: When the products underflow to 0 (below 1e-308), add logs instead of multiplying.
_LOG_LINES = (
    "# the products would underflow to 0: add logarithms instead of multiplying",
    "log_spam = np.log(P_spam) + np.cumsum(np.log(P_word_given_spam))[-1]",
    "log_genuine = np.log(1 - P_spam) + np.cumsum(np.log(P_word_given_genuine))[-1]",
    "P_spam_given_message = 1 / (1 + np.exp(log_genuine - log_spam))",
)


def naive_bayes_code_result(nb: NaiveBayes) -> np.float64:
    """What the last line of :func:`naive_bayes_code` evaluates to."""
    return np.float64(nb.posterior)
