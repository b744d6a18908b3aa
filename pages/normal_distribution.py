"""The normal distribution: seeded draws against the bell curve, 68–95–99.7, intervals."""

from __future__ import annotations

from text import normal_distribution as words
from ui import page
from views.normal_distribution import draws, interval, rule

page.run(
    "normal-distribution",
    "The normal distribution",
    intro=words.INTRO,
    views=(draws.VIEW, rule.VIEW, interval.VIEW),
)
