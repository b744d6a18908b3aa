"""The residuals of ``y_true`` vs ``y_pred``: what the "squared errors" view draws.

Notebook cell 10::

    y_true = np.array([3, 5, 7])
    y_pred = np.array([2, 5, 8])
    loss = np.mean((y_true - y_pred) ** 2)     # np.float64(0.6666666666666666)

Examples
--------
>>> report = residual_report("3, 5, 7", "2, 5, 8")
>>> report.residuals.tolist(), report.squares.tolist()
([1.0, 0.0, -1.0], [1.0, 0.0, 1.0])
>>> report.mse   # (1 + 0 + 1) / 3
0.6666666666666666
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.loss_functions.losses import check_pair


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
        """The number of points."""
        return int(self.y_true.size)

    @property
    def key(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """The inputs this report was computed from (a cache key)."""
        return (tuple(self.y_true.tolist()), tuple(self.y_pred.tolist()))


def residual_report(y_true: Any, y_pred: Any) -> ResidualReport:
    """Residuals, their squares, MSE (mean, no ½), MAE, RMSE and ``∂MSE/∂ŷ``.

    Parameters
    ----------
    y_true, y_pred : array_like of shape (n,) or text such as ``"3, 5, 7"``
        The true values and the predictions, in pairs.

    Returns
    -------
    ResidualReport

    Examples
    --------
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
