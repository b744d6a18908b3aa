"""Loss functions: mean squared error as squares, fitting a line, MSE vs MAE vs Huber.

Notebook cell 10::

    y_true = np.array([3, 5, 7])
    y_pred = np.array([2, 5, 8])
    loss = np.mean((y_true - y_pred) ** 2)     # np.float64(0.6666666666666666)

Names follow scikit-learn's metrics: ``*_error`` / ``*_loss`` are minimised and
take ``(y_true, y_pred)``. Every loss has its derivative beside it
(``mean_squared_error`` and ``mean_squared_error_grad``, ...).

**Normalisation.** The mean squared error here is the *mean* over the ``n``
points with *no* ½ in front, as in ``sklearn.metrics.mean_squared_error`` and the
notebook. Some texts write ``½·(1/n)·Σ(yᵢ − ŷᵢ)²`` so that the 2 of the derivative
cancels; that halves every value and every gradient but moves no minimum. The
Huber loss keeps its standard ½ (``½r²`` near 0), as in PyTorch and Keras.

Examples
--------
>>> mean_squared_error([3, 5, 7], [2, 5, 8])
0.6666666666666666
>>> mean_absolute_error([3, 5, 7], [2, 5, 8])   # (1 + 0 + 1) / 3
0.6666666666666666
>>> mean_squared_error_grad([3, 5, 7], [2, 5, 8]).tolist()   # 2(ŷ − y)/n
[-0.6666666666666666, 0.0, 0.6666666666666666]
>>> huber_loss([0, 0], [0.5, 3], delta=1.0)     # (½·0.5² + 1·(3 − ½)) / 2
1.3125
>>> least_squares([0, 1, 2], [1, 3, 5])          # y = 2x + 1 exactly
(2.0, 1.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from core.gradient_descent import METHODS, Trajectory, optimize
from core.parsing import (
    as_finite_array,
    check_in_range,
    check_int,
    code_literal,
    format_number,
    format_vector,
    parse_vector,
)

#: Most points (pairs of values) this page takes, typed or generated.
MAX_POINTS = 100
#: Largest size of one value: keeps every square (and the pasted code) exact.
MAX_ABS_VALUE = 1_000_000.0

#: The generated data set: x uniform on [X_LOW, X_HIGH], y = TRUE_W·x + TRUE_B + noise.
X_LOW, X_HIGH = 0.5, 9.5
TRUE_W, TRUE_B = 0.6, 2.0

#: The sliders of the line y = w·x + b; the MSE contour covers exactly these.
W_RANGE = (-2.0, 3.0)
B_RANGE = (-6.0, 10.0)
#: Grid of the MSE contour, per side.
GRID = 41

#: Losses compared on the "MSE vs MAE vs Huber" view, by short name.
LOSSES: dict[str, str] = {
    "mse": "MSE",
    "mae": "MAE",
    "huber": "Huber",
    "rmse": "RMSE",
}
DataSource = Literal["seeded", "typed"]


# -- validation ------------------------------------------------------------------------


def check_values(values: Any, name: str) -> np.ndarray:
    """Return ``values`` (text such as ``"3, 5, 7"`` or array_like) as a float vector.

    Raises ``ValueError`` naming ``name`` when the list is empty, holds something
    that is not a number, NaN or inf, has more than ``MAX_POINTS`` values, or a
    value larger than ``MAX_ABS_VALUE`` in size.
    """
    if isinstance(values, str):
        array = parse_vector(values, name, max_length=MAX_POINTS)
    else:
        array = as_finite_array(values, name, ndim=1, max_size=MAX_POINTS)
    biggest = float(np.max(np.abs(array)))
    if biggest > MAX_ABS_VALUE:
        raise ValueError(
            f"{name}: {format_number(biggest, 6)} is too large; this page takes values "
            f"between −{MAX_ABS_VALUE:,.0f} and {MAX_ABS_VALUE:,.0f}."
        )
    return array


def parse_values(text: str, name: str = "values") -> np.ndarray:
    """Read a typed list for this page (a URL value is checked with this too)."""
    return check_values(str(text), name)


def check_pair(
    y_true: Any, y_pred: Any, names: tuple[str, str] = ("y_true", "y_pred")
) -> tuple[np.ndarray, np.ndarray]:
    """The shared check every loss calls first: two finite vectors of equal length."""
    true = check_values(y_true, names[0])
    pred = check_values(y_pred, names[1])
    if true.shape != pred.shape:
        raise ValueError(
            f"{names[0]} has {true.size} value{'s' if true.size != 1 else ''} but "
            f"{names[1]} has {pred.size}: they come in pairs (the i-th value of one "
            "goes with the i-th of the other), so give both the same number of values."
        )
    return true, pred


def check_delta(delta: Any) -> float:
    """Huber's threshold δ must be a positive number."""
    return check_in_range(delta, "Huber's δ", 0.0, None, low_inclusive=False)


# -- the loss of one residual r = y − ŷ, each with its derivative d/dr ------------------------


def squared_error(r: Any) -> np.ndarray:
    """``r²`` for each residual (the parabola)."""
    return np.asarray(r, dtype=float) ** 2


def squared_error_grad(r: Any) -> np.ndarray:
    """``d(r²)/dr = 2r``."""
    return 2 * np.asarray(r, dtype=float)


def absolute_error(r: Any) -> np.ndarray:
    """``|r|`` for each residual (the V)."""
    return np.abs(np.asarray(r, dtype=float))


def absolute_error_grad(r: Any) -> np.ndarray:
    """``d|r|/dr = sign(r)`` (0 at r = 0, the subgradient NumPy's ``sign`` picks)."""
    return np.sign(np.asarray(r, dtype=float))


def huber(r: Any, delta: float = 1.0) -> np.ndarray:
    """Huber's loss of each residual: ``½r²`` if ``|r| ≤ δ``, else ``δ·(|r| − ½δ)``.

    A parabola near 0 and straight lines of slope ±δ beyond ±δ, joined smoothly.

    >>> huber([0.5, 3.0], 1.0).tolist()
    [0.125, 2.5]
    """
    delta = check_delta(delta)
    a = np.abs(np.asarray(r, dtype=float))
    return np.where(a <= delta, 0.5 * a**2, delta * (a - 0.5 * delta))


def huber_grad(r: Any, delta: float = 1.0) -> np.ndarray:
    """``d huber/dr``: ``r`` inside ``±δ``, ``±δ`` outside (the clipped residual)."""
    delta = check_delta(delta)
    return np.clip(np.asarray(r, dtype=float), -delta, delta)


# -- losses of predictions (scikit-learn's names), each with its gradient d/dŷ ----------------


def mean_squared_error(y_true: Any, y_pred: Any) -> float:
    """Mean squared error ``(1/n)·Σ(yᵢ − ŷᵢ)²`` (mean, no ½).

    Parameters
    ----------
    y_true, y_pred : array_like of shape (n,) or text such as ``"3, 5, 7"``

    Returns
    -------
    float

    Examples
    --------
    >>> mean_squared_error([3, 5, 7], [2, 5, 8])   # (1 + 0 + 1) / 3
    0.6666666666666666
    """
    true, pred = check_pair(y_true, y_pred)
    return float(np.mean((true - pred) ** 2))


def mean_squared_error_grad(y_true: Any, y_pred: Any) -> np.ndarray:
    """``∂MSE/∂ŷᵢ = 2(ŷᵢ − yᵢ)/n``, shape (n,): which way to move each prediction."""
    true, pred = check_pair(y_true, y_pred)
    return 2 * (pred - true) / true.size


def mean_absolute_error(y_true: Any, y_pred: Any) -> float:
    """Mean absolute error ``(1/n)·Σ|yᵢ − ŷᵢ|``.

    >>> mean_absolute_error([3, 5, 7], [2, 5, 9])   # (1 + 0 + 2) / 3
    1.0
    """
    true, pred = check_pair(y_true, y_pred)
    return float(np.mean(np.abs(true - pred)))


def mean_absolute_error_grad(y_true: Any, y_pred: Any) -> np.ndarray:
    """``∂MAE/∂ŷᵢ = sign(ŷᵢ − yᵢ)/n`` (0 where a prediction is exact)."""
    true, pred = check_pair(y_true, y_pred)
    return np.sign(pred - true) / true.size


def root_mean_squared_error(y_true: Any, y_pred: Any) -> float:
    """``√MSE``: the error in the units of ``y``.

    >>> root_mean_squared_error([0, 0], [3, 4])   # √((9 + 16) / 2)
    3.5355339059327378
    """
    return math.sqrt(mean_squared_error(y_true, y_pred))


def root_mean_squared_error_grad(y_true: Any, y_pred: Any) -> np.ndarray:
    """``∂RMSE/∂ŷᵢ = (ŷᵢ − yᵢ)/(n·RMSE)``; 0 when every prediction is exact."""
    true, pred = check_pair(y_true, y_pred)
    rmse = math.sqrt(float(np.mean((true - pred) ** 2)))
    if rmse == 0:
        return np.zeros_like(true)
    return (pred - true) / (true.size * rmse)


def huber_loss(y_true: Any, y_pred: Any, delta: float = 1.0) -> float:
    """Mean Huber loss ``(1/n)·Σ huber_δ(yᵢ − ŷᵢ)``.

    >>> huber_loss([0, 0], [0.5, 3], delta=1.0)   # (0.125 + 2.5) / 2
    1.3125
    """
    true, pred = check_pair(y_true, y_pred)
    return float(np.mean(huber(true - pred, delta)))


def huber_loss_grad(y_true: Any, y_pred: Any, delta: float = 1.0) -> np.ndarray:
    """``∂/∂ŷᵢ = −clip(yᵢ − ŷᵢ, −δ, δ)/n``: a far point pulls with strength δ, no more."""
    true, pred = check_pair(y_true, y_pred)
    return -huber_grad(true - pred, delta) / true.size


def loss_value(name: str, residuals: np.ndarray, delta: float = 1.0) -> float:
    """The named loss of the residuals ``r = y − ŷ`` (a mean over the points)."""
    r = np.asarray(residuals, dtype=float)
    if name == "mse":
        return float(np.mean(r**2))
    if name == "mae":
        return float(np.mean(np.abs(r)))
    if name == "rmse":
        return float(np.sqrt(np.mean(r**2)))
    if name == "huber":
        return float(np.mean(huber(r, delta)))
    raise ValueError(f"The loss must be one of {', '.join(LOSSES)}, not {name!r}.")


# -- view 1: the residuals of y_true vs y_pred, drawn as squares --------------------------------


@dataclass(frozen=True)
class ResidualReport:
    """Everything the "squared errors" view shows for one pair of lists.

    ``residuals = y_true − y_pred`` and ``squares = residuals²``, shape (n,).
    ``grad`` is ``∂MSE/∂ŷ``, shape (n,).
    """

    y_true: np.ndarray
    y_pred: np.ndarray
    residuals: np.ndarray
    squares: np.ndarray
    grad: np.ndarray
    mse: float
    mae: float
    rmse: float

    @property
    def n(self) -> int:
        return int(self.y_true.size)


def residual_report(y_true: Any, y_pred: Any) -> ResidualReport:
    """Residuals, their squares, MSE (mean, no ½), MAE, RMSE and ``∂MSE/∂ŷ``.

    >>> report = residual_report("3, 5, 7", "2, 5, 8")
    >>> report.squares.tolist(), report.mse
    ([1.0, 0.0, 1.0], 0.6666666666666666)
    """
    true, pred = check_pair(y_true, y_pred)
    residuals = true - pred
    squares = residuals**2
    mse = float(np.mean((true - pred) ** 2))  # the notebook's expression, exactly
    return ResidualReport(
        y_true=true,
        y_pred=pred,
        residuals=residuals,
        squares=squares,
        grad=2 * (pred - true) / true.size,
        mse=mse,
        mae=float(np.mean(np.abs(residuals))),
        rmse=math.sqrt(mse),
    )


def residual_rows(report: ResidualReport) -> list[dict[str, str]]:
    """The per-point table as text: one row per point (6 significant digits)."""
    return [
        {
            "i": str(i),
            "y_true": _n(t, 6),
            "y_pred": _n(p, 6),
            "residual y − ŷ": _n(r, 6),
            "squared (y − ŷ)²": _n(q, 6),
            "∂MSE/∂ŷ = 2(ŷ − y)/n": _n(g, 6),
        }
        for i, (t, p, r, q, g) in enumerate(
            zip(
                report.y_true,
                report.y_pred,
                report.residuals,
                report.squares,
                report.grad,
                strict=True,
            ),
            start=1,
        )
    ]


def residual_metrics(report: ResidualReport) -> list[tuple[str, str]]:
    """The three numbers above the squares chart: (label, value)."""
    return [
        ("MSE (mean of squares)", _n(report.mse, 6)),
        ("RMSE = √MSE", _n(report.rmse, 6)),
        ("MAE (mean of |residuals|)", _n(report.mae, 6)),
    ]


def markdown_table(rows: list[dict[str, str]]) -> str:
    """A GitHub-style table (what ``st.markdown`` draws), numbers right-aligned."""
    if not rows:
        return ""
    header = list(rows[0])

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join(":---" if k == 0 else "---:" for k in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(cell(row[h]) for h in header) + " |" for row in rows]
    return "\n".join(lines)


# -- view 2: a data set, a line y = w·x + b, and the MSE surface over (w, b) -----------------------


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
        return int(self.x.size)


def make_dataset(n: int, seed: int, noise: float) -> Dataset:
    """``n`` points near the line ``y = 0.6·x + 2`` with Gaussian noise of std ``noise``.

    ``x`` is uniform on [0.5, 9.5]; the same ``seed`` gives the same points.
    """
    n = check_int(n, "The number of points", 2, MAX_POINTS)
    seed = check_int(seed, "The seed", 0, 2**32 - 1)
    noise = check_in_range(noise, "The noise", 0.0, 10.0)
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


def line_mse(w: float, b: float, x: np.ndarray, y: np.ndarray) -> float:
    """``L(w, b) = (1/n)·Σ(yᵢ − (w·xᵢ + b))²``: the MSE of the line on the points."""
    y_hat = w * x + b
    return float(np.mean((y - y_hat) ** 2))


def line_mse_grad(w: float, b: float, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``(∂L/∂w, ∂L/∂b) = (−(2/n)·Σxᵢrᵢ, −(2/n)·Σrᵢ)`` with ``rᵢ = yᵢ − (w·xᵢ + b)``."""
    r = y - (w * x + b)
    return np.array([-2 * np.mean(x * r), -2 * np.mean(r)])


def least_squares(x: Any, y: Any) -> tuple[float, float]:
    """The line with the smallest MSE, in closed form.

    ``w* = Σ(xᵢ − x̄)(yᵢ − ȳ) / Σ(xᵢ − x̄)²`` and ``b* = ȳ − w*·x̄`` (where both
    partial derivatives of the MSE are 0).
    """
    data = typed_dataset(x, y)
    return _least_squares(data.x, data.y)


def _least_squares(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float]:
    """:func:`least_squares` without the checks (x has at least two values)."""
    w = np.sum((xs - xs.mean()) * (ys - ys.mean())) / np.sum((xs - xs.mean()) ** 2)
    b = ys.mean() - w * xs.mean()
    return float(w), float(b)


def mse_surface(
    x: np.ndarray, y: np.ndarray, w_values: np.ndarray, b_values: np.ndarray
) -> np.ndarray:
    """``L(w, b)`` on a grid: shape ``(len(b_values), len(w_values))`` (rows are b).

    Uses the moments of the data, ``L = mean(y²) − 2w·mean(xy) − 2b·mean(y)
    + w²·mean(x²) + 2wb·mean(x) + b²``, so the cost does not grow with ``n``.
    Tiny negative values from rounding are clipped to 0.
    """
    w = np.asarray(w_values, dtype=float)[None, :]
    b = np.asarray(b_values, dtype=float)[:, None]
    sxx, sx, sy, sxy, syy = (
        np.mean(x * x),
        np.mean(x),
        np.mean(y),
        np.mean(x * y),
        np.mean(y * y),
    )
    surface = syy - 2 * w * sxy - 2 * b * sy + w * w * sxx + 2 * w * b * sx + b * b
    return np.maximum(surface, 0.0)


def bowl(data: Dataset, grid: int = GRID) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(w_values, b_values, L)`` over the sliders' ranges; ``L`` has shape (b, w)."""
    w_values = np.linspace(*W_RANGE, grid)
    b_values = np.linspace(*B_RANGE, grid)
    return w_values, b_values, mse_surface(data.x, data.y, w_values, b_values)


def dataset_key(data: Dataset) -> tuple[str, int, int, float, str, str]:
    """Plain values that rebuild ``data`` with :func:`load_dataset` (a cache key)."""
    if data.source == "seeded":
        return ("seeded", data.n, data.seed or 0, data.noise or 0.0, "", "")
    return ("typed", 0, 0, 0.0, format_vector(data.x), format_vector(data.y))


@dataclass(frozen=True)
class LineFit:
    """The learner's line on the data, and the least-squares optimum."""

    data: Dataset
    w: float
    b: float
    predictions: np.ndarray  # shape (n,)
    residuals: np.ndarray  # y − ŷ, shape (n,)
    mse: float
    grad: np.ndarray  # (∂L/∂w, ∂L/∂b), shape (2,)
    w_best: float
    b_best: float
    mse_best: float

    @property
    def excess(self) -> float:
        """How much larger the learner's MSE is than the smallest possible."""
        return max(self.mse - self.mse_best, 0.0)

    @property
    def at_best(self) -> bool:
        """True when the line is the best fit (to about 6 significant digits)."""
        return self.excess <= 1e-6 * max(self.mse_best, 1e-12)


def fit_line(data: Dataset, w: float, b: float) -> LineFit:
    """The line ``y = w·x + b`` on ``data``: residuals, MSE, gradient, optimum."""
    w = check_in_range(w, "The slope w", -MAX_ABS_VALUE, MAX_ABS_VALUE)
    b = check_in_range(b, "The intercept b", -MAX_ABS_VALUE, MAX_ABS_VALUE)
    x, y = data.x, data.y
    y_hat = w * x + b
    w_best, b_best = _least_squares(x, y)
    return LineFit(
        data=data,
        w=w,
        b=b,
        predictions=y_hat,
        residuals=y - y_hat,
        mse=line_mse(w, b, x, y),
        grad=line_mse_grad(w, b, x, y),
        w_best=w_best,
        b_best=b_best,
        mse_best=line_mse(w_best, b_best, x, y),
    )


def descent_path(
    data: Dataset,
    w: float,
    b: float,
    *,
    method: str = "gd",
    lr: float = 0.01,
    steps: int = 50,
) -> Trajectory:
    """The optimiser's path on ``L(w, b)`` from the learner's ``(w, b)``.

    Reuses :func:`core.gradient_descent.optimize` with ``line_mse`` and
    ``line_mse_grad``; the trajectory stops (``diverged_at``) if it blows up.
    """
    if method not in METHODS:
        raise ValueError(
            f"The optimiser must be one of {', '.join(METHODS)}, not {method!r}."
        )
    x, y = data.x, data.y

    def loss(p: np.ndarray) -> float:
        return line_mse(p[0], p[1], x, y)

    def gradient(p: np.ndarray) -> np.ndarray:
        return line_mse_grad(p[0], p[1], x, y)

    return optimize(loss, gradient, [w, b], method=method, lr=lr, steps=steps)


def snap_to_best(
    fit: LineFit, w_range: tuple[float, float], b_range: tuple[float, float]
) -> tuple[float, float, bool]:
    """The optimum rounded to 12 digits and clipped to the sliders' ranges.

    Returns ``(w, b, inside)``; ``inside`` is False when the optimum lies
    outside the sliders' ranges (the values are then the nearest edge).
    """
    w = float(f"{fit.w_best:.12g}")
    b = float(f"{fit.b_best:.12g}")
    cw = min(max(w, w_range[0]), w_range[1])
    cb = min(max(b, b_range[0]), b_range[1])
    return cw, cb, (cw, cb) == (w, b)


# -- view 3: MSE vs MAE vs Huber vs RMSE, and what one outlier does -------------------------------


def least_absolute_line(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The line with the smallest MAE (least absolute deviations), exactly.

    An optimal line of the MAE always passes through two of the points (a
    vertex of the linear programme), so every line through two points with
    different x is tried and the best kept (ties: the first pair).
    """
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    i, j = np.triu_indices(xs.size, k=1)
    keep = xs[i] != xs[j]
    i, j = i[keep], j[keep]
    if i.size == 0:
        raise ValueError("A line needs at least two points with different x.")
    w = (ys[j] - ys[i]) / (xs[j] - xs[i])
    b = ys[i] - w * xs[i]
    losses = np.mean(
        np.abs(ys[None, :] - (w[:, None] * xs[None, :] + b[:, None])), axis=1
    )
    best = int(np.argmin(losses))
    return float(w[best]), float(b[best])


def huber_line(
    x: np.ndarray, y: np.ndarray, delta: float, *, max_iter: int = 500
) -> tuple[float, float]:
    """The line with the smallest mean Huber loss, by iteratively reweighted least squares.

    Each round solves weighted least squares with weights ``min(1, δ/|rᵢ|)``
    (a far point counts as if its residual were δ); the Huber loss never rises
    from one round to the next, and the rounds stop when the line stops moving.
    """
    delta = check_delta(delta)
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w, b = _least_squares(xs, ys)
    design = np.column_stack([xs, np.ones_like(xs)])
    scale = max(float(np.max(np.abs(ys))), 1.0)
    for _ in range(max_iter):
        r = ys - (w * xs + b)
        a = np.abs(r)
        weights = np.where(a <= delta, 1.0, delta / np.maximum(a, delta))
        sw = np.sqrt(weights)
        (w_new, b_new), *_ = np.linalg.lstsq(design * sw[:, None], ys * sw, rcond=None)
        moved = abs(w_new - w) + abs(b_new - b)
        w, b = float(w_new), float(b_new)
        if moved <= 1e-13 * scale:
            break
    return w, b


def best_line(
    name: str, x: np.ndarray, y: np.ndarray, delta: float = 1.0
) -> tuple[float, float]:
    """The line that minimises the named loss on the points (RMSE's is MSE's)."""
    if name in ("mse", "rmse"):
        return _least_squares(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
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
    ``lines_outlier`` are each loss's own best line ``(w, b)``.
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
    names: tuple[str, ...] = ("mse", "mae", "huber", "rmse")
    values_clean = {name: loss_value(name, r_clean, delta) for name in names}
    lines_clean = {name: best_line(name, x, y, delta) for name in names}
    if outlier:
        point = (outlier_x, w * outlier_x + b + outlier_dy)
        x_all, y_all = np.append(x, point[0]), np.append(y, point[1])
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
    )


def residual_losses(r: float, delta: float) -> dict[str, float]:
    """The loss of one residual ``r`` for each loss (RMSE of one residual is ``|r|``)."""
    one = np.array([float(r)])
    return {name: loss_value(name, one, delta) for name in LOSSES}


# -- code shown to the learner (the notebook's style, current values filled in) --------------


def _array_literal(values: np.ndarray) -> str:
    return f"np.array({code_literal(values)})"


def mse_code(y_true: Any, y_pred: Any) -> str:
    """The notebook's cell 10 with the current lists."""
    true, pred = check_pair(y_true, y_pred)
    return (
        "import numpy as np\n\n"
        f"y_true = {_array_literal(true)}\n"
        f"y_pred = {_array_literal(pred)}\n\n"
        "loss = np.mean((y_true - y_pred) ** 2)  # mean of the squares, no ½\n"
        "loss"
    )


def mse_code_result(report: ResidualReport) -> np.float64:
    """What the last line of :func:`mse_code` evaluates to."""
    return np.float64(report.mse)


def _data_code(data: Dataset) -> str:
    if data.source == "seeded":
        return (
            f"rng = np.random.default_rng({data.seed})\n"
            f"x = rng.uniform({format_number(X_LOW)}, {format_number(X_HIGH)}, {data.n})\n"
            f"y = {format_number(TRUE_W)} * x + {format_number(TRUE_B)} + "
            f"rng.normal(0, {format_number(data.noise or 0.0)}, {data.n})\n"
        )
    return f"x = {_array_literal(data.x)}\ny = {_array_literal(data.y)}\n"


def fit_code(fit: LineFit) -> str:
    """Code for the line's MSE and the closed-form least-squares line."""
    return (
        "import numpy as np\n\n"
        + _data_code(fit.data)
        + f"w, b = {format_number(fit.w)}, {format_number(fit.b)}\n\n"
        "y_hat = w * x + b\n"
        "mse = np.mean((y - y_hat) ** 2)\n\n"
        "# least squares in closed form: both partial derivatives of the MSE are 0\n"
        "w_best = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)\n"
        "b_best = y.mean() - w_best * x.mean()\n"
        "# the same line from NumPy's solver:\n"
        "# np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y)[0]\n"
        "float(mse), float(w_best), float(b_best)"
    )


def fit_code_result(fit: LineFit) -> tuple[float, float, float]:
    """What the last line of :func:`fit_code` evaluates to."""
    return (fit.mse, fit.w_best, fit.b_best)


def descent_code(data: Dataset, w: float, b: float, lr: float, steps: int) -> str:
    """Plain gradient descent on ``L(w, b)`` (what ``method="gd"`` does)."""
    return (
        "import numpy as np\n\n"
        + _data_code(data)
        + f"w, b = {format_number(w)}, {format_number(b)}\n"
        f"lr = {format_number(lr)}\n\n"
        f"for step in range({steps}):\n"
        "    r = y - (w * x + b)                  # residuals\n"
        "    grad_w = -2 * np.mean(x * r)         # ∂MSE/∂w\n"
        "    grad_b = -2 * np.mean(r)             # ∂MSE/∂b\n"
        "    w, b = w - lr * grad_w, b - lr * grad_b\n"
        "float(w), float(b), float(np.mean((y - (w * x + b)) ** 2))"
    )


def descent_code_result(path: Trajectory) -> tuple[float, float, float]:
    """What the last line of :func:`descent_code` evaluates to (a finished run)."""
    w, b = path.points[-1]
    return (float(w), float(b), float(path.losses[-1]))


def compare_code(comparison: LossComparison) -> str:
    """Code for each loss of the reference line, without and with the outlier."""
    delta = format_number(comparison.delta)
    lines = [
        "import numpy as np\n",
        "def mse(r):\n    return np.mean(r ** 2)\n",
        "def mae(r):\n    return np.mean(np.abs(r))\n",
        "def huber(r, delta):  # ½r² near 0, straight lines of slope ±δ beyond ±δ\n"
        "    a = np.abs(r)\n"
        "    return np.mean(np.where(a <= delta, 0.5 * a ** 2, delta * (a - 0.5 * delta)))\n",
        "def rmse(r):\n    return np.sqrt(np.mean(r ** 2))\n",
        _data_code(comparison.data),
        "# the least-squares line of the clean data: the model before the outlier\n"
        "w = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)\n"
        "b = y.mean() - w * x.mean()\n"
        "r = y - (w * x + b)\n",
    ]
    if comparison.outlier is not None:
        ox = format_number(comparison.outlier[0])
        dy = format_number(comparison.outlier_dy)
        lines.append(
            f"# one outlier at x = {ox}, {dy} away from the line\n"
            f"x_out = np.append(x, {ox})\n"
            f"y_out = np.append(y, w * {ox} + b + {dy})\n"
            "r_out = y_out - (w * x_out + b)\n"
        )
        lines.append(
            "{\n"
            '    "MSE": (float(mse(r)), float(mse(r_out))),\n'
            '    "MAE": (float(mae(r)), float(mae(r_out))),\n'
            f'    "Huber": (float(huber(r, {delta})), float(huber(r_out, {delta}))),\n'
            '    "RMSE": (float(rmse(r)), float(rmse(r_out))),\n'
            "}"
        )
    else:
        lines.append(
            "{\n"
            '    "MSE": float(mse(r)),\n'
            '    "MAE": float(mae(r)),\n'
            f'    "Huber": float(huber(r, {delta})),\n'
            '    "RMSE": float(rmse(r)),\n'
            "}"
        )
    return "\n".join(lines)


def compare_code_result(
    comparison: LossComparison,
) -> dict[str, float] | dict[str, tuple[float, float]]:
    """What the last line of :func:`compare_code` evaluates to."""
    if comparison.outlier is None:
        return {LOSSES[k]: v for k, v in comparison.values_clean.items()}
    return {
        LOSSES[k]: (comparison.values_clean[k], comparison.values_outlier[k])
        for k in comparison.values_clean
    }


# -- words and formulas for the page (pure text, tested like the maths) -----------------------


def _n(value: float, digits: int = 4) -> str:
    return format_number(value, digits)


def _tex(value: float, digits: int = 4) -> str:
    text = _n(value, digits)
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = rf"{mantissa}\times 10^{{{int(exponent)}}}"
    return text


def _paren(text: str) -> str:
    return f"({text})" if text.startswith("-") else text


#: How many terms the formula writes out before it abbreviates with ⋯.
FORMULA_TERMS = 6


def mse_latex(report: ResidualReport) -> str:
    """``MSE = (1/n)·Σ(yᵢ − ŷᵢ)² = ⅓[(3−2)² + (5−5)² + (7−8)²] = ⅓·2 = 0.6667``."""
    n = report.n
    pairs = list(zip(report.y_true, report.y_pred, strict=True))
    shown = pairs if n <= FORMULA_TERMS else pairs[:3] + pairs[-2:]
    terms = [rf"({_tex(t)} - {_paren(_tex(p))})^2" for t, p in shown]
    if n > FORMULA_TERMS:
        terms = [*terms[:3], r"\cdots", *terms[3:]]
    squares = report.squares if n <= FORMULA_TERMS else None
    total = float(np.sum(report.squares))
    lines = [
        r"\mathrm{MSE} &= \frac{1}{n}\sum_{i=1}^{n} (y_i - \hat y_i)^2",
        rf"&= \frac{{1}}{{{n}}}\left[{' + '.join(terms)}\right]",
    ]
    if squares is not None and n > 1:
        lines.append(
            rf"&= \frac{{1}}{{{n}}}\left({' + '.join(_tex(s) for s in squares)}\right)"
        )
    lines.append(rf"&= \frac{{{_tex(total, 6)}}}{{{n}}} = {_tex(report.mse, 6)}")
    return r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}"


def describe_residuals(report: ResidualReport) -> str:
    """What the squares chart shows right now."""
    n = report.n
    biggest = int(np.argmax(report.squares))
    share = report.squares[biggest] / report.squares.sum() if report.mse > 0 else 0.0
    if report.mse == 0:
        return (
            f"Every prediction equals its true value, so all {n} squares have area 0 "
            "and **MSE = 0**: a perfect fit."
        )
    return (
        f"Each residual yᵢ − ŷᵢ is a vertical segment and its square has area "
        f"(yᵢ − ŷᵢ)². The {n} squares add up to {_n(float(report.squares.sum()), 6)}; "
        f"their mean area is **MSE = {_n(report.mse, 6)}** (the dashed square). "
        f"The largest square, point {biggest + 1} with residual "
        f"{_n(float(report.residuals[biggest]))}, is {share:.0%} of the total: "
        "squaring makes big errors count much more than small ones."
    )


def fit_latex(fit: LineFit) -> str:
    """The learner's MSE and the smallest possible one, with numbers."""
    w, b = _tex(fit.w), _tex(fit.b)
    return (
        r"\begin{gathered}"
        r"L(w, b) = \frac{1}{n}\sum_{i=1}^{n} \big(y_i - (w x_i + b)\big)^2 \\"
        rf"L({w},\ {b}) = {_tex(fit.mse, 5)} \qquad"
        rf"\min L = L({_tex(fit.w_best)},\ {_tex(fit.b_best)}) = {_tex(fit.mse_best, 5)}"
        r"\end{gathered}"
    )


def gradient_latex(fit: LineFit) -> str:
    """The gradient at the learner's point, with numbers."""
    gw, gb = (_tex(float(v)) for v in fit.grad)
    return (
        r"\frac{\partial L}{\partial w} = -\frac{2}{n}\sum x_i r_i = "
        + gw
        + r",\qquad \frac{\partial L}{\partial b} = -\frac{2}{n}\sum r_i = "
        + gb
    )


def describe_fit(fit: LineFit) -> str:
    """What the line and the contour show right now."""
    w, b = _n(fit.w), _n(fit.b)
    if fit.at_best:
        return (
            f"The line y = {w}·x + {b} **is the least-squares line**: no other w and b "
            f"give a smaller MSE than {_n(fit.mse, 5)}, and both partial derivatives are 0 "
            "— the bottom of the bowl on the right."
        )
    gw, gb = fit.grad
    moves = []
    if abs(gw) > 1e-9:
        moves.append(f"{'lower' if gw > 0 else 'raise'} w")
    if abs(gb) > 1e-9:
        moves.append(f"{'lower' if gb > 0 else 'raise'} b")
    hint = " and ".join(moves) if moves else "stay"
    return (
        f"Your line y = {w}·x + {b} has **MSE {_n(fit.mse, 5)}**, the mean area of its "
        f"{fit.data.n} squares; the best line (y = {_n(fit.w_best)}·x + {_n(fit.b_best)}) "
        f"reaches {_n(fit.mse_best, 5)}, so yours is {_n(fit.excess, 4)} above the minimum. "
        f"The gradient ({_n(float(gw), 3)}, {_n(float(gb), 3)}) says: {hint} to go "
        "downhill on the bowl."
    )


def describe_path(path: Trajectory, method: str, lr: float) -> str:
    """One sentence on the optimiser's run from the learner's point."""
    name = METHODS.get(method, method)
    if path.diverged_at is not None:
        return (
            f"{name} with learning rate {_n(lr)} **diverged at step {path.diverged_at}**: "
            "the steps overshoot the valley and grow, because this bowl is steep in the "
            "w direction (x values are large, so ∂L/∂w is large). Lower the learning rate."
        )
    start, end = path.losses[0], path.losses[-1]
    return (
        f"{name} ({path.steps_taken} steps, learning rate {_n(lr)}) takes the MSE from "
        f"{_n(float(start), 5)} to **{_n(float(end), 5)}**, ending at w = "
        f"{_n(float(path.points[-1][0]))}, b = {_n(float(path.points[-1][1]))}."
    )


def loss_curves_latex(delta: float) -> str:
    """The four losses of one residual ``r``, on two lines."""
    d = _tex(delta)
    return (
        r"\begin{gathered}"
        r"\text{MSE: } r^2 \qquad \text{MAE: } |r| \qquad"
        r" \text{RMSE: } \sqrt{r^2} = |r| \\"
        rf"\text{{Huber}}_{{\delta = {d}}}(r) = \begin{{cases}} \tfrac12 r^2"
        rf" & |r| \le {d} \\ {d}\,(|r| - \tfrac12\cdot {d}) & |r| > {d}\end{{cases}}"
        r"\end{gathered}"
    )


def line_text(w: float, b: float, digits: int = 3) -> str:
    """``0.675·x + 1.36`` or ``0.675·x − 1.36``."""
    sign = "−" if b < 0 else "+"
    text = f"{_n(w, digits)}·x\u00a0{sign}\u00a0{_n(abs(b), digits)}"  # no line breaks
    return text.replace("-", "−")


def fit_metrics(fit: LineFit, path: Trajectory) -> list[tuple[str, str, str | None]]:
    """The three numbers above the line and the bowl: (label, value, delta)."""
    if path.diverged_at is None:
        descent = (
            f"MSE after {path.steps_taken} descent steps",
            _n(float(path.losses[-1]), 5),
        )
    else:
        descent = (f"Descent diverged at step {path.diverged_at}", "∞")
    return [
        ("Your MSE", _n(fit.mse, 5), f"+{_n(fit.excess, 4)} above the best"),
        ("Best possible MSE", _n(fit.mse_best, 5), None),
        (*descent, None),
    ]


SEEDED_NOTE = (
    f"Points near the line y = {format_number(TRUE_W)}·x + {format_number(TRUE_B)}, "
    f"x between {format_number(X_LOW)} and {format_number(X_HIGH)}."
)
NORMALISATION = (
    "**Normalisation.** This page — like the notebook and "
    "`sklearn.metrics.mean_squared_error` — takes the **mean** of the squares "
    "(divide by n) with **no ½** in front. Some texts write "
    "½·(1/n)·Σ(yᵢ − ŷᵢ)² instead, so that the 2 from differentiating the square "
    "cancels: the derivative of ½(yᵢ − ŷᵢ)² with respect to ŷᵢ is just ŷᵢ − yᵢ. "
    "The ½ halves every loss and every gradient but moves no minimum, and others "
    "use the plain sum (SSE); check which one a formula uses before comparing numbers."
)
GRADIENT_NOTE = (
    "The last column is the gradient of the MSE with respect to each prediction: "
    "its sign says which way moving ŷᵢ would raise the loss, so training moves "
    "each prediction the other way."
)
VALLEY_NOTE = (
    "Why so slow along b? x lies between 0 and 10, so changing w moves the line much "
    "more than changing b: the bowl is a long narrow valley, and a learning rate small "
    "enough for the steep w direction crawls along b. Try Adam, or momentum."
)
COMPARE_NOTE = (
    "Loss values are those of one fixed model — the least-squares line of the data "
    "without the outlier — before and after the outlier joins. RMSE is √MSE: it ranks "
    "lines exactly like MSE (same best line) but is in y's units; for a single "
    "residual it is √(r²) = |r|, the same V as MAE. Huber's ½r² near 0 is the "
    "standard definition (PyTorch, Keras). MAE's best line always passes through two "
    "of the points, so with few points it can jump to another pair when the outlier "
    "moves."
)


def curves_alt(delta: float) -> str:
    """Text alternative of the loss-of-one-residual chart."""
    return (
        "The loss of one residual r: the parabola r² (MSE), the V |r| (MAE, and RMSE "
        f"of a single point), and Huber, a parabola inside ±{_n(delta)} and straight "
        "outside."
    )


def comparison_rows(comparison: LossComparison) -> list[dict[str, str]]:
    """Rows of the "what one outlier does" table (text, ready to show)."""
    rows = []
    names = {
        "mse": "MSE",
        "mae": "MAE",
        "huber": f"Huber (δ = {_n(comparison.delta)})",
        "rmse": "RMSE",
    }
    for key, name in names.items():
        before, after = comparison.values_clean[key], comparison.values_outlier[key]
        line_key = "mse" if key == "rmse" else key
        (w0, b0), (w1, b1) = (
            comparison.lines_clean[line_key],
            comparison.lines_outlier[line_key],
        )
        ratio = "—" if before == 0 else f"×{after / before:.3g}"
        rows.append(
            {
                "loss": name,
                "without outlier": _n(before, 5),
                "with outlier": _n(after, 5),
                "grows": ratio,
                "best line before": line_text(w0, b0),
                "best line after": line_text(w1, b1),
            }
        )
    return rows


def line_shift(comparison: LossComparison, name: str) -> float:
    """How far the named loss's best line moved: mean |Δŷ| over the clean data's x."""
    (w0, b0), (w1, b1) = comparison.lines_clean[name], comparison.lines_outlier[name]
    x = comparison.data.x
    return float(np.mean(np.abs((w1 - w0) * x + (b1 - b0))))


def describe_comparison(comparison: LossComparison) -> str:
    """How one outlier moves each loss value and each best-fit line."""
    if comparison.outlier is None:
        return (
            "Without an outlier the four best-fit lines nearly agree. Switch the "
            "outlier on to see which loss it drags."
        )
    before, after = comparison.values_clean, comparison.values_outlier

    def grew(name: str) -> str:
        if before[name] == 0:
            return f"0 → {_n(after[name])}"
        return f"×{after[name] / before[name]:.3g}"

    moved = {name: line_shift(comparison, name) for name in ("mse", "mae", "huber")}
    dy = _n(comparison.outlier_dy)
    return (
        f"One point {dy} away from the line adds {_n(comparison.outlier_dy**2)} to the "
        f"sum of squares but only {_n(abs(comparison.outlier_dy))} to the sum of absolute "
        f"errors: the MSE of the same line grows **{grew('mse')}**, RMSE {grew('rmse')}, "
        f"Huber {grew('huber')}, MAE {grew('mae')}. Each loss's best line moves too: over the "
        f"data, the MSE line shifts by **{_n(moved['mse'], 3)}** on average, Huber's by "
        f"{_n(moved['huber'], 3)}, MAE's by {_n(moved['mae'], 3)}."
    )
