"""The views of the Mean, variance & std page."""

from __future__ import annotations

from ui.share import Lesson

#: Ready lesson links, listed on the teacher notes page (``views/teachers.py``).
LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "One outlier drags the mean",
        "Add 400 to 10, 20, 30, 40: the mean jumps to 100, the median only to 30.",
        {"view": "center", "data": "10, 20, 30, 40, 400"},
    ),
    Lesson(
        "Sample or population variance",
        "The notebook's numbers divided by n − 1 instead of n: 166.7 instead of 125.",
        {"view": "spread", "ddof": "1"},
    ),
    Lesson(
        "Same mean, smaller spread",
        "24, 25, 25, 26 has the mean 25 of the notebook's list but a standard "
        "deviation under 1.",
        {"view": "spread", "data": "24, 25, 25, 26"},
    ),
)
