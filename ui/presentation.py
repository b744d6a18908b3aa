"""Presentation mode, and the style every page carries for every learner.

Presentation mode (the switch under each view's controls, or ``?present=1`` in a
link) is for the projector: body text at least 28 px, chart text at least 24 px
with thick lines and a high-contrast palette of the same meanings
(``viz.presentation``), the sidebar and Streamlit's chrome hidden, the intro left
out so the chart is on screen without scrolling at 1920 × 1080.

Every page also gets, in both modes:

- a visible focus ring on whatever the keyboard is on (some of Streamlit's
  widgets only change a border colour);
- no motion for a reader who asked for less (``prefers-reduced-motion``): CSS
  transitions and animations off, and the charts' Play / Pause buttons hidden,
  since Plotly plays frames whatever the browser says; the frame slider, whose
  steps jump without a transition, stays.

The style is one ``<style>`` block of constant text (``st.html``; the server's
CSP allows inline styles).
"""

from __future__ import annotations

from typing import cast

import plotly.graph_objects as go
import streamlit as st

from ui.url_state import PageState, Param
from viz.presentation import is_presented, present
from viz.style import freeze

__all__ = ["PRESENT", "begin", "figure", "on", "switch"]

PRESENT = Param.toggle(
    "present",
    "Presentation mode",
    False,
    help="For a projector: big text, thick lines, no sidebar. A link with "
    "present=1 opens the page this way.",
)
_ON = "_presentation_on_"
_COPY = "_presented_copy"
#: The focus colour: the CURRENT blue's darker twin (7:1 on white).
RING = "#005B8E"

#: Every page, both modes.
BASE_CSS = f"""
*:focus-visible {{
  outline: 3px solid {RING} !important;
  outline-offset: 2px !important;
}}
[data-baseweb="input"]:focus-within, [data-baseweb="textarea"]:focus-within,
[data-baseweb="select"] > div:focus-within {{
  outline: 3px solid {RING} !important;
  outline-offset: 1px;
}}
[data-testid="stCheckbox"] label:has(input:focus-visible) > span + div {{
  outline: 3px solid {RING} !important;
  outline-offset: 2px;
}}
.js-plotly-plot .modebar--hover > .modebar-group:focus-within,
[data-testid="stElementToolbar"]:focus-within {{ opacity: 1 !important; }}
@media (prefers-reduced-motion: reduce) {{
  *, *::before, *::after {{
    animation-duration: 0s !important;
    animation-iteration-count: 1 !important;
    transition-duration: 0s !important;
    transition-delay: 0s !important;
    scroll-behavior: auto !important;
  }}
  .js-plotly-plot .updatemenu-container {{ display: none !important; }}
}}
"""

#: Presentation mode only.
PRESENT_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stHeaderActionElements"] { display: none !important; }
[data-testid="stMainBlockContainer"] {
  padding: 0.75rem 2rem 3rem !important;
  max-width: none !important;
}
[data-testid="stMain"] { font-size: 28px; }
[data-testid="stMain"] :is(p, li, label, button, input, textarea, summary, td, th,
    [data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"],
    [data-testid="stWidgetLabel"], [data-testid="stSliderThumbValue"],
    [data-testid="stSliderTickBarMin"], [data-testid="stSliderTickBarMax"],
    [data-testid="stMetricLabel"], [data-baseweb="select"] div,
    [data-baseweb="tab"], code, pre) {
  font-size: 28px !important;
  line-height: 1.35 !important;
}
[data-testid="stMain"] [data-testid="stMetricValue"] { font-size: 44px !important; }
[data-testid="stMain"] h1 { font-size: 44px !important; padding: 0 0 0.3rem !important; }
[data-testid="stMain"] :is(h2, h3) { font-size: 34px !important; }
[data-testid="stMain"] .katex { font-size: 34px !important; }
[data-testid="stMain"] .katex .katex { font-size: 1em !important; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.6rem; }
[data-testid="stMain"] [data-testid="stSlider"] > [role="group"] { margin-top: 0.7em; }
/* In a column, the first chart (or the row holding it) and its numbers come first:
   above the fold on a 1080-pixel screen, with the formula and the sentence under it. */
[data-testid="stColumn"] [data-testid="stVerticalBlock"] > :has(
    .js-plotly-plot):not(:has(.js-plotly-plot) ~ *),
[data-testid="stColumn"] [data-testid="stVerticalBlock"] > :has(
    .js-plotly-plot):not(:has(.js-plotly-plot) ~ *)
    + [class*="st-key-numbers_"] { order: -1; }
"""


def begin(state: PageState) -> bool:
    """This run's style; True if the page is presented (its figures follow :func:`on`)."""
    presenting = PRESENT.name in state.params and bool(state.value(PRESENT.name))
    st.session_state[_ON] = presenting
    st.html(f"<style>{BASE_CSS}{PRESENT_CSS if presenting else ''}</style>")
    return presenting


def on() -> bool:
    """True while this run presents the page (set by :func:`begin`)."""
    return bool(st.session_state.get(_ON, False))


def switch(state: PageState) -> None:
    """The presentation-mode switch (unless the page has none, or a link hides it)."""
    if PRESENT.name in state.params:
        state.widget(PRESENT.name)


def figure(fig: go.Figure) -> go.Figure:
    """``fig`` as this run shows it: presented in presentation mode.

    The presented copy is kept on the figure, so a figure from ``page.figure_of``
    (cached and shared by sessions) is presented once, not on every rerun; its
    copy is frozen like it (``viz.style.freeze``).
    """
    if not on() or is_presented(fig):
        return fig
    copy = fig.__dict__.get(_COPY)
    if copy is None:
        copy = freeze(present(fig))
        fig.__dict__[_COPY] = copy  # two sessions at once: both build the same
    return cast(go.Figure, copy)
