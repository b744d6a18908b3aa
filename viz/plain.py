"""Figures as plain dicts: what ``viz.style.figure`` gives when no one reads Plotly's objects.

Even unvalidated, building a ``go.Figure`` from dicts and encoding it again
(``to_dict``) was most of the cost of a live chart's frame (≈1 ms of ≈1.3 ms for
the equations line) and of a cached figure. Inside :func:`plain_figures`,
``viz.style.figure`` keeps the dicts (``viz.style.Figure.deferred``) and builds
Plotly's objects only if something reads them; :func:`plotly_dict` writes the
dict that Plotly's ``to_dict`` would have written (NumPy arrays as base64, the
same function Plotly uses), so ``st.plotly_chart`` sends the same figure.

>>> with plain_figures():
...     inside = is_plain()
>>> inside, is_plain()
(True, False)
>>> plotly_dict([{"type": "scatter", "x": [0, 1], "name": None}], {"height": 300}, None)
{'data': [{'type': 'scatter', 'x': [0, 1]}], 'layout': {'height': 300}}
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from plotly.basedatatypes import convert_to_base64  # what Plotly's to_dict calls

#: Held while a deferred figure is built (re-entrant: Plotly reads it meanwhile).
BUILDING = threading.RLock()
#: Real Plotly property names with an underscore; any other underscore in a key is
#: Plotly's "magic underscore" (``line_color``), which only Plotly's objects expand.
UNDERSCORED = frozenset(
    {"error_x", "error_y", "error_z", "plot_bgcolor", "paper_bgcolor"}
    | {"copy_ystyle", "copy_zstyle"}
)
_PLAIN: ContextVar[bool] = ContextVar("viz_plain_figures", default=False)


@contextlib.contextmanager
def plain_figures() -> Iterator[None]:
    """Inside, ``viz.style.figure`` builds no Plotly objects unless they are read.

    For figures read only through ``to_dict()``: a live chart's frames
    (``ui.live_frames``) and the figures ``ui.page.figure_of`` caches and freezes.
    """
    token = _PLAIN.set(True)
    try:
        yield
    finally:
        _PLAIN.reset(token)


def is_plain() -> bool:
    """True inside :func:`plain_figures`."""
    return _PLAIN.get()


def _props(value: Any, *, top: bool = False) -> tuple[Any, bool]:
    """``value`` as Plotly's unvalidated objects keep it, and whether a key used a
    magic underscore.

    Containers are copied, arrays shared; ``None`` is dropped only from the top
    level of a trace or the layout (``top``), as Plotly does.
    """
    if isinstance(value, dict):
        props, magic = {}, False
        for key, item in value.items():
            if item is None and top:
                continue
            props[key], inner = _props(item)
            magic = magic or inner or ("_" in key and key not in UNDERSCORED)
        return props, magic
    if isinstance(value, list | tuple):
        items = [_props(item) for item in value]
        return type(value)(item for item, _ in items), any(m for _, m in items)
    return value, False


def plotly_dict(
    data: list[dict[str, Any]],
    layout: dict[str, Any],
    frames: list[dict[str, Any]] | None,
) -> dict[str, Any] | None:
    """What Plotly's ``to_dict`` writes for these dicts; None if only Plotly can
    (a magic underscore such as ``line_color``, which Plotly's objects expand)."""
    traces = [_props(trace, top=True) for trace in data]
    shared, magic = _props(layout, top=True)
    if magic or any(m for _, m in traces):
        return None
    whole: dict[str, Any] = {"data": [t for t, _ in traces], "layout": shared}
    convert_to_base64(whole)  # NumPy arrays as base64, as Plotly sends them
    if frames:  # viz.style.Figure adds its raw frames after encoding, too
        whole["frames"] = [dict(frame) for frame in frames]
    return whole
