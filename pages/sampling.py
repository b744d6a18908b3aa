"""Sampling: the law of large numbers and the central limit theorem."""

from __future__ import annotations

from text import sampling as words
from ui import page
from views.sampling import clt, lln

page.run(
    "sampling",
    "Sampling: law of large numbers & central limit theorem",
    intro=words.INTRO,
    views=(lln.VIEW, clt.VIEW),
)
