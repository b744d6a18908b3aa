"""Bayes' theorem: update a belief P(A) with evidence B.

Notebook cell 8::

    P_A = 0.3
    P_B_given_A = 0.8
    P_B = 0.5

    P_A_given_B = (P_B_given_A * P_A) / P_B      # 0.48

Two ways in, one result:

- the notebook's form :func:`bayes_from_evidence` takes ``P(A)``, ``P(B|A)`` and
  ``P(B)``. Not every triple is possible: B contains the people with A who show
  B, so ``P(B|A)·P(A) ≤ P(B) ≤ P(B|A)·P(A) + 1 − P(A)``, and ``P(B) > 0``;
- the natural form :func:`bayes_from_rates` takes the prior ``P(A)``, the
  sensitivity ``P(B|A)`` and the false-positive rate ``P(B|¬A)``; ``P(B)``
  follows by total probability.

Around them: natural frequencies (:func:`natural_frequencies`), named edge
cases, the base-rate fallacy, sequential updating with several results
(:func:`update_sequence`) and a three-word naive Bayes spam filter
(:func:`naive_bayes`).

Examples
--------
>>> bayes_from_evidence(0.3, 0.8, 0.5).p_a_given_b
0.48
>>> round(bayes_from_rates(0.01, 0.9, 0.05).p_a_given_b, 4)  # a rare disease
0.1538
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from core.parsing import check_probability, code_literal, format_number

Form = Literal["notebook", "natural"]
Perspective = Literal["posterior", "likelihood", "all"]

#: Room for rounding when a learner types a bound exactly: 0.8 * 0.1 is
#: 0.08000000000000002 in floating point, yet P(B) = 0.08 is a possible value.
TOLERANCE = 1e-9
#: Population sizes of the icon array.
POPULATIONS = (100, 1000, 10_000)
#: Most test results in a row for sequential updating.
MAX_RESULTS = 8


def _clip(value: float) -> float:
    """Keep a probability inside [0, 1] (removes rounding noise on the bounds)."""
    return min(max(value, 0.0), 1.0)


def _p(value: float) -> str:
    """A probability for display: 4 significant digits, ``0.48``; never a false 1.

    >>> _p(0.48), _p(0.371428), _p(0.99998)
    ('0.48', '0.3714', '0.99998')
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
    share = 100 * value
    if share == 0 or share >= 1 or share == round(share):
        text = f"{share:.1f}".removesuffix(".0")
    else:
        text = f"{share:.2g}"
    return f"{text} %"


# -- the theorem, two ways in ------------------------------------------------------------


@dataclass(frozen=True)
class Bayes:
    """One consistent set of probabilities for an event A and evidence B.

    ``p_b_given_not_a`` is ``None`` when it is undefined: in the notebook's form
    with ``P(A) = 1`` nobody lacks A, so ``P(B)`` says nothing about it. ``clipped`` says the posterior was
    brought back to 1 from a rounding error of order 1e-16 (``P(B)`` typed
    exactly on its lower bound).
    """

    p_a: float
    p_b_given_a: float
    p_b_given_not_a: float | None
    p_b: float
    p_a_given_b: float
    form: Form
    clipped: bool = False

    @property
    def p_not_a(self) -> float:
        return 1 - self.p_a

    @property
    def p_not_b(self) -> float:
        return _clip(1 - self.p_b)

    @property
    def joint(self) -> np.ndarray:
        """``[[P(A∩B), P(A∩¬B)], [P(¬A∩B), P(¬A∩¬B)]]``: shape (2, 2), sums to 1."""
        a_b = self.p_b_given_a * self.p_a
        a_not_b = _clip(self.p_a - a_b)
        not_a_b = _clip(self.p_b - a_b)
        not_a_not_b = _clip(self.p_not_a - not_a_b)
        return np.array([[a_b, a_not_b], [not_a_b, not_a_not_b]])

    @property
    def p_not_a_given_b(self) -> float:
        return _clip(1 - self.p_a_given_b)

    @property
    def p_a_given_not_b(self) -> float | None:
        """``P(A|¬B) = P(A∩¬B) / P(¬B)``; ``None`` when ¬B never happens."""
        if self.p_not_b <= TOLERANCE:
            return None
        return _clip(float(self.joint[0, 1]) / self.p_not_b)

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

    >>> evidence_bounds(0.3, 0.8)
    (0.24, 0.94)
    """
    p_a = check_probability(p_a, "P(A)")
    p_b_given_a = check_probability(p_b_given_a, "P(B|A)")
    low = p_b_given_a * p_a
    return low, _clip(low + (1 - p_a))


def describe_bounds(p_a: float, p_b_given_a: float) -> str:
    """The range of possible ``P(B)`` in words, shown under the P(B) control.

    >>> describe_bounds(0.3, 0.8)
    'Possible with this P(A) and P(B|A): 0.24 ≤ P(B) ≤ 0.94, and P(B) > 0.'
    """
    low, high = evidence_bounds(p_a, p_b_given_a)
    return (
        f"Possible with this P(A) and P(B|A): {_p(low)} ≤ P(B) ≤ {_p(high)}, "
        "and P(B) > 0."
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
    if p_b == 0:
        extra = (
            f" Here it must also be at least P(B|A)·P(A) = {_p(low)}."
            if low > TOLERANCE
            else ""
        )
        raise ValueError(
            "P(B) = 0 means the evidence B never happens, so P(A|B) = P(B|A)·P(A) / "
            "P(B) would divide by 0: you cannot update on evidence that cannot "
            f"occur. Choose P(B) above 0.{extra}"
        )
    if p_b < low - TOLERANCE:
        raise ValueError(
            f"P(B) must be at least P(B|A)·P(A) = {_p(low)}, not {_p(p_b)}: the "
            f"cases with A that show B alone are {_p(low)} of everyone, and they "
            "are all part of B. (With less, P(A|B) would come out above 1.)"
        )
    if p_b > high + TOLERANCE:
        raise ValueError(
            f"P(B) must be at most P(B|A)·P(A) + 1 − P(A) = {_p(high)}, not "
            f"{_p(p_b)}: even if every case without A showed B, B would cover only "
            f"{_p(low)} + {_p(1 - p_a)} = {_p(high)} of everyone."
        )
    raw = (p_b_given_a * p_a) / p_b
    p_b_given_not_a = None if p_a == 1 else _clip((p_b - p_b_given_a * p_a) / (1 - p_a))
    return Bayes(
        p_a, p_b_given_a, p_b_given_not_a, p_b, _clip(raw), "notebook", raw > 1
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
        _clip(p_b),
        _clip(raw),
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
    """Either form, chosen by ``form``; the unused input is ignored."""
    if form == "notebook":
        return bayes_from_evidence(p_a, p_b_given_a, p_b)
    if form == "natural":
        return bayes_from_rates(p_a, p_b_given_a, p_b_given_not_a)
    raise ValueError(f"form must be 'notebook' or 'natural', not {form!r}.")


# -- stories: what A and B stand for -------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """Words for A and B in one scenario (the maths is the same for all)."""

    title: str
    unit: str  # "people"
    has_a: str  # "have A"
    without_a: str  # "without A"
    shows_b: str  # "test positive"
    positives: str  # "positives"
    a: str  # short label of A for charts
    b: str  # short label of B for charts
    not_a: str
    not_b: str


STORIES: dict[str, Story] = {
    "ab": Story(
        "A and B",
        "people",
        "have A",
        "without A",
        "test positive",
        "positives",
        "A",
        "B",
        "¬A",
        "¬B",
    ),
    "disease": Story(
        "Rare disease test",
        "people",
        "have the disease",
        "without it",
        "test positive",
        "positives",
        "ill",
        "positive",
        "healthy",
        "negative",
    ),
    "spam": Story(
        "Spam filter",
        "emails",
        "are spam",
        "genuine ones",
        "contain “winner”",
        "emails with “winner”",
        "spam",
        "“winner”",
        "genuine",
        "no “winner”",
    ),
    "factory": Story(
        "Faulty factory part",
        "parts",
        "are faulty",
        "good ones",
        "fail the inspection",
        "rejected parts",
        "faulty",
        "rejected",
        "good",
        "passed",
    ),
}


def story_legend(story: Story) -> str:
    """``A = has the disease · B = tests positive`` (empty for the plain A/B story)."""
    if story.a == "A":
        return ""
    return (
        f"**A** = {story.a} ({story.has_a}) · **B** = {story.b} "
        f"({story.unit} that {story.shows_b})"
    )


# -- natural frequencies -----------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """Whole people out of ``n``: the four cells of the 2×2 table.

    The cells are rounded together (largest remainder) so they always add up to
    ``n``; the rows and columns follow from them.
    """

    n: int
    a_b: int
    a_not_b: int
    not_a_b: int
    not_a_not_b: int

    @property
    def a(self) -> int:
        return self.a_b + self.a_not_b

    @property
    def not_a(self) -> int:
        return self.not_a_b + self.not_a_not_b

    @property
    def b(self) -> int:
        return self.a_b + self.not_a_b

    @property
    def not_b(self) -> int:
        return self.a_not_b + self.not_a_not_b


def natural_frequencies(result: Bayes, n: int) -> Counts:
    """The probabilities as counts of ``n`` people (100, 1,000 or 10,000).

    >>> natural_frequencies(bayes_from_evidence(0.3, 0.8, 0.5), 1000)
    Counts(n=1000, a_b=240, a_not_b=60, not_a_b=260, not_a_not_b=440)
    """
    if n not in POPULATIONS:
        raise ValueError(
            f"The population must be one of {', '.join(f'{p:,}' for p in POPULATIONS)}, not {n}."
        )
    exact = result.joint.ravel() * n
    cells = np.floor(exact + 1e-9).astype(int)
    short = n - int(cells.sum())
    if short > 0:
        order = np.argsort(-(exact - cells), kind="stable")
        cells[order[:short]] += 1
    elif short < 0:  # only from rounding noise in the joint probabilities
        order = np.argsort(exact - cells, kind="stable")
        cells[order[:-short]] -= 1
    return Counts(n, *(int(c) for c in cells))


def describe_frequencies(result: Bayes, counts: Counts, story: Story) -> str:
    """The natural-frequency sentence.

    >>> r = bayes_from_evidence(0.3, 0.8, 0.5)
    >>> describe_frequencies(r, natural_frequencies(r, 1000), STORIES["ab"])
    'Of 1,000 people, 300 have A; 240 of them test positive, and so do 260 of the 700 without A: of the 500 positives, **240 — 48 % — have A**.'
    """
    s = story
    head = f"Of {counts.n:,} {s.unit}, {counts.a:,} {s.has_a}; "
    if counts.a:
        head += f"{counts.a_b:,} of them {s.shows_b}, and so do "
    else:
        head += "so the only ones who " + s.shows_b + " are "
    head += f"{counts.not_a_b:,} of the {counts.not_a:,} {s.without_a}: "
    if counts.b == 0:
        return head + (
            f"none of the {counts.n:,} {s.shows_b} in this picture "
            f"(P(B) = {percent(result.p_b)} is less than one in {counts.n:,}); "
            "choose a larger population."
        )
    shown = counts.a_b / counts.b
    sentence = (
        head
        + f"of the {counts.b:,} {s.positives}, **{counts.a_b:,} — {percent(shown)} — "
        f"{s.has_a}**."
    )
    if percent(shown) != percent(result.p_a_given_b):
        sentence += (
            f" (Counting whole {s.unit} rounds a little: exactly, P(A|B) = "
            f"{percent(result.p_a_given_b)}.)"
        )
    return sentence


# -- words: the theorem, perspectives, edge cases, the base-rate fallacy ------------------


def bayes_latex(result: Bayes) -> str:
    """The formula with today's numbers: ``P(A|B) = 0.8 × 0.3 / 0.5 = 0.48``."""
    num = rf"{_p(result.p_b_given_a)} \times {_p(result.p_a)}"
    lines = []
    if result.form == "natural":
        lines.append(
            r"P(B) &= P(B\mid A)\,P(A) + P(B\mid \neg A)\,\bigl(1 - P(A)\bigr) \\"
        )
        lines.append(
            rf"&= {num} + {_p(result.p_b_given_not_a or 0.0)} \times "
            rf"{_p(result.p_not_a)} = {_p(result.p_b)} \\"
        )
    lines.append(
        r"P(A\mid B) &= \frac{P(B\mid A)\,P(A)}{P(B)}"
        rf" = \frac{{{num}}}{{{_p(result.p_b)}}} = {_p(result.p_a_given_b)}"
    )
    return r"\begin{aligned}" + "\n".join(lines) + r"\end{aligned}"


def describe_bayes(result: Bayes, story: Story) -> str:
    """What the evidence did to the belief, in one or two sentences."""
    before, after = percent(result.p_a), percent(result.p_a_given_b)
    if result.p_a_given_b > result.p_a + 1e-12:
        move = f"raises it to **P(A|B) = {after}**"
    elif result.p_a_given_b < result.p_a - 1e-12:
        move = f"lowers it to **P(A|B) = {after}**"
    else:
        move = f"leaves it at **P(A|B) = {after}**"
    text = (
        f"Before the evidence, P(A) = {before} of {story.unit} {story.has_a}. "
        f"Learning that one of them {_singular(story.shows_b)} {move}"
    )
    ratio = result.likelihood_ratio
    if ratio is None or result.p_a in (0.0, 1.0):
        return text + "."
    if math.isinf(ratio):
        return text + ": B never happens without A (P(B|¬A) = 0)."
    return text + (
        f": B is {format_number(ratio, 3)} times as likely with A as without "
        f"(P(B|A) = {_p(result.p_b_given_a)} against P(B|¬A) = "
        f"{_p(result.p_b_given_not_a or 0.0)})."
    )


def _singular(verb_phrase: str) -> str:
    """``test positive`` -> ``tests positive`` (third person, for one case)."""
    first, _, rest = verb_phrase.partition(" ")
    singular = {"have": "has", "are": "is", "contain": "contains", "fail": "fails"}
    word = singular.get(first, first + "s")
    return f"{word} {rest}".strip()


def describe_perspective(
    result: Bayes, counts: Counts, story: Story, perspective: Perspective
) -> str:
    """What the outlined group in the pictures shows, for each perspective."""
    s = story
    if perspective == "posterior":
        if counts.b == 0:
            return "No case in this picture shows B: choose a larger population."
        return (
            f"**P(A|B)** looks only inside the outlined B group ({counts.b:,} "
            f"{s.positives}): {counts.a_b:,} of them {s.has_a}, so P(A|B) ≈ "
            f"{counts.a_b:,} / {counts.b:,} = {percent(counts.a_b / counts.b)}."
        )
    if perspective == "likelihood":
        if counts.a == 0:
            return "No case in this picture has A, so there is no group to look in."
        return (
            f"**P(B|A)** looks only inside the outlined A group ({counts.a:,} "
            f"{s.unit} that {s.has_a}): {counts.a_b:,} of them {s.shows_b}, so "
            f"P(B|A) ≈ {counts.a_b:,} / {counts.a:,} = "
            f"{percent(counts.a_b / counts.a)}. The same {counts.a_b:,} on top "
            f"as P(A|B), but a different group underneath ({counts.a:,} instead "
            f"of {counts.b:,}): that is why P(B|A) and P(A|B) differ."
        )
    if perspective == "all":
        return (
            f"The whole population of {counts.n:,}: {counts.a_b:,} {s.a} and "
            f"{s.b}, {counts.a_not_b:,} {s.a} and {s.not_b}, {counts.not_a_b:,} "
            f"{s.not_a} and {s.b}, {counts.not_a_not_b:,} {s.not_a} and {s.not_b}. "
            f"P(A) = {counts.a:,}/{counts.n:,} and P(B) = {counts.b:,}/{counts.n:,}; "
            "P(A|B) and P(B|A) each look at one part of it."
        )
    raise ValueError(f"Unknown perspective {perspective!r}.")


def base_rate_note(result: Bayes, counts: Counts, story: Story) -> str | None:
    """Explain the base-rate fallacy when it bites, else ``None``.

    It bites when ``P(B|A)`` is well above ``P(A|B)`` (by 0.1 or more): reading
    the one as the other would overstate the belief.
    """
    gap = result.p_b_given_a - result.p_a_given_b
    if gap < 0.1 or result.p_b_given_not_a is None:
        return None
    s = story
    return (
        f"**Base-rate fallacy.** It is tempting to read P(B|A) = "
        f"{percent(result.p_b_given_a)} as “a case that {_singular(s.shows_b)} "
        f"{_singular(s.has_a)} with {percent(result.p_b_given_a)} certainty”. "
        f"But only {percent(result.p_a)} {s.has_a} (the base rate), so the "
        f"{percent(result.p_b_given_not_a)} of the many {s.without_a} who "
        f"{s.shows_b} — {counts.not_a_b:,} of {counts.n:,} — "
        f"{'outnumber' if counts.not_a_b > counts.a_b else 'dilute'} the "
        f"{counts.a_b:,} true ones: the real answer is P(A|B) = "
        f"{percent(result.p_a_given_b)}."
    )


def edge_cases(result: Bayes) -> list[str]:
    """The named special cases the current input falls into, each explained."""
    notes: list[str] = []
    p_a, like, false_pos = result.p_a, result.p_b_given_a, result.p_b_given_not_a
    if p_a == 0:
        notes.append(
            "**P(A) = 0:** A is impossible before any evidence, and no evidence can "
            "make it possible: P(A|B) = 0 whatever B says. (A prior of exactly 0 "
            "can never be updated — keep a little doubt.)"
        )
    if p_a == 1:
        notes.append(
            "**P(A) = 1:** A is certain already, so P(A|B) = 1 — evidence cannot "
            "change a certainty, and P(B|¬A) plays no part (nobody lacks A)."
        )
    if 0 < p_a < 1 and false_pos == 0 and like > 0:
        notes.append(
            "**Certain evidence:** P(B|¬A) = 0, so B never happens without A — "
            "seeing B proves A: P(A|B) = 1."
        )
    if p_a > 0 and like == 0:
        notes.append(
            "**Evidence that rules A out:** P(B|A) = 0, so B never happens with A — "
            "seeing B proves ¬A: P(A|B) = 0."
        )
    if 0 < p_a < 1 and like == 1:
        notes.append(
            "**P(B|A) = 1:** every case with A shows B, so a missing B is certain "
            "evidence against A: P(A|¬B) = 0."
        )
    if result.p_b >= 1 - TOLERANCE and 0 < p_a < 1:
        notes.append(
            "**P(B) = 1:** the evidence always happens, so it tells you nothing: "
            "P(A|B) = P(A)."
        )
    elif (
        0 < p_a < 1
        and false_pos is not None
        and abs(like - false_pos) <= TOLERANCE
        and like > 0
    ):
        notes.append(
            "**Uninformative evidence:** P(B|A) = P(B|¬A), so B is just as likely "
            "with or without A (A and B are independent): P(A|B) = P(A)."
        )
    return notes


# -- code shown to the learner -------------------------------------------------------------


def bayes_code(result: Bayes) -> str:
    """The notebook's cell with today's numbers (natural form: P(B) computed first)."""
    lines = [f"P_A = {format_number(result.p_a)}"]
    lines.append(f"P_B_given_A = {format_number(result.p_b_given_a)}")
    if result.form == "notebook":
        lines.append(f"P_B = {format_number(result.p_b)}")
    else:
        false_pos = result.p_b_given_not_a
        lines.append(
            f"P_B_given_not_A = {format_number(false_pos if false_pos is not None else 0.0)}"
        )
        lines.append("")
        lines.append("# total probability: B with A plus B without A")
        lines.append("P_B = P_B_given_A * P_A + P_B_given_not_A * (1 - P_A)")
    lines.append("")
    lines.append("P_A_given_B = (P_B_given_A * P_A) / P_B")
    if result.clipped:
        lines.append(
            "P_A_given_B = min(P_A_given_B, 1.0)  # P(B) sits on its lower bound: "
            "clip rounding noise"
        )
    lines.append("P_A_given_B")
    return "\n".join(lines)


def bayes_code_result(result: Bayes) -> float:
    """What the last line of :func:`bayes_code` evaluates to."""
    return result.p_a_given_b


# -- sequential updating ------------------------------------------------------------------


def parse_results(text: str) -> tuple[str, ...]:
    """Read test results such as ``"+ + −"``: ``+`` positive (B), ``−`` negative (¬B).

    >>> parse_results("++-")
    ('+', '+', '-')
    """
    if not isinstance(text, str):
        raise ValueError("Results must be text such as + + −.")
    cleaned = re.sub(r"[\s,;]+", "", text.replace("−", "-").replace("–", "-"))
    if not cleaned:
        raise ValueError(
            "Results are empty: type + for a positive result and − for a negative "
            "one, e.g. + + +."
        )
    bad = sorted({ch for ch in cleaned if ch not in "+-"})
    if bad:
        listed = ", ".join(repr(ch) for ch in bad)
        raise ValueError(
            f"Results: use + for a positive result and − for a negative one, e.g. "
            f"+ + −; {listed} is neither."
        )
    if len(cleaned) > MAX_RESULTS:
        raise ValueError(
            f"Results: at most {MAX_RESULTS} tests in a row here, not {len(cleaned)}."
        )
    return tuple(cleaned)


@dataclass(frozen=True)
class Updates:
    """Belief after each result: ``beliefs[k]`` is P(A | first k results).

    ``stopped_at`` is the index of a result that cannot happen given the
    current belief (its probability is 0), where the updating stops.
    """

    results: tuple[str, ...]
    beliefs: np.ndarray  # shape (k + 1,)
    p_b_given_a: float
    p_b_given_not_a: float
    stopped_at: int | None


def update_sequence(result: Bayes, results: str | Sequence[str]) -> Updates:
    """Apply several results one after another: each posterior becomes the next prior.

    Notes
    -----
    For a positive result ``p ← P(B|A)·p / (P(B|A)·p + P(B|¬A)·(1 − p))``, for a
    negative one the same with ``1 − P(B|A)`` and ``1 − P(B|¬A)``. This assumes
    the tests are independent given A (a repeat of the same faulty sample would
    not be). When ``P(A) = 1`` the false-positive rate plays no part and 0 is used.

    >>> seq = update_sequence(bayes_from_rates(0.01, 0.9, 0.05), "+++")
    >>> [round(float(b), 3) for b in seq.beliefs]
    [0.01, 0.154, 0.766, 0.983]
    """
    outcomes = parse_results(results) if isinstance(results, str) else tuple(results)
    like = result.p_b_given_a
    false_pos = result.p_b_given_not_a if result.p_b_given_not_a is not None else 0.0
    belief = result.p_a
    beliefs = [belief]
    stopped_at = None
    for index, outcome in enumerate(outcomes):
        if outcome == "+":
            with_a, without_a = like, false_pos
        else:
            with_a, without_a = 1 - like, 1 - false_pos
        evidence = with_a * belief + without_a * (1 - belief)
        if evidence <= 0:
            stopped_at = index
            break
        belief = _clip(with_a * belief / evidence)
        beliefs.append(belief)
    return Updates(outcomes, np.array(beliefs), like, false_pos, stopped_at)


def describe_sequence(seq: Updates, story: Story) -> str:
    """How the belief moved, result by result."""
    parts = [f"Start: P(A) = {percent(float(seq.beliefs[0]))}"]
    for index, belief in enumerate(seq.beliefs[1:], start=1):
        word = "positive" if seq.results[index - 1] == "+" else "negative"
        parts.append(f"after result {index} ({word}): {percent(float(belief))}")
    text = "; ".join(parts) + "."
    if seq.stopped_at is not None:
        word = "positive" if seq.results[seq.stopped_at] == "+" else "negative"
        text += (
            f" Result {seq.stopped_at + 1} ({word}) cannot happen any more: its "
            "probability given what is known is 0, so the updating stops there."
        )
    elif seq.p_b_given_not_a > 0 and seq.p_b_given_a > 0:
        ratio = seq.p_b_given_a / seq.p_b_given_not_a
        text += (
            f" Each positive multiplies the odds of A by P(B|A)/P(B|¬A) = "
            f"{format_number(ratio, 3)}; the posterior after one result is the "
            "prior for the next."
        )
    return text


def sequence_latex(seq: Updates) -> str:
    """The update rule with the first step's numbers."""
    p0 = _p(float(seq.beliefs[0]))
    rule = (
        r"P(A\mid B_1,\dots,B_k) = \frac{P(B_k\mid A)\,P(A\mid B_1..B_{k-1})}"
        r"{P(B_k\mid A)\,P(A\mid\dots) + P(B_k\mid\neg A)\,\bigl(1-P(A\mid\dots)\bigr)}"
    )
    if len(seq.beliefs) < 2:
        return rule
    like, false_pos = (
        (seq.p_b_given_a, seq.p_b_given_not_a)
        if seq.results[0] == "+"
        else (1 - seq.p_b_given_a, 1 - seq.p_b_given_not_a)
    )
    first = (
        rf"P(A\mid B_1) = \frac{{{_p(like)} \times {p0}}}{{{_p(like)} \times {p0}"
        rf" + {_p(false_pos)} \times {_p(1 - float(seq.beliefs[0]))}}}"
        rf" = {_p(float(seq.beliefs[1]))}"
    )
    return rf"\begin{{gathered}}{rule} \\ {first}\end{{gathered}}"


def sequence_code(result: Bayes, seq: Updates) -> str:
    """Loop code, in the notebook's style, that gives the page's beliefs."""
    lines = [
        f"P_A = {format_number(result.p_a)}",
        f"P_B_given_A = {format_number(result.p_b_given_a)}",
    ]
    if result.form == "notebook" and result.p_b_given_not_a is not None:
        lines += [
            f"P_B = {format_number(result.p_b)}",
            "# the false-positive rate implied by P(B)",
            "P_B_given_not_A = min(max((P_B - P_B_given_A * P_A) / (1 - P_A), 0.0), 1.0)",
        ]
    else:
        lines.append(f"P_B_given_not_A = {format_number(seq.p_b_given_not_a)}")
    lines += [
        f"results = {list(seq.results)!r}  # + positive, - negative",
        "",
        "belief = P_A",
        "beliefs = [belief]",
        "for r in results:",
        "    if r == '+':",
        "        with_A, without_A = P_B_given_A, P_B_given_not_A",
        "    else:",
        "        with_A, without_A = 1 - P_B_given_A, 1 - P_B_given_not_A",
        "    evidence = with_A * belief + without_A * (1 - belief)",
        "    if evidence <= 0:  # this result cannot happen any more",
        "        break",
        "    belief = min(max(with_A * belief / evidence, 0.0), 1.0)  # the posterior becomes the prior",
        "    beliefs.append(belief)",
        "beliefs",
    ]
    return "\n".join(lines)


def sequence_code_result(seq: Updates) -> list[float]:
    """What the last line of :func:`sequence_code` evaluates to."""
    return [float(b) for b in seq.beliefs]


# -- naive Bayes ----------------------------------------------------------------------------

#: The small vocabulary of the spam example and each word's default
#: ``(P(word | spam), P(word | genuine))``.
VOCABULARY: dict[str, tuple[float, float]] = {
    "free": (0.30, 0.03),
    "winner": (0.20, 0.01),
    "money": (0.25, 0.05),
    "meeting": (0.02, 0.20),
    "project": (0.03, 0.15),
    "lunch": (0.05, 0.10),
}
MAX_WORDS = 3


def parse_message(text: str) -> tuple[str, ...]:
    """Read a message of one to three words from :data:`VOCABULARY`.

    >>> parse_message("Free money, meeting")
    ('free', 'money', 'meeting')
    """
    if not isinstance(text, str):
        raise ValueError("The message must be text.")
    words = tuple(w for w in re.split(r"[^a-z]+", text.lower()) if w)
    known = ", ".join(VOCABULARY)
    if not words:
        raise ValueError(f"The message is empty: type two or three of: {known}.")
    unknown = [w for w in words if w not in VOCABULARY]
    if unknown:
        raise ValueError(
            f"“{unknown[0]}” is not in this small vocabulary: use {known}."
        )
    if len(words) > MAX_WORDS:
        raise ValueError(
            f"The message has {len(words)} words; this example takes at most "
            f"{MAX_WORDS}, so every multiplication stays on screen."
        )
    return words


@dataclass(frozen=True)
class NaiveBayes:
    """A naive Bayes verdict on one message.

    ``steps[k]`` is P(spam | first k words), ``steps[-1]`` the posterior.
    """

    words: tuple[str, ...]
    p_spam: float
    p_word_given_spam: np.ndarray  # shape (n_words,)
    p_word_given_ham: np.ndarray  # shape (n_words,)
    spam_score: float
    ham_score: float
    posterior: float
    steps: np.ndarray  # shape (n_words + 1,)


def naive_bayes(
    words: Sequence[str],
    p_spam: float,
    p_word_given_spam: Sequence[float],
    p_word_given_ham: Sequence[float],
) -> NaiveBayes:
    """P(spam | words) by multiplying per-word likelihoods.

    Notes
    -----
    Naive Bayes assumes the words are independent given the class, so
    ``P(w₁, w₂ | spam) = P(w₁|spam)·P(w₂|spam)``. Then
    ``score(c) = P(c)·∏ P(wᵢ|c)`` and
    ``P(spam | words) = score(spam) / (score(spam) + score(genuine))``.

    Examples
    --------
    >>> nb = naive_bayes(["free", "meeting"], 0.5, [0.3, 0.02], [0.03, 0.2])
    >>> float(nb.posterior)  # 0.003 / (0.003 + 0.003)
    0.5
    """
    words = tuple(words)
    p_spam = check_probability(p_spam, "P(spam)")
    if not words:
        raise ValueError("The message has no words.")
    if not len(p_word_given_spam) == len(p_word_given_ham) == len(words):
        raise ValueError("Give one likelihood per word and class.")
    like_spam = np.array(
        [
            check_probability(v, f"P({w}|spam)")
            for v, w in zip(p_word_given_spam, words, strict=True)
        ]
    )
    like_ham = np.array(
        [
            check_probability(v, f"P({w}|genuine)")
            for v, w in zip(p_word_given_ham, words, strict=True)
        ]
    )
    spam_score = p_spam * np.prod(like_spam)
    ham_score = (1 - p_spam) * np.prod(like_ham)
    total = spam_score + ham_score
    if total == 0:
        raise ValueError(
            "Both classes give this message probability 0 (each has a word, or a "
            "prior, of probability 0), so naive Bayes cannot decide. Real filters "
            "never let a likelihood be exactly 0: Laplace smoothing adds 1 to every "
            "word count."
        )
    posterior = spam_score / total
    spam_path = p_spam * np.cumprod(np.concatenate([[1.0], like_spam]))
    ham_path = (1 - p_spam) * np.cumprod(np.concatenate([[1.0], like_ham]))
    # products of numbers ≤ 1 only shrink, so every partial total is ≥ total > 0
    steps = np.clip(spam_path / (spam_path + ham_path), 0.0, 1.0)
    steps[-1] = posterior
    return NaiveBayes(
        words,
        p_spam,
        like_spam,
        like_ham,
        float(spam_score),
        float(ham_score),
        float(posterior),
        steps,
    )


def _latex_number(value: float) -> str:
    """``0.0015`` stays, ``1.5e-05`` becomes ``1.5 \times 10^{-5}``."""
    text = _p(value)
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def naive_bayes_latex(nb: NaiveBayes) -> str:
    """Each class's score, then the posterior, with today's numbers."""
    factors = (_latex_number(v) for v in nb.p_word_given_spam)
    spam = r" \times ".join([_p(nb.p_spam), *factors])
    factors = (_latex_number(v) for v in nb.p_word_given_ham)
    ham = r" \times ".join([_p(1 - nb.p_spam), *factors])
    spam_score, ham_score = _latex_number(nb.spam_score), _latex_number(nb.ham_score)
    words = r",\ ".join(nb.words)
    return (
        r"\begin{aligned}"
        r"\text{score}(c) &= P(c)\,\prod_i P(w_i\mid c) \\"
        rf"\text{{score}}(\text{{spam}}) &= {spam} = {spam_score} \\"
        rf"\text{{score}}(\text{{genuine}}) &= {ham} = {ham_score} \\"
        rf"P(\text{{spam}}\mid \text{{{words}}}) &= "
        rf"\frac{{{spam_score}}}{{{spam_score} + {ham_score}}} = {_p(nb.posterior)}"
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
    pulls = [
        (abs(math.log(s / h)), w, s / h)
        for w, s, h in zip(
            nb.words, nb.p_word_given_spam, nb.p_word_given_ham, strict=True
        )
        if s > 0 and h > 0
    ]
    if pulls:
        _, word, ratio = max(pulls)
        side = "spam" if ratio > 1 else "genuine"
        factor = ratio if ratio > 1 else 1 / ratio
        text += (
            f" “{word}” pushes hardest: it is {format_number(factor, 3)} times as "
            f"likely in {side} mail."
        )
    zeros = [
        w
        for w, s, h in zip(
            nb.words, nb.p_word_given_spam, nb.p_word_given_ham, strict=True
        )
        if s == 0 or h == 0
    ]
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
