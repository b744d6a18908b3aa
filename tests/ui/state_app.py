"""A tiny page with one parameter of each kind, for testing ui.url_state."""

import streamlit as st

from ui.url_state import PageState, Param

PARAMS = (
    Param.number("x", "x", 1.5, min_value=-5, max_value=5, step=0.5),
    Param.integer("n", "n", 10, min_value=1, max_value=100),
    Param.choice("mode", "Mode", "fast", {"fast": "Fast", "slow": "Slow"}),
    Param.toggle("flag", "Flag", False),
    Param.text(
        "data", "Data", "1, 2, 3", validate=lambda s: [float(t) for t in s.split(",")]
    ),
)
state = PageState("state-test", PARAMS)
state.show_notes()
# like a page's views: "n" is only drawn in fast mode
values = {
    name: state.widget(name)
    for name in state.params
    if name != "n" or state.value("mode") == "fast"
}
values["n"] = state.value("n")
state.sync_url()
st.write(repr(values))
st.button("preset", on_click=state.set_values, args=({"x": -2.5, "mode": "slow"},))
st.button("reset", on_click=state.reset)
