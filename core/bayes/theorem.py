"""Bayes' theorem, two ways in: update a belief P(A) with evidence B.

Notebook cell 8::

    P_A = 0.3
    P_B_given_A = 0.8
    P_B = 0.5

    P_A_given_B = (P_B_given_A * P_A) / P_B      # 0.48

- the notebook's form :func:`bayes_from_evidence` takes ``P(A)``, ``P(B|A)`` and
  ``P(B)``. Not every triple is possible: B contains the people with A who show
  B, so ``P(B|A)·P(A) ≤ P(B) ≤ P(B|A)·P(A) + 1 − P(A)``, and ``P(B) > 0``;
- the natural form :func:`bayes_from_rates` takes the prior ``P(A)``, the
  sensitivity ``P(B|A)`` and the false-positive rate ``P(B|¬A)``; ``P(B)``
  follows by total probability.

Examples
--------
>>> bayes_from_evidence(0.3, 0.8, 0.5).p_a_given_b
0.48
>>> round(bayes_from_rates(0.01, 0.9, 0.05).p_a_given_b, 4)  # a rare disease
0.1538
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from core.parsing import check_finite_number, check_probability, format_number

Form = Literal["notebook", "natural"]
Perspective = Literal["posterior", "likelihood", "all"]

#: Room for rounding when a learner types a bound exactly: 0.8 * 0.1 is
#: 0.08000000000000002 in floating point, yet P(B) = 0.08 is a possible value.
#: It is *relative* to the bound: P(B) may pass ``low`` by ``TOLERANCE·low`` at most,
#: so tiny probabilities (1e-10 and below) are checked as strictly as large ones.
TOLERANCE = 1e-9


def _slack(bound: float) -> float:
    """How far a typed value may pass ``bound`` and still count as equal to it."""
    return TOLERANCE * abs(bound)


def clip_probability(value: float) -> float:
    """Keep a probability inside [0, 1] (removes rounding noise on the bounds).

    >>> clip_probability(1.0000000000000002), clip_probability(-1e-17)
    (1.0, 0.0)
    """
    value = check_finite_number(value, "A probability")
    return min(max(value, 0.0), 1.0)


def format_probability(value: float) -> str:
    """A probability for display: 4 significant digits, ``0.48``; never a false 1.

    ``format_number(value, 4)`` would write 0.99998 as ``1``, which reads as
    certainty: such a value gets 8 digits instead.

    >>> format_probability(0.48), format_probability(0.371428)
    ('0.48', '0.3714')
    >>> format_probability(0.99998)
    '0.99998'
    """
    text = format_number(value, 4)
    if text == "1" and value != 1:
        return format_number(value, 8)
    return text


def percent(value: float) -> str:
    """A probability as a percentage for sentences: ``48 %``, ``15.4 %``, ``0.05 %``.

    >>> percent(0.48), percent(0.15384), percent(0.0005)
    ('48 %', '15.4 %', '0.05 %')
    """
    share = 100 * check_probability(value, "A probability")
    if share == 0 or share >= 1 or share == round(share):
        text = f"{share:.1f}".removesuffix(".0")
    else:
        text = f"{share:.2g}"
    return f"{text} %"


@dataclass(frozen=True)
class Bayes:
    """One consistent set of probabilities for an event A and evidence B.

    ``p_b_given_not_a`` is ``None`` when it is undefined: in the notebook's form
    with ``P(A) = 1`` nobody lacks A, so ``P(B)`` says nothing about it.
    ``clipped`` says the posterior was brought back to 1 from a rounding error
    of order 1e-16 (``P(B)`` typed exactly on its lower bound).
    """

    p_a: float
    p_b_given_a: float
    p_b_given_not_a: float | None
    p_b: float
    p_a_given_b: float
    form: Form
    clipped: bool = False

    @property
    def key(self) -> tuple[object, ...]:
        """The inputs this result was computed from (a cache key)."""
        return (self.form, self.p_a, self.p_b_given_a, self.p_b, self.p_b_given_not_a)

    @property
    def inputs(self) -> dict[str, float]:
        """The three numbers typed in this result's form, by parameter name.

        >>> bayes_from_evidence(0.3, 0.8, 0.5).inputs
        {'p_a': 0.3, 'p_b_given_a': 0.8, 'p_b': 0.5}
        """
        values = {"p_a": self.p_a, "p_b_given_a": self.p_b_given_a}
        if self.form == "notebook":
            return {**values, "p_b": self.p_b}
        return {**values, "p_b_given_not_a": self.p_b_given_not_a or 0.0}

    @property
    def p_not_a(self) -> float:
        """``P(¬A) = 1 − P(A)``."""
        return 1 - self.p_a

    @property
    def p_not_b(self) -> float:
        """``P(¬B) = 1 − P(B)``."""
        return clip_probability(1 - self.p_b)

    @property
    def joint(self) -> np.ndarray:
        """``[[P(A∩B), P(A∩¬B)], [P(¬A∩B), P(¬A∩¬B)]]``: shape (2, 2), sums to 1."""
        a_b = self.p_b_given_a * self.p_a
        a_not_b = clip_probability(self.p_a - a_b)
        not_a_b = clip_probability(self.p_b - a_b)
        not_a_not_b = clip_probability(self.p_not_a - not_a_b)
        return np.array([[a_b, a_not_b], [not_a_b, not_a_not_b]])

    @property
    def p_not_a_given_b(self) -> float:
        """``P(¬A|B) = 1 − P(A|B)``."""
        return clip_probability(1 - self.p_a_given_b)

    @property
    def p_a_given_not_b(self) -> float | None:
        """``P(A|¬B) = P(A∩¬B) / P(¬B)``; ``None`` when ¬B never happens."""
        if self.p_not_b <= TOLERANCE:
            return None
        return clip_probability(float(self.joint[0, 1]) / self.p_not_b)

    @property
    def likelihood_ratio(self) -> float | None:
        """``P(B|A) / P(B|¬A)``: how many times likelier B is with A than without.

        ``None`` when undefined (no one without A) and ``inf`` for no false positives.
        """
        if self.p_b_given_not_a is None:
            return None
        if self.p_b_given_not_a == 0:
            return math.inf
        return self.p_b_given_a / self.p_b_given_not_a


def evidence_bounds(p_a: float, p_b_given_a: float) -> tuple[float, float]:
    """The possible values of ``P(B)`` given ``P(A)`` and ``P(B|A)``.

    Notes
    -----
    ``P(B) = P(B|A)·P(A) + P(B|¬A)·(1 − P(A))`` with ``0 ≤ P(B|¬A) ≤ 1``, so
    ``P(B)`` lies between ``P(B|A)·P(A)`` (no false positives) and
    ``P(B|A)·P(A) + 1 − P(A)`` (everyone without A shows B).

    Examples
    --------
    >>> evidence_bounds(0.3, 0.8)
    (0.24, 0.94)
    """
    p_a = check_probability(p_a, "P(A)")
    p_b_given_a = check_probability(p_b_given_a, "P(B|A)")
    low = p_b_given_a * p_a
    return low, clip_probability(low + (1 - p_a))


def _check_evidence(p_a: float, p_b: float, low: float, high: float) -> None:
    """Raise a ``ValueError`` naming the bound ``P(B)`` breaks, if it breaks one."""
    p = format_probability
    if p_b == 0:
        extra = (
            f" Here it must also be at least P(B|A)·P(A) = {p(low)}."
            if low > TOLERANCE
            else ""
        )
        raise ValueError(
            "P(B) = 0 means the evidence B never happens, so P(A|B) = P(B|A)·P(A) / "
            "P(B) would divide by 0: you cannot update on evidence that cannot "
            f"occur. Choose P(B) above 0.{extra}"
        )
    if p_b < low - _slack(low):
        raise ValueError(
            f"P(B) must be at least P(B|A)·P(A) = {p(low)}, not {p(p_b)}: the "
            f"cases with A that show B alone are {p(low)} of everyone, and they "
            "are all part of B. (With less, P(A|B) would come out above 1.)"
        )
    if p_b > high + _slack(high):
        raise ValueError(
            f"P(B) must be at most P(B|A)·P(A) + 1 − P(A) = {p(high)}, not "
            f"{p(p_b)}: even if every case without A showed B, B would cover only "
            f"{p(low)} + {p(1 - p_a)} = {p(high)} of everyone."
        )


def bayes_from_evidence(p_a: float, p_b_given_a: float, p_b: float) -> Bayes:
    """The notebook's form: ``P(A|B) = P(B|A)·P(A) / P(B)``.

    Parameters
    ----------
    p_a : float
        The prior ``P(A)``, in [0, 1].
    p_b_given_a : float
        ``P(B|A)``, how often the evidence shows when A holds, in [0, 1].
    p_b : float
        ``P(B)``, how often the evidence shows at all. It must be consistent
        with the other two (see :func:`evidence_bounds`) and above 0.

    Returns
    -------
    Bayes
        With the implied false-positive rate
        ``P(B|¬A) = (P(B) − P(B|A)·P(A)) / (1 − P(A))``.

    Raises
    ------
    ValueError
        Naming the bound an impossible triple breaks, so no posterior above 1
        is ever returned.

    Examples
    --------
    >>> bayes_from_evidence(0.3, 0.8, 0.5).p_a_given_b  # notebook cell 8
    0.48
    >>> bayes_from_evidence(0.3, 0.8, 0.2)
    Traceback (most recent call last):
    ...
    ValueError: P(B) must be at least P(B|A)·P(A) = 0.24, not 0.2: ...
    """
    p_a = check_probability(p_a, "P(A)")
    p_b_given_a = check_probability(p_b_given_a, "P(B|A)")
    p_b = check_probability(p_b, "P(B)")
    low, high = evidence_bounds(p_a, p_b_given_a)
    _check_evidence(p_a, p_b, low, high)
    raw = (p_b_given_a * p_a) / p_b
    p_b_given_not_a = (
        None if p_a == 1 else clip_probability((p_b - p_b_given_a * p_a) / (1 - p_a))
    )
    return Bayes(
        p_a,
        p_b_given_a,
        p_b_given_not_a,
        p_b,
        clip_probability(raw),
        "notebook",
        raw > 1,
    )


def bayes_from_rates(p_a: float, p_b_given_a: float, p_b_given_not_a: float) -> Bayes:
    """The natural form: prior, sensitivity and false-positive rate.

    Notes
    -----
    Total probability gives the evidence,
    ``P(B) = P(B|A)·P(A) + P(B|¬A)·(1 − P(A))``, and then Bayes' theorem
    ``P(A|B) = P(B|A)·P(A) / P(B)``. Every triple in [0, 1]³ is possible except
    those with ``P(B) = 0``.

    Examples
    --------
    >>> result = bayes_from_rates(0.3, 0.8, 0.26 / 0.7)
    >>> round(result.p_b, 12), round(result.p_a_given_b, 12)
    (0.5, 0.48)
    """
    p_a = check_probability(p_a, "P(A)")
    p_b_given_a = check_probability(p_b_given_a, "P(B|A)")
    p_b_given_not_a = check_probability(p_b_given_not_a, "P(B|¬A)")
    p_b = p_b_given_a * p_a + p_b_given_not_a * (1 - p_a)
    if p_b == 0:
        raise ValueError(
            "P(B) = P(B|A)·P(A) + P(B|¬A)·(1 − P(A)) = 0 here: the evidence B "
            "never happens, so P(A|B) would divide by 0. Raise P(B|A) (with "
            "P(A) > 0) or P(B|¬A) (with P(A) < 1)."
        )
    raw = (p_b_given_a * p_a) / p_b
    return Bayes(
        p_a,
        p_b_given_a,
        p_b_given_not_a,
        clip_probability(p_b),
        clip_probability(raw),
        "natural",
        raw > 1,
    )


def bayes(
    form: Form,
    p_a: float,
    p_b_given_a: float,
    p_b: float,
    p_b_given_not_a: float,
) -> Bayes:
    """Either form, chosen by ``form``; the unused input is ignored.

    >>> bayes("notebook", 0.3, 0.8, 0.5, 0.9).p_a_given_b
    0.48
    """
    if form == "notebook":
        return bayes_from_evidence(p_a, p_b_given_a, p_b)
    if form == "natural":
        return bayes_from_rates(p_a, p_b_given_a, p_b_given_not_a)
    raise ValueError(f"form must be 'notebook' or 'natural', not {form!r}.")


def input_for_form(result: Bayes, form: Form) -> dict[str, float]:
    """The input of ``form`` that describes the same situation as ``result``.

    The notebook's P(B) becomes the false-positive rate it implies, and back.
    Values are rounded to 4 decimals (what a learner would type); a carried
    P(B) is kept inside its possible range (:func:`evidence_bounds`). Empty
    when there is nothing to carry (same form, or P(B|¬A) undefined).

    Examples
    --------
    >>> input_for_form(bayes_from_evidence(0.3, 0.8, 0.5), "natural")
    {'p_b_given_not_a': 0.3714}
    >>> input_for_form(bayes_from_rates(0.3, 0.8, 0.1), "notebook")
    {'p_b': 0.31}
    """
    if form == result.form:
        return {}
    if form == "natural":
        if result.p_b_given_not_a is None:
            return {}
        return {"p_b_given_not_a": round(result.p_b_given_not_a, 4)}
    low, high = evidence_bounds(result.p_a, result.p_b_given_a)
    return {"p_b": min(max(round(result.p_b, 4), low), high)}
