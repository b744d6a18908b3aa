"""A change inside the view reruns the view, not the page (``st.fragment``).

:func:`ui.page.run` draws what every page shares around the view (the title, the
style and the intro, notes on ignored link values, the **Show** picker, the live
class bar) and then the view in a fragment: :func:`show`. A widget drawn inside
it (a slider, a live chart's release, the reset button, the presentation switch,
"Predict first", **Share this view**) makes Streamlit rerun the fragment alone,
not ``app.py`` and the page around it: ~2 ms of script time and ~5 KB of
messages a change used to spend on them, ~3 ms of server CPU per change in all
(``python -m benchmarks.rerun_cpu``: statistics 12.7 -> 9.7 ms).

What the page around the view shows depends on three values a widget inside may
change (:data:`AROUND`): the view itself (the reset button brings back the
notebook's view), presentation mode (the title's size, the intro) and the class
link (``class=``: the live class bar). The fragment starts by comparing them with
what the page around it was drawn with; if one changed it asks for a full rerun
(``st.rerun()``), so the page is then exactly what a full rerun would draw.
Everything else the view draws (take-home buttons, the share link, the address
bar through ``PageState.sync_url``) is inside the fragment and follows.

A full rerun happens as before for the **Show** picker and the live class (both
outside the view), Back and Forward, a resumed session and a timer fragment that
asks for one. A new session whose first run is a fragment rerun (the server lost
the old one) holds no fragment yet: ``serving.lost_fragments`` makes that run a
full one, so the learner's change is not dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.live_class import CLASS
from ui.presentation import PRESENT
from ui.url_state import PageState

__all__ = ["AROUND", "around", "show"]

#: The values the page around the view is drawn from, which a widget in the view
#: may change: the view (reset), presentation mode (its switch) and the class.
AROUND = ("view", PRESENT.name, CLASS.name)
_DRAWN = "_view_fragment_around"


def around(state: PageState) -> tuple[Any, ...]:
    """The values of :data:`AROUND` (those this page has) as this run sees them."""
    return tuple(state.value(name) for name in AROUND if name in state.params)


def show(state: PageState, draw: Callable[[], None]) -> None:
    """``draw()`` in a fragment; the page around it was drawn from ``state`` now."""
    st.session_state[_DRAWN] = around(state)
    _view(state, draw)


@st.fragment
def _view(state: PageState, draw: Callable[[], None]) -> None:
    # On a fragment rerun ``state`` and ``draw`` are those of the last full run:
    # the same page, view and PageState (its values live in the session).
    if around(state) != st.session_state.get(_DRAWN):
        st.rerun()  # the page around the view changes too: draw it all
    draw()
