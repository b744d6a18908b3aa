"""Natural frequencies: the probabilities as whole people, and what A and B stand for.

Examples
--------
>>> from core.bayes.theorem import bayes_from_evidence
>>> counts = natural_frequencies(bayes_from_evidence(0.3, 0.8, 0.5), 1000)
>>> counts.a_b, counts.b  # 240 of the 500 positives have A: 48 %
(240, 500)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.bayes.theorem import Bayes

#: Population sizes of the icon array.
POPULATIONS = (100, 1000, 10_000)


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
    def key(self) -> tuple[int, ...]:
        """The counts themselves (a cache key)."""
        return (self.n, self.a_b, self.a_not_b, self.not_a_b, self.not_a_not_b)

    @property
    def a(self) -> int:
        """How many have A."""
        return self.a_b + self.a_not_b

    @property
    def not_a(self) -> int:
        """How many lack A."""
        return self.not_a_b + self.not_a_not_b

    @property
    def b(self) -> int:
        """How many show B."""
        return self.a_b + self.not_a_b

    @property
    def not_b(self) -> int:
        """How many do not show B."""
        return self.a_not_b + self.not_a_not_b


def natural_frequencies(result: Bayes, n: int) -> Counts:
    """The probabilities as counts of ``n`` people (100, 1,000 or 10,000).

    Notes
    -----
    Each cell is ``n·P(cell)`` rounded down; the people still missing go to the
    cells with the largest remainders, so the four cells add up to ``n`` and
    each is within one of its exact value.

    Examples
    --------
    >>> from core.bayes.theorem import bayes_from_evidence
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
