"""Correlation: Pearson and Spearman r of your data or of data with a chosen ρ,
Anscombe's quartet, outliers and curves, a correlation matrix for feature
selection, and a guess-the-correlation game."""

from __future__ import annotations

from text import correlation as words
from ui import page
from views.correlation import anscombe, curve, data, guess, matrix, outlier, target

page.run(
    "correlation",
    "Correlation: do two things move together?",
    intro=words.INTRO,
    views=(
        data.VIEW,
        target.VIEW,
        anscombe.VIEW,
        outlier.VIEW,
        curve.VIEW,
        matrix.VIEW,
        guess.VIEW,
    ),
)
