"""The question catalogue: one prompt, one answer from ``core``, per question.

A :class:`Question` is usable without a page: given the page's current values
(a mapping from URL names to values, as ``PageState.values()`` returns them) it
yields its prompt, the true answer, the tolerance and the range::

    >>> from text.questions.catalogue import EQUATIONS_ROOT
    >>> asked = EQUATIONS_ROOT.ask({"a": 2.0, "b": -4.0})
    >>> asked.answer.value, asked.answer.tolerance
    (2.0, 0.1)
    >>> feedback(asked.check("2.05"))
    '**Close!** The answer is **2**; your guess 2.05 is 0.05 too high (close means within ±0.1).'

Each view lists its own questions (``View(..., questions=...)``).
"""

from __future__ import annotations

from text.questions.question import Asked, Question, feedback, no_answer

__all__ = ["Asked", "Question", "feedback", "no_answer"]
