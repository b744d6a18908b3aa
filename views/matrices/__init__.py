"""The views of the Matrices page."""

from __future__ import annotations

from ui.share import Lesson

#: Ready lesson links, listed on the teacher notes page (``views/teachers.py``).
LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "A rotation by 90°",
        "[[0, −1], [1, 0]] turns every arrow a quarter turn: the unit square keeps "
        "its area.",
        {"view": "transform", "m11": "0", "m12": "-1", "m21": "1", "m22": "0"},
    ),
    Lesson(
        "A matrix that flattens the plane",
        "[[1, 2], [0.5, 1]] has determinant 0: the whole plane lands on one line.",
        {"view": "transform", "m11": "1", "m12": "2", "m21": "0.5", "m22": "1"},
    ),
    Lesson(
        "One layer with a sigmoid",
        "The same weights as the notebook's layer, squashed into 0 … 1 by a "
        "sigmoid instead of ReLU.",
        {"view": "layer", "act": "sigmoid"},
    ),
)
