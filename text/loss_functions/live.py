"""The readout the "Fit a line by hand" live chart shows while the line is dragged.

Examples
--------
>>> from core.loss_functions import fit_line, typed_dataset
>>> fit_readout(fit_line(typed_dataset("0, 1, 2", "1, 3, 5"), 1.0, 0.0))
'w = 1 · b = 0 · MSE = 4.67 (best 0)'
"""

from __future__ import annotations

from core.loss_functions import LineFit
from core.parsing import display_number

#: Under the live chart.
FIT_LIVE_CAPTION = (
    "Drag the line: the diamond at x = 0 moves the intercept b, the round handle "
    "turns the slope w. The squares and your point on the bowl follow as you move; "
    "the numbers above when you let go."
)


def fit_readout(fit: LineFit) -> str:
    """``w = 0.5 · b = 1 · MSE = 3.21 (best 0.84)`` (one short line)."""
    return (
        f"w = {display_number(fit.w)} · b = {display_number(fit.b)} · "
        f"MSE = {display_number(fit.mse, 3)} (best {display_number(fit.mse_best, 3)})"
    )
