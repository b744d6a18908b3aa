"""Sampling: the law of large numbers and the central limit theorem."""

from __future__ import annotations

import streamlit as st

from core import sampling as smp
from ui import page
from ui.code_panel import code_panel
from ui.url_state import Param
from viz import sampling as viz

PARAMS = (
    Param.choice(
        "view",
        "Show",
        "lln",
        {"lln": "Large numbers", "clt": "Central limit"},
        widget="segmented",
    ),
    Param.choice("source", "Draw from", "die", smp.SOURCE_LABELS, widget="select"),
    Param.integer(
        "n",
        "Number of draws n",
        1000,
        min_value=smp.LLN_N_LIMITS[0],
        max_value=smp.LLN_N_LIMITS[1],
        step=10,
        widget="number",
        help="From 10 to 100,000 draws per run.",
    ),
    Param.integer(
        "runs",
        "Independent runs",
        3,
        min_value=smp.RUNS_LIMITS[0],
        max_value=smp.RUNS_LIMITS[1],
    ),
    Param.integer(
        "k",
        "Draws per mean k",
        1,
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
    Param.integer(
        "seed",
        "Seed",
        0,
        min_value=smp.SEED_LIMITS[0],
        max_value=smp.SEED_LIMITS[1],
        widget="number",
        help="The same seed gives the same draws, here and in the code below.",
    ),
    Param.toggle(
        "zoom",
        "Zoom to the means",
        False,
        help="Off: the axis stays on the source's range, so you see the means "
        "squeeze together as k grows.",
    ),
)


@st.cache_data(max_entries=32, show_spinner=False)
def _running_means(source: str, n: int, runs: int, seed: int) -> smp.RunningMeans:
    return smp.running_means(source, n, runs, seed)


@st.cache_data(max_entries=64, show_spinner=False)
def _means_of_k(
    source: str, k: int, repeats: int, bins: int, seed: int
) -> smp.MeansOfK:
    return smp.means_of_k(source, k, repeats, bins, seed)


state = page.start(
    "sampling",
    "Sampling: law of large numbers & central limit theorem",
    PARAMS,
    intro=(
        "Why do averages of random draws behave so well? The **law of large numbers**: "
        "the mean of more and more draws settles on the true mean μ, and its typical "
        "miss shrinks like σ/√n. The **central limit theorem**: means of k draws from "
        "*any* source pile up in a bell curve, N(μ, σ²/k), once k is large enough. "
        "*(Grows from notebook cell 7: draws from a distribution.)*"
    ),
)
controls, main = page.columns()

with controls:
    view = state.widget("view")
    source = state.widget("source")
    if view == "lln":
        n = state.widget("n")
        runs = state.widget("runs")
    else:
        k = state.widget("k")
        repeats = state.widget("repeats")
        if smp.SOURCES[source].lattice is None:
            bins = state.widget("bins")
        else:
            bins = state.value("bins")
            st.caption("A discrete source gets one bar per possible mean.")
        zoom = state.widget("zoom")
    seed = state.widget("seed")
    st.button(
        "🎲 New draws (next seed)",
        on_click=state.set_values,
        args=({"seed": (seed + 1) % (smp.SEED_LIMITS[1] + 1)},),
    )
    page.reset_button(state, label="↺ Start again")
    state.sync_url()
    if view == "lln":
        lln = page.compute("lln", _running_means, source, n, runs, seed)
    else:
        clt = page.compute("clt", _means_of_k, source, k, repeats, bins, seed)

with main:
    if view == "lln":
        page.formula(smp.lln_latex(lln))
        words = smp.describe_lln(lln)
        page.explain(words)
        page.chart(viz.lln_figure(lln), key="lln", alt=words)
        code_panel(smp.lln_code(lln), smp.lln_code_result(lln))
    else:
        page.formula(smp.clt_latex(clt))
        words = smp.describe_clt(clt)
        page.explain(words)
        page.chart(viz.clt_figure(clt, zoom=zoom), key="clt", alt=words)
        code_panel(smp.clt_code(clt), smp.clt_code_result(clt))
