"""The "Show the NumPy code" panel: code a learner can paste, and its output."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import notebook_download as take_home
from ui import predict


class Output(str):
    """Output text to show as it is (not through ``repr``), e.g. several values."""


TITLE = "Show the NumPy code"
#: The widget keys of a view's code panels, in the order the view draws them.
KEY_PREFIX = "_code_panel_"


def key_of(index: int) -> str:
    """The key of the view's ``index``-th code panel (it says whether it is open)."""
    return f"{KEY_PREFIX}{index}"


def code_panel(
    code: str, result: Any, *, title: str = TITLE, expanded: bool = False
) -> None:
    """Show ``code`` (notebook style, current values filled in) and its output.

    ``result`` is what the page computed for the code's last line; it is shown
    as ``repr(result)``, the way a notebook prints an ``Out[ ]`` cell. Tests run
    ``code`` in a fresh namespace and compare its last line's value with this.
    """
    output = result if isinstance(result, Output) else repr(result)
    if predict.masked_output(output) is None:  # the learner is predicting
        result, output = Output(output), predict.HIDDEN_OUTPUT
    panel = st.expander(
        title, expanded=expanded, key=key_of(take_home.code_cells()), on_change="rerun"
    )
    take_home.add_code(code, None if isinstance(result, Output) else output)
    if not panel.open:  # built only while open: most changes are made with it shut
        return
    with panel:
        st.caption(
            "Paste this into Python (with NumPy installed) to get exactly the numbers "
            "on this page."
        )
        st.code(code, language="python")
        st.caption("Output")
        st.code(output, language="text")
