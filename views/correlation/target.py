"""Chosen ρ: random points drawn with a target correlation, and how r wanders."""

from __future__ import annotations

from core import correlation as corr
from text import correlation as words
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from ui.widgets import metric_row, seed_control
from views.correlation.common import CORRELATION, QUADRANTS, SEED, view_reset_button
from viz import correlation as viz

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


def _show(sample: corr.GeneratedSample, quadrants: bool) -> None:
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
    figure = page.figure_of(viz.sample_figure, sample, quadrants)
    page.chart(figure, key="target", alt=sentence)
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
        _show(sample, quadrants)


VIEW = View("target", "Chosen ρ", PARAMS, render)
