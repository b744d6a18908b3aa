"""The points a line is fitted to: generated with a seed, or typed by the learner.

Examples
--------
>>> data = make_dataset(5, 0, 0.0)   # no noise: every point on y = 0.6·x + 2
>>> bool(np.allclose(data.y, 0.6 * data.x + 2))
True
>>> typed_dataset("0, 1, 2", "1, 3, 5").y.tolist()
[1.0, 3.0, 5.0]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from core.loss_functions.losses import MAX_POINTS, check_pair
from core.parsing import check_in_range, check_int, check_seed, format_number

#: The generated data set: x uniform on [X_LOW, X_HIGH], y = TRUE_W·x + TRUE_B + noise.
X_LOW, X_HIGH = 0.5, 9.5
TRUE_W, TRUE_B = 0.6, 2.0
#: The largest noise (standard deviation) of the generated data.
MAX_NOISE = 10.0

DataSource = Literal["seeded", "typed"]


@dataclass(frozen=True)
class Dataset:
    """Points ``(x, y)``, shape (n,) each, and how they were made."""

    x: np.ndarray
    y: np.ndarray
    source: DataSource
    seed: int | None = None
    noise: float | None = None

    @property
    def n(self) -> int:
        """The number of points."""
        return int(self.x.size)

    @property
    def key(self) -> tuple[Any, ...]:
        """What the points were made from (a cache key)."""
        if self.source == "seeded":
            return ("seeded", self.n, self.seed, self.noise)
        return ("typed", tuple(self.x.tolist()), tuple(self.y.tolist()))


def make_dataset(n: int, seed: int, noise: float) -> Dataset:
    """``n`` points near the line ``y = 0.6·x + 2`` with Gaussian noise of std ``noise``.

    ``x`` is uniform on [0.5, 9.5]; the same ``seed`` gives the same points.

    Parameters
    ----------
    n : int
        The number of points, 2 … ``MAX_POINTS``.
    seed : int
        The seed of ``np.random.default_rng`` (see ``core.parsing.SEED_LIMITS``).
    noise : float
        The standard deviation of the noise added to each ``y``, 0 … 10.

    Returns
    -------
    Dataset
    """
    n = check_int(n, "The number of points", 2, MAX_POINTS)
    seed = check_seed(seed)
    noise = check_in_range(noise, "The noise", 0.0, MAX_NOISE)
    rng = np.random.default_rng(seed)
    x = rng.uniform(X_LOW, X_HIGH, n)
    y = TRUE_W * x + TRUE_B + rng.normal(0, noise, n)
    return Dataset(x, y, "seeded", seed, noise)


def typed_dataset(x: Any, y: Any) -> Dataset:
    """Points typed by the learner: at least 2, with at least 2 different x values."""
    xs, ys = check_pair(x, y, ("x", "y"))
    if xs.size < 2:
        raise ValueError(
            "A line needs at least 2 points: type at least 2 x and 2 y values."
        )
    if np.all(xs == xs[0]):
        raise ValueError(
            f"Every x is {format_number(xs[0])}: with no spread in x the slope is not "
            "determined (every slope fits equally well). Give x at least two "
            "different values."
        )
    return Dataset(xs, ys, "typed")


def load_dataset(
    data: DataSource, *, n: int, seed: int, noise: float, x: Any, y: Any
) -> Dataset:
    """The page's data set: generated with a seed, or typed."""
    if data == "seeded":
        return make_dataset(n, seed, noise)
    if data == "typed":
        return typed_dataset(x, y)
    raise ValueError(f"The data must be 'seeded' or 'typed', not {data!r}.")
