"""The 2-D view's optimiser paths: each one's method and hyper-parameters."""

from __future__ import annotations

from typing import Any

import streamlit as st

from core import gradient_descent as gd
from ui.url_state import PageState, Param

OPTIMISERS = dict(gd.METHODS)
PATHS = (1, 2, 3)
PATH_NAMES = {1: "Path 1 (blue)", 2: "Path 2 (orange)", 3: "Path 3 (green)"}
DEFAULT_PATHS: dict[int, dict[str, Any]] = {
    1: {"method": "gd", "lr": 0.09},
    2: {"method": "momentum", "lr": 0.02, "momentum": 0.7},
    3: {"method": "adam", "lr": 0.3},
}
#: The hyper-parameters each optimiser shows: core argument -> URL key suffix.
HYPER_PARAMETERS: dict[str, dict[str, str]] = {
    "gd": {},
    "momentum": {"momentum": "mom"},
    "rmsprop": {"rho": "rho"},
    "adam": {"beta1": "b1", "beta2": "b2"},
}


def path_params(i: int) -> tuple[Param, ...]:
    """Path ``i``'s controls: ``p{i}`` (the method), ``p{i}lr``, ``p{i}mom``, …"""
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


def _path_controls(state: PageState, i: int) -> gd.Optimiser | None:
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


def optimisers(state: PageState) -> tuple[gd.Optimiser, ...]:
    """Every path's expander; the optimisers that are not off."""
    chosen = (_path_controls(state, i) for i in PATHS)
    return tuple(o for o in chosen if o is not None)
