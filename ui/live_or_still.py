"""A live chart, or the view's last good chart while the controls' values are bad.

Every chart of the explorer keeps its last good picture when an input is bad:
``page.compute`` shows the error and returns the last good result, and the chart
draws that result. A live chart draws the *controls'* values, so while they are
bad (``a`` right of ``b``, an impossible prior) this draws the view's result the
ordinary way (``still()`` through ``page.chart``) until the learner mends the
input. ``live_chart.show`` itself hides the chart or quiets its readout while the
learner predicts (``ui.predict``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import plotly.graph_objects as go

from ui import live_chart, page
from ui.live_frames import Control, Draw
from ui.url_state import PageState


def show(
    state: PageState,
    draw: Draw,
    controls: Sequence[Control],
    *,
    key: str,
    alt: str,
    still: Callable[[], go.Figure],
    kept: bool = False,
) -> None:
    """The live chart ``key``, or ``still()`` through ``page.chart`` when ``kept``.

    ``kept``: the controls' values are bad and the view kept its last good result.
    """
    if kept:
        page.chart(still(), key=key, alt=alt)
        return
    live_chart.show(state, draw, controls, key=key, alt=alt)
