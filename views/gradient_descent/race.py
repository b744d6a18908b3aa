"""2-D: up to three optimisers racing from one start on one surface."""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from core import gradient_descent as gd
from text import gradient_descent as words
from ui import page
from ui.code_panel import code_panel
from ui.page import Frame, View
from ui.url_state import PageState, Param
from views.gradient_descent.common import LOG_SCALE
from views.gradient_descent.paths import PATHS, optimisers, path_params
from views.gradient_descent.race_live import live_race
from viz import gradient_descent as viz

PARAMS = (
    Param.choice(
        "surface",
        "Surface",
        "elongated",
        {
            **{key: s.label for key, s in gd.SURFACES.items()},
            gd.CUSTOM: "Your own f(x, y)…",
        },
        widget="select",
    ),
    Param.text(
        "fxy",
        "f(x, y) =",
        "(1 - x)**2 + 100*(y - x**2)**2",
        help=(
            "Type a function of x and y with numbers, + − * / ** (or ^), parentheses "
            "and sin cos tan exp log sqrt abs tanh. Press Enter to apply."
        ),
        max_chars=200,
        validate=gd.custom_surface,
    ),
    Param.number("x0", "Start x₀", -3.5, min_value=-5.0, max_value=5.0, step=0.1),
    Param.number("y0", "Start y₀", 1.5, min_value=-5.0, max_value=5.0, step=0.1),
    Param.integer("steps2d", "Steps", 60, min_value=0, max_value=gd.MAX_STEPS_2D),
    *(param for i in PATHS for param in path_params(i)),
    LOG_SCALE,
    Param.toggle("surface3d", "Also show the 3-D surface", False),
)
#: Session key of the surface drawn last (a new surface moves the start).
SURFACE_SHOWN = "_gd_surface_shown"


def _start_from_click(state: PageState) -> None:
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


def _follow_surface(state: PageState, surface: str, expression: str) -> None:
    """Picking another surface (or typing another f) moves the start to a good place on it."""
    shown = st.session_state.get(SURFACE_SHOWN)
    now = (surface, expression)
    if shown is not None and shown != now:
        try:
            x, y = gd.get_surface(surface, expression).default_start
        except ValueError:  # the race below shows the message
            x, y = state.value("x0"), state.value("y0")
        state.set_values({"x0": x, "y0": y})
    st.session_state[SURFACE_SHOWN] = now


def _contour(state: PageState, race: gd.Race, sentence: str) -> None:
    """The race played step by step on a clickable contour (a click starts it there).

    In an expander built only while open: its frames (one a step) were 117 KB and
    a fifth of the server's work of every change, wanted by few of them.
    """
    play = st.expander(words.RACE_PLAY_LABEL, key=PLAY_KEY, on_change="rerun")
    if not play.open:
        return
    with play:
        page.chart(
            page.figure_of(viz.race_contour, race),
            key="race",
            alt=sentence,
            on_select=partial(_start_from_click, state),
            selection_mode="points",
        )
        st.caption(words.RACE_CAPTION)


#: The "Play the race" expander's widget key (it tells the page whether it is open).
PLAY_KEY = "race_play"


def render(state: PageState, frame: Frame) -> None:
    """Surface, start, steps and paths; the race on the contour, its losses, the code."""
    with frame.controls:
        surface_key = state.widget("surface")
        expression = state.widget("fxy") if surface_key == gd.CUSTOM else ""
        _follow_surface(state, surface_key, expression)
        start = (state.widget("x0"), state.widget("y0"))
        steps = state.widget("steps2d")
        chosen = optimisers(state)
        log_scale = state.widget("log")
        show_3d = state.widget("surface3d")
        race = page.compute(
            "race", gd.race, surface_key, start, chosen, steps, expression, shared=True
        )
    with frame.main:
        surface_line, *update_rules = words.race_latex(race)
        page.formula(surface_line)
        sentence = words.describe_race(race)
        live_race(state, race, surface_key, expression, sentence)  # first screen
        for line in update_rules:
            page.formula(line)
        page.explain(sentence)
        losses = page.figure_of(viz.race_loss_figure, race, log_scale)
        page.chart(losses, key="race_loss", alt=words.LOSS_ALT)
        if show_3d:
            surface = page.figure_of(viz.surface_3d_figure, race)
            page.chart(surface, key="race_3d", alt=sentence)
        _contour(state, race, sentence)
        code_panel(words.race_code(race), words.race_code_result(race))


VIEW = View("race", "2-D", PARAMS, render)
