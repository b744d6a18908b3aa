"""The Descent view's step controls: learning-rate presets, the step count, +1/+10/+100."""

from __future__ import annotations

import streamlit as st

from core import gradient_descent as gd
from ui.url_state import PageState
from ui.widgets import flex_row

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
    row = flex_row()
    for index, (label, values) in enumerate(REGIME_PRESETS.items()):
        row.button(
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
