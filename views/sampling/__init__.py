"""The views of the Sampling page."""

from __future__ import annotations

from ui.share import Lesson

#: Ready lesson links, listed on the teacher notes page (``views/teachers.py``).
LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "Running means settle on 3.5",
        "Five runs of 10,000 die rolls: every running mean ends close to 3.5.",
        {"view": "lln", "n": "10000", "runs": "5"},
    ),
    Lesson(
        "Means of a skewed source turn normal",
        "Means of 30 exponential waiting times: the histogram is close to a bell.",
        {"view": "clt", "source": "exponential", "k": "30"},
    ),
    Lesson(
        "Two dice make a triangle",
        "The mean of two die rolls: 3.5 is the likeliest, 1 and 6 the rarest.",
        {"view": "clt", "source": "die", "k": "2"},
    ),
)
