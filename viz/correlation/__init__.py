"""Figures for the Correlation page: scatters with their line, Anscombe's quartet,
an outlier, a curve, a correlation heatmap with its ranking, and the guessing game.

Every figure is assembled as plain dicts (``style.Chart``): results in, figure out.
"""

from __future__ import annotations

from viz.correlation.common import (
    ANSCOMBE_X,
    ANSCOMBE_Y,
    CURVE_X,
    CURVE_Y,
    DIVERGING,
    GAME_RANGE,
    NEGATIVE,
    OUTLIER_RANGE,
    POSITIVE,
    SAMPLE_X,
    SAMPLE_Y,
    UNITS,
    padded_range,
)
from viz.correlation.game import game_figure, history_figure
from viz.correlation.panels import anscombe_figure, heatmap_figure, ranking_figure
from viz.correlation.scatter import (
    curve_figure,
    outlier_figure,
    pair_figure,
    pairs_figure,
    sample_figure,
    scatter_figure,
)

__all__ = [
    "ANSCOMBE_X",
    "ANSCOMBE_Y",
    "CURVE_X",
    "CURVE_Y",
    "DIVERGING",
    "GAME_RANGE",
    "NEGATIVE",
    "OUTLIER_RANGE",
    "POSITIVE",
    "SAMPLE_X",
    "SAMPLE_Y",
    "UNITS",
    "anscombe_figure",
    "curve_figure",
    "game_figure",
    "heatmap_figure",
    "history_figure",
    "outlier_figure",
    "padded_range",
    "pair_figure",
    "pairs_figure",
    "ranking_figure",
    "sample_figure",
    "scatter_figure",
]
