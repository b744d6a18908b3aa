"""MSE vs MAE vs Huber vs RMSE: each loss's best line, and what one outlier does.

Examples
--------
>>> x, y = np.array([0.0, 1.0, 2.0, 3.0]), np.array([0.0, 1.0, 2.0, 9.0])
>>> least_absolute_line(x, y)     # through the three points on y = x
(1.0, 0.0)
>>> w, b = best_line("mse", x, y)  # least squares, pulled up by (3, 9)
>>> round(w, 6), round(b, 6)        # w = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)² = 14 / 5
(2.8, -1.2)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core.loss_functions.data import Dataset
from core.loss_functions.fitting import _least_squares, exponent_of
from core.loss_functions.losses import (
    LOSSES,
    MAX_ABS_VALUE,
    LossCurves,
    check_delta,
    loss_curves,
    loss_value,
)
from core.parsing import as_finite_array, check_in_range, check_int


def least_absolute_line(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The line with the smallest MAE (least absolute deviations), exactly.

    Notes
    -----
    An optimal line of the MAE always passes through two of the points (a
    vertex of the linear programme), so every line through two points with
    different x is tried and the best kept (ties: the first pair).
    """
    xs, ys = _check_points(x, y)
    i, j = np.triu_indices(xs.size, k=1)
    keep = xs[i] != xs[j]
    i, j = i[keep], j[keep]
    if i.size == 0:
        raise ValueError("A line needs at least two points with different x.")
    with np.errstate(over="ignore", invalid="ignore"):
        w = (ys[j] - ys[i]) / (xs[j] - xs[i])
        b = ys[i] - w * xs[i]
        losses = np.mean(
            np.abs(ys[None, :] - (w[:, None] * xs[None, :] + b[:, None])), axis=1
        )
    losses = np.where(np.isfinite(w) & np.isfinite(b), losses, np.nan)
    if not np.any(np.isfinite(losses)):
        raise ValueError(_TOO_STEEP)
    best = int(np.nanargmin(losses))
    return float(w[best]), float(b[best])


_TOO_STEEP = (
    "The x values differ so little, compared with y, that the best line is too "
    "steep to compute: change the unit of x (e.g. multiply it by 1000)."
)


def _check_points(x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    """Two finite lists of the same length, at least 2 points."""
    xs = as_finite_array(x, "x", ndim=1)
    ys = as_finite_array(y, "y", ndim=1)
    if xs.size != ys.size or xs.size < 2:
        raise ValueError("A line needs at least 2 points: as many x as y values.")
    if max(np.max(np.abs(xs)), np.max(np.abs(ys))) > MAX_ABS_VALUE:
        raise ValueError(
            f"Keep every x and y between −{MAX_ABS_VALUE:,.0f} and {MAX_ABS_VALUE:,.0f}."
        )
    return xs, ys


def huber_line(
    x: np.ndarray, y: np.ndarray, delta: float, *, max_iter: int = 500
) -> tuple[float, float]:
    """The line with the smallest mean Huber loss, by iteratively reweighted least squares.

    Notes
    -----
    Each round solves weighted least squares with weights ``min(1, δ/|rᵢ|)``
    (a far point counts as if its residual were δ); the Huber loss never rises
    from one round to the next, and the rounds stop when the line stops moving.
    """
    delta = check_delta(delta)
    max_iter = check_int(max_iter, "max_iter", 1, 10_000)
    xs, ys = _check_points(x, y)
    if np.all(xs == xs[0]):
        raise ValueError("A line needs at least two points with different x.")
    # Work in units where x − x̄ and y are about 1 (powers of two: exact), so that
    # tiny or huge data neither underflows nor reaches NumPy's SVD as NaN.
    mean_x = float(xs.mean())
    ex, ey = exponent_of(xs - mean_x), exponent_of(ys)
    u, v = np.ldexp(xs - mean_x, -ex), np.ldexp(ys, -ey)
    with np.errstate(over="ignore"):
        threshold = float(np.minimum(np.ldexp(delta, -ey), np.finfo(float).max))
    w, b = _least_squares(u, v)
    design = np.column_stack([u, np.ones_like(u)])
    for _ in range(max_iter):
        a = np.abs(v - (w * u + b))
        with np.errstate(divide="ignore", invalid="ignore"):  # 0/0 is not chosen
            weights = np.where(
                a <= threshold, 1.0, threshold / np.maximum(a, threshold)
            )
        sw = np.sqrt(weights)
        try:
            (w_new, b_new), *_ = np.linalg.lstsq(
                design * sw[:, None], v * sw, rcond=None
            )
        except np.linalg.LinAlgError:
            raise ValueError(
                "The Huber line could not be computed for these points: check that "
                "x has at least two clearly different values."
            ) from None
        moved = abs(w_new - w) + abs(b_new - b)
        w, b = float(w_new), float(b_new)
        if moved <= 1e-13:
            break
    with np.errstate(over="ignore"):
        slope = np.ldexp(w, ey - ex)
        intercept = np.ldexp(b, ey) - slope * mean_x
    if not (np.isfinite(slope) and np.isfinite(intercept)):
        raise ValueError(_TOO_STEEP)
    return float(slope), float(intercept)


def best_line(
    name: str, x: np.ndarray, y: np.ndarray, delta: float = 1.0
) -> tuple[float, float]:
    """The line that minimises the named loss on the points (RMSE's is MSE's)."""
    if name in ("mse", "rmse"):
        xs, ys = _check_points(x, y)
        if np.all(xs == xs[0]):
            raise ValueError("A line needs at least two points with different x.")
        return _least_squares(xs, ys)
    if name == "mae":
        return least_absolute_line(x, y)
    if name == "huber":
        return huber_line(x, y, delta)
    raise ValueError(f"The loss must be one of {', '.join(LOSSES)}, not {name!r}.")


@dataclass(frozen=True)
class LossComparison:
    """Four losses on the clean data and on the data with one outlier added.

    ``reference`` is the least-squares line of the clean data (the model you
    had before the outlier arrived); ``values_clean`` / ``values_outlier`` are
    each loss of that same line without / with the outlier. ``lines_clean`` /
    ``lines_outlier`` are each loss's own best line ``(w, b)``. ``curves`` are
    the losses of one residual, with the outlier's residual marked.
    """

    data: Dataset
    delta: float
    outlier: tuple[float, float] | None  # (x, y) of the added point, or None
    outlier_dy: float  # its residual from the reference line
    reference: tuple[float, float]
    values_clean: dict[str, float]
    values_outlier: dict[str, float]
    lines_clean: dict[str, tuple[float, float]]
    lines_outlier: dict[str, tuple[float, float]]
    x_all: np.ndarray = field(repr=False)  # the data with the outlier (if any)
    y_all: np.ndarray = field(repr=False)
    curves: LossCurves = field(repr=False)

    @property
    def key(self) -> tuple[Any, ...]:
        """The inputs this comparison was computed from (a cache key)."""
        return (self.data.key, self.delta, self.outlier, self.outlier_dy)


def compare_losses(
    data: Dataset,
    delta: float = 1.0,
    *,
    outlier: bool = True,
    outlier_x: float = 9.0,
    outlier_dy: float = 10.0,
) -> LossComparison:
    """Each loss's value and best-fit line, before and after adding one outlier.

    The outlier sits at ``x = outlier_x``, ``outlier_dy`` above (or below, if
    negative) the clean data's least-squares line.
    """
    delta = check_delta(delta)
    outlier_x = check_in_range(
        outlier_x, "The outlier's x", -MAX_ABS_VALUE, MAX_ABS_VALUE
    )
    outlier_dy = check_in_range(
        outlier_dy, "The outlier's distance", -MAX_ABS_VALUE, MAX_ABS_VALUE
    )
    x, y = data.x, data.y
    w, b = _least_squares(x, y)
    r_clean = y - (w * x + b)
    names = tuple(LOSSES)
    values_clean = {name: loss_value(name, r_clean, delta) for name in names}
    lines_clean = {name: best_line(name, x, y, delta) for name in names}
    if outlier:
        outlier_y = w * outlier_x + b + outlier_dy
        if not abs(outlier_y) <= MAX_ABS_VALUE:
            raise ValueError(
                f"At x = {outlier_x:g} the line of these points is so far up or down "
                "that the outlier would leave the page (beyond ±1,000,000): move "
                "the outlier's x into the range of the data, or change the units."
            )
        point: tuple[float, float] | None = (outlier_x, outlier_y)
        x_all, y_all = np.append(x, outlier_x), np.append(y, outlier_y)
        r_out = y_all - (w * x_all + b)
        values_outlier = {name: loss_value(name, r_out, delta) for name in names}
        lines_outlier = {name: best_line(name, x_all, y_all, delta) for name in names}
    else:
        point, x_all, y_all = None, x, y
        values_outlier, lines_outlier = dict(values_clean), dict(lines_clean)
    return LossComparison(
        data=data,
        delta=delta,
        outlier=point,
        outlier_dy=outlier_dy,
        reference=(w, b),
        values_clean=values_clean,
        values_outlier=values_outlier,
        lines_clean=lines_clean,
        lines_outlier=lines_outlier,
        x_all=x_all,
        y_all=y_all,
        curves=loss_curves(delta, outlier_dy if outlier else None),
    )


def line_shift(comparison: LossComparison, name: str) -> float:
    """How far the named loss's best line moved: mean |Δŷ| over the clean data's x."""
    if name not in comparison.lines_clean:
        raise ValueError(f"The loss must be one of {', '.join(LOSSES)}, not {name!r}.")
    (w0, b0), (w1, b1) = comparison.lines_clean[name], comparison.lines_outlier[name]
    x = comparison.data.x
    return float(np.mean(np.abs((w1 - w0) * x + (b1 - b0))))
