"""The views of the Correlation page."""

from __future__ import annotations

from ui.share import Lesson

#: Ready lesson links, listed on the teacher notes page (``views/teachers.py``).
LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "Anscombe: one r, four pictures",
        "Four data sets with r ≈ 0.82 each, and only one of them is a cloud "
        "around a line.",
        {"view": "anscombe"},
    ),
    Lesson(
        "One point flips the sign",
        "A cloud of 10 points drawn with ρ = 0.7 and one far point at (6, −6): "
        "r turns negative.",
        {"view": "outlier", "base_n": "10", "ox": "6", "oy": "-6"},
    ),
    Lesson(
        "A strong negative correlation",
        "50 points drawn with ρ = −0.9: as x goes up, y goes down.",
        {"view": "target", "rho": "-0.9", "n": "50"},
    ),
)
