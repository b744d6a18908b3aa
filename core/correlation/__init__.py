"""Correlation: Pearson's r, Spearman's rank correlation and what they do not tell you.

Notebook cell 9::

    x = np.array([1, 2, 3, 4])
    y = np.array([10, 20, 30, 40])
    np.corrcoef(x, y)       # array([[1., 1.], [1., 1.]])

One module per concern: ``pairs`` (r, ρₛ, the line), ``entry`` (typed data),
``samples`` (generated clouds, an outlier, a curve), ``anscombe``, ``features``
(a correlation matrix) and ``game`` (guess the correlation).
"""

from __future__ import annotations

from core.correlation.anscombe import ANSCOMBE, Quartet, anscombe_quartet
from core.correlation.entry import (
    Entry,
    columns_text,
    convert_entry,
    lists_text,
    pairs_from_columns,
    pairs_from_lists,
    parse_columns,
    parse_lists,
)
from core.correlation.features import (
    COLUMNS,
    FEATURES,
    MAX_MATRIX_COLUMNS,
    TARGET,
    FeatureMatrix,
    feature_matrix,
    table_feature_matrix,
)
from core.correlation.game import (
    GOOD_WITHIN,
    GREAT_WITHIN,
    MAX_ROUND,
    POINTS,
    GameRecord,
    GameRound,
    Grade,
    Score,
    game_round,
    record_guess,
    score_guess,
)
from core.correlation.pairs import (
    MAX_ABS_VALUE,
    MIN_SUM_SQUARES,
    PairStats,
    average_ranks,
    check_pairs,
    fisher_interval,
    format_r,
    normal_quantile,
    pair_stats,
    pearson_r,
    spearman_rho,
    undefined_message,
)
from core.correlation.samples import (
    CURVE_HALF_WIDTH,
    CURVE_POINTS,
    MAX_CURVE_NOISE,
    MAX_NOISE,
    MAX_POINTS,
    OUTLIER_LIMIT,
    CurveSample,
    GeneratedSample,
    OutlierStudy,
    correlated_sample,
    curve_sample,
    expected_correlation,
    outlier_study,
)

__all__ = [
    "ANSCOMBE",
    "COLUMNS",
    "CURVE_HALF_WIDTH",
    "CURVE_POINTS",
    "FEATURES",
    "GOOD_WITHIN",
    "GREAT_WITHIN",
    "MAX_ABS_VALUE",
    "MAX_CURVE_NOISE",
    "MAX_MATRIX_COLUMNS",
    "MAX_NOISE",
    "MAX_POINTS",
    "MAX_ROUND",
    "MIN_SUM_SQUARES",
    "OUTLIER_LIMIT",
    "POINTS",
    "TARGET",
    "CurveSample",
    "Entry",
    "FeatureMatrix",
    "GameRecord",
    "GameRound",
    "GeneratedSample",
    "Grade",
    "OutlierStudy",
    "PairStats",
    "Quartet",
    "Score",
    "anscombe_quartet",
    "average_ranks",
    "check_pairs",
    "columns_text",
    "convert_entry",
    "correlated_sample",
    "curve_sample",
    "expected_correlation",
    "feature_matrix",
    "fisher_interval",
    "format_r",
    "game_round",
    "lists_text",
    "normal_quantile",
    "outlier_study",
    "pair_stats",
    "pairs_from_columns",
    "pairs_from_lists",
    "parse_columns",
    "parse_lists",
    "pearson_r",
    "record_guess",
    "score_guess",
    "spearman_rho",
    "table_feature_matrix",
    "undefined_message",
]
