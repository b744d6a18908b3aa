"""Large numbers: running means of independent draws settle on the true mean."""

from __future__ import annotations

import streamlit as st

from core import sampling as smp
from text import sampling as words
from text.questions import catalogue as Q
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.sampling.common import SEED, SOURCE, seed_controls
from viz import sampling as viz

PARAMS = (
    SOURCE,
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
    SEED,
)


@st.cache_data(max_entries=32, show_spinner=False)
def _running_means(source: str, n: int, runs: int, seed: int) -> smp.RunningMeans:
    return smp.running_means(source, n, runs, seed)


def render(state: PageState, frame: Frame) -> None:
    """Source, n, runs and seed; the running means, the formula and the code."""
    with frame.controls:
        source, n, runs = (state.widget(name) for name in ("source", "n", "runs"))
        seed = seed_controls(state)
        result = page.compute("lln", _running_means, source, n, runs, seed)
    with frame.main:
        page.formula(words.lln_latex(result))
        sentence = words.describe_lln(result)
        page.chart(page.figure_of(viz.lln_figure, result), key="lln", alt=sentence)
        page.explain(sentence)
        code_panel(words.lln_code(result), words.lln_code_result(result))


VIEW = View(
    "lln",
    "Large numbers",
    PARAMS,
    render,
    questions=(Q.SAMPLING_TRUE_MEAN, Q.SAMPLING_FINAL_MEAN),
)
