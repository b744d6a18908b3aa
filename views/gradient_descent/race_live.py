"""The 2-D view's live chart: drag the start, and every optimiser's path follows.

The contour is a picture under the plot (drawn once per surface and view), the
start a handle moved on a grid inside the chart's axes (whole or half units); the
frames depend on the surface, the optimisers and the steps, not on the start,
so a release only redraws the rest of the page.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from core import gradient_descent as gd
from text.gradient_descent import live as live_words
from ui import live_chart, live_context, shared_cache
from ui.live_chart import Drag
from ui.live_frames import FigureData
from ui.url_state import PageState
from viz.gradient_descent import live as live_viz

#: Most grid points across the wider axis of the chart.
MOST_ACROSS = 13
#: The start's parameters, dragged together.
NAMES = ("x0", "y0")


def _draw(
    surface_key: str,
    expression: str,
    chosen: tuple[gd.Optimiser, ...],
    steps: int,
    backdrop: dict[str, Any],
    known: gd.Race,
    values: Mapping[str, float],
) -> tuple[go.Figure, str]:
    """The live chart with the race started at ``values`` (``x0``, ``y0``).

    At the page's own start it reuses the page's race (``known``).
    """
    start = (values["x0"], values["y0"])
    r = (
        known
        if known.start == start
        else gd.race(surface_key, start, chosen, steps, expression)
    )
    return live_viz.race_live_figure(r, backdrop), live_words.race_readout(r)


def _many(
    surface_key: str,
    expression: str,
    chosen: tuple[gd.Optimiser, ...],
    steps: int,
    backdrop: dict[str, Any],
    known: gd.Race,
    every: Sequence[Mapping[str, float]],
) -> list[tuple[FigureData, str]]:
    """:func:`_draw`'s traces at each start of ``every``, each optimiser in one batch."""
    starts = [(values["x0"], values["y0"]) for values in every]
    return [
        ({"data": live_viz.race_live_traces(r, backdrop)}, live_words.race_readout(r))
        for r in gd.race_many(surface_key, starts, chosen, steps, expression)
    ]


@shared_cache.shared(max_entries=16)
def _backdrop(key: Hashable, _race: gd.Race) -> dict[str, Any]:
    """The contour picture and colour bar of one surface and view, for all sessions."""
    return live_viz.race_backdrop(_race, _race.grid())


def _start_grid(
    ranges: tuple[tuple[float, float], tuple[float, float]],
) -> tuple[dict[str, tuple[float, float]], tuple[int, int]]:
    """Where the start is dragged: each axis less a margin, and its grid points.

    Each axis has its own spacing (the finest of ¼, ½, 1, 2 … with at most
    :data:`MOST_ACROSS` points over the axis) and keeps a margin of that spacing,
    at least half a unit, so the grid stays on whole or half units. The chart's
    ranges keep half a unit around the start (``gd.plot_ranges``), so a start
    dropped nearer the edge widened them: the release then brought a new contour
    and a new grid of frames (51 KB, against 21 KB) and the chart moved under the
    pointer. Inside the margin a release never changes the ranges; the number
    boxes still take a start anywhere within the race's limits.
    """
    inner: dict[str, tuple[float, float]] = {}
    steps = []
    for name, (low, high) in zip(NAMES, ranges, strict=True):
        spacing = live_context.spacing_for(low, high, MOST_ACROSS)
        edge = max(spacing, 0.5)
        inner[name] = (low + edge, high - edge)
        steps.append(live_context.steps_for(*inner[name], spacing))
    return inner, (steps[0], steps[1])


def live_race(
    state: PageState, race: gd.Race, surface_key: str, expression: str, alt: str
) -> None:
    """The race on the contour, live: drag the start (``x0``, ``y0``)."""
    ranges = gd.plot_ranges(race.surface, race.start)
    backdrop = _backdrop((race.surface.key, ranges), race)
    inner, steps = _start_grid(ranges)
    control = Drag(NAMES, trace="start", label="start", point=0, steps=steps)
    key = (race.surface.key, race.optimisers, race.steps, ranges, steps)
    args = (surface_key, expression, race.optimisers, race.steps, backdrop, race)
    draw = live_context.keyed(_draw, key, *args, many=_many)
    shown = live_context.narrowed(state, inner)
    live_chart.show(shown, draw, (control,), key="race_live", alt=alt)
    st.caption(live_words.RACE_LIVE_CAPTION)
