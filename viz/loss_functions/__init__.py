"""Figures for the Loss-functions page: residual squares, the MSE bowl, losses compared.

One module per view (``squares``, ``fitting``, ``comparison``) and what they
share (``common``); every figure is built from dicts with ``viz.style.Chart``.
"""

from __future__ import annotations

from viz.loss_functions.common import (
    LOSS_COLOURS,
    LOSS_LABELS,
    SEEDED_X_RANGE,
    SEEDED_Y_RANGE,
    data_ranges,
)
from viz.loss_functions.comparison import (
    LOSS_AXIS,
    R_RANGE,
    comparison_ranges,
    curves_figure,
    loss_curves_figure,
    outlier_figure,
)
from viz.loss_functions.fitting import bowl_figure, contour_figure, fit_figure
from viz.loss_functions.squares import (
    LABELLED_SQUARES,
    SquaresLayout,
    residual_layout,
    residual_squares_figure,
)

__all__ = [
    "LABELLED_SQUARES",
    "LOSS_AXIS",
    "LOSS_COLOURS",
    "LOSS_LABELS",
    "R_RANGE",
    "SEEDED_X_RANGE",
    "SEEDED_Y_RANGE",
    "SquaresLayout",
    "bowl_figure",
    "comparison_ranges",
    "contour_figure",
    "curves_figure",
    "data_ranges",
    "fit_figure",
    "loss_curves_figure",
    "outlier_figure",
    "residual_layout",
    "residual_squares_figure",
]
