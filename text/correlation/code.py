"""The code panel of the Correlation page: the notebook's style, today's values.

Each ``*_code`` is code a learner can paste; its ``*_code_result`` is what the
code's last line evaluates to, computed from the page's own result.

Examples
--------
>>> from core.correlation import pairs_from_lists
>>> stats = pairs_from_lists("1, 2, 3, 4", "10, 20, 30, 40")
>>> print(pairs_code(stats))
import numpy as np
<BLANKLINE>
x = np.array([1, 2, 3, 4])
y = np.array([10, 20, 30, 40])
<BLANKLINE>
np.corrcoef(x, y)
>>> pairs_code_result(stats)
array([[1., 1.],
       [1., 1.]])
"""

from __future__ import annotations

import numpy as np

from core.correlation import (
    ANSCOMBE,
    CURVE_HALF_WIDTH,
    CURVE_POINTS,
    CurveSample,
    FeatureMatrix,
    GameRound,
    GeneratedSample,
    OutlierStudy,
    PairStats,
)
from core.parsing import code_literal, format_number


def code_array(values: np.ndarray) -> np.ndarray:
    """The array ``np.array(<code_literal(values)>)`` builds: ints if all are whole."""
    values = np.asarray(values, dtype=float)
    if np.all(values == np.round(values)) and np.all(np.abs(values) < 1e15):
        return values.astype(np.int64)
    return values


def pairs_code(stats: PairStats) -> str:
    """The notebook's cell with the current data (or why r is undefined)."""
    head = (
        "import numpy as np\n\n"
        f"x = np.array({code_literal(stats.x)})\n"
        f"y = np.array({code_literal(stats.y)})\n\n"
    )
    if stats.r is not None:
        return head + "np.corrcoef(x, y)"
    return head + (
        "# A constant list has no spread (np.ptp = max − min = 0), so r = 0/0 is\n"
        "# undefined: np.corrcoef(x, y) would print nan, or a meaningless ±1.\n"
        "np.ptp(x), np.ptp(y)"
    )


def pairs_code_result(stats: PairStats) -> object:
    """What the last line of :func:`pairs_code` evaluates to."""
    if stats.corrcoef is not None:
        return stats.corrcoef
    return np.ptp(code_array(stats.x)), np.ptp(code_array(stats.y))


def sample_code(sample: GeneratedSample) -> str:
    """Code that draws the same sample and computes r, r² and Spearman's ρ."""
    return (
        "import numpy as np\n\n"
        f"rng = np.random.default_rng({sample.seed})\n"
        f"n, rho, noise = {sample.n}, {format_number(sample.rho)}, "
        f"{format_number(sample.noise)}\n"
        "x, e, m = rng.standard_normal((3, n))\n"
        "y = rho * x + np.sqrt(1 - rho**2) * e + noise * m\n\n"
        "r = np.corrcoef(x, y)[0, 1]\n"
        "rank_x, rank_y = x.argsort().argsort(), y.argsort().argsort()\n"
        "spearman = np.corrcoef(rank_x, rank_y)[0, 1]  # r of the ranks\n"
        "r, r**2, spearman"
    )


def sample_code_result(sample: GeneratedSample) -> tuple[float, float, float]:
    """What the last line of :func:`sample_code` evaluates to."""
    stats = sample.stats
    assert stats.r is not None
    assert stats.r2 is not None
    assert stats.spearman is not None
    return np.float64(stats.r), np.float64(stats.r2), np.float64(stats.spearman)


def anscombe_code() -> str:
    """Code that prints the quartet's shared statistics."""
    lines = ["import numpy as np\n", "quartet = {"]
    for name, (x, y) in ANSCOMBE.items():
        lines.append(f'    "{name}": ({code_literal(x)},')
        lines.append(f"          {code_literal(y)}),")
    lines.append("}\n")
    lines.append("# mean x, mean y, var x, var y (n − 1), r, slope, intercept")
    lines.append("np.array([")
    lines.append("    [np.mean(x), np.mean(y), np.var(x, ddof=1), np.var(y, ddof=1),")
    lines.append("     np.corrcoef(x, y)[0, 1], *np.polyfit(x, y, 1)]")
    lines.append("    for x, y in quartet.values()")
    lines.append("]).round(3)")
    return "\n".join(lines)


def anscombe_code_result(quartet: dict[str, PairStats]) -> np.ndarray:
    """What the last line of :func:`anscombe_code` evaluates to."""
    rows = [
        [s.mean_x, s.mean_y, s.sd_x**2, s.sd_y**2, s.r, s.slope, s.intercept]
        for s in quartet.values()
    ]
    return np.array(rows, dtype=float).round(3)


def outlier_code(study: OutlierStudy) -> str:
    """Code that draws the same cloud and computes r without and with the outlier."""
    ox, oy = (format_number(v) for v in study.outlier)
    return (
        "import numpy as np\n\n"
        f"rng = np.random.default_rng({study.seed})\n"
        f"rho = {format_number(study.base_rho)}\n"
        f"x, e = rng.standard_normal((2, {study.without.n}))\n"
        "y = rho * x + np.sqrt(1 - rho**2) * e\n"
        "r_without = np.corrcoef(x, y)[0, 1]\n\n"
        f"# add one outlier at ({ox}, {oy})\n"
        f"x_all, y_all = np.append(x, {ox}), np.append(y, {oy})\n"
        "r_with = np.corrcoef(x_all, y_all)[0, 1]\n"
        "r_without, r_with"
    )


def outlier_code_result(study: OutlierStudy) -> tuple[float, float]:
    """What the last line of :func:`outlier_code` evaluates to."""
    assert study.without.r is not None
    assert study.with_outlier.r is not None
    return np.float64(study.without.r), np.float64(study.with_outlier.r)


def curve_code(curve: CurveSample) -> str:
    """Code that draws the same points near y = x² and computes r."""
    low = format_number(curve.centre - CURVE_HALF_WIDTH)
    high = format_number(curve.centre + CURVE_HALF_WIDTH)
    return (
        "import numpy as np\n\n"
        f"rng = np.random.default_rng({curve.seed})\n"
        f"x = np.linspace({low}, {high}, {CURVE_POINTS})\n"
        f"y = x**2 + {format_number(curve.noise)} * rng.standard_normal({CURVE_POINTS})"
        "  # a curve, not a line\n\n"
        "np.corrcoef(x, y)[0, 1]"
    )


def curve_code_result(curve: CurveSample) -> float:
    """What the last line of :func:`curve_code` evaluates to."""
    assert curve.stats.r is not None
    return np.float64(curve.stats.r)


def matrix_code(fm: FeatureMatrix, samples: int) -> str:
    """Code that generates the same houses and prints their correlation matrix."""
    link = format_number(fm.link)
    return (
        "import numpy as np\n\n"
        f"rng = np.random.default_rng({fm.seed})\n"
        f"n, link = {samples}, {link}\n"
        "a, b, e = rng.standard_normal((3, n))\n"
        "age, distance, day = rng.uniform([0, 0, 1], [60, 20, 365], (n, 3)).T\n"
        "area = 100 + 20 * a                                  # m²\n"
        "rooms = 4 + (link * a + np.sqrt(1 - link**2) * b)    # follows area\n"
        "price = 500 + 50 * a - 1.5 * age - 6 * distance + 30 * e  # k€\n\n"
        "# columns: area, rooms, age, distance, listing day, price\n"
        "data = np.column_stack([area, rooms, age, distance, day, price])\n"
        "np.corrcoef(data, rowvar=False).round(2)"
    )


def table_matrix_code(fm: FeatureMatrix) -> str:
    """Code with the learner's rows that prints the same correlation matrix."""
    rows = ",\n".join(f"    {code_literal(row)}" for row in fm.data)
    return (
        "import numpy as np\n\n"
        f"# columns: the features, then the target ({fm.target!r})\n"
        f"names = {list(fm.names)!r}\n"
        f"data = np.array([\n{rows},\n], dtype=float)\n\n"
        "np.corrcoef(data, rowvar=False).round(2)"
    )


def matrix_code_result(fm: FeatureMatrix) -> np.ndarray:
    """What the last line of :func:`matrix_code` evaluates to."""
    return fm.matrix.round(2)


def game_code(round_: GameRound) -> str:
    """Code that draws the same round and computes its r (shown once guessed)."""
    return (
        "import numpy as np\n\n"
        f"rng = np.random.default_rng([{round_.seed}, {round_.number}])  # [seed, round]\n"
        "rho = rng.uniform(-1, 1)\n"
        "n = int(rng.integers(20, 101))\n"
        "x, e = rng.standard_normal((2, n))\n"
        "y = rho * x + np.sqrt(1 - rho**2) * e\n\n"
        "np.corrcoef(x, y)[0, 1]"
    )


def game_code_result(round_: GameRound) -> float:
    """What the last line of :func:`game_code` evaluates to."""
    return np.float64(round_.r)
