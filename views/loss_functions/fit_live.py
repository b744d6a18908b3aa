"""The "Fit a line by hand" live chart: drag the line, the squares and the bowl follow.

Two handles on the line: the intercept ``b`` (at ``x = 0``) and the slope ``w``
(further right, the line turning about ``x = 0``). The frames depend on the data
set, the optimiser settings and the other handle's value; their grids
(``views.loss_functions.fit_grids``) are finer for a few points and coarser for
many, so a chart's frames stay under 300 KB. A control's descents run in one
batch (``_many``), and at the page's own line the chart reuses the page's run.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from core import loss_functions as lf
from core.loss_functions.fitting import descent_paths
from text.loss_functions import live as live_words
from ui import live_chart, live_context, shared_cache
from ui.live_chart import Drag
from ui.live_frames import FigureData
from ui.url_state import PageState
from views.loss_functions.fit_grids import grid_steps
from viz import style
from viz.loss_functions import live as live_viz
from viz.loss_functions.common import data_ranges


def _draw(
    data: lf.Dataset,
    settings: tuple[str, float, int],
    backdrop: dict[str, Any],
    ranges: tuple[tuple[float, float], tuple[float, float]],
    show_best: bool,
    known: lf.LineDescent,
    values: Mapping[str, float],
) -> tuple[go.Figure, str]:
    """The live chart with the line at ``values`` (``w``, ``b``), and its readout.

    At the page's own line it reuses the page's run (``known``: the same inputs).
    """
    if (known.fit.w, known.fit.b) == (values["w"], values["b"]):
        fit, path = known.fit, known.path
    else:
        method, lr, steps = settings
        fit = lf.fit_line(data, values["w"], values["b"])
        path = lf.descent_path(data, fit.w, fit.b, method=method, lr=lr, steps=steps)
    figure = live_viz.fit_live_figure(fit, path, backdrop, ranges, show_best)
    return figure, live_words.fit_readout(fit)


def _many(
    data: lf.Dataset,
    settings: tuple[str, float, int],
    backdrop: dict[str, Any],
    ranges: tuple[tuple[float, float], tuple[float, float]],
    show_best: bool,
    known: lf.LineDescent,
    every: Sequence[Mapping[str, float]],
) -> list[tuple[FigureData, str]]:
    """:func:`_draw`'s traces at each values of ``every``, the descents in one batch."""
    method, lr, steps = settings
    fits = [lf.fit_line(data, values["w"], values["b"]) for values in every]
    starts = [(fit.w, fit.b) for fit in fits]
    paths = descent_paths(data, starts, method=method, lr=lr, steps=steps)
    return [
        (
            {"data": live_viz.fit_live_traces(fit, path, backdrop, ranges, show_best)},
            live_words.fit_readout(fit),
        )
        for fit, path in zip(fits, paths, strict=True)
    ]


@shared_cache.shared(max_entries=16)
def _backdrop(key: Hashable, _run: lf.LineDescent) -> dict[str, Any]:
    """The bowl's picture for one data set, for all sessions."""
    return live_viz.fit_backdrop(_run.w_values, _run.b_values, _run.surface)


def live_fit(state: PageState, run: lf.LineDescent, show_best: bool, alt: str) -> None:
    """The line and the bowl, live: drag the intercept ``b`` and the slope ``w``."""
    data = run.fit.data
    ranges = data_ranges(data.x, data.y, data.source == "seeded")
    backdrop = _backdrop(data.key, run)
    w_steps, b_steps = grid_steps(len(data.x))
    controls = (
        Drag(
            ("b",),
            trace="b-handle",
            label="intercept b",
            steps=b_steps,
            colour=style.SECOND,
        ),
        Drag(
            ("w",),
            trace="w-handle",
            label="slope w",
            steps=w_steps,
            colour=style.ACCENT,
        ),
    )
    settings = (run.method, run.lr, run.steps)
    key = (data.key, settings, show_best, w_steps, b_steps)
    args = (data, settings, backdrop, ranges, show_best, run)
    draw = live_context.keyed(_draw, key, *args, many=_many)
    live_chart.show(state, draw, controls, key="fit_live", alt=alt)
    st.caption(live_words.FIT_LIVE_CAPTION)
