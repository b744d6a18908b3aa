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

import base64
import contextlib
import threading
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

import numpy as np
from _plotly_utils.utils import (
    is_homogeneous_array,
    plotlyjsShortTypes,
    to_typed_array_spec,
)

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


#: Keys whose values Plotly's ``convert_to_base64`` leaves as they are.
_SKIPPED = frozenset({"geojson", "layer", "layers", "range"})
#: Values that are never arrays: no need to ask ``is_homogeneous_array``.
_SCALARS = (str, int, float, bool, type(None), np.generic)


#: Where Plotly narrows 64-bit integers to (the first dtype that holds them all).
_NARROW = {
    "int64": (np.int8, np.int16, np.int32),
    "uint64": (np.uint8, np.uint16, np.uint32),
}


def typed_array(v: np.ndarray) -> Any:
    """``to_typed_array_spec(v)`` for a NumPy array, without Plotly's detour.

    Plotly first asks narwhals whether ``v`` is a data frame and copies it
    (``copy_to_readonly_numpy_array``): most of its cost for the small arrays of
    a chart. A non-empty integer or float array whose dtype plotly.js reads is
    written here the same way (64-bit integers narrowed as Plotly narrows them);
    anything else goes to Plotly.
    """
    dtype = str(v.dtype)
    if v.size and dtype in _NARROW:
        low, high = v.min(), v.max()
        fits = [
            t
            for t in _NARROW[dtype]
            if np.iinfo(t).min <= low and high <= np.iinfo(t).max
        ]
        if fits:
            v, dtype = v.astype(fits[0]), np.dtype(fits[0]).name
    if not v.size or dtype not in plotlyjsShortTypes:
        return to_typed_array_spec(v)
    spec = {"dtype": plotlyjsShortTypes[dtype]}
    spec["bdata"] = base64.b64encode(v.tobytes()).decode("ascii")  # C order
    if v.ndim > 1:
        spec["shape"] = str(v.shape)[1:-1]
    return spec


def encode_arrays(obj: Any) -> None:
    """Plotly's ``convert_to_base64`` (what ``to_dict`` calls), without its cost.

    The same walk and the same encoding (``to_typed_array_spec``), but NumPy
    arrays, containers and plain numbers are told apart by ``isinstance``: Plotly
    asks ``is_homogeneous_array`` of every value (a tenth of a rerun's CPU on the
    loss page's comparison). Anything else is still asked, as Plotly does.
    """
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key in _SKIPPED:
                continue
            if isinstance(value, np.ndarray):
                obj[key] = typed_array(value)
            elif isinstance(value, dict | list | tuple):
                encode_arrays(value)
            elif not isinstance(value, _SCALARS) and is_homogeneous_array(value):
                obj[key] = to_typed_array_spec(value)
    elif isinstance(obj, list | tuple):
        for value in obj:
            if isinstance(value, dict | list | tuple):
                encode_arrays(value)


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
    encode_arrays(whole)  # NumPy arrays as base64, as Plotly sends them
    if frames:  # viz.style.Figure adds its raw frames after encoding, too
        whole["frames"] = [dict(frame) for frame in frames]
    return whole
