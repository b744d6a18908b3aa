"""Two small additions to :mod:`ui.live_chart` for charts that depend on more than their live values.

:func:`ui.live_chart.show` caches a chart's frames by the ``draw`` function's
name and the values of its live parameters. A chart that also depends on other
inputs (the chosen loss, a typed ``f(w)``, the number of steps, a data set) needs
those in the key too, and a grid narrower than the ``Param``'s whole range (the
learning rates worth scrubbing on this curve, the ``w`` axis of this chart):

- :func:`keyed` binds the other inputs to ``draw`` and names the result after
  them, so frames are shared by every session that shows the same chart and
  never by two charts that differ;
- :func:`narrowed` gives a view of the page state whose live grids run over other
  bounds (inside the ``Param``'s own, so a released value is still accepted).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import math
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from ui.live_frames import Draw
from ui.url_state import PageState


def keyed(
    draw: Callable[..., tuple[go.Figure, str]],
    key: Hashable,
    *args: Any,
    many: Callable[..., Sequence[tuple[go.Figure, str]]] | None = None,
) -> Draw:
    """``draw(*args, values)`` as a live chart's ``draw(values)``, named by ``key``.

    ``key`` names every input besides the live values that changes the chart
    (hashable, with a stable ``repr``; ``args`` may hold bigger objects computed
    from it). The frames' cache key is the name, so two charts with different
    ``key`` never share frames, and every session showing the same chart does.

    ``many(*args, [values, …])``, when given, draws a whole control's frames at
    once (the same figures and readouts as ``draw`` at each values, in order) so
    that their ``core`` work runs as one batch; ``ui.live_frames.control_frames``
    uses it, and ``draw`` for the figure at the current values.
    """
    digest = hashlib.blake2b(repr(key).encode(), digest_size=10).hexdigest()
    bound: Any = functools.partial(draw, *args)
    bound.__module__ = draw.__module__
    bound.__qualname__ = f"{draw.__qualname__}[{digest}]"
    if many is not None:
        bound.many = functools.partial(many, *args)
    return bound


def narrowed(state: PageState, bounds: Mapping[str, tuple[float, float]]) -> PageState:
    """``state`` whose live grids for ``bounds``' parameters run over those bounds.

    Each pair is clipped to the ``Param``'s own limits. The copy shares everything
    else with ``state`` (values, hidden parameters, the release callback's
    ``set_values``). Put the bounds in :func:`keyed`'s context: the frames' cache
    key does not see them.
    """
    params = dict(state.params)
    for name, (low, high) in bounds.items():
        param = params[name]
        if param.min_value is None or param.max_value is None:
            raise ValueError(f"live parameter {name!r} needs bounds")
        low = max(float(low), param.min_value)
        high = min(float(high), param.max_value)
        if high <= low:
            continue
        params[name] = dataclasses.replace(param, min_value=low, max_value=high)
    view = copy.copy(state)
    view.params = params
    return view


def steps_for(low: float, high: float, spacing: float) -> int:
    """Grid points from ``low`` to ``high`` ``spacing`` apart (both ends kept)."""
    return max(2, round((high - low) / spacing) + 1)


def spacing_for(low: float, high: float, most: int) -> float:
    """The finest of 0.25, 0.5, 1, 2 … that puts at most ``most`` points on ``low … high``."""
    for spacing in (0.25, 0.5, 1.0, 2.0, 5.0):
        if (high - low) / spacing + 1 <= most:
            return spacing
    return float(math.ceil((high - low) / (most - 1)))
