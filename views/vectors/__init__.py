"""The views of the Vectors page."""

from __future__ import annotations

from ui.share import Lesson

#: Ready lesson links, listed on the teacher notes page (``views/teachers.py``).
LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "Perpendicular: the dot product is 0",
        "a = (2, 1) and b = (−1, 2) meet at a right angle: 2·(−1) + 1·2 = 0.",
        {"view": "plane", "ax": "2", "ay": "1", "bx": "-1", "by": "2"},
    ),
    Lesson(
        "Opposite directions: cosine −1",
        "b = −a: the angle is 180° and the cosine similarity is −1.",
        {"view": "plane", "ax": "3", "ay": "1", "bx": "-3", "by": "-1"},
    ),
    Lesson(
        "A dot product in four dimensions",
        "1·3 + 0·5 + 2·0 + (−1)·4 = −1, term by term: no picture needed.",
        {"view": "any", "a": "1, 0, 2, -1", "b": "3, 5, 0, 4"},
    ),
)
