"""The views of the Normal distribution page."""

from __future__ import annotations

from ui.share import Lesson

#: Ready lesson links, listed on the teacher notes page (``views/teachers.py``).
LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "More draws hug the curve",
        "10,000 draws with seed 0: the histogram follows the bell curve closely.",
        {"view": "draws", "n": "10000"},
    ),
    Lesson(
        "68–95–99.7 with μ = 1, σ = 2",
        "The rule in units of σ: 68 % of draws fall between −1 and 3.",
        {"view": "rule", "mu": "1", "sigma": "2", "n": "10000"},
    ),
    Lesson(
        "From the mean to two σ",
        "P(0 < X < 2) for the standard normal: about 47.7 %.",
        {"view": "interval", "a": "0", "b": "2"},
    ),
)
