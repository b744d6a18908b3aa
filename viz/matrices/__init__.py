"""Figures for the Matrices page, one module per view's figure.

- ``product_figure``: A, B and C = AB laid out so that row i of A and column j
  of B meet at C[i, j]; every cell is a frame, played in the browser.
- ``plane_figure`` / ``warp_figure``: a 2×2 matrix warping the grid, the unit
  square and the basis vectors, animated from the identity (and through B
  first, for AB).
- ``layer_figure``: one dense layer as a network diagram; ``batch_figure``
  its outputs on a batch.
- ``transpose_figure``: the entries of A turning over the main diagonal.
"""

from __future__ import annotations

from viz.matrices.common import FRAMES
from viz.matrices.layer import batch_figure, layer_batch_figure, layer_figure
from viz.matrices.plane import GRID_REACH, PLANE_LIMIT, plane_figure, warp_figure
from viz.matrices.product import product_figure
from viz.matrices.transpose import transpose_figure

__all__ = [
    "FRAMES",
    "GRID_REACH",
    "PLANE_LIMIT",
    "batch_figure",
    "layer_batch_figure",
    "layer_figure",
    "plane_figure",
    "product_figure",
    "transpose_figure",
    "warp_figure",
]
