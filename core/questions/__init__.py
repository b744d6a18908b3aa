"""Questions a learner answers before the page reveals the number.

A question's answer is a number computed by ``core`` from the page's values, with
a tolerance for "close" and the range a guess must lie in (:class:`Answer`); a
learner's typed guess is read and compared by :func:`check_guess`. The answer
functions of every topic live in :mod:`core.questions.answers`.

Examples
--------
>>> answer = make_answer(2.0, tolerance=0.1)
>>> check_guess("2.05", answer).close
True
>>> check_guess("3", answer).error
1.0
"""

from __future__ import annotations

from core.questions.guess import (
    GUESS_LIMIT,
    Answer,
    Verdict,
    check_guess,
    make_answer,
    relative_tolerance,
)

__all__ = [
    "GUESS_LIMIT",
    "Answer",
    "Verdict",
    "check_guess",
    "make_answer",
    "relative_tolerance",
]
