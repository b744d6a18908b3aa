"""The grids of the "Fit a line by hand" live chart's handles.

The grids of ``w`` and ``b`` are finer for a few points and coarser for many, so
that the figure and both handles' frames stay within :data:`CHART_BUDGET`.
"""

from __future__ import annotations

from core import loss_functions as lf
from ui import live_context

#: Grid spacings of (w, b), finest first: the finest whose frames fit is used.
SPACINGS = (
    (0.05, 0.2),
    (0.1, 0.2),
    (0.1, 0.5),
    (0.25, 0.5),
    (0.25, 1.0),
    (0.5, 1.0),
    (0.5, 2.0),
    (1.0, 2.0),
)
#: Bytes one live chart may send (the figure and both handles' frames), with room.
CHART_BUDGET = 200_000


def _frame_bytes(points: int) -> int:
    """About what one frame sends: each point's square and residual, the path."""
    return 75 * points + 650


def _figure_bytes(points: int) -> int:
    """About what the figure itself sends: the bowl's picture, the data, the rest."""
    return 40_000 + 120 * points


def grid_spacings(points: int) -> tuple[float, float]:
    """The finest ``(w, b)`` spacings whose frames stay within the budget."""
    allowed = (CHART_BUDGET - _figure_bytes(points)) // _frame_bytes(points)
    for w_step, b_step in SPACINGS:
        count = live_context.steps_for(*lf.W_RANGE, w_step)
        count += live_context.steps_for(*lf.B_RANGE, b_step)
        if count <= allowed:
            return w_step, b_step
    return SPACINGS[-1]


def grid_steps(points: int) -> tuple[int, int]:
    """Grid points of ``w`` and of ``b`` for a data set of ``points`` points."""
    w_step, b_step = grid_spacings(points)
    return (
        live_context.steps_for(*lf.W_RANGE, w_step),
        live_context.steps_for(*lf.B_RANGE, b_step),
    )
