"""Equations: solve a·x + b = 0, read the line as a model, and solve two lines at once."""

from __future__ import annotations

from text import equations as words
from ui import page
from views.equations import one, two

page.run(
    "equations",
    "Equations: one unknown, then two",
    intro=words.INTRO,
    views=(one.VIEW, two.VIEW),
)
