"""Sequential updating: several test results, each posterior the next prior.

Examples
--------
>>> from core.bayes.theorem import bayes_from_rates
>>> seq = update_sequence(bayes_from_rates(0.5, 0.8, 0.2), "+")
>>> float(seq.beliefs[1])  # 0.8·0.5 / (0.8·0.5 + 0.2·0.5)
0.8
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.bayes.theorem import Bayes, clip_probability

#: Most test results in a row for sequential updating.
MAX_RESULTS = 8


def parse_results(text: str) -> tuple[str, ...]:
    """Read test results such as ``"+ + −"``: ``+`` positive (B), ``−`` negative (¬B).

    Spaces, commas and semicolons between results are ignored, and a
    typographic minus or dash reads as ``-``.

    Examples
    --------
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

    @property
    def key(self) -> tuple[object, ...]:
        """The inputs these beliefs were computed from (a cache key)."""
        prior = float(self.beliefs[0])
        return (self.results, prior, self.p_b_given_a, self.p_b_given_not_a)


def update_sequence(result: Bayes, results: str | Sequence[str]) -> Updates:
    """Apply several results one after another: each posterior becomes the next prior.

    Notes
    -----
    For a positive result ``p ← P(B|A)·p / (P(B|A)·p + P(B|¬A)·(1 − p))``, for a
    negative one the same with ``1 − P(B|A)`` and ``1 − P(B|¬A)``. This assumes
    the tests are independent given A (a repeat of the same faulty sample would
    not be). When ``P(A) = 1`` the false-positive rate plays no part and 0 is used.

    Examples
    --------
    >>> from core.bayes.theorem import bayes_from_rates
    >>> seq = update_sequence(bayes_from_rates(0.01, 0.9, 0.05), "+++")
    >>> [round(float(b), 3) for b in seq.beliefs]
    [0.01, 0.154, 0.766, 0.983]
    """
    if isinstance(results, str):
        outcomes = parse_results(results)
    elif isinstance(results, tuple | list) and all(r in ("+", "-") for r in results):
        outcomes = tuple(results)
    else:
        raise ValueError("Results must be text such as + + − or a list of + and −.")
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
        belief = clip_probability(with_a * belief / evidence)
        beliefs.append(belief)
    return Updates(outcomes, np.array(beliefs), like, false_pos, stopped_at)
