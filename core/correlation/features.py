"""A correlation matrix for feature selection: a generated house-price data set.

Examples
--------
>>> fm = feature_matrix(200, 0.9, 0.8, seed=0)
>>> fm.names[-1], fm.matrix.shape
('price', (6, 6))
>>> [(a, b) for a, b, _ in fm.redundant_pairs()]  # rooms repeat area
[('area', 'rooms')]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.correlation.pairs import PairStats, pair_stats
from core.parsing import check_in_range, check_int, check_seed

#: Columns of the generated house-price data set: (name, unit).
FEATURES: tuple[tuple[str, str], ...] = (
    ("area", "m²"),
    ("rooms", "rooms"),
    ("age", "years"),
    ("distance", "km to the centre"),
    ("listing day", "day of the year"),
)
TARGET = ("price", "k€")
#: Every column's name: the features, then the target.
COLUMNS: tuple[str, ...] = (*(name for name, _ in FEATURES), TARGET[0])


@dataclass(frozen=True)
class FeatureMatrix:
    """A generated data set, its correlation matrix and what it says about features."""

    names: tuple[str, ...]  # the features, then the target (last)
    data: np.ndarray  # shape (samples, len(names))
    matrix: np.ndarray  # shape (len(names),) * 2: np.corrcoef(data, rowvar=False)
    threshold: float
    link: float
    seed: int

    @property
    def samples(self) -> int:
        """The number of houses (rows of ``data``)."""
        return int(self.data.shape[0])

    @property
    def key(self) -> tuple[int, float, float, int]:
        """The inputs this matrix was computed from (a cache key)."""
        return (self.samples, self.link, self.threshold, self.seed)

    @property
    def features(self) -> tuple[str, ...]:
        """Every column but the target."""
        return self.names[:-1]

    @property
    def target(self) -> str:
        """The column a model would predict (the last)."""
        return self.names[-1]

    def ranking(self) -> list[tuple[str, float]]:
        """Features by |r| with the target, strongest first: ``[(name, r), …]``."""
        with_target = self.matrix[:-1, -1]
        order = sorted(range(len(self.features)), key=lambda i: -abs(with_target[i]))
        return [(self.features[i], float(with_target[i])) for i in order]

    def redundant_pairs(self) -> list[tuple[str, str, float]]:
        """Pairs of features with |r| ≥ threshold: ``[(a, b, r), …]``, strongest first."""
        pairs = []
        k = len(self.features)
        for i in range(k):
            for j in range(i + 1, k):
                r = float(self.matrix[i, j])
                if abs(r) >= self.threshold:
                    pairs.append((self.features[i], self.features[j], r))
        return sorted(pairs, key=lambda p: -abs(p[2]))

    def column(self, name: str) -> np.ndarray:
        """The values of column ``name`` (shape (samples,))."""
        if name not in self.names:
            raise ValueError(
                f"{name!r} is not a column; pick one of {', '.join(self.names)}."
            )
        return self.data[:, self.names.index(name)]

    def pair(self, fx: str, fy: str) -> PairStats:
        """Statistics of column ``fy`` against column ``fx``."""
        return pair_stats(self.column(fx), self.column(fy), names=(fx, fy))


def feature_matrix(
    samples: int, link: float, threshold: float, seed: int
) -> FeatureMatrix:
    """Generate a small house-price data set and its correlation matrix.

    Parameters
    ----------
    samples : int, 20 … 1000
        Number of houses.
    link : float in [0, 1]
        How closely ``rooms`` follows ``area`` (their correlation is about ``link``).
    threshold : float in [0.5, 0.99]
        |r| between two features from which the page warns that they are redundant.
    seed : int

    Notes
    -----
    ``a, b, e`` standard normal (shape (3, samples)); age, distance, listing day
    uniform on [0, 60], [0, 20], [1, 365] (shape (samples, 3))::

        area  = 100 + 20·a                 rooms = 4 + link·a + √(1 − link²)·b
        price = 300 + 50·a − 1.5·age − 6·distance + 30·e

    Price depends on area, age and distance; rooms only through area; the
    listing day not at all.
    """
    samples = check_int(samples, "the number of houses", 20, 1000)
    link = check_in_range(link, "the rooms–area link", 0.0, 1.0)
    threshold = check_in_range(threshold, "the warning threshold", 0.5, 0.99)
    seed = check_seed(seed, "seed")
    rng = np.random.default_rng(seed)
    a, b, e = rng.standard_normal((3, samples))
    age, distance, day = rng.uniform([0, 0, 1], [60, 20, 365], (samples, 3)).T
    area = 100 + 20 * a
    rooms = 4 + (link * a + np.sqrt(1 - link**2) * b)
    price = 300 + 50 * a - 1.5 * age - 6 * distance + 30 * e
    data = np.column_stack([area, rooms, age, distance, day, price])
    return FeatureMatrix(
        names=COLUMNS,
        data=data,
        matrix=np.corrcoef(data, rowvar=False),
        threshold=threshold,
        link=link,
        seed=seed,
    )
