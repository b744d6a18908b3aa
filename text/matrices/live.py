"""Words of the live warp (``views/matrices/transform.py``): the readout and caption.

Examples
--------
>>> from core.matrices import plane_map
>>> warp_readout(plane_map([[2, 1], [0.5, 1.5]]))
'î → (2, 0.5) · ĵ → (1, 1.5) · det = 2.5'
"""

from __future__ import annotations

import numpy as np

from core.matrices import PlaneMap
from core.parsing import display_number

LIVE_CAPTION = (
    "Light grey: the plane before. Blue lines: the same grid after the map. "
    "Drag the tips of the green and orange arrows (or focus one and use the arrow "
    "keys): they are where î = (1, 0) and ĵ = (0, 1) land, the columns of the "
    "matrix. The square turns vermillion when the map flips the plane over."
)


def _point(values: np.ndarray) -> str:
    return f"({display_number(float(values[0]), 3)}, {display_number(float(values[1]), 3)})"


def warp_readout(pm: PlaneMap) -> str:
    """One line for the chart during a drag: the columns and the signed area."""
    i_hat, j_hat = pm.columns
    return (
        f"î → {_point(i_hat)} · ĵ → {_point(j_hat)} · "
        f"det = {display_number(pm.determinant, 3)}"
    )
