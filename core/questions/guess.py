"""An answer with its tolerance and range, and a guess compared with it.

Examples
--------
A guess of 0.5 for an answer of 0.48 with tolerance 0.05 is close, 0.02 too high:

>>> verdict = check_guess("0.5", make_answer(0.48, tolerance=0.05, low=0, high=1))
>>> verdict.close, round(verdict.error, 10)
(True, 0.02)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from core.parsing import (
    check_finite_number,
    check_in_range,
    format_number,
    parse_number,
)

#: Largest size of a guess when a question has no natural range (a typed
#: ``1e300`` gets a clear message instead of a meaningless "off by 1e300").
GUESS_LIMIT = 1e9


@dataclass(frozen=True)
class Answer:
    """The true answer of a question for today's values.

    ``value`` is the answer, ``tolerance`` how far a guess may be and still count
    as close (``|guess − value| ≤ tolerance``), and ``[low, high]`` the range a
    guess must lie in (a probability: ``[0, 1]``; a correlation: ``[−1, 1]``).
    """

    value: float
    tolerance: float
    low: float = -GUESS_LIMIT
    high: float = GUESS_LIMIT

    @property
    def key(self) -> tuple[float, float, float, float]:
        """The answer's numbers, hashable."""
        return (self.value, self.tolerance, self.low, self.high)


@dataclass(frozen=True)
class Verdict:
    """A committed guess against the answer: ``error = guess − answer``."""

    guess: float
    answer: Answer

    @property
    def error(self) -> float:
        """How far off: positive when the guess is too high."""
        return self.guess - self.answer.value

    @property
    def close(self) -> bool:
        """True when ``|guess − answer| ≤ tolerance``."""
        # A hair of slack so that 0.5 vs 0.48 with tolerance 0.02 counts as close
        # although 0.5 − 0.48 is 0.020000000000000018 in floating point.
        slack = 1e-9 * max(1.0, abs(self.answer.value))
        return abs(self.error) <= self.answer.tolerance + slack


def relative_tolerance(value: float, share: float = 0.05, floor: float = 0.1) -> float:
    """``max(floor, share·|value|)``: 5 % of the answer, but never below ``floor``.

    >>> relative_tolerance(200.0), relative_tolerance(1.0)
    (10.0, 0.1)
    """
    number = check_finite_number(value, "The answer")
    share = check_in_range(share, "The share of the answer", 0.0, 1.0)
    floor = check_in_range(floor, "The smallest tolerance", 0.0)
    return max(floor, share * abs(number))


def make_answer(
    value: float,
    *,
    tolerance: float,
    low: float = -GUESS_LIMIT,
    high: float = GUESS_LIMIT,
) -> Answer:
    """An :class:`Answer`, checked: finite, inside ``[low, high]``, tolerance ≥ 0.

    An answer that is not a finite number (a diverged descent, a root that does not
    exist) raises ``ValueError``: the question has no answer for these values.
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"the answer must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise ValueError("there is no finite answer for these values")
    low = check_finite_number(low, "The lowest answer")
    high = check_finite_number(high, "The highest answer")
    if not low <= number <= high:
        raise ValueError(
            f"the answer {format_number(number, 6)} is outside "
            f"{format_number(low)} … {format_number(high)}"
        )
    tol = check_finite_number(tolerance, "The tolerance")
    if tol < 0:
        raise ValueError(f"The tolerance must be at least 0, not {tol}.")
    return Answer(number, tol, float(low), float(high))


def check_guess(text: str | float, answer: Answer) -> Verdict:
    """Read a learner's guess and compare it with ``answer``.

    Raises ``ValueError`` with a sentence for the learner when the guess is not a
    number (``"abc"``, ``"nan"``) or lies outside the question's range.
    """
    if isinstance(text, str):
        guess = parse_number(text, "Your guess")
    else:
        guess = check_finite_number(text, "Your guess")
    if not answer.low <= guess <= answer.high:
        raise ValueError(
            f"Your guess must be between {format_number(answer.low)} and "
            f"{format_number(answer.high)}, not {format_number(guess, 6)}."
        )
    return Verdict(guess, answer)
