"""The numbers a chart draws, as small tables: one per trace ("Show the numbers").

A chart cannot be read from the keyboard or by a screen reader; its numbers can.
:func:`figure_tables` turns a finished figure (its ``to_dict()``) into one table
per drawn trace, named by the trace's name, with a column per drawn coordinate
(``x``, ``y``, ``z``, labels), headed by the axis titles. Long traces are thinned
evenly (every ``step``-th point, and always the last) so a table stays short;
:attr:`TraceTable.total` says how many points the chart has.

>>> chart = {
...     "data": [{"type": "scatter", "name": "loss", "x": [0, 1, 2], "y": [4, 1, -0.5]}],
...     "layout": {"xaxis": {"title": {"text": "w"}}, "yaxis": {"title": {"text": ""}}},
... }
>>> table = figure_tables(chart)[0]
>>> table.name, table.columns, table.rows[2]
('loss', ('w', 'y'), ('2', '−0.5'))
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.parsing import display_number

#: At most this many rows per trace (a longer trace is thinned evenly).
MAX_ROWS = 40
#: At most this many traces get a table (a chart rarely draws more).
MAX_TRACES = 12
_TAGS = re.compile(r"<[^>]*>")
_BREAKS = re.compile(r"<br\s*/?>", re.IGNORECASE)
#: Trace kinds whose ``z`` is a grid over ``x`` (columns) and ``y`` (rows).
_GRIDS = frozenset({"heatmap", "contour", "surface", "histogram2d"})


@dataclass(frozen=True)
class TraceTable:
    """The points of one trace: ``rows`` of display text under ``columns``.

    ``total`` points are drawn; every ``step``-th is shown (``step`` 1: all).
    """

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: int
    step: int = 1

    @property
    def complete(self) -> bool:
        return len(self.rows) >= self.total


def as_array(value: Any) -> np.ndarray | None:
    """``value`` as a NumPy array: a list, an array, or Plotly's base64 form.

    Returns ``None`` for what is not a sequence (a number, a string, ``None``).
    """
    if isinstance(value, np.ndarray):
        return value
    if isinstance(value, Mapping) and "bdata" in value and "dtype" in value:
        array = np.frombuffer(
            base64.b64decode(value["bdata"]), np.dtype(value["dtype"])
        )
        if "shape" in value:
            array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
        return array
    if isinstance(value, (list, tuple)):
        return np.asarray(value, dtype=object)
    return None


def cell(value: Any) -> str:
    """One value as table text: numbers as on the charts, a gap as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return display_number(number) if math.isfinite(number) else ""
    return plain_text(str(value))


def plain_text(text: str) -> str:
    """Plotly label text without its HTML (``<br>`` becomes a space)."""
    return " ".join(_TAGS.sub("", _BREAKS.sub(" ", text)).split())


def _axis_title(layout: Mapping[str, Any], trace: Mapping[str, Any], axis: str) -> str:
    ref = str(trace.get(f"{axis}axis", axis))  # "x", "x2", ...
    title = layout.get(f"{axis}axis{ref[1:]}", {}).get("title", "")
    text = title.get("text", "") if isinstance(title, Mapping) else str(title or "")
    return plain_text(str(text or "")) or axis


def _headers(names: list[str]) -> tuple[str, ...]:
    """Column headers, made distinct (two axes with one title: ``t (x)``, ``t (y)``)."""
    seen = [name.lower() for name in names]
    return tuple(
        f"{name} ({'xyz'[i] if i < 3 else i})" if seen.count(name.lower()) > 1 else name
        for i, name in enumerate(names)
    )


def _indices(total: int, max_rows: int) -> tuple[list[int], int]:
    step = max(1, math.ceil(total / max_rows))
    picked = list(range(0, total, step))
    if picked and picked[-1] != total - 1:
        picked.append(total - 1)
    return picked, step


def _points(
    trace: Mapping[str, Any], titles: dict[str, str], max_rows: int
) -> tuple[tuple[str, ...], list[tuple[str, ...]], int, int]:
    """Columns, rows, total and step of a trace of points (x, y, z, labels)."""
    arrays = {axis: as_array(trace.get(axis)) for axis in "xyz"}
    labels = as_array(trace.get("text"))
    drawn = {k: v.ravel() for k, v in arrays.items() if v is not None and v.ndim >= 1}
    if labels is not None and labels.ndim == 1:
        drawn["text"] = labels
    total = max((len(v) for v in drawn.values()), default=0)
    if total == 0:
        return (), [], 0, 1
    picked, step = _indices(total, max_rows)
    keys = list(drawn)
    headers = _headers([titles.get(k, "label") for k in keys])
    rows = [
        tuple(cell(drawn[k][i]) if i < len(drawn[k]) else "" for k in keys)
        for i in picked
    ]
    return headers, rows, total, step


def _grid(
    trace: Mapping[str, Any], titles: dict[str, str], max_rows: int
) -> tuple[tuple[str, ...], list[tuple[str, ...]], int, int]:
    """Columns, rows, total and step of a grid (z over x columns and y rows)."""
    z = as_array(trace.get("z"))
    if z is None or z.ndim != 2 or z.size == 0:
        return _points(trace, titles, max_rows)
    x, y = as_array(trace.get("x")), as_array(trace.get("y"))
    n_rows, n_cols = z.shape
    side = max(1, math.isqrt(max_rows))
    rows_picked, step = _indices(n_rows, side)
    cols_picked, col_step = _indices(n_cols, side)

    def at(values: np.ndarray | None, i: int, j: int, along: int) -> Any:
        if values is None:
            return (i, j)[along]
        if values.ndim == 2:
            return values[i, j]
        index = (i, j)[along]
        return values[index] if index < len(values) else index

    rows: list[tuple[str, ...]] = [
        (cell(at(x, i, j, 1)), cell(at(y, i, j, 0)), cell(z[i, j]))
        for i in rows_picked
        for j in cols_picked
    ]
    headers = _headers([titles["x"], titles["y"], titles["z"]])
    return headers, rows, z.size, max(step, col_step)


def figure_tables(
    figure: Mapping[str, Any],
    *,
    max_rows: int = MAX_ROWS,
    max_traces: int = MAX_TRACES,
) -> list[TraceTable]:
    """One :class:`TraceTable` per drawn trace of ``figure`` (a figure's ``to_dict()``).

    Hidden traces (``visible: False``) and traces with nothing to draw are left
    out; at most ``max_traces`` tables, each at most ``max_rows`` rows (+ the last).
    """
    layout = figure.get("layout", {}) or {}
    tables: list[TraceTable] = []
    for number, trace in enumerate(figure.get("data", []) or [], start=1):
        if len(tables) >= max_traces:
            break
        if trace.get("visible", True) is False:
            continue
        titles = {axis: _axis_title(layout, trace, axis) for axis in "xy"}
        titles["z"] = "z"
        kind = str(trace.get("type", "scatter"))
        read = _grid if kind in _GRIDS else _points
        columns, rows, total, step = read(trace, titles, max_rows)
        if not rows:
            continue
        name = plain_text(str(trace.get("name") or "")) or f"Series {number}"
        tables.append(TraceTable(name, columns, tuple(rows), total, step))
    return tables
