"""Central limit: means of k draws from any source pile up in a bell curve."""

from __future__ import annotations

import streamlit as st

from core import sampling as smp
from text import sampling as words
from text.questions import further as Q
from ui import page, shared_cache
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.sampling.common import SEED, SOURCE, seed_controls
from viz import sampling as viz

PARAMS = (
    SOURCE,
    Param.integer(
        "k",
        "Draws per mean k",
        5,  # opens on a bell taking shape; k = 1 shows the source itself
        min_value=smp.K_LIMITS[0],
        max_value=smp.K_LIMITS[1],
        help="Each mean averages k draws; k = 1 shows the source itself.",
    ),
    Param.integer(
        "repeats",
        "Number of means",
        10_000,
        min_value=smp.REPEATS_LIMITS[0],
        max_value=smp.REPEATS_LIMITS[1],
        step=100,
        widget="number",
    ),
    Param.integer(
        "bins",
        "Histogram bins (continuous sources)",
        40,
        min_value=smp.BINS_LIMITS[0],
        max_value=smp.BINS_LIMITS[1],
    ),
    SEED,
    Param.toggle(
        "zoom",
        "Zoom to the means",
        False,
        help="Off: the axis stays on the source's range, so you see the means "
        "squeeze together as k grows.",
    ),
)


@shared_cache.shared(max_entries=4)
def _totals(source: str, repeats: int, seed: int) -> smp.DrawTotals:
    """A discrete source's draws for every k at once (≤ 20 MB), shared by sessions."""
    return smp.draw_totals(source, repeats, seed)


@st.cache_data(max_entries=64, show_spinner=False)
def _means_of_k(
    source: str, k: int, repeats: int, bins: int, seed: int
) -> smp.MeansOfK:
    """The means; a die or a rare event's from its running totals (no new draws)."""
    if smp.get_source(source).lattice is None:
        return smp.means_of_k(source, k, repeats, bins, seed)
    totals = _totals(source, repeats, seed)
    return smp.means_of_k(source, k, repeats, bins, seed, totals)


def _bins(state: PageState, source: str) -> int:
    """The bins slider for a continuous source; a discrete one gets a bar per mean."""
    if smp.SOURCES[source].lattice is None:
        return int(state.widget("bins"))
    st.caption(words.DISCRETE_BINS)
    return int(state.value("bins"))


def render(state: PageState, frame: Frame) -> None:
    """Source, k, repeats, bins, seed, zoom; the histogram of means vs the normal."""
    with frame.controls:
        source, k, repeats = (state.widget(name) for name in ("source", "k", "repeats"))
        bins = _bins(state, source)
        zoom = bool(state.widget("zoom"))
        seed = seed_controls(state)
        result = page.compute("clt", _means_of_k, source, k, repeats, bins, seed)
    with frame.main:
        page.formula(words.clt_latex(result))
        sentence = words.describe_clt(result)
        figure = page.figure_of(viz.clt_figure, result, zoom)
        page.chart(figure, key="clt", alt=sentence)  # on the first screen
        page.explain(sentence)
        code_panel(words.clt_code(result), words.clt_code_result(result))


VIEW = View("clt", "Central limit", PARAMS, render, questions=(Q.SAMPLING_MEANS_STD,))
