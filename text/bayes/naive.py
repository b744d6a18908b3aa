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


def naive_bayes_latex(nb: NaiveBayes) -> str:
    """Each class's score, then the posterior, with today's numbers."""
    factors = (latex_number(v) for v in nb.p_word_given_spam)
    spam = r" \times ".join([prob(nb.p_spam), *factors])
    factors = (latex_number(v) for v in nb.p_word_given_ham)
    ham = r" \times ".join([prob(1 - nb.p_spam), *factors])
    spam_score, ham_score = latex_number(nb.spam_score), latex_number(nb.ham_score)
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
        f"The message “{' '.join(nb.words)}” is scored {nb.spam_score:.3g} as spam "
        f"and {nb.ham_score:.3g} as genuine, so **P(spam | message) = "
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
            "spam_score = P_spam * np.prod(P_word_given_spam)",
            "genuine_score = (1 - P_spam) * np.prod(P_word_given_genuine)",
            "P_spam_given_message = spam_score / (spam_score + genuine_score)",
            "P_spam_given_message",
        ]
    )


def naive_bayes_code_result(nb: NaiveBayes) -> np.float64:
    """What the last line of :func:`naive_bayes_code` evaluates to."""
    return np.float64(nb.posterior)
