"""The views of the Equations page."""

from __future__ import annotations

from ui.share import Lesson

#: Ready lesson links, listed on the teacher notes page (``views/teachers.py``).
LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "No solution when a = 0",
        "The line is flat at height 3: it never crosses zero, so 0·x + 3 = 0 has no "
        "solution. The sliders are hidden: ask why before showing them.",
        {"a": "0", "b": "3", "hide": "a,b"},
    ),
    Lesson(
        "A root to read off the chart",
        "−1.5·x + 6 = 0: the line falls and crosses zero at x = 4. Ask the class for "
        "the root before moving a slider.",
        {"a": "-1.5", "b": "6"},
    ),
    Lesson(
        "Two parallel lines never meet",
        "x + y = 3 and x + y = 1 have the same slope: no (x, y) solves both.",
        {"view": "two", "b2": "1"},
    ),
)
