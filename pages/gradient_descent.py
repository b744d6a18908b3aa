"""Derivatives and gradient descent: tangents, learning-rate regimes, optimisers in 2-D."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from core import gradient_descent as gd
from core.parsing import format_number
from ui import page
from ui.code_panel import code_panel
from ui.url_state import Param
from viz import gradient_descent as viz

FUNCTION_LABELS = {
    "square": "w²  (the notebook's loss)",
    "shifted": "(w − 3)²  (minimum at 3)",
    "two_minima": "w⁴ − 3w² + w  (two minima)",
    "quartic": "w⁴  (flat bottom)",
    "log_cosh": "log cosh w  (steep far out, round near 0)",
}
SURFACE_LABELS = {key: s.label for key, s in gd.SURFACES.items()}
OPTIMISERS = dict(gd.METHODS)
PATHS = (1, 2, 3)
PATH_NAMES = {1: "Path 1 (blue)", 2: "Path 2 (orange)", 3: "Path 3 (green)"}
DEFAULT_PATHS: dict[int, dict[str, Any]] = {
    1: {"method": "gd", "lr": 0.09},
    2: {"method": "momentum", "lr": 0.02, "momentum": 0.7},
    3: {"method": "adam", "lr": 0.3},
}


def _path_params(i: int) -> tuple[Param, ...]:
    defaults = DEFAULT_PATHS[i]
    return (
        Param.choice(
            f"p{i}",
            "Optimiser",
            defaults["method"],
            OPTIMISERS if i == 1 else {**OPTIMISERS, "off": "Off"},
            widget="select",
        ),
        Param.number(
            f"p{i}lr",
            "Learning rate α",
            defaults["lr"],
            min_value=0.001,
            max_value=2.0,
            step=0.001,
            number_format="%.3f",
        ),
        Param.number(
            f"p{i}mom",
            "Momentum β",
            defaults.get("momentum", 0.9),
            min_value=0.0,
            max_value=0.99,
            step=0.01,
            help="How much of the previous step is kept: 0 is plain gradient descent.",
        ),
        Param.number(
            f"p{i}rho",
            "Decay ρ",
            0.9,
            min_value=0.0,
            max_value=0.999,
            step=0.001,
            number_format="%.3f",
            help="How long RMSProp remembers the squared gradients.",
        ),
        Param.number(
            f"p{i}b1",
            "β₁ (mean)",
            0.9,
            min_value=0.0,
            max_value=0.99,
            step=0.01,
            help="Adam's memory of the gradient (its momentum).",
        ),
        Param.number(
            f"p{i}b2",
            "β₂ (mean square)",
            0.999,
            min_value=0.0,
            max_value=0.9999,
            step=0.0001,
            number_format="%.4f",
            help="Adam's memory of the squared gradient (its step-size scaling).",
        ),
    )


PARAMS = (
    Param.choice(
        "view",
        "Show",
        "descent",
        {
            "derivative": "Derivative",
            "descent": "Descent",
            "race": "2-D",
        },
        widget="segmented",
    ),
    Param.choice("fn", "Loss function", "square", FUNCTION_LABELS, widget="select"),
    Param.number(
        "w",
        "w (where to take the slope)",
        5.0,
        min_value=-10.0,
        max_value=10.0,
        step=0.1,
    ),
    Param.number(
        "h",
        "Finite-difference step h",
        0.5,
        min_value=0.001,
        max_value=2.0,
        step=0.001,
        number_format="%.3f",
        help="The estimate uses f(w − h) and f(w + h); smaller h, better estimate.",
    ),
    Param.number("w0", "Start w₀", 5.0, min_value=-10.0, max_value=10.0, step=0.1),
    Param.number(
        "lr",
        "Learning rate lr",
        0.1,
        min_value=0.001,
        max_value=4.0,
        step=0.001,
        number_format="%.3f",
    ),
    Param.integer("steps", "Steps taken", 1, min_value=0, max_value=gd.MAX_STEPS_1D),
    Param.toggle("log", "Log scale for the loss", False),
    Param.choice("surface", "Surface", "elongated", SURFACE_LABELS, widget="select"),
    Param.number("x0", "Start x₀", -3.5, min_value=-5.0, max_value=5.0, step=0.1),
    Param.number("y0", "Start y₀", 1.5, min_value=-5.0, max_value=5.0, step=0.1),
    Param.integer("steps2d", "Steps", 60, min_value=0, max_value=gd.MAX_STEPS_2D),
    *(param for i in PATHS for param in _path_params(i)),
    Param.toggle("surface3d", "Also show the 3-D surface", False),
)

#: Learning rates that show each regime of gradient descent on w².
REGIME_PRESETS = {
    "Smooth (0.1)": {"lr": 0.1, "steps": 20},
    "One step (0.5)": {"lr": 0.5, "steps": 5},
    "Oscillating (0.8)": {"lr": 0.8, "steps": 20},
    "Bouncing (1.0)": {"lr": 1.0, "steps": 10},
    "Diverging (1.1)": {"lr": 1.1, "steps": 100},
}
SURFACE_KEY = "_gd_surface_shown"
GRID = 61


@st.cache_resource(max_entries=64, show_spinner=False)
def _descend(key: str, w0: float, lr: float, steps: int) -> gd.Descent1D:
    return gd.descend_1d(key, w0, lr, steps)


@st.cache_resource(max_entries=64, show_spinner=False)
def _race(
    surface: str,
    start: tuple[float, float],
    optimisers: tuple[gd.Optimiser, ...],
    steps: int,
) -> gd.Race:
    return gd.race(surface, start, optimisers, steps)


@st.cache_resource(max_entries=32, show_spinner=False)
def _race_figure(
    surface: str,
    start: tuple[float, float],
    optimisers: tuple[gd.Optimiser, ...],
    steps: int,
) -> go.Figure:
    """The contour with its paths and frames (pure, so shared by every session)."""
    race = _race(surface, start, optimisers, steps)
    x_range, y_range = gd.plot_ranges(race.surface, race.start)
    return viz.race_figure(race, _grid(surface, x_range, y_range), pickable=True)


@st.cache_resource(max_entries=64, show_spinner=False)
def _descent_figure(key: str, w0: float, lr: float, steps: int) -> go.Figure:
    return viz.descent_figure(_descend(key, w0, lr, steps))


@st.cache_data(max_entries=32, show_spinner=False)
def _grid(
    surface: str, x_range: tuple[float, float], y_range: tuple[float, float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return gd.surface_grid(surface, x_range, y_range, GRID)


state = page.start(
    "gradient-descent",
    "Derivatives & gradient descent",
    PARAMS,
    intro=(
        "A **derivative** is the slope of the loss: it says which way is downhill. "
        "**Gradient descent** takes a step downhill, `w ← w − lr · f′(w)`, again and "
        "again; the **learning rate** `lr` decides how big each step is — too small "
        "and it crawls, too big and it overshoots or blows up. *(Notebook cell 5: "
        "one step from w = 5 with lr = 0.1 on loss = w² gives w = 4.0.)*"
    ),
)


def _add_steps(extra: int) -> None:
    now = state.value("steps")
    state.set_values({"steps": max(0, min(gd.MAX_STEPS_1D, now + extra))})


def _start_from_click() -> None:
    """A click on the contour's invisible lattice sets the start point there."""
    event: Any = st.session_state.get("race")
    points = (event or {}).get("selection", {}).get("points", [])
    if not points:
        return
    x, y = points[0].get("x"), points[0].get("y")
    if x is None or y is None:
        return
    limit = gd.MAX_ABS_START
    state.set_values(
        {
            "x0": round(min(limit, max(-limit, float(x))), 1),
            "y0": round(min(limit, max(-limit, float(y))), 1),
        }
    )


def _follow_surface(surface: str) -> None:
    """Picking another surface moves the start to a good place on it."""
    shown = st.session_state.get(SURFACE_KEY)
    if shown is not None and shown != surface:
        x, y = gd.SURFACES[surface].default_start
        state.set_values({"x0": x, "y0": y})
    st.session_state[SURFACE_KEY] = surface


controls, main = page.columns()

with controls:
    view = state.widget("view")
    if view == "derivative":
        fn_key = state.widget("fn")
        w = state.widget("w")
        h = state.widget("h")
    elif view == "descent":
        fn_key = state.widget("fn")
        w0 = state.widget("w0")
        lr = state.widget("lr")
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
        steps = state.widget("steps")
        st.caption("Take more steps:")
        with st.container(horizontal=True, gap="small"):
            for extra in (1, 10, 100):
                st.button(
                    f"+{extra}",
                    key=f"add_{extra}",
                    on_click=_add_steps,
                    args=(extra,),
                    help=f"Take {extra} more step{'s' if extra > 1 else ''}.",
                )
            st.button(
                "Back to 0",
                key="steps_zero",
                on_click=state.set_values,
                args=({"steps": 0},),
                help="Back to the start, before any step.",
            )
        log_scale = state.widget("log")
    else:
        surface_key = state.widget("surface")
        _follow_surface(surface_key)
        x0 = state.widget("x0")
        y0 = state.widget("y0")
        steps2d = state.widget("steps2d")
        chosen: list[gd.Optimiser] = []
        for i in PATHS:
            now = OPTIMISERS.get(state.value(f"p{i}"), "off")
            with st.expander(f"{PATH_NAMES[i]}: {now}", expanded=i == 1):
                method = state.widget(f"p{i}")
                if method == "off":
                    continue
                lr_i = state.widget(f"p{i}lr")
                extra: dict[str, float] = {}
                if method == "momentum":
                    extra["momentum"] = state.widget(f"p{i}mom")
                elif method == "rmsprop":
                    extra["rho"] = state.widget(f"p{i}rho")
                elif method == "adam":
                    extra["beta1"] = state.widget(f"p{i}b1")
                    extra["beta2"] = state.widget(f"p{i}b2")
                chosen.append(gd.Optimiser(method, lr_i, **extra))
        log_scale = state.widget("log")
        show_3d = state.widget("surface3d")
    page.reset_button(state)
    state.sync_url()

if view == "derivative":
    with controls:
        derivative = page.compute("derivative", gd.derivative_at, fn_key, w, h)
    with main:
        page.formula(gd.derivative_latex(derivative))
        words = gd.describe_derivative(derivative)
        page.explain(words)
        cells = st.columns(4)
        cells[0].metric("exact f′(w)", format_number(derivative.slope, 6))
        cells[1].metric(
            "central difference",
            format_number(derivative.central, 6),
            delta=f"error {format_number(derivative.central_error, 3)}",
            delta_color="off",
            delta_arrow="off",
            help="(f(w + h) − f(w − h)) / 2h: the slope of the orange secant.",
        )
        cells[2].metric(
            "forward difference",
            format_number(derivative.forward, 6),
            delta=f"error {format_number(derivative.forward_error, 3)}",
            delta_color="off",
            delta_arrow="off",
            help="(f(w + h) − f(w)) / h: one-sided, so its error shrinks only like h.",
        )
        cells[3].metric("loss f(w)", format_number(derivative.value, 6))
        page.chart(viz.derivative_figure(derivative), key="derivative", alt=words)
        code_panel(
            gd.derivative_code(derivative), gd.derivative_code_result(derivative)
        )
elif view == "descent":
    with controls:
        descent = page.compute("descent", _descend, fn_key, w0, lr, steps)
    with main:
        page.formula(gd.descent_latex(descent))
        words = gd.describe_descent(descent)
        if descent.path.diverged_at is not None:
            st.warning(gd.divergence_message(descent.path).capitalize(), icon="💥")
        page.explain(words)
        page.chart(
            _descent_figure(descent.fn.key, descent.w0, descent.lr, descent.steps),
            key="descent",
            alt=words,
        )
        st.caption(
            "▶ Play replays the steps in your browser; drag the step slider under the "
            "chart to scrub through them."
        )
        left, right = st.columns([0.9, 1.4])
        with left:
            page.chart(
                viz.loss_steps_figure(descent, log_scale=log_scale),
                key="descent_loss",
                alt=f"The loss after each of the {descent.path.steps_taken} steps.",
            )
        with right:
            st.dataframe(
                gd.descent_table(descent),
                height=330,
                width="stretch",
                hide_index=True,
                column_config={
                    "w": st.column_config.NumberColumn(format="%.6g"),
                    "f′(w)": st.column_config.NumberColumn(
                        format="%.6g", help="The slope (gradient) at w."
                    ),
                    "update": st.column_config.NumberColumn(
                        format="%.6g", help="−lr·f′(w): how far the next step moves w."
                    ),
                    "loss": st.column_config.NumberColumn(format="%.6g"),
                },
            )
        code_panel(gd.descent_code(descent), gd.descent_code_result(descent))
else:
    with controls:
        race = page.compute(
            "race", _race, surface_key, (x0, y0), tuple(chosen), steps2d
        )
    x_range, y_range = gd.plot_ranges(race.surface, race.start)
    grid = _grid(race.surface.key, x_range, y_range)
    with main:
        for line in gd.race_latex(race):
            page.formula(line)
        words = gd.describe_race(race)
        page.explain(words)
        st.plotly_chart(
            _race_figure(race.surface.key, race.start, race.optimisers, race.steps),
            key="race",
            width="stretch",
            theme=None,
            config=page.CHART_CONFIG,
            alt=words,
            on_select=_start_from_click,
            selection_mode="points",
        )
        st.caption(
            "Click anywhere on the contour to start there. ▶ Play races the paths in "
            "your browser."
        )
        page.chart(
            viz.race_loss_figure(race, log_scale=log_scale),
            key="race_loss",
            alt="The loss of each optimiser after every step.",
        )
        if show_3d:
            page.chart(viz.surface_3d_figure(race, grid), key="race_3d", alt=words)
        code_panel(gd.race_code(race), gd.race_code_result(race))
