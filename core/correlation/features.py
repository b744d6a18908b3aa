r"""A correlation matrix for feature selection: generated houses, or a learner's table.

Examples
--------
>>> fm = feature_matrix(200, 0.9, 0.8, seed=0)
>>> fm.names[-1], fm.matrix.shape
('price', (6, 6))
>>> [(a, b) for a, b, _ in fm.redundant_pairs()]  # rooms repeat area
[('area', 'rooms')]
>>> from core.table import parse_table, pick_columns
>>> table = parse_table("a,b,y\n1,2,2\n2,1,4\n3,3,6\n")
>>> mine = table_feature_matrix(pick_columns(table, table.names), "y", 0.8)
>>> mine.ranking()  # y = 2·a: r = 1 exactly; b against y: 0.5
[('a', 1.0), ('b', 0.5)]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.correlation.pairs import PairStats, pair_stats
from core.parsing import check_in_range, check_int, check_seed
from core.table import Chosen

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
#: Most columns of a learner's table in one matrix (the target and 11 features).
MAX_MATRIX_COLUMNS = 12


@dataclass(frozen=True)
class FeatureMatrix:
    """A generated data set, its correlation matrix and what it says about features."""

    names: tuple[str, ...]  # the features, then the target (last)
    data: np.ndarray  # shape (samples, len(names))
    matrix: np.ndarray  # shape (len(names),) * 2: np.corrcoef(data, rowvar=False)
    threshold: float
    link: float
    seed: int
    #: For a learner's table: what it was read from (``Chosen.key``), else ().
    source: tuple[object, ...] = ()
    #: Columns of a table left out because every row has the same value.
    constant: tuple[str, ...] = ()

    @property
    def samples(self) -> int:
        """The number of houses (rows of ``data``)."""
        return int(self.data.shape[0])

    @property
    def key(self) -> tuple[object, ...]:
        """The inputs this matrix was computed from (a cache key)."""
        return (self.samples, self.link, self.threshold, self.seed, *self.source)

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
        price = 500 + 50·a − 1.5·age − 6·distance + 30·e   (k€; the base 500 keeps prices above 0)

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
    price = 500 + 50 * a - 1.5 * age - 6 * distance + 30 * e
    data = np.column_stack([area, rooms, age, distance, day, price])
    return FeatureMatrix(
        names=COLUMNS,
        data=data,
        matrix=np.corrcoef(data, rowvar=False),
        threshold=threshold,
        link=link,
        seed=seed,
    )


def table_feature_matrix(
    chosen: Chosen, target: str, threshold: float
) -> FeatureMatrix:
    """The correlation matrix of a learner's columns, with ``target`` last.

    Parameters
    ----------
    chosen : Chosen
        Number columns of a table (``core.table.pick_columns``: rows with a missing
        cell already dropped, long tables sampled), at most
        :data:`MAX_MATRIX_COLUMNS`, ``target`` among them.
    target : str
        The column a model would predict: every other column is a feature.
    threshold : float in [0.5, 0.99]
        |r| between two features from which the page warns that they are redundant.

    Returns
    -------
    FeatureMatrix
        ``matrix[i, j]`` is Pearson's r of columns i and j (``np.corrcoef``);
        ``ranking()`` the features by |r| with the target. A feature with the same
        value in every row has no r: it is left out and named in ``constant``.
    """
    threshold = check_in_range(threshold, "the warning threshold", 0.5, 0.99)
    names = list(chosen.names)
    if not isinstance(target, str) or target not in names:
        raise ValueError(
            f"The table has no number column {str(target)[:40]!r} to predict; choose "
            f"one of: {', '.join(names)}."
        )
    if len(names) > MAX_MATRIX_COLUMNS:
        raise ValueError(
            f"{len(names)} columns are too many for one matrix: at most "
            f"{MAX_MATRIX_COLUMNS} (the target and {MAX_MATRIX_COLUMNS - 1} features)."
        )
    if chosen.n < 3:
        raise ValueError(
            f"Only {chosen.n} complete row{'' if chosen.n == 1 else 's'}: a correlation "
            "needs at least 3 rows with a value in every column."
        )
    order = [name for name in names if name != target] + [target]
    data = np.column_stack([chosen.columns[names.index(name)] for name in order])
    flat = np.ptp(data, axis=0) == 0
    if flat[-1]:
        raise ValueError(
            f"The target {target[:40]!r} has the same value in every row: nothing "
            "varies with it. Choose another target column."
        )
    if flat.sum() == len(order) - 1:
        raise ValueError(
            "Every feature has the same value in every row: there is nothing to "
            "correlate with the target."
        )
    kept = [name for name, same in zip(order, flat, strict=True) if not same]
    data = data[:, ~flat]
    return FeatureMatrix(
        names=tuple(kept),
        data=data,
        matrix=np.clip(np.corrcoef(data, rowvar=False), -1.0, 1.0),
        threshold=threshold,
        link=0.0,
        seed=chosen.seed,
        source=(chosen.key, target),
        constant=tuple(name for name, same in zip(order, flat, strict=True) if same),
    )
