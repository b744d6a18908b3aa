"""Mean, variance and standard deviation of the learner's own list; median vs mean."""

from __future__ import annotations

from text import descriptive_statistics as words
from ui import page
from views.descriptive_statistics import center, spread

page.run(
    "statistics",
    "Mean, variance & standard deviation",
    intro=words.INTRO,
    views=(spread.VIEW, center.VIEW),
)
