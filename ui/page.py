"""The page skeleton every topic page follows.

::

    state = page.start("equations", "Equations", PARAMS, intro="...")
    controls, main = page.columns()
    with controls:
        a = state.widget("a")
        state.sync_url()
        result = page.compute("solve", core_fn, a)   # st.error on ValueError
    with main:
        page.formula(r"x = -b/a")
        page.explain("...")                           # also the chart's alt text
        page.chart(fig, key="line", alt="...")
        code_panel(code, output)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import plotly.graph_objects as go
import streamlit as st

from ui.url_state import PageState, Param

T = TypeVar("T")
_LAST_GOOD = "_last_good_"

#: Plotly's own toolbar, trimmed to what a learner uses. Nothing here loads from the web.
CHART_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    "responsive": True,
    "typesetMath": False,
}


def start(
    page_id: str, title: str, params: Sequence[Param], *, intro: str
) -> PageState:
    """Title, one-paragraph intro, URL state (with notes on ignored link values)."""
    st.title(title)
    st.markdown(intro)
    state = PageState(page_id, params)
    state.show_notes()
    return state


def columns(ratio: tuple[float, float] = (1.0, 2.2)) -> Sequence[Any]:
    """Controls on the left, the chart and its explanation on the right."""
    return st.columns(list(ratio), gap="large")


def reset_button(state: PageState, label: str = "↺ Notebook example") -> None:
    """A button that brings every control back to its default (the notebook's cell)."""
    st.button(label, on_click=state.reset, help="Back to the values of the notebook.")


def show_error(exc: Exception) -> None:
    """Show a learner-facing message for a ``ValueError`` from ``core``."""
    st.error(str(exc), icon="⚠️")


def compute(key: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``fn``; on ``ValueError`` show it and fall back to the last good result.

    The last good result is kept per session under ``key``, so a typo never
    blanks the chart. With no good result yet, the page stops here (after the
    error is shown): there is nothing meaningful to draw.
    """
    try:
        result = fn(*args, **kwargs)
    except ValueError as exc:
        show_error(exc)
        last = st.session_state.get(_LAST_GOOD + key)
        if last is None:
            st.stop()
        st.caption("The charts show the last valid input until this is fixed.")
        return last  # type: ignore[no-any-return]
    st.session_state[_LAST_GOOD + key] = result
    return result


def formula(latex: str) -> None:
    """The formula with today's numbers substituted."""
    st.latex(latex)


def explain(text: str) -> None:
    """One or two sentences saying what the chart shows right now."""
    st.markdown(text)


def chart(fig: go.Figure, *, key: str, alt: str) -> None:
    """Show a figure; ``alt`` (the explanation sentence) is its text alternative."""
    alt = alt.replace("**", "").replace("`", "")  # markdown is not for screen readers
    st.plotly_chart(
        fig, key=key, width="stretch", theme=None, config=CHART_CONFIG, alt=alt
    )
