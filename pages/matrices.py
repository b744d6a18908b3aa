"""Matrices: multiplication cell by cell, a 2×2 matrix warping the plane, one neural
network layer (forward propagation), and the transpose."""

from __future__ import annotations

from text import matrices as words
from ui import page
from views.matrices import layer, multiply, transform, transpose

page.run(
    "matrices",
    "Matrices: multiply, warp, propagate, transpose",
    intro=words.INTRO,
    views=(multiply.VIEW, transform.VIEW, layer.VIEW, transpose.VIEW),
)
