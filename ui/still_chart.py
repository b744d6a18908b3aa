"""A still chart: a finished figure drawn by the page's small Plotly.

``st.plotly_chart`` makes the browser fetch and compile Streamlit's copy of the whole
Plotly library (4.8 MB) the first time a page shows a chart: most of a first
visit's bytes and a second of its time. Most of the explorer's charts are
scatter, bar and pie traces, which the small Plotly the live charts load anyway
(``ui.small_plotly``) draws as well. Such a chart goes to this Streamlit Custom
Component v2 (``static/still_chart.js``), which draws it with ``Plotly.react``: the same
figure, toolbar and text alternative. A chart with other traces (a contour, a
heat map, 3-D) or one a learner clicks (``on_select``) stays with
``st.plotly_chart`` (``ui.page.chart`` chooses).

A cached figure (``viz.style.freeze``) is turned into JSON once, for all sessions:
``st.plotly_chart`` encodes it again on every rerun.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, cast

import plotly.graph_objects as go
import plotly.io as pio

from ui.small_plotly import PLOTLY_URL, draws, mount, plotly_script, versioned

HTML = (
    '<div class="still-chart"><div class="still-plot"></div>'
    '<p class="still-error" hidden></p></div>'
)
_KEPT = "_still_kept"
_DRAWABLE = "_still_drawable"


def _frozen(fig: go.Figure) -> bool:
    """A cached figure (``viz.style.freeze``): shared by sessions and never changed."""
    return fig.__dict__.get("_frozen_dict") is not None


def _encoded(fig: go.Figure) -> tuple[bytes, bytes]:
    """The figure's JSON and its digest, kept on a frozen figure (once, not a rerun)."""
    kept = fig.__dict__.get(_KEPT)
    if kept is not None:
        return cast(tuple[bytes, bytes], kept)
    text = pio.to_json(fig, validate=False).encode()
    encoded = (text, hashlib.blake2b(text, digest_size=8).digest())
    if _frozen(fig):
        fig.__dict__[_KEPT] = encoded
    return encoded


def spec(fig: go.Figure) -> bytes:
    """The figure's JSON as ``st.plotly_chart`` sends it, once for a frozen figure."""
    return _encoded(fig)[0]


def drawable(fig: go.Figure) -> bool:
    """Whether the small Plotly draws ``fig`` (every trace scatter, bar or pie).

    Kept on a frozen figure: an animated one has a trace list per frame to walk.
    """
    kept = fig.__dict__.get(_DRAWABLE)
    if kept is not None:
        return bool(kept)
    verdict = draws(fig.to_dict())
    if _frozen(fig):
        fig.__dict__[_DRAWABLE] = verdict
    return verdict


def payload(fig: go.Figure, alt: str, config: Mapping[str, Any]) -> bytes:
    """What the browser gets: the figure's JSON, its toolbar and its words.

    The version digests the words, the toolbar and the figure's own digest, so a
    rerun does not hash the whole figure again.
    """
    text, digest = _encoded(fig)
    head = json.dumps(
        {"plotly": PLOTLY_URL, "config": config, "alt": alt},
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode()
    return versioned(head[:-1] + b',"figure":' + text + b"}", of=head + digest)


def show(fig: go.Figure, *, key: str, alt: str, config: Mapping[str, Any]) -> None:
    """Draw ``fig`` under ``key``; ``alt`` is what a screen reader says for it."""
    plotly_script()
    mount("still_chart", HTML)(key=f"still_{key}", data=payload(fig, alt, config))
