"""Chosen ρ: random points drawn with a target correlation, and how r wanders."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from core import correlation as corr
from text import correlation as words
from text.correlation import live as live_words
from text.questions import catalogue as Q
from ui import live_context, live_or_still, page
from ui.code_panel import code_panel
from ui.live_chart import Range
from ui.page import Frame, View
from ui.url_state import PageState, Param
from ui.widgets import metric_row, seed_control
from views.correlation.common import CORRELATION, QUADRANTS, SEED, view_reset_button
from viz import correlation as viz
from viz.correlation import live as viz_live

PARAMS = (
    Param.number("rho", "Target correlation ρ", 0.6, **CORRELATION),
    Param.integer(
        "n", "Number of points n", 100, min_value=3, max_value=corr.MAX_POINTS
    ),
    Param.number(
        "noise",
        "Measurement noise σ added to y",
        0.0,
        min_value=0.0,
        max_value=corr.MAX_NOISE,
        step=0.05,
    ),
    SEED,
    QUADRANTS,
)

#: Above this many points ρ moves in steps of 0.1 (each frame sends every y).
FINE_POINTS = 300


def _draw(
    n: int, noise: float, seed: int, quadrants: bool, values: Mapping[str, float]
) -> tuple[dict[str, Any], str]:
    """The live cloud at ``values["rho"]``: the same draws (seed), so points glide."""
    sample = corr.correlated_sample(n, values["rho"], seed, noise)
    return viz_live.sample_live_data(sample, quadrants), live_words.sample_readout(
        sample
    )


def _live(
    state: PageState, sample: corr.GeneratedSample, quadrants: bool, alt: str
) -> None:
    """The cloud, live: scrub ρ under the chart."""
    inputs = (sample.n, sample.noise, sample.seed, quadrants)
    draw = live_context.keyed(_draw, inputs, *inputs)
    controls = (Range("rho", steps=41 if sample.n <= FINE_POINTS else 21),)
    live_or_still.show(
        state,
        draw,
        controls,
        key="target",
        alt=alt,
        still=lambda: page.figure_of(viz.sample_figure, sample, quadrants),
    )
    st.caption(live_words.TARGET_CAPTION)


def _show(state: PageState, sample: corr.GeneratedSample, quadrants: bool) -> None:
    stats = sample.stats
    metric_row(
        [
            ("target ρ", corr.format_r(sample.rho, 2), None),
            ("sample r", words.r_text(stats.r), words.sample_delta(sample)),
            ("r²", words.r_text(stats.r2), None),
            ("Spearman ρₛ", words.r_text(stats.spearman), None),
        ]
    )
    page.formula(words.pearson_latex(stats))
    sentence = words.describe_sample(sample)
    page.explain(sentence)
    _live(state, sample, quadrants, sentence)
    code_panel(words.sample_code(sample), words.sample_code_result(sample))


def render(state: PageState, frame: Frame) -> None:
    """ρ, n, noise and seed; the sample's r against ρ, its cloud and the code."""
    with frame.controls:
        rho, n, noise = state.widget("rho"), state.widget("n"), state.widget("noise")
        seed = seed_control(state)
        quadrants = bool(state.widget("quadrants"))
        view_reset_button(state, PARAMS)
        sample = page.compute("target", corr.correlated_sample, n, rho, seed, noise)
    with frame.main:
        _show(state, sample, quadrants)


VIEW = View("target", "Chosen ρ", PARAMS, render, questions=(Q.CORRELATION_SAMPLE_R,))
