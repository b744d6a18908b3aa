"""What the views of the Normal distribution page share: the sample's controls.

Every view draws from the same ``N(μ, σ²)`` with the same ``n``, bins and seed,
so these ``Param`` objects are shared, and so are the cached draws.
"""

from __future__ import annotations

import streamlit as st

from core import normal_distribution as nd
from core import normal_draws
from ui import shared_cache
from ui.url_state import PageState, Param
from ui.widgets import seed_control

SAMPLE_PARAMS = (
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
    Param.seed(0),
)
ZOOM = Param.toggle(
    "zoom",
    "Zoom to μ ± 4σ",
    False,
    help="Off: the axes stay fixed so moving μ or σ visibly moves the bell.",
)
#: The "quick sizes" pills: a short word for each n.
SIZES = {"100": 100, "1k": 1_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}


def _quick_size(state: PageState) -> None:
    """A pill sets n, then clears itself so the same size can be picked again."""
    word = st.session_state.get("quick_n")
    if word in SIZES:
        state.set_values({"n": SIZES[word]})
    st.session_state["quick_n"] = None


def sample_controls(state: PageState) -> tuple[float, float, int, int, int]:
    """μ, σ, n (with quick sizes), bins and the seed: ``(mu, sigma, n, bins, seed)``."""
    mu, sigma, n = state.widget("mu"), state.widget("sigma"), state.widget("n")
    st.pills(
        "Quick sizes",
        list(SIZES),
        key="quick_n",
        on_change=_quick_size,
        args=(state,),
        label_visibility="collapsed",
    )
    bins = state.widget("bins")
    seed = seed_control(state)
    return mu, sigma, n, bins, seed


@shared_cache.shared(max_entries=4)
def standard(n: int, seed: int) -> normal_draws.StandardDraws:
    """The seed's standard normal draws, sorted once per (n, seed) for every μ and σ.

    ``μ + σ·z`` are the page's draws bit for bit (``core.normal_draws``): moving μ
    or σ searches these instead of drawing and binning a million numbers again.
    """
    return normal_draws.standard_draws(n, seed)


def sample(mu: float, sigma: float, n: int, bins: int, seed: int) -> nd.NormalSample:
    """The binned summary of the draws (what the page shows, never the draws)."""
    return normal_draws.summarize_standard(standard(n, seed), mu, sigma, bins)


def sample_and_interval(
    mu: float, sigma: float, n: int, bins: int, seed: int, a: float, b: float
) -> tuple[nd.NormalSample, nd.IntervalProbability]:
    """The sample and the interval together, so an error keeps both as they were."""
    interval = normal_draws.interval_standard(standard(n, seed), mu, sigma, a, b)
    return sample(mu, sigma, n, bins, seed), interval
