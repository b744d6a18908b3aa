"""Derivatives and gradient descent: tangents, learning-rate regimes, optimisers in 2-D."""

from __future__ import annotations

from text import gradient_descent as words
from ui import page
from views.gradient_descent import derivative, descent, race

page.run(
    "gradient-descent",
    "Derivatives & gradient descent",
    intro=words.INTRO,
    views=(derivative.VIEW, descent.VIEW, race.VIEW),
    default="descent",
)
