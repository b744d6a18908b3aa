"""An outlier: how far one point can move r (and how little it moves Spearman's)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from core import correlation as corr
from text import correlation as words
from text.correlation import live as live_words
from text.questions import further as Q
from ui import live_context, live_or_still, page
from ui.code_panel import code_panel
from ui.live_chart import Drag
from ui.page import Frame, View
from ui.url_state import PageState, Param
from ui.widgets import metric_row, seed_control
from views.correlation.common import CORRELATION, SEED, view_reset_button
from viz import correlation as viz
from viz import style
from viz.correlation import live as viz_live

_OUTLIER: dict[str, Any] = {
    "min_value": -corr.OUTLIER_LIMIT,
    "max_value": corr.OUTLIER_LIMIT,
    "step": 0.1,
}
PARAMS = (
    Param.number("base_rho", "Correlation of the cloud", 0.7, **CORRELATION),
    Param.integer("base_n", "Points in the cloud", 20, min_value=5, max_value=200),
    Param.number("ox", "Outlier x", 5.0, **_OUTLIER),
    Param.number("oy", "Outlier y", -5.0, **_OUTLIER),
    SEED,
)
#: Drag the outlier in the plane, on a grid of halves from −6 to 6.
CONTROLS = (
    Drag(
        ("ox", "oy"),
        trace="outlier",
        label="the outlier",
        steps=25,
        colour=style.ACCENT,
    ),
)


def _draw(
    base_rho: float, base_n: int, seed: int, values: Mapping[str, float]
) -> tuple[dict[str, Any], str]:
    """The live chart with the outlier at ``values`` (ox, oy), and its readout."""
    study = corr.outlier_study(base_rho, base_n, values["ox"], values["oy"], seed)
    return viz_live.outlier_live_data(study), live_words.outlier_readout(study)


def _show(state: PageState, study: corr.OutlierStudy) -> None:
    before, after = study.without, study.with_outlier
    metric_row(
        [
            ("r without", words.r_text(before.r), None),
            ("r with the outlier", words.r_text(after.r), f"{study.shift:+.3f}"),
            ("Spearman without", words.r_text(before.spearman), None),
            ("Spearman with", words.r_text(after.spearman), None),
        ]
    )
    sentence = words.describe_outlier(study)
    page.explain(sentence)
    inputs = (study.base_rho, study.without.n, study.seed)
    live_or_still.show(
        state,
        live_context.keyed(_draw, inputs, *inputs),
        CONTROLS,
        key="outlier",
        alt=sentence,
        still=lambda: page.figure_of(viz.outlier_figure, study),
    )
    st.caption(live_words.OUTLIER_CAPTION)
    st.info(words.CAUSATION)
    code_panel(words.outlier_code(study), words.outlier_code_result(study))


def render(state: PageState, frame: Frame) -> None:
    """The outlier's position and the cloud; r with and without it, and the code."""
    with frame.controls:
        st.markdown(words.OUTLIER_INTRO)
        ox, oy = state.widget("ox"), state.widget("oy")
        base_rho, base_n = state.widget("base_rho"), state.widget("base_n")
        seed = seed_control(state)
        for label, values in words.OUTLIER_EXAMPLES.items():
            st.button(label, on_click=state.set_values, args=(values,))
        view_reset_button(state, PARAMS)
        study = page.compute(
            "outlier", corr.outlier_study, base_rho, base_n, ox, oy, seed
        )
    with frame.main:
        _show(state, study)


VIEW = View(
    "outlier", "An outlier", PARAMS, render, questions=(Q.CORRELATION_OUTLIER_R,)
)
