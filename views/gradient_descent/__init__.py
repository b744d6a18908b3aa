"""The views of the gradient-descent page: derivative, descent in 1-D, race in 2-D."""

from __future__ import annotations

from ui.share import Lesson

#: Ready lesson links, listed on the teacher notes page (``views/teachers.py``).
LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "Too large a learning rate diverges",
        "On w² each step multiplies w by (1 − 2·lr) = −1.2: w swings ever wider.",
        {"view": "descent", "lr": "1.1", "steps": "10"},
    ),
    Lesson(
        "Overshooting, but still converging",
        "lr = 0.9 multiplies w by −0.8 each step: it jumps across the minimum and "
        "still closes in.",
        {"view": "descent", "lr": "0.9", "steps": "10"},
    ),
    Lesson(
        "Two minima: the start decides",
        "On w⁴ − 3w² + w, starting at w₀ = 0.5 ends in the shallower minimum on "
        "the right; ask where w₀ = −0.5 ends.",
        {
            "view": "descent",
            "fn": "two_minima",
            "w0": "0.5",
            "lr": "0.05",
            "steps": "50",
        },
    ),
)
