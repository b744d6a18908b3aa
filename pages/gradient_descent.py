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


#: The hyper-parameters each optimiser shows: core argument -> URL key suffix.
HYPER_PARAMETERS = {
    "gd": {},
    "momentum": {"momentum": "mom"},
    "rmsprop": {"rho": "rho"},
    "adam": {"beta1": "b1", "beta2": "b2"},
}
TABLE_COLUMNS = {
    "w": st.column_config.NumberColumn(format="%.6g"),
    "f′(w)": st.column_config.NumberColumn(
        format="%.6g", help="The slope (gradient) at w."
    ),
    "update": st.column_config.NumberColumn(
        format="%.6g", help="−lr·f′(w): how far the next step moves w."
    ),
    "loss": st.column_config.NumberColumn(format="%.6g"),
}


def _finish_controls() -> None:
    page.reset_button(state)
    state.sync_url()


def _error_metric(
    column: Any, label: str, value: float, error: float, help: str
) -> None:
    column.metric(
        label,
        format_number(value, 6),
        delta=f"error {format_number(error, 3)}",
        delta_color="off",
        delta_arrow="off",
        help=help,
    )


def derivative_view() -> None:
    with controls:
        fn_key, w, h = (state.widget(name) for name in ("fn", "w", "h"))
        _finish_controls()
        d = page.compute("derivative", gd.derivative_at, fn_key, w, h)
    with main:
        page.formula(gd.derivative_latex(d))
        words = gd.describe_derivative(d)
        page.explain(words)
        cells = st.columns(4)
        cells[0].metric("exact f′(w)", format_number(d.slope, 6))
        _error_metric(
            cells[1],
            "central difference",
            d.central,
            d.central_error,
            "(f(w + h) − f(w − h)) / 2h: the slope of the orange secant.",
        )
        _error_metric(
            cells[2],
            "forward difference",
            d.forward,
            d.forward_error,
            "(f(w + h) − f(w)) / h: one-sided, so its error shrinks only like h.",
        )
        cells[3].metric("loss f(w)", format_number(d.value, 6))
        page.chart(viz.derivative_figure(d), key="derivative", alt=words)
        code_panel(gd.derivative_code(d), gd.derivative_code_result(d))


def _step_buttons() -> int:
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
    row = st.container(horizontal=True, gap="small")
    for extra in (1, 10, 100):
        row.button(
            f"+{extra}",
            key=f"add_{extra}",
            on_click=_add_steps,
            args=(extra,),
            help=f"Take {extra} more step{'s' if extra > 1 else ''}.",
        )
    row.button(
        "Back to 0",
        key="steps_zero",
        on_click=state.set_values,
        args=({"steps": 0},),
        help="Back to the start, before any step.",
    )
    return steps


def descent_view() -> None:
    with controls:
        fn_key, w0, lr = (state.widget(name) for name in ("fn", "w0", "lr"))
        steps = _step_buttons()
        log_scale = state.widget("log")
        _finish_controls()
        descent = page.compute("descent", _descend, fn_key, w0, lr, steps)
    with main:
        page.formula(gd.descent_latex(descent))
        words = gd.describe_descent(descent)
        if descent.path.diverged_at is not None:
            st.warning(gd.divergence_message(descent.path).capitalize(), icon="💥")
        page.explain(words)
        figure = _descent_figure(descent.fn.key, descent.w0, descent.lr, descent.steps)
        page.chart(figure, key="descent", alt=words)
        st.caption(
            "▶ Play replays the steps in your browser; drag the step slider under the "
            "chart to scrub through them."
        )
        left, right = st.columns([0.9, 1.4])
        left_chart = viz.loss_steps_figure(descent, log_scale=log_scale)
        alt = f"The loss after each of the {descent.path.steps_taken} steps."
        with left:
            page.chart(left_chart, key="descent_loss", alt=alt)
        right.dataframe(
            gd.descent_table(descent),
            height=330,
            width="stretch",
            hide_index=True,
            column_config=TABLE_COLUMNS,
        )
        code_panel(gd.descent_code(descent), gd.descent_code_result(descent))


def _path_controls(i: int) -> gd.Optimiser | None:
    """One optimiser's expander: its method and only the hyper-parameters it uses."""
    now = OPTIMISERS.get(state.value(f"p{i}"), "off")
    with st.expander(f"{PATH_NAMES[i]}: {now}", expanded=i == 1):
        method = state.widget(f"p{i}")
        if method == "off":
            return None
        lr = state.widget(f"p{i}lr")
        extra = {
            argument: state.widget(f"p{i}{suffix}")
            for argument, suffix in HYPER_PARAMETERS[method].items()
        }
    return gd.Optimiser(method, lr, **extra)


def race_view() -> None:
    with controls:
        surface_key = state.widget("surface")
        _follow_surface(surface_key)
        start = (state.widget("x0"), state.widget("y0"))
        steps = state.widget("steps2d")
        chosen = tuple(o for o in map(_path_controls, PATHS) if o is not None)
        log_scale = state.widget("log")
        show_3d = state.widget("surface3d")
        _finish_controls()
        race = page.compute("race", _race, surface_key, start, chosen, steps)
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
        loss_chart = viz.race_loss_figure(race, log_scale=log_scale)
        alt = "The loss of each optimiser after every step."
        page.chart(loss_chart, key="race_loss", alt=alt)
        if show_3d:
            grid = _grid(race.surface.key, *gd.plot_ranges(race.surface, race.start))
            page.chart(viz.surface_3d_figure(race, grid), key="race_3d", alt=words)
        code_panel(gd.race_code(race), gd.race_code_result(race))


VIEWS = {"derivative": derivative_view, "descent": descent_view, "race": race_view}

controls, main = page.columns()
with controls:
    view = state.widget("view")
VIEWS[view]()
