"""The Descent view's live chart: drag the start w₀ along the curve, slide lr under it.

The path, the loss at each step and the regime follow during the drag; every
frame's descent of a control is run in one batch (``_many``), and at the page's
own values the chart reuses the page's descent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go
import streamlit as st

from core import gradient_descent as gd
from core.gradient_descent import regimes
from text.gradient_descent import live as live_words
from ui import live_chart, live_context
from ui.live_chart import Drag, Range
from ui.live_frames import FigureData
from ui.url_state import PageState
from viz import gradient_descent as viz
from viz import style
from viz.gradient_descent import live as live_viz


def _draw(
    fn_key: str,
    expression: str,
    steps: int,
    x_range: tuple[float, float],
    known: gd.Descent1D,
    values: Mapping[str, float],
) -> tuple[go.Figure, str]:
    """The live chart at ``values`` (``w0`` and ``lr``), and its readout.

    At the page's own values it reuses the page's descent (``known``).
    """
    if (known.w0, known.lr) == (values["w0"], values["lr"]):
        descent = known
    else:
        descent = gd.descend_1d(fn_key, values["w0"], values["lr"], steps, expression)
    figure = live_viz.descent_live_figure(descent, x_range)
    return figure, live_words.descent_readout(descent)


def _many(
    fn_key: str,
    expression: str,
    steps: int,
    x_range: tuple[float, float],
    known: gd.Descent1D,
    every: Sequence[Mapping[str, float]],
) -> list[tuple[FigureData, str]]:
    """:func:`_draw`'s traces at each values of ``every``, the descents in one batch."""
    pairs = [(values["w0"], values["lr"]) for values in every]
    descents = gd.descend_1d_many(fn_key, pairs, steps, expression)
    still = live_viz.descent_still(known.fn, x_range)  # the same for every frame
    return [
        (
            {"data": live_viz.descent_live_traces(d, x_range, still)},
            live_words.descent_readout(d),
        )
        for d in descents
    ]


def live_descent(
    state: PageState,
    descent: gd.Descent1D,
    fn_key: str,
    expression: str,
    sentence: str,
) -> None:
    """The path on the curve, live: drag the start ``w0``, slide ``lr`` under it.

    The start moves over the chart's w axis (¼ apart) and the learning rate over
    the rates worth trying on this curve from this start
    (:func:`core.gradient_descent.regimes.learning_rate_range`).
    """
    x_range = viz.view_range_1d(descent.fn, descent.w0)
    low, high, count = regimes.learning_rate_range(descent.fn, descent.w0, descent.lr)
    spacing = live_context.spacing_for(*x_range, 61)
    controls = (
        Drag(
            ("w0",),
            trace="start",
            label="start w₀",
            point=0,
            steps=live_context.steps_for(*x_range, spacing),
            colour=style.CURRENT,
        ),
        Range("lr", steps=count),
    )
    bounds = {"w0": x_range, "lr": (low, high)}
    key = (descent.fn.key, descent.steps, tuple(sorted(bounds.items())))
    args = (fn_key, expression, descent.steps, x_range, descent)
    draw = live_context.keyed(_draw, key, *args, many=_many)
    shown = live_context.narrowed(state, bounds)
    live_chart.show(shown, draw, controls, key="descent_live", alt=sentence)
    st.caption(live_words.DESCENT_LIVE_CAPTION)
