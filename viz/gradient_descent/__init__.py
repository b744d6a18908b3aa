"""Figures for the gradient-descent page: tangents, paths on a loss curve, contours.

Figures are assembled from plain dicts (checked against Plotly's schema by the
tests) with arrays already in Plotly's base64 form: building dozens of frames
through the validating ``go.*`` constructors cost more than a whole rerun's
budget.
"""

from __future__ import annotations

from viz.gradient_descent.common import (
    MAX_FRAME_POINTS,
    MAX_FRAMES,
    MAX_LOSS_POINTS,
    MAX_PATH_POINTS,
    encode,
    thinned,
)
from viz.gradient_descent.curves import (
    CURVE_POINTS,
    derivative_figure,
    descent_range,
    loss_range,
    view_range_1d,
)
from viz.gradient_descent.descent import descent_figure, loss_steps_figure
from viz.gradient_descent.race import (
    CONTOUR_BANDS,
    CONTOUR_SCALE,
    FRAME_BYTES,
    PATH_COLOURS,
    PICK_GRID,
    contour_values,
    frame_steps,
    optimiser_label,
    race_contour,
    race_figure,
    race_loss_figure,
    surface_3d_figure,
)

__all__ = [
    "CONTOUR_BANDS",
    "CONTOUR_SCALE",
    "CURVE_POINTS",
    "FRAME_BYTES",
    "MAX_FRAMES",
    "MAX_FRAME_POINTS",
    "MAX_LOSS_POINTS",
    "MAX_PATH_POINTS",
    "PATH_COLOURS",
    "PICK_GRID",
    "contour_values",
    "derivative_figure",
    "descent_figure",
    "descent_range",
    "encode",
    "frame_steps",
    "loss_range",
    "loss_steps_figure",
    "optimiser_label",
    "race_contour",
    "race_figure",
    "race_loss_figure",
    "surface_3d_figure",
    "thinned",
    "view_range_1d",
]
