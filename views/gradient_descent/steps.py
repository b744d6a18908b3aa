"""The Descent view's step controls (learning-rate presets, the step count,
+1/+10/+100) and its live chart (drag w₀, slide lr)."""

from __future__ import annotations

from collections.abc import Mapping

import plotly.graph_objects as go
import streamlit as st

from core import gradient_descent as gd
from core.gradient_descent import regimes
from text.gradient_descent import live as live_words
from ui import live_chart, live_context
from ui.live_chart import Drag, Range
from ui.url_state import PageState
from viz import gradient_descent as viz
from viz import style
from viz.gradient_descent import live as live_viz

#: Learning rates that show each regime of gradient descent on w².
REGIME_PRESETS = {
    "Smooth (0.1)": {"lr": 0.1, "steps": 20},
    "One step (0.5)": {"lr": 0.5, "steps": 5},
    "Oscillating (0.8)": {"lr": 0.8, "steps": 20},
    "Bouncing (1.0)": {"lr": 1.0, "steps": 10},
    "Diverging (1.1)": {"lr": 1.1, "steps": 100},
}


def _add_steps(state: PageState, extra: int) -> None:
    now = state.value("steps")
    state.set_values({"steps": max(0, min(gd.MAX_STEPS_1D, now + extra))})


def _regime_buttons(state: PageState) -> None:
    st.caption("Learning rates to try (each regime of w²):")
    columns = st.columns(2)
    for index, (label, values) in enumerate(REGIME_PRESETS.items()):
        columns[index % 2].button(
            label,
            key=f"regime_{index}",
            on_click=state.set_values,
            args=(values,),
            width="stretch",
        )


def _more_steps_buttons(state: PageState) -> None:
    st.caption("Take more steps:")
    row = st.container(horizontal=True, gap="small")
    for extra in (1, 10, 100):
        row.button(
            f"+{extra}",
            key=f"add_{extra}",
            on_click=_add_steps,
            args=(state, extra),
            help=f"Take {extra} more step{'s' if extra > 1 else ''}.",
        )
    row.button(
        "Back to 0",
        key="steps_zero",
        on_click=state.set_values,
        args=({"steps": 0},),
        help="Back to the start, before any step.",
    )


def step_controls(state: PageState) -> int:
    """The regime presets, the "Steps taken" slider and the step buttons; the steps."""
    _regime_buttons(state)
    steps = state.widget("steps")
    _more_steps_buttons(state)
    return int(steps)


# -- the live chart -----------------------------------------------------------------------


def _draw(
    fn_key: str,
    expression: str,
    steps: int,
    x_range: tuple[float, float],
    values: Mapping[str, float],
) -> tuple[go.Figure, str]:
    """The live chart at ``values`` (``w0`` and ``lr``), and its readout."""
    descent = gd.descend_1d(fn_key, values["w0"], values["lr"], steps, expression)
    figure = live_viz.descent_live_figure(descent, x_range)
    return figure, live_words.descent_readout(descent)


def live_descent(
    state: PageState,
    descent: gd.Descent1D,
    fn_key: str,
    expression: str,
    sentence: str,
) -> None:
    """The path on the curve, live: drag the start ``w0``, slide ``lr`` under it.

    The start moves over the chart's w axis (¼ apart) and the learning rate over
    the rates worth trying on this curve from this start
    (:func:`core.gradient_descent.regimes.learning_rate_range`).
    """
    x_range = viz.view_range_1d(descent.fn, descent.w0)
    low, high, count = regimes.learning_rate_range(descent.fn, descent.w0, descent.lr)
    spacing = live_context.spacing_for(*x_range, 61)
    controls = (
        Drag(
            ("w0",),
            trace="start",
            label="start w₀",
            point=0,
            steps=live_context.steps_for(*x_range, spacing),
            colour=style.CURRENT,
        ),
        Range("lr", steps=count),
    )
    bounds = {"w0": x_range, "lr": (low, high)}
    key = (descent.fn.key, descent.steps, tuple(sorted(bounds.items())))
    draw = live_context.keyed(_draw, key, fn_key, expression, descent.steps, x_range)
    shown = live_context.narrowed(state, bounds)
    live_chart.show(shown, draw, controls, key="descent_live", alt=sentence)
    st.caption(live_words.DESCENT_LIVE_CAPTION)
