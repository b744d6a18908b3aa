"""What the gradient-descent figures share: typed arrays, the layout, thinning, Play.

Animations are Plotly frames played in the browser (no server round trip per
frame). They are kept within the page's byte budget: at most ``MAX_FRAMES``
frames, each path thinned to ``MAX_FRAME_POINTS`` points inside a frame and to
``MAX_PATH_POINTS`` in the still picture, coordinates sent as float32.
"""

from __future__ import annotations

import base64
from typing import Any

import numpy as np

from viz import style

#: Most animation frames per figure.
MAX_FRAMES = 30
#: Most points per path in the still picture (start and end always kept).
MAX_PATH_POINTS = 150
#: Most points per path inside one animation frame.
MAX_FRAME_POINTS = 30
#: Most points per loss-against-step line.
MAX_LOSS_POINTS = 200
#: Largest magnitude sent to the browser (float32 range; keeps every number finite).
_F32_MAX = 3e38
#: Room under the plot for the x-axis title, then the Play buttons and step slider.
_PLAY_MARGIN = 150
_PLAY_OFFSET = 62
#: Most labelled stops under a step slider (the current step is shown beside it).
MAX_SLIDER_LABELS = 11

Dict = dict[str, Any]


def encode(values: Any, dtype: str = "f4") -> Dict:
    """An array in Plotly's typed-array form ``{"dtype", "bdata"[, "shape"]}``."""
    array = np.asarray(values, dtype=float)
    if dtype == "f4" and array.size and np.abs(array).max() > _F32_MAX:
        array = np.clip(array, -_F32_MAX, _F32_MAX)  # rare: keep float32 finite
    typed = np.ascontiguousarray(array.astype(dtype))
    spec: Dict = {"dtype": dtype, "bdata": base64.b64encode(typed.tobytes()).decode()}
    if typed.ndim > 1:
        spec["shape"] = ",".join(str(n) for n in typed.shape)
    return spec


def layout(title: str, x_title: str, y_title: str, **extra: Any) -> Dict:
    """The shared layout (``viz.style``), with the legend in a band under the title."""
    height = extra.pop("height", style.HEIGHT)
    legend = extra.pop("legend", True)
    result = style.base_layout(title, x_title, y_title, height=height)
    result["title"] = {**result["title"], "y": 0.985, "yanchor": "top"}
    result["legend"] = {
        **result["legend"],
        "x": 0.0,
        "xanchor": "left",
        "y": 1.01,
        "yanchor": "bottom",
    }
    result["margin"] = {**result["margin"], "t": 118 if legend else 60}
    result.update(extra)
    return result


def fixed(axis: Dict, low: float, high: float) -> Dict:
    """``axis`` pinned to ``low … high`` (a moving control visibly moves the data)."""
    return {**axis, "range": [low, high], "autorange": False}


def thinned(steps: int, limit: int) -> np.ndarray:
    """``0 … steps`` when short enough, else ``limit`` evenly spread steps (ends kept)."""
    if steps + 1 <= limit:
        return np.arange(steps + 1)
    return np.unique(np.round(np.linspace(0, steps, limit)).astype(int))


def upto(indices: np.ndarray, step: int) -> np.ndarray:
    """The indices before ``step``, then ``step`` itself."""
    return np.append(indices[indices < step], step)


def add_play(result: Dict, steps: np.ndarray) -> None:
    """Play / Pause and a step slider under the plot (:func:`viz.style.play_controls`).

    Play always replays the whole run from step 0; about three seconds for a run,
    never faster than 60 ms a frame.
    """
    margin = {**result["margin"], "b": _PLAY_MARGIN}
    plot_height = result["height"] - margin["t"] - margin["b"]
    names = [str(int(step)) for step in steps]
    every = -(-len(names) // MAX_SLIDER_LABELS)  # at most that many labels, ends kept
    labels = [
        name if i % every == 0 or i == len(names) - 1 else ""
        for i, name in enumerate(names)
    ]
    result.update(
        style.play_controls(
            names,
            labels,
            active=len(names) - 1,
            duration=max(60, 3000 // max(len(names), 1)),
            redraw=False,
            y=-_PLAY_OFFSET / max(plot_height, 1),
            prefix="step ",
            replay=True,
        )
    )
    result["margin"] = margin


def lowest_line(value: float) -> tuple[Dict, Dict]:
    """A dotted line at the lowest possible loss, and its label."""
    shape = {
        "type": "line",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "y0": value,
        "y1": value,
        "line": {"color": style.TARGET, "dash": "dot", "width": 2},
    }
    note = {
        "xref": "paper",
        "x": 1,
        "y": value,
        "xanchor": "right",
        "yanchor": "bottom",
        "text": "lowest possible loss",
        "showarrow": False,
        "font": {"color": style.TARGET, "size": 14},
    }
    return shape, note
