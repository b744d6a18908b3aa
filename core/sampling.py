"""Sampling: the law of large numbers and the central limit theorem.

Law of large numbers: the running mean ``(x₁ + … + xₙ)/n`` of independent draws
settles on the true mean ``μ``; its typical distance from ``μ`` is ``σ/√n``.

Central limit theorem: the mean of ``k`` draws from *any* source with mean ``μ``
and standard deviation ``σ`` is close to normal, ``N(μ, σ²/k)``, once ``k`` is
large enough; how large depends on how skewed the source is (the skewness of the
mean is the source's skewness divided by ``√k``).

Examples
--------
>>> SOURCES["die"].mean, round(SOURCES["die"].std, 4)
(3.5, 1.7078)
>>> r = running_means("die", n=1000, runs=1, seed=0)
>>> abs(float(r.final[0]) - 3.5) < 3 * SOURCES["die"].std / 1000**0.5
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.parsing import check_int, check_seed, format_number

LLN_N_LIMITS = (10, 100_000)
RUNS_LIMITS = (1, 10)
K_LIMITS = (1, 50)
REPEATS_LIMITS = (100, 100_000)
BINS_LIMITS = (10, 100)
#: Points kept per running-mean path (log-spaced): the figure stays small for any n.
PATH_POINTS = 240
#: Rare-event probability of the skewed two-point source.
P_RARE = 0.1


@dataclass(frozen=True)
class Source:
    """A distribution to draw from, with the moments the theory needs.

    ``lattice`` is the spacing of its values when it is discrete (the die: 1;
    the two-point source: 1), else ``None``. ``low``/``high`` are a fixed
    display range that holds (almost) every draw.
    """

    key: str
    label: str
    mean: float
    std: float
    skewness: float
    excess_kurtosis: float
    lattice: float | None
    low: float
    high: float
    code: str  # NumPy call with {size}; the page draws with exactly this call
    peak_density: float  # tallest point of the source's own density (k = 1)

    def draw(self, rng: np.random.Generator, size: int | tuple[int, int]) -> np.ndarray:
        """Draws shaped ``size``, made by the same call the code panel shows."""
        if self.key == "uniform":
            return rng.uniform(0, 1, size=size)
        if self.key == "exponential":
            return rng.exponential(scale=1, size=size)
        if self.key == "die":
            return rng.integers(1, 7, size=size)
        return rng.choice([0, 1], size=size, p=[1 - P_RARE, P_RARE])


_q = P_RARE * (1 - P_RARE)
SOURCES: dict[str, Source] = {
    "uniform": Source(
        "uniform",
        "Uniform on 0…1 (flat)",
        0.5,
        math.sqrt(1 / 12),
        0.0,
        -1.2,
        None,
        0.0,
        1.0,
        "rng.uniform(0, 1, size={size})",
        1.0,
    ),
    "exponential": Source(
        "exponential",
        "Exponential (waiting times, skewed)",
        1.0,
        1.0,
        2.0,
        6.0,
        None,
        0.0,
        5.0,
        "rng.exponential(scale=1, size={size})",
        1.0,
    ),
    "die": Source(
        "die",
        "A fair die: 1…6",
        3.5,
        math.sqrt(35 / 12),
        0.0,
        -222 / 175,
        1.0,
        0.5,
        6.5,
        "rng.integers(1, 7, size={size})",
        1 / 6,
    ),
    "rare": Source(
        "rare",
        f"Rare event: 1 with prob. {P_RARE}, else 0 (very skewed)",
        P_RARE,
        math.sqrt(_q),
        (1 - 2 * P_RARE) / math.sqrt(_q),
        (1 - 6 * _q) / _q,
        1.0,
        -0.1,
        1.1,
        f"rng.choice([0, 1], size={{size}}, p=[{format_number(1 - P_RARE)}, {P_RARE}])",
        1 - P_RARE,
    ),
}
SOURCE_LABELS = {key: source.label for key, source in SOURCES.items()}


def get_source(key: str) -> Source:
    """The source named ``key`` or a ``ValueError`` listing the choices."""
    try:
        return SOURCES[key]
    except KeyError:
        names = ", ".join(SOURCES)
        raise ValueError(f"Unknown source {key!r}: choose one of {names}.") from None


# -- law of large numbers -----------------------------------------------------------------


@dataclass(frozen=True)
class RunningMeans:
    """Running means of ``runs`` independent paths, kept at log-spaced steps.

    ``steps`` (shape ``(m,)``) are the draw counts kept, always including 1 and
    ``n``; ``paths`` has shape ``(runs, m)``; ``final`` (shape ``(runs,)``) is
    each path's mean of all ``n`` draws.
    """

    source: Source
    n: int
    runs: int
    seed: int
    steps: np.ndarray
    paths: np.ndarray
    final: np.ndarray

    @property
    def key(self) -> tuple[str, int, int, int]:
        """The inputs these paths were drawn from (a cache key)."""
        return (self.source.key, self.n, self.runs, self.seed)

    @property
    def envelope(self) -> np.ndarray:
        """``σ/√i`` at every kept step: the typical distance from ``μ``."""
        return self.source.std / np.sqrt(self.steps)


def log_steps(n: int, points: int = PATH_POINTS) -> np.ndarray:
    """About ``points`` distinct integers from 1 to ``n``, evenly spaced on a log axis."""
    n = check_int(n, "n", 1, 10**9)
    points = check_int(points, "The number of points", 2, 10_000)
    steps = np.unique(np.round(np.geomspace(1, n, points)).astype(np.int64))
    return steps


def running_means(source: str, n: int, runs: int, seed: int) -> RunningMeans:
    """Draw ``runs × n`` values and follow each row's running mean.

    Notes
    -----
    ``running_mean[i] = (x₁ + … + xᵢ) / i``, computed as
    ``np.cumsum(draws, axis=1) / np.arange(1, n + 1)`` exactly as the code panel.
    """
    src = get_source(source)
    n = check_int(n, "The number of draws n", *LLN_N_LIMITS)
    runs = check_int(runs, "The number of runs", *RUNS_LIMITS)
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)
    draws = src.draw(rng, (runs, n))
    running = np.cumsum(draws, axis=1) / np.arange(1, n + 1)
    steps = log_steps(n)
    return RunningMeans(
        source=src,
        n=n,
        runs=runs,
        seed=seed,
        steps=steps,
        paths=running[:, steps - 1],
        final=running[:, -1].copy(),
    )


# -- central limit theorem ------------------------------------------------------------------


@dataclass(frozen=True)
class MeansOfK:
    """``repeats`` means of ``k`` draws each, binned, against ``N(μ, σ²/k)``.

    ``edges`` (shape ``(b + 1,)``) and ``counts`` (shape ``(b,)``): for a discrete
    source one bar per attainable mean (spacing ``lattice/k``, edges halfway
    between), otherwise ``bins`` equal bins over ``μ ± 4.5σ/√k`` (within the
    source's range). ``skewness`` is measured on the means.
    """

    source: Source
    k: int
    repeats: int
    seed: int
    bins: int
    mean_of_means: np.float64
    std_of_means: np.float64
    skewness: float
    edges: np.ndarray
    counts: np.ndarray

    @property
    def key(self) -> tuple[str, int, int, int, int]:
        """The inputs these means were drawn from (a cache key)."""
        return (self.source.key, self.k, self.repeats, self.bins, self.seed)

    @property
    def predicted_std(self) -> float:
        """``σ/√k``: the spread the central limit theorem predicts for the means."""
        return self.source.std / math.sqrt(self.k)

    @property
    def predicted_skewness(self) -> float:
        """``γ/√k``: the exact skewness of a mean of ``k`` draws."""
        return self.source.skewness / math.sqrt(self.k)

    @property
    def predicted_excess_kurtosis(self) -> float:
        """``κ/k``: the exact excess kurtosis of a mean of ``k`` draws."""
        return self.source.excess_kurtosis / self.k

    @property
    def shape_distance(self) -> float:
        """``max(|γ|/√k, |κ|/k)``: how far the exact shape of the mean is from normal.

        A normal curve has skewness ``γ = 0`` and excess kurtosis ``κ = 0``; for a
        mean of ``k`` independent draws both shrink exactly like this.
        """
        return max(abs(self.predicted_skewness), abs(self.predicted_excess_kurtosis))

    @property
    def density(self) -> np.ndarray:
        """Bar heights as a density (area 1 over every mean), shape (b,)."""
        return self.counts / (self.repeats * np.diff(self.edges))


@dataclass(frozen=True, eq=False)
class DrawTotals:
    """Running totals of one seeded stream of a discrete source's draws.

    ``src.draw(default_rng(seed), (repeats, k))`` is the first ``repeats·k`` values
    of one stream, whatever ``k`` (NumPy fills an array in order), so for every
    ``k`` up to ``K_LIMITS[1]`` the row sums are differences of these totals:
    ``totals[j]`` is the sum of the first ``j`` draws (``totals[0] = 0``).
    """

    source: Source
    repeats: int
    seed: int
    totals: np.ndarray  # shape (repeats · K_LIMITS[1] + 1,), integers

    def row_sums(self, k: int) -> np.ndarray:
        """The sums of ``draws`` of shape ``(repeats, k)``, exactly, in ``O(repeats)``."""
        ends = self.totals[k : self.repeats * k + 1 : k]
        starts = self.totals[0 : self.repeats * k : k]
        return np.subtract(ends, starts, dtype=np.int64)


def draw_totals(source: str, repeats: int, seed: int) -> DrawTotals:
    """Draw a discrete source's stream once for every ``k``: its running totals.

    Examples
    --------
    >>> t = draw_totals("die", repeats=100, seed=0)
    >>> k = 5
    >>> draws = SOURCES["die"].draw(np.random.default_rng(0), (100, k))
    >>> bool(np.array_equal(t.row_sums(k), draws.sum(axis=1)))
    True
    """
    src = get_source(source)
    if src.lattice is None:
        raise ValueError(f"{src.label} is not discrete: its means are not sums.")
    repeats = check_int(repeats, "The number of means", *REPEATS_LIMITS)
    seed = check_seed(seed)
    stream = src.draw(np.random.default_rng(seed), repeats * K_LIMITS[1])
    totals = np.zeros(stream.size + 1, dtype=np.int32)  # at most 6 · 5e6 < 2³¹
    np.cumsum(stream, out=totals[1:])
    totals.flags.writeable = False
    return DrawTotals(src, repeats, seed, totals)


def means_of_k(
    source: str,
    k: int,
    repeats: int,
    bins: int,
    seed: int,
    totals: DrawTotals | None = None,
) -> MeansOfK:
    """Means of ``k`` draws, ``repeats`` times, binned on the server.

    ``totals`` (a discrete source's :func:`draw_totals` for the same ``repeats``
    and ``seed``) gives the same means without drawing again.

    Notes
    -----
    ``draws`` has shape ``(repeats, k)``; ``means = draws.mean(axis=1)``, exactly
    as the code panel. Theory: ``E[mean] = μ``, ``sd(mean) = σ/√k``. For integer
    draws ``draws.mean(axis=1)`` is the row sum (exact in floating point) over
    ``k``: what the running totals give.
    """
    src = get_source(source)
    k = check_int(k, "k (draws per mean)", *K_LIMITS)
    repeats = check_int(repeats, "The number of means", *REPEATS_LIMITS)
    bins = check_int(bins, "The number of bins", *BINS_LIMITS)
    seed = check_seed(seed)
    if totals is not None and not isinstance(totals, DrawTotals):
        raise ValueError("totals must be the running totals from draw_totals, or None.")
    means: np.ndarray
    if totals is not None and (totals.source, totals.repeats, totals.seed) == (
        src,
        repeats,
        seed,
    ):
        row_sums = totals.row_sums(k)
        means = row_sums.astype(np.float64) / k
    else:
        draws = src.draw(np.random.default_rng(seed), (repeats, k))
        means = draws.mean(axis=1)
        row_sums = draws.sum(axis=1)
    mu, sd = src.mean, src.std / math.sqrt(k)
    if src.lattice is not None:
        # integer sums: one bar per attainable mean, edges halfway between them
        sums = row_sums.astype(np.int64, copy=False)
        if src.lattice != 1:
            sums = np.rint(row_sums / src.lattice).astype(np.int64)
        low = int(sums.min())
        counts = np.bincount(sums - low)
        step = src.lattice / k
        edges = (np.arange(counts.size + 1) + low - 0.5) * step
    else:
        half = 4.5 * sd
        low_edge, high_edge = max(src.low, mu - half), min(src.high, mu + half)
        counts, edges = np.histogram(means, bins=bins, range=(low_edge, high_edge))
    centred = means - np.mean(means)
    spread = float(np.std(means))
    # centred·centred·centred: ``centred**3`` calls pow() per mean (~10× slower)
    cubed = centred * centred * centred
    skew = float(np.mean(cubed) / spread**3) if spread > 0 else 0.0
    return MeansOfK(
        source=src,
        k=k,
        repeats=repeats,
        seed=seed,
        bins=bins,
        mean_of_means=np.float64(np.mean(means)),
        std_of_means=np.float64(np.std(means)),
        skewness=skew,
        edges=edges,
        counts=counts,
    )
