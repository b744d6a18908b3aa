"""Losses of a model's predictions, each with its derivative beside it.

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
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core.parsing import (
    as_finite_array,
    check_finite_number,
    check_in_range,
    check_names,
    finite_result,
    format_number,
    parse_vector,
)

#: Most points (pairs of values) this page takes, typed or generated.
MAX_POINTS = 100
#: Largest size of one value: keeps every square (and the pasted code) exact.
MAX_ABS_VALUE = 1_000_000.0

#: Losses compared on the "MSE vs MAE vs Huber" view, by short name.
LOSSES: dict[str, str] = {
    "mse": "MSE",
    "mae": "MAE",
    "huber": "Huber",
    "rmse": "RMSE",
}
#: The residual axis of the "loss of one residual" curves (the outlier's range).
RESIDUAL_RANGE = (-12.0, 12.0)
#: How many residuals the curves are drawn at.
CURVE_POINTS = 241


# -- validation ------------------------------------------------------------------------


def check_values(values: Any, name: str) -> np.ndarray:
    """Return ``values`` (text such as ``"3, 5, 7"`` or array_like) as a float vector.

    Parameters
    ----------
    values : str or array_like of shape (n,)
        The numbers, typed (comma-separated) or as an array.
    name : str
        What the values are called in an error message.

    Returns
    -------
    ndarray of shape (n,)

    Raises
    ------
    ValueError
        When the list is empty, holds something that is not a number, NaN or
        inf, has more than ``MAX_POINTS`` values, or a value larger than
        ``MAX_ABS_VALUE`` in size.

    Examples
    --------
    >>> check_values("3, 5, 7", "y_true").tolist()
    [3.0, 5.0, 7.0]
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
    name_true, name_pred = check_names(names)
    names = (name_true, name_pred)
    true = check_values(y_true, name_true)
    pred = check_values(y_pred, name_pred)
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


def _residuals(r: Any) -> np.ndarray:
    """Residuals as a finite float array (any shape), or a ``ValueError``."""
    return as_finite_array(r, "The residuals")


def squared_error(r: Any) -> np.ndarray:
    """``r²`` for each residual (the parabola)."""
    with np.errstate(over="ignore"):
        return finite_result(_residuals(r) ** 2, "The squared error")


def squared_error_grad(r: Any) -> np.ndarray:
    """``d(r²)/dr = 2r``."""
    with np.errstate(over="ignore"):
        return finite_result(2 * _residuals(r), "The slope 2r")


def absolute_error(r: Any) -> np.ndarray:
    """``|r|`` for each residual (the V)."""
    return np.abs(_residuals(r))


def absolute_error_grad(r: Any) -> np.ndarray:
    """``d|r|/dr = sign(r)`` (0 at r = 0, the subgradient NumPy's ``sign`` picks)."""
    return np.sign(_residuals(r))


def huber(r: Any, delta: float = 1.0) -> np.ndarray:
    """Huber's loss of each residual: ``½r²`` if ``|r| ≤ δ``, else ``δ·(|r| − ½δ)``.

    A parabola near 0 and straight lines of slope ±δ beyond ±δ, joined smoothly.

    Examples
    --------
    >>> huber([0.5, 3.0], 1.0).tolist()
    [0.125, 2.5]
    """
    delta = check_delta(delta)
    a = np.abs(_residuals(r))
    with np.errstate(over="ignore", under="ignore"):  # only the chosen branch counts
        loss = np.where(a <= delta, 0.5 * a**2, delta * (a - 0.5 * delta))
    return finite_result(loss, "The Huber loss")


def huber_grad(r: Any, delta: float = 1.0) -> np.ndarray:
    """``d huber/dr``: ``r`` inside ``±δ``, ``±δ`` outside (the clipped residual)."""
    delta = check_delta(delta)
    return np.clip(_residuals(r), -delta, delta)


# -- losses of predictions (scikit-learn's names), each with its gradient d/dŷ ----------------


def mean_squared_error(y_true: Any, y_pred: Any) -> float:
    """Mean squared error ``(1/n)·Σ(yᵢ − ŷᵢ)²`` (mean, no ½).

    Parameters
    ----------
    y_true, y_pred : array_like of shape (n,) or text such as ``"3, 5, 7"``
        The true values and the predictions, in pairs.

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

    Examples
    --------
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

    Examples
    --------
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

    Examples
    --------
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
    """The named loss of the residuals ``r = y − ŷ`` (a mean over the points).

    Examples
    --------
    >>> loss_value("mae", np.array([1.0, -3.0]))   # (1 + 3) / 2
    2.0
    """
    r = _residuals(residuals)
    with np.errstate(over="ignore"):
        if name == "mse":
            value = np.mean(r**2)
        elif name == "mae":
            value = np.mean(np.abs(r))
        elif name == "rmse":
            value = np.sqrt(np.mean(r**2))
        elif name == "huber":
            value = np.mean(huber(r, delta))
        else:
            raise ValueError(
                f"The loss must be one of {', '.join(LOSSES)}, not {name!r}."
            )
    return float(finite_result(value, f"The {LOSSES[name]}"))


def residual_losses(r: float, delta: float) -> dict[str, float]:
    """The loss of one residual ``r`` for each loss (RMSE of one residual is ``|r|``).

    Examples
    --------
    >>> residual_losses(-3.0, 1.0)
    {'mse': 9.0, 'mae': 3.0, 'huber': 2.5, 'rmse': 3.0}
    """
    one = np.array([check_finite_number(r, "The residual")])
    return {name: loss_value(name, one, delta) for name in LOSSES}


# -- the loss of one residual, as curves over r -------------------------------------------


@dataclass(frozen=True)
class LossCurves:
    """Each loss of one residual ``r``, over ``RESIDUAL_RANGE``.

    ``r`` has shape (k,); ``values`` maps ``"mse"``, ``"mae"`` and ``"huber"`` to
    arrays of shape (k,) (RMSE of one residual is MAE's ``|r|``). ``marked`` holds
    :func:`residual_losses` of ``residual`` (``None`` when no residual is marked).
    """

    delta: float
    residual: float | None
    r: np.ndarray = field(repr=False)
    values: dict[str, np.ndarray] = field(repr=False)
    marked: dict[str, float] | None

    @property
    def key(self) -> tuple[float, float | None]:
        """The inputs these curves were computed from (a cache key)."""
        return (self.delta, self.residual)


def loss_curves(delta: float, residual: float | None = None) -> LossCurves:
    """``r²``, ``|r|`` and ``huber_δ(r)`` over ``RESIDUAL_RANGE``, and at ``residual``.

    Examples
    --------
    >>> curves = loss_curves(1.0, residual=3.0)
    >>> curves.marked["huber"]   # 1·(3 − ½)
    2.5
    """
    delta = check_delta(delta)
    if residual is not None:
        residual = check_finite_number(residual, "The residual")
    r = np.linspace(*RESIDUAL_RANGE, CURVE_POINTS)
    values = {
        "mse": squared_error(r),
        "mae": absolute_error(r),
        "huber": huber(r, delta),
    }
    marked = None if residual is None else residual_losses(residual, delta)
    return LossCurves(delta, residual, r, values, marked)
