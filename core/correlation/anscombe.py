"""Anscombe's quartet: four data sets with the same statistics and different pictures.

Anscombe (1973), "Graphs in Statistical Analysis", The American Statistician 27(1).

Examples
--------
>>> quartet = anscombe_quartet()
>>> [round(stats.r, 2) for stats in quartet.values()]  # all four: r ≈ 0.82
[0.82, 0.82, 0.82, 0.82]
"""

from __future__ import annotations

from core.correlation.pairs import PairStats, pair_stats

_ANSCOMBE_X = (10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5)
#: The four data sets: name → (x, y).
ANSCOMBE: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "I": (
        _ANSCOMBE_X,
        (8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68),
    ),
    "II": (
        _ANSCOMBE_X,
        (9.14, 8.14, 8.74, 8.77, 9.26, 8.10, 6.13, 3.10, 9.13, 7.26, 4.74),
    ),
    "III": (
        _ANSCOMBE_X,
        (7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73),
    ),
    "IV": (
        (8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8),
        (6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.50, 5.56, 7.91, 6.89),
    ),
}


class Quartet(dict[str, PairStats]):
    """The four data sets' statistics by name (``"I"`` … ``"IV"``); always the same."""

    @property
    def key(self) -> str:
        """A cache key: the quartet never changes."""
        return "anscombe"


def anscombe_quartet() -> Quartet:
    """The four data sets with their statistics (same to 2–3 decimals)."""
    return Quartet({name: pair_stats(x, y) for name, (x, y) in ANSCOMBE.items()})
