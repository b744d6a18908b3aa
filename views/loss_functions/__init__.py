"""The views of the Loss-functions page."""

from __future__ import annotations

from ui.share import Lesson

#: Ready lesson links, listed on the teacher notes page (``views/teachers.py``).
LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "One big miss dominates",
        "Three exact predictions and one miss by 6: the MSE is 36 / 4 = 9.",
        {"view": "mse", "y_true": "3, 5, 7, 9", "y_pred": "3, 5, 7, 15"},
    ),
    Lesson(
        "Fit a line by hand",
        "Move w and b to make the squares small; the best line stays hidden.",
        {"view": "fit", "show_best": "0", "hide": "show_best"},
    ),
    Lesson(
        "An outlier: MSE against Huber",
        "An outlier 12 units off the line: MSE chases it, Huber barely moves.",
        {"view": "compare", "outlier_dy": "12"},
    ),
)
