"""Named special cases of Bayes' theorem, and when the base-rate fallacy bites.

Examples
--------
>>> from core.bayes.theorem import bayes_from_evidence
>>> special_cases(bayes_from_evidence(1.0, 0.6, 0.6))  # P(A) = 1: nothing to learn
('certain_prior',)
"""

from __future__ import annotations

from typing import Literal

from core.bayes.theorem import TOLERANCE, Bayes

SpecialCase = Literal[
    "impossible_prior",
    "certain_prior",
    "certain_evidence",
    "excluding_evidence",
    "sure_sign",
    "constant_evidence",
    "uninformative_evidence",
]


def special_cases(result: Bayes) -> tuple[SpecialCase, ...]:
    """The named special cases ``result`` falls into, in the order they are told.

    - ``impossible_prior``: ``P(A) = 0``, and no evidence can change it;
    - ``certain_prior``: ``P(A) = 1``;
    - ``certain_evidence``: ``P(B|¬A) = 0`` with ``P(B|A) > 0``: B proves A;
    - ``excluding_evidence``: ``P(B|A) = 0`` with ``P(A) > 0``: B proves ¬A;
    - ``sure_sign``: ``P(B|A) = 1``: a missing B proves ¬A;
    - ``constant_evidence``: ``P(B) = 1``: B tells nothing;
    - ``uninformative_evidence``: ``P(B|A) = P(B|¬A) > 0``: A and B independent.

    Examples
    --------
    >>> from core.bayes.theorem import bayes_from_evidence, bayes_from_rates
    >>> special_cases(bayes_from_rates(0.1, 0.5, 0.0))
    ('certain_evidence',)
    >>> special_cases(bayes_from_evidence(0.3, 0.8, 0.5))
    ()
    """
    p_a, like, false_pos = result.p_a, result.p_b_given_a, result.p_b_given_not_a
    uncertain = 0 < p_a < 1
    cases: list[SpecialCase] = []
    if p_a == 0:
        cases.append("impossible_prior")
    if p_a == 1:
        cases.append("certain_prior")
    if uncertain and false_pos == 0 and like > 0:
        cases.append("certain_evidence")
    if p_a > 0 and like == 0:
        cases.append("excluding_evidence")
    if uncertain and like == 1:
        cases.append("sure_sign")
    if result.p_b >= 1 - TOLERANCE and uncertain:
        cases.append("constant_evidence")
    elif (
        uncertain
        and false_pos is not None
        and abs(like - false_pos) <= TOLERANCE * max(like, false_pos)
        and like > 0
    ):
        cases.append("uninformative_evidence")
    return tuple(cases)


def base_rate_fallacy_bites(result: Bayes) -> bool:
    """Whether reading ``P(B|A)`` as ``P(A|B)`` would overstate the belief.

    It bites when ``P(B|A)`` is above ``P(A|B)`` by 0.1 or more (and ``P(B|¬A)``
    is defined): the rare true cases are swamped by false positives.

    >>> from core.bayes.theorem import bayes_from_rates
    >>> base_rate_fallacy_bites(bayes_from_rates(0.01, 0.9, 0.05))  # 0.9 vs 0.15
    True
    """
    gap = result.p_b_given_a - result.p_a_given_b
    return gap >= 0.1 and result.p_b_given_not_a is not None
