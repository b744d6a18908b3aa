"""The normal distribution: seeded draws against the bell curve, 68–95–99.7, intervals."""

from __future__ import annotations

import numpy as np
import streamlit as st

from core import normal_distribution as nd
from ui import page
from ui.code_panel import code_panel
from ui.url_state import Param
from viz import normal_distribution as viz

X_LOW, X_HIGH = nd.X_RANGE
PARAMS = (
    Param.choice(
        "view",
        "Show",
        "draws",
        {
            "draws": "Draws",
            "rule": "68–95–99.7",
            "interval": "P(a<X<b)",
        },
        widget="segmented",
    ),
    Param.number(
        "mu",
        "Mean μ",
        0.0,
        min_value=nd.MU_LIMITS[0],
        max_value=nd.MU_LIMITS[1],
        step=0.1,
    ),
    Param.number(
        "sigma",
        "Standard deviation σ",
        1.0,
        min_value=nd.SIGMA_LIMITS[0],
        max_value=nd.SIGMA_LIMITS[1],
        step=0.05,
        help="σ > 0: the typical distance of a draw from μ.",
    ),
    Param.integer(
        "n",
        "Number of draws n",
        100,
        min_value=nd.N_LIMITS[0],
        max_value=nd.N_LIMITS[1],
        step=10,
        widget="number",
        help="From 10 to 1,000,000. The notebook drew 100.",
    ),
    Param.integer(
        "bins",
        "Histogram bins",
        20,
        min_value=nd.BINS_LIMITS[0],
        max_value=nd.BINS_LIMITS[1],
    ),
    Param.integer(
        "seed",
        "Seed",
        0,
        min_value=nd.SEED_LIMITS[0],
        max_value=nd.SEED_LIMITS[1],
        widget="number",
        help="The same seed gives the same draws, here and in the code below.",
    ),
    Param.number(
        "a", "a (left end)", -1.0, min_value=X_LOW, max_value=X_HIGH, step=0.1
    ),
    Param.number(
        "b", "b (right end)", 1.0, min_value=X_LOW, max_value=X_HIGH, step=0.1
    ),
    Param.toggle(
        "zoom",
        "Zoom to μ ± 4σ",
        False,
        help="Off: the axes stay fixed so moving μ or σ visibly moves the bell.",
    ),
)
SIZES = {"100": 100, "1k": 1_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}


@st.cache_resource(max_entries=4, show_spinner=False)
def _draws(mu: float, sigma: float, n: int, seed: int) -> np.ndarray:
    """The raw draws, kept once per (μ, σ, n, seed) and never copied or sent."""
    samples = nd.draw_normal(mu, sigma, n, seed)
    samples.flags.writeable = False
    return samples


@st.cache_data(max_entries=64, show_spinner=False)
def _sample(mu: float, sigma: float, n: int, bins: int, seed: int) -> nd.NormalSample:
    return nd.summarize_sample(_draws(mu, sigma, n, seed), mu, sigma, bins, seed)


@st.cache_data(max_entries=64, show_spinner=False)
def _interval(
    mu: float, sigma: float, n: int, bins: int, seed: int, a: float, b: float
) -> tuple[nd.NormalSample, nd.IntervalProbability]:
    """The sample and the interval together, so an error keeps both as they were."""
    interval = nd.interval_probability(mu, sigma, a, b, _draws(mu, sigma, n, seed))
    return _sample(mu, sigma, n, bins, seed), interval


def _quick_size() -> None:
    """A pill sets n, then clears itself so the same size can be picked again."""
    word = st.session_state.get("quick_n")
    if word in SIZES:
        state.set_values({"n": SIZES[word]})
    st.session_state["quick_n"] = None


state = page.start(
    "normal-distribution",
    "The normal distribution",
    PARAMS,
    intro=(
        "Many ML methods assume data is **normally distributed**: a bell curve set by "
        "its mean **μ** (where it is centred) and standard deviation **σ** (how wide "
        "it is). Draw random numbers from it and watch their histogram approach the "
        "exact curve as n grows. *(Notebook cell 7: 100 draws with μ = 0, σ = 1.)*"
    ),
)
controls, main = page.columns()

with controls:
    view = state.widget("view")
    mu = state.widget("mu")
    sigma = state.widget("sigma")
    n = state.widget("n")
    st.pills(
        "Quick sizes",
        list(SIZES),
        key="quick_n",
        on_change=_quick_size,
        label_visibility="collapsed",
    )
    bins = state.widget("bins")
    seed = state.widget("seed")
    st.button(
        "🎲 New draw (next seed)",
        on_click=state.set_values,
        args=({"seed": (seed + 1) % (nd.SEED_LIMITS[1] + 1)},),
    )
    if view == "interval":
        a = state.widget("a")
        b = state.widget("b")
    zoom = state.widget("zoom")
    page.reset_button(state)
    state.sync_url()
    if view == "interval":
        sample, interval = page.compute(
            "interval", _interval, mu, sigma, n, bins, seed, a, b
        )
    else:
        sample = page.compute("sample", _sample, mu, sigma, n, bins, seed)

with main:
    if view == "draws":
        page.formula(nd.pdf_latex(sample.mu, sample.sigma))
        words = nd.describe_draws(sample)
        page.explain(words)
        page.chart(viz.normal_figure(sample, zoom=zoom), key="draws", alt=words)
        first = ", ".join(f"{v:.4f}".replace("-", "−") for v in sample.first_ten)
        st.markdown(f"**First ten draws** (seed {sample.seed}): {first}")
        st.caption(nd.UNSEEDED_SENTENCE)
        code_panel(nd.draws_code(sample), nd.draws_code_result(sample))
    elif view == "rule":
        page.formula(nd.rule_latex(sample.sigma))
        words = nd.describe_rule(sample)
        page.explain(words)
        page.chart(
            viz.normal_figure(sample, zoom=zoom, rule=True), key="rule", alt=words
        )
        st.markdown(nd.rule_table(sample))
        code_panel(nd.rule_code(sample), nd.rule_code_result(sample))
    else:
        page.formula(nd.interval_latex(interval))
        words = nd.describe_interval(interval)
        page.explain(words)
        page.chart(
            viz.normal_figure(sample, zoom=zoom, interval=interval),
            key="interval",
            alt=words,
        )
        code_panel(
            nd.interval_code(sample, interval), nd.interval_code_result(interval)
        )
