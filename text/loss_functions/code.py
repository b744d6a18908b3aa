"""The code panels of the Loss-functions page: NumPy code that gives the page's numbers.

Each ``*_code`` is written in the notebook's style with the current values
filled in; ``*_code_result`` is what its last line evaluates to.

Examples
--------
>>> from core.loss_functions import residual_report
>>> print(mse_code([3, 5, 7], [2, 5, 8]).splitlines()[2])
y_true = np.array([3, 5, 7])
>>> mse_code_result(residual_report("3, 5, 7", "2, 5, 8"))
np.float64(0.6666666666666666)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from core.loss_functions import (
    LOSSES,
    TRUE_B,
    TRUE_W,
    X_HIGH,
    X_LOW,
    Dataset,
    LineFit,
    LossComparison,
    ResidualReport,
    check_pair,
)
from core.optimisers import Trajectory
from core.parsing import code_literal, format_number


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
