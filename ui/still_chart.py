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

from ui.small_plotly import PLOTLY_URL, draws, mount, plotly_script

HTML = (
    '<div class="still-chart"><div class="still-plot"></div>'
    '<p class="still-error" hidden></p></div>'
)
_SPEC = "_still_spec"


def spec(fig: go.Figure) -> bytes:
    """The figure's JSON as ``st.plotly_chart`` sends it, once for a frozen figure."""
    kept = fig.__dict__.get(_SPEC)
    if kept is not None:
        return cast(bytes, kept)
    text = pio.to_json(fig, validate=False).encode()
    if fig.__dict__.get("_frozen_dict") is not None:  # cached, shared, never changed
        fig.__dict__[_SPEC] = text
    return text


def drawable(fig: go.Figure) -> bool:
    """Whether the small Plotly draws ``fig`` (every trace scatter, bar or pie)."""
    return draws(fig.to_dict())


def payload(fig: go.Figure, alt: str, config: Mapping[str, Any]) -> bytes:
    """What the browser gets: the figure's JSON, its toolbar and its words."""
    head = json.dumps(
        {"plotly": PLOTLY_URL, "config": config, "alt": alt},
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode()
    body = head[:-1] + b',"figure":' + spec(fig) + b"}"
    version = hashlib.blake2b(body, digest_size=8).hexdigest()
    return b'{"v":"' + version.encode() + b'",' + body[1:]


def show(fig: go.Figure, *, key: str, alt: str, config: Mapping[str, Any]) -> None:
    """Draw ``fig`` under ``key``; ``alt`` is what a screen reader says for it."""
    plotly_script()
    mount("still_chart", HTML)(key=f"still_{key}", data=payload(fig, alt, config))
