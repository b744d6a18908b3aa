"""A question of the catalogue, its asked form for today's values, and the feedback."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from core.parsing import display_number
from core.questions import Answer, Verdict, check_guess

#: The page's values by URL name, as ``PageState.values()`` returns them.
Values = Mapping[str, Any]


@dataclass(frozen=True)
class Question:
    """One question: a stable ``key``, the learner's ``prompt`` and the answer.

    ``answer`` computes the true answer from the page's values with ``core``;
    ``unit`` is written after numbers (``"°"``, ``" draws"``; ``""`` for none);
    ``hides`` names the charts (their ``page.chart`` keys) that would give the
    answer away while the learner predicts; ``bare`` names the charts that stay
    on screen without their title and notes (a scatter whose title says ``r``).
    """

    key: str
    prompt: str
    answer: Callable[[Values], Answer]
    unit: str = ""
    hides: tuple[str, ...] = ()
    bare: tuple[str, ...] = ()

    def ask(self, values: Values) -> Asked:
        """The question for these values: raises ``ValueError`` if it has no answer."""
        return Asked(self, self.answer(values))


@dataclass(frozen=True)
class Asked:
    """A question with today's answer: what a page or a live class needs."""

    question: Question
    answer: Answer

    @property
    def prompt(self) -> str:
        return self.question.prompt

    @property
    def unit(self) -> str:
        return self.question.unit

    @property
    def range_text(self) -> str:
        """``"between −1 and 1"``, or ``""`` when any reasonable number goes."""
        low, high = self.answer.low, self.answer.high
        if high - low >= 1e9:
            return "" if low < 0 else f"at least {display_number(low)}"
        return f"between {display_number(low)} and {display_number(high)}"

    def check(self, guess: str | float) -> Verdict:
        """Read and compare a guess (``ValueError`` with a message if unusable)."""
        return check_guess(guess, self.answer)


def _amount(value: float, unit: str) -> str:
    return f"{display_number(value)}{unit}"


def feedback(verdict: Verdict, unit: str = "") -> str:
    """How far off the guess was, in the question's unit (markdown, one sentence)."""
    answer = verdict.answer
    value, guess = _amount(answer.value, unit), _amount(verdict.guess, unit)
    within = f"close means within ±{_amount(answer.tolerance, unit)}"
    error = verdict.error
    if error == 0:
        return f"**Exactly right!** The answer is **{value}**."
    how = f"{_amount(abs(error), unit)} too {'high' if error > 0 else 'low'}"
    if verdict.close:
        return f"**Close!** The answer is **{value}**; your guess {guess} is {how} ({within})."
    return f"**Not quite.** The answer is **{value}**; your guess {guess} is {how} ({within})."


def no_answer(reason: str) -> str:
    """Why there is nothing to predict for these values (``reason`` from ``core``)."""
    return f"No prediction for these values: {reason.rstrip('.')}. Change a control."
