"""The frames of a live chart: a figure drawn at every point of a parameter grid.

Pure (no Streamlit): :mod:`ui.live_chart` caches and sends what this module
builds. A *control* moves one or two parameters over a grid built from their
``Param`` bounds; at each grid point the view's ``draw(values)`` (``core`` +
``viz`` + ``text``) gives a figure and a one-line readout, and only what changes
from point to point is kept: the traces whose ``x``, ``y``, ``text``, … differ,
with numbers rounded. The browser swaps those in with
``Plotly.animate(..., {frame: {redraw: false}})``, so every frame must have the
same traces in the same order (a trace with nothing to show has empty ``x``/``y``).
"""

from __future__ import annotations

import base64
import itertools
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import plotly.graph_objects as go

from ui.params import Param
from viz import style

#: A figure as plain data, ``{"data": [trace dicts], "layout": {...}}``: the
#: cheap form a ``draw`` may return instead of a ``go.Figure`` (no Plotly object
#: to build and encode per frame, which is most of a frame's cost).
FigureData = Mapping[str, Any]
#: A view's drawing at some parameter values: the figure and the readout line
#: shown on the chart during a drag (e.g. ``"a·b = 7.2 · θ = 45°"``).
Draw = Callable[[Mapping[str, float]], tuple[go.Figure | FigureData, str]]
#: Every frame of a control at once: ``many([values, …])`` gives what ``draw``
#: gives at each, in order, computing the ``core`` work of all of them together
#: (one batched optimiser run instead of one per frame). A ``draw`` carries it
#: as its attribute ``many`` (:func:`ui.live_context.keyed`).
Many = Callable[
    [Sequence[Mapping[str, float]]], Sequence[tuple[go.Figure | FigureData, str]]
]
#: Trace attributes a frame may change (``redraw: false`` animates these).
ANIMATED = ("x", "y", "text", "textposition", "marker", "opacity")
#: Decimals kept in frame numbers: 0.01 of an axis unit is below a pixel on
#: the axes the pages use (at most ±20 units over ≥ 300 px).
DECIMALS = 2
#: Most grid points one control may have (a 2-D handle: rows × columns).
MAX_POINTS = 2000


@dataclass(frozen=True)
class Drag:
    """A handle dragged on the chart, moving one or two parameters.

    ``params``: the parameter names (one: any direction moves along its grid; two:
    the handle moves in the plane, e.g. the tip of a vector). The handle sits on
    point ``point`` of the trace whose ``uid`` is ``trace``; a drag snaps to the
    grid point whose handle is nearest the pointer. ``steps``: grid points per
    parameter, from the ``Param``'s minimum to its maximum (one number for all,
    or one per parameter).
    """

    params: tuple[str, ...]
    trace: str
    label: str
    point: int = -1
    steps: int | tuple[int, ...] = 41
    colour: str = "#0072B2"
    kind: str = field(default="drag", init=False)
    #: Decimals kept in this control's frames (3 for a density axis 0 … 0.9).
    decimals: int = DECIMALS


@dataclass(frozen=True)
class Range:
    """A range control under the chart that scrubs one parameter over its grid."""

    param: str
    steps: int = 41
    kind: str = field(default="range", init=False)
    decimals: int = DECIMALS

    @property
    def params(self) -> tuple[str, ...]:
        return (self.param,)


Control = Drag | Range


def grids_of(control: Control, params: Mapping[str, Param]) -> list[list[float]]:
    """The grid of each of ``control``'s parameters (:func:`grid`)."""
    steps = control.steps
    each = steps if isinstance(steps, tuple) else (steps,) * len(control.params)
    if len(each) != len(control.params):
        raise ValueError(f"{control.params}: {len(each)} step counts")
    return [grid(params[n], k) for n, k in zip(control.params, each, strict=True)]


def grid(param: Param, steps: int) -> list[float]:
    """``steps`` values from ``param``'s minimum to its maximum, tidied (0.1 + 0.2)."""
    if param.min_value is None or param.max_value is None:
        raise ValueError(f"live parameter {param.name!r} needs bounds")
    if not 2 <= steps <= MAX_POINTS:
        raise ValueError(f"a live grid has 2 … {MAX_POINTS} steps, not {steps}")
    values = np.linspace(param.min_value, param.max_value, steps)
    return [param.normalise(float(value)) for value in values]


def nearest(values: Sequence[float], value: float) -> int:
    """The index of the grid value nearest ``value``."""
    return int(np.argmin(np.abs(np.asarray(values) - value)))


def compact(value: Any, decimals: int | None = DECIMALS) -> Any:
    """``value`` as short JSON-ready data: arrays as lists, floats rounded.

    ``decimals=None`` keeps every digit (the figure at the current values).
    """
    if isinstance(value, dict):
        if "bdata" in value and "dtype" in value:  # Plotly's base64 arrays
            array = np.frombuffer(base64.b64decode(value["bdata"]), value["dtype"])
            return compact(array, decimals)
        return {key: compact(item, decimals) for key, item in value.items()}
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "f" and value.ndim == 1:  # fast path: one pass
            return _compact_floats(value, decimals)
        return compact(value.tolist(), decimals)
    if isinstance(value, list | tuple):
        return [compact(item, decimals) for item in value]
    if isinstance(value, float | np.floating):
        number = float(value)
        if not math.isfinite(number):
            return None
        if decimals is not None:
            number = round(number, decimals)
        return int(number) if number.is_integer() else number
    if isinstance(value, np.integer):
        return int(value)
    return value


def _compact_floats(values: np.ndarray, decimals: int | None) -> list[Any]:
    """A 1-D float array as :func:`compact` writes it, rounded by NumPy at once."""
    numbers = values.astype(float)
    if decimals is not None:
        numbers = np.round(numbers, decimals)
    written = numbers.tolist()
    # Only whole numbers (written as ints) and inf/NaN (None) need a look each.
    odd = ~np.isfinite(numbers) | (numbers == np.trunc(numbers))
    for i in np.flatnonzero(odd).tolist():
        v = written[i]
        written[i] = int(v) if math.isfinite(v) else None
    return written


def as_dict(fig: go.Figure | FigureData) -> dict[str, Any]:
    """``{"data": [...], "layout": {...}}`` of a figure or of plain figure data."""
    if isinstance(fig, go.Figure):
        return fig.to_dict()
    return {"data": list(fig.get("data", [])), "layout": dict(fig.get("layout", {}))}


def as_figure(fig: go.Figure | FigureData) -> go.Figure:
    """A ``go.Figure`` (unvalidated, as ``viz`` builds them) of either form."""
    if isinstance(fig, go.Figure):
        return fig
    whole = as_dict(fig)
    return style.figure(whole["data"], whole["layout"])


def figure_data(fig: go.Figure | FigureData) -> dict[str, Any]:
    """The figure as compact JSON-ready data (``data`` and ``layout``)."""
    whole = as_dict(fig)
    return {
        "data": compact(whole["data"], None),
        "layout": compact(whole["layout"], None),
    }


def handle_at(data: Sequence[Mapping[str, Any]], drag: Drag) -> list[float | None]:
    """Where ``drag``'s handle is in a figure's traces: ``[x, y]`` (None: hidden)."""
    for trace in data:
        if trace.get("uid") == drag.trace:
            xs, ys = trace.get("x") or [], trace.get("y") or []
            if len(xs) and len(ys):
                return [xs[drag.point], ys[drag.point]]
            return [None, None]
    raise ValueError(f"no trace with uid {drag.trace!r} for the handle {drag.label!r}")


def _animated(data: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Each trace's ``uid`` and :data:`ANIMATED` attributes: all a frame needs."""
    return [{k: trace[k] for k in ("uid", *ANIMATED) if k in trace} for trace in data]


def _compact_frame(
    data: Sequence[Mapping[str, Any]], decimals: int, seen: dict[int, tuple[Any, Any]]
) -> list[dict[str, Any]]:
    """``compact(_animated(data), decimals)``, each value object compacted once.

    ``seen`` maps ``id(value)`` to ``(value, compacted)`` across a control's
    frames: a trace that stays put and is shared by the frames (the curve, the
    data points, a colour bar drawn once by a ``many``) is not rounded again.
    """
    frame = []
    for trace in _animated(data):
        item = {}
        for key, value in trace.items():
            known = seen.get(id(value))
            if known is None or known[0] is not value:
                known = seen[id(value)] = (value, compact(value, decimals))
            item[key] = known[1]
        frame.append(item)
    return frame


def _changes(
    drawn: Sequence[Sequence[Mapping[str, Any]]],
) -> tuple[list[int], list[list[str]]]:
    """Which traces change across the frames, and which of their attributes."""
    first = drawn[0]
    if any(len(traces) != len(first) for traces in drawn):
        raise ValueError("every frame of a live chart needs the same traces")
    indices, keys = [], []
    for index, trace in enumerate(first):
        moving = [
            key
            for key in ANIMATED
            if any(traces[index].get(key) != trace.get(key) for traces in drawn[1:])
        ]
        if moving:
            indices.append(index)
            keys.append(moving)
    return indices, keys


def control_frames(
    draw: Draw,
    control: Control,
    params: Mapping[str, Param],
    fixed: Mapping[str, float],
    drags: Sequence[Drag],
) -> dict[str, Any]:
    """Every frame of ``control``, with the other parameters at ``fixed``.

    Returns the control as the browser reads it: its kind, parameters, labels,
    grid ``shape``, the ``traces`` its frames change and the ``frames`` (grid
    order, last parameter fastest), each with its values ``v``, the position
    ``h`` of every handle of the chart, the trace updates ``d`` and readout ``t``.
    """
    grids = grids_of(control, params)
    points = list(itertools.product(*grids))
    if len(points) > MAX_POINTS:
        raise ValueError(f"{len(points)} frames is more than {MAX_POINTS}")
    drawn, readouts = [], []
    every = [{**fixed, **dict(zip(control.params, p, strict=True))} for p in points]
    many: Many | None = getattr(draw, "many", None)
    with style.plain_figures():  # frames are only read as dicts: no Plotly objects
        pictures = many(every) if many is not None else [draw(v) for v in every]
        if len(pictures) != len(points):
            raise RuntimeError(f"many() drew {len(pictures)} frames, not {len(points)}")
        seen: dict[int, tuple[Any, Any]] = {}
        for fig, readout in pictures:
            data = as_dict(fig)["data"]
            drawn.append(_compact_frame(data, control.decimals, seen))
            readouts.append(readout)
    traces, keys = _changes(drawn)
    frames = [
        {
            "v": list(point),
            "h": [handle_at(data, drag) for drag in drags],
            "d": [
                {key: data[index].get(key) for key in moving}
                for index, moving in zip(traces, keys, strict=True)
            ],
            "t": readout,
        }
        for point, data, readout in zip(points, drawn, readouts, strict=True)
    ]
    labels = [params[name].label for name in control.params]
    described: dict[str, Any] = {
        "kind": control.kind,
        "params": list(control.params),
        "labels": labels,
        "grids": grids,
        "traces": traces,
        "frames": frames,
    }
    if isinstance(control, Drag):
        described.update(label=control.label, colour=control.colour)
    return described


def encode(value: Any) -> bytes:
    """Compact JSON bytes (no spaces, UTF-8 kept as is)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def start_index(control: Mapping[str, Any], values: Mapping[str, float]) -> int:
    """The frame nearest the current values (grid order, last parameter fastest)."""
    index = 0
    for name, values_of in zip(control["params"], control["grids"], strict=True):
        index = index * len(values_of) + nearest(values_of, values[name])
    return index


def live_names(controls: Iterable[Control]) -> list[str]:
    """The parameters the controls move, each once, in order."""
    return list(dict.fromkeys(name for c in controls for name in c.params))
