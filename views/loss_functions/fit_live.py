"""The "Fit a line by hand" live chart: drag the line, the squares and the bowl follow.

Two handles on the line: the intercept ``b`` (at ``x = 0``) and the slope ``w``
(further right, the line turning about ``x = 0``). The frames depend on the data
set, the optimiser settings and the other handle's value; their grids are finer
for a few points and coarser for many, so a chart's frames stay under 300 KB.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from core import loss_functions as lf
from text.loss_functions import live as live_words
from ui import live_chart, live_context
from ui.live_chart import Drag
from ui.url_state import PageState
from viz import style
from viz.loss_functions import live as live_viz
from viz.loss_functions.common import data_ranges

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


def _draw(
    data: lf.Dataset,
    settings: tuple[str, float, int],
    backdrop: dict[str, Any],
    ranges: tuple[tuple[float, float], tuple[float, float]],
    show_best: bool,
    values: Mapping[str, float],
) -> tuple[go.Figure, str]:
    """The live chart with the line at ``values`` (``w``, ``b``), and its readout."""
    method, lr, steps = settings
    fit = lf.fit_line(data, values["w"], values["b"])
    path = lf.descent_path(data, fit.w, fit.b, method=method, lr=lr, steps=steps)
    figure = live_viz.fit_live_figure(fit, path, backdrop, ranges, show_best)
    return figure, live_words.fit_readout(fit)


@st.cache_resource(max_entries=16, show_spinner=False)
def _backdrop(key: Hashable, _run: lf.LineDescent) -> dict[str, Any]:
    """The bowl's picture for one data set, for all sessions."""
    return live_viz.fit_backdrop(_run.w_values, _run.b_values, _run.surface)


def live_fit(state: PageState, run: lf.LineDescent, show_best: bool, alt: str) -> None:
    """The line and the bowl, live: drag the intercept ``b`` and the slope ``w``."""
    data = run.fit.data
    ranges = data_ranges(data.x, data.y, data.source == "seeded")
    backdrop = _backdrop(data.key, run)
    w_step, b_step = grid_spacings(len(data.x))
    controls = (
        Drag(
            ("b",),
            trace="b-handle",
            label="intercept b",
            steps=live_context.steps_for(*lf.B_RANGE, b_step),
            colour=style.SECOND,
        ),
        Drag(
            ("w",),
            trace="w-handle",
            label="slope w",
            steps=live_context.steps_for(*lf.W_RANGE, w_step),
            colour=style.ACCENT,
        ),
    )
    settings = (run.method, run.lr, run.steps)
    key = (data.key, settings, show_best, w_step, b_step)
    draw = live_context.keyed(_draw, key, data, settings, backdrop, ranges, show_best)
    live_chart.show(state, draw, controls, key="fit_live", alt=alt)
    st.caption(live_words.FIT_LIVE_CAPTION)
