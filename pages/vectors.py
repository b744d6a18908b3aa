"""Vectors and the dot product: arrows, the sum term by term, angle, cosine, projection."""

from __future__ import annotations

from text import vectors as words
from ui import page
from views.vectors import plane, typed

page.run(
    "vectors",
    "Vectors and the dot product",
    intro=words.INTRO,
    views=(typed.VIEW, plane.VIEW),
)
