"""A figure for live charts: plain dicts kept as they are, no graph objects built.

A live chart (``ui.live_chart``) draws its figure again at every point of a grid
and reads each one only through ``to_dict()``. Building Plotly's graph objects,
even unvalidated (``viz.style.figure``), cost about 10 ms per figure with two
subplots, most of a frame's time; :func:`live_figure` skips them.

Examples
--------
>>> fig = live_figure([{"type": "scatter", "x": [0, 1], "y": [1, 0]}], {"height": 300})
>>> fig.to_dict()["data"][0]["y"], fig.to_dict()["layout"]["height"]
([1, 0], 300)
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go


class LiveFigure(go.Figure):
    """A ``go.Figure`` whose ``to_dict()`` is the dicts it was made from (not copied deep).

    Read it with ``to_dict()`` (as ``ui.live_chart`` and the take-home notebook
    do), or check it with ``viz.style.validate``. ``go.Figure.__init__`` is not
    run: even an empty figure deep-copies Plotly's default template (~0.4 ms,
    once per frame of a frame set), so graph-object attributes such as
    ``data`` and ``layout`` are not there.
    """

    def __init__(self, data: list[dict[str, Any]], layout: dict[str, Any]) -> None:
        self.__dict__["_live_raw"] = (data, layout)

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle (st.cache_data) work
        return (LiveFigure, self.__dict__["_live_raw"])

    def __repr__(self) -> str:
        data, layout = self.__dict__["_live_raw"]
        return f"LiveFigure({len(data)} traces, layout keys {sorted(layout)})"

    def to_dict(self) -> dict[str, Any]:
        data, layout = self.__dict__["_live_raw"]
        return {"data": list(data), "layout": dict(layout)}


def live_figure(data: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    """The figure of ``data`` (trace dicts with ``"type"``) and ``layout``, kept as dicts."""
    return LiveFigure(data, layout)
