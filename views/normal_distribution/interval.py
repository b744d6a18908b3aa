"""``P(a < X < b)``: the area under the bell curve beside the share of the draws."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from core import normal_distribution as nd
from core import normal_draws
from core.normal_draws import StandardDraws
from text import normal_distribution as words
from text import normal_distribution_live as live_words
from text.questions import catalogue as Q
from ui import live_context, live_or_still, page
from ui.code_panel import code_panel
from ui.live_chart import Control, Drag, Range
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.normal_distribution import common
from viz import normal_distribution as viz
from viz import normal_distribution_live as viz_live
from viz import style

X_LOW, X_HIGH = nd.X_RANGE
PARAMS = (
    *common.SAMPLE_PARAMS,
    Param.number(
        "a", "a (left end)", -1.0, min_value=X_LOW, max_value=X_HIGH, step=0.1
    ),
    Param.number(
        "b", "b (right end)", 1.0, min_value=X_LOW, max_value=X_HIGH, step=0.1
    ),
    common.ZOOM,
)

#: Drag the ends on a grid of quarters; slide μ and σ in steps of 0.2 and 0.05
#: (3 decimals in frames: the density axis is only 0 … 0.9 high).
ENDS = (
    Drag(("a",), trace="a", label="end a", steps=73, colour=style.ACCENT, decimals=3),
    Drag(("b",), trace="b", label="end b", steps=73, colour=style.ACCENT, decimals=3),
)
SHAPE = (Range("mu", steps=31, decimals=3), Range("sigma", steps=31, decimals=3))
#: Above this many draws μ and σ are not scrubbed live: every frame draws again.
LIVE_DRAWS = 10_000


def _draw(
    draws: StandardDraws,
    bins: int,
    ranges: Any,
    shape: tuple[float, float],
    memo: dict[tuple[float, float], nd.NormalSample],
    values: Mapping[str, float],
) -> tuple[dict[str, Any], str]:
    """The live chart at ``values`` (a, b, and μ, σ when they are live, else ``shape``).

    The draws are the seed's standard ones (``μ + σz``: no draw again); ``memo``
    keeps one summary per (μ, σ) while the frames of a control are drawn.
    """
    a, b = values["a"], values["b"]
    mu, sigma = values.get("mu", shape[0]), values.get("sigma", shape[1])
    sample = memo.get((mu, sigma))
    if sample is None:
        sample = normal_draws.summarize_standard(draws, mu, sigma, bins)
        memo[(mu, sigma)] = sample
    interval: nd.IntervalProbability | None = None
    if a < b:  # otherwise core says why on release; the frame shows no interval
        interval = normal_draws.interval_standard(draws, mu, sigma, a, b)
    return (
        viz_live.interval_live_data(sample, interval, a, b, ranges),
        live_words.interval_readout(mu, sigma, a, b, interval),
    )


def live(
    state: PageState,
    sample: nd.NormalSample,
    interval: nd.IntervalProbability,
    zoom: bool,
    alt: str,
) -> None:
    """The chart, live: drag a and b; slide μ and σ (for up to ``LIVE_DRAWS``)."""
    ranges = viz.axis_ranges(sample, zoom)
    n, bins, seed = sample.n, int(sample.counts.size), sample.seed
    scrubbed = n <= LIVE_DRAWS
    # μ and σ name the frames only when they are not live: a μ slider's frames
    # then stay the same while μ moves, and every session shares them.
    key = (n, bins, seed, ranges) + (() if scrubbed else (sample.mu, sample.sigma))
    shape = (sample.mu, sample.sigma)
    draws = common.standard(n, seed)
    draw = live_context.keyed(_draw, key, draws, bins, ranges, shape, {})
    controls: tuple[Control, ...] = ENDS + (SHAPE if scrubbed else ())
    shown = (sample.mu, sample.sigma, interval.a, interval.b)
    live_or_still.show(
        state,
        draw,
        controls,
        key="interval",
        alt=alt,
        still=lambda: page.figure_of(viz.normal_figure, sample, zoom, False, interval),
        kept=shown != tuple(state.value(name) for name in ("mu", "sigma", "a", "b")),
    )
    caption = live_words.LIVE_CAPTION
    if n > LIVE_DRAWS:
        caption = live_words.BIG_SAMPLE_CAPTION.format(limit=LIVE_DRAWS)
    st.caption(caption)


def render(state: PageState, frame: Frame) -> None:
    """The sample's controls and the ends a, b; the hatched area and the code."""
    with frame.controls:
        inputs = common.sample_controls(state)
        a, b = state.widget("a"), state.widget("b")
        zoom = state.widget("zoom")
        sample, interval = page.compute(
            "interval", common.sample_and_interval, *inputs, a, b
        )
    with frame.main:
        page.formula(words.interval_latex(interval))
        sentence = words.describe_interval(interval)
        page.explain(sentence)
        live(state, sample, interval, zoom, sentence)
        code_panel(
            words.interval_code(sample, interval),
            words.interval_code_result(interval),
        )


VIEW = View(
    "interval", "P(a<X<b)", PARAMS, render, questions=(Q.NORMAL_SHARE, Q.NORMAL_AREA)
)
