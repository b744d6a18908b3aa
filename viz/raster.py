"""A filled contour drawn as a picture under the plot, for charts that play frames.

Plotly removes every contour and heatmap trace from a chart as soon as it plays
frames without a full redraw: only scatter-like traces know how to animate
(plotly.js ``plots.transition`` skips the rest, and the subplot's drawing then drops
their layer; plotly/plotly.py#2151). A full redraw per frame costs ~300 ms on this
machine, far too slow to play. So an animated chart gets its bands and level lines
as a PNG in ``layout.images`` (drawn below the traces, untouched by ``animate``),
with a colour bar carried by an invisible scatter trace (:func:`colour_bar_trace`).

The PNG is palette-indexed (one colour per band, a darker twin for the level lines)
and compressed with ``zlib``; the server's Content-Security-Policy allows ``data:``
images, and nothing is fetched.
"""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Sequence
from typing import Any

import numpy as np

#: Pixels across the picture; the height follows the grid's shape.
WIDTH = 512
#: Bounds of the picture's height, in pixels.
MIN_HEIGHT, MAX_HEIGHT = 240, 1200
#: How much darker a level line is than the band it runs through (0: black, 1: none).
LINE_SHADE = 0.72

Dict = dict[str, Any]
Scale = Sequence[Sequence[Any]]


def _rgb(colour: str) -> np.ndarray:
    value = colour.lstrip("#")
    return np.array([int(value[i : i + 2], 16) for i in (0, 2, 4)], dtype=float)


def scale_colours(scale: Scale, positions: np.ndarray) -> np.ndarray:
    """RGB (0–255, shape ``(n, 3)``) of a Plotly colour scale (``#RRGGBB`` stops)."""
    stops = np.array([float(stop) for stop, _ in scale])
    colours = np.array([_rgb(str(colour)) for _, colour in scale])
    return np.column_stack(
        [np.interp(positions, stops, colours[:, channel]) for channel in range(3)]
    )


def sample(
    xs: np.ndarray, ys: np.ndarray, z: np.ndarray, px: np.ndarray, py: np.ndarray
) -> np.ndarray:
    """``z`` (rows along ``ys``) bilinearly read at every ``(px[j], py[i])``: ``(i, j)``."""
    fx = np.interp(px, xs, np.arange(xs.size))
    fy = np.interp(py, ys, np.arange(ys.size))
    x0 = np.minimum(fx.astype(int), xs.size - 2)
    y0 = np.minimum(fy.astype(int), ys.size - 2)
    tx, ty = (fx - x0)[None, :], (fy - y0)[:, None]
    rows = z[y0] * (1 - ty) + z[y0 + 1] * ty  # (len(py), len(xs))
    return np.asarray(rows[:, x0] * (1 - tx) + rows[:, x0 + 1] * tx)


def pixel_centres(
    low: float, high: float, count: int, *, downwards: bool = False
) -> np.ndarray:
    """Where ``count`` pixels across ``low … high`` have their centres (top first)."""
    centres = low + (np.arange(count) + 0.5) / count * (high - low)
    return centres[::-1] if downwards else centres


def band_indices(values: np.ndarray, low: float, high: float, bands: int) -> np.ndarray:
    """Which of ``bands`` equal bands between ``low`` and ``high`` each value is in."""
    span = high - low if high > low else 1.0
    index = np.floor((values - low) / span * bands)
    return np.clip(np.nan_to_num(index, nan=bands - 1), 0, bands - 1).astype(np.uint8)


def with_lines(bands: np.ndarray, count: int) -> np.ndarray:
    """Pixels where the band changes (a level line) moved to the darker palette half."""
    edge = np.zeros(bands.shape, dtype=bool)
    edge[:, 1:] |= bands[:, 1:] != bands[:, :-1]
    edge[1:, :] |= bands[1:, :] != bands[:-1, :]
    return np.where(edge, bands + count, bands).astype(np.uint8)


def png(indices: np.ndarray, palette: np.ndarray) -> bytes:
    """A palette PNG of ``indices`` (uint8, top row first) with ``palette`` (RGB rows)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    height, width = indices.shape
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)
    rows = np.hstack([np.zeros((height, 1), dtype=np.uint8), indices])  # filter 0
    colours = np.clip(np.round(palette), 0, 255).astype(np.uint8).tobytes()
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            chunk(b"PLTE", colours),
            chunk(b"IDAT", zlib.compress(rows.tobytes(), 9)),
            chunk(b"IEND", b""),
        )
    )


def contour_image(
    xs: np.ndarray,
    ys: np.ndarray,
    z: np.ndarray,
    scale: Scale,
    *,
    bands: int = 22,
    width: int = WIDTH,
) -> Dict:
    """A layout image: ``z`` (shape ``(len(ys), len(xs))``) as filled bands with lines.

    The picture covers exactly ``xs[0] … xs[-1]`` by ``ys[0] … ys[-1]`` in data
    coordinates, below the traces; its colours follow ``scale`` from ``z``'s
    lowest value to its highest (the range :func:`colour_bar_trace` shows).
    """
    aspect = (ys[-1] - ys[0]) / (xs[-1] - xs[0])
    height = int(min(MAX_HEIGHT, max(MIN_HEIGHT, round(width * aspect))))
    low, high = float(np.nanmin(z)), float(np.nanmax(z))
    px = pixel_centres(float(xs[0]), float(xs[-1]), width)
    py = pixel_centres(float(ys[0]), float(ys[-1]), height, downwards=True)
    values = sample(xs, ys, z, px, py)
    indices = with_lines(band_indices(values, low, high, bands), bands)
    fills = scale_colours(scale, (np.arange(bands) + 0.5) / bands)
    palette = np.vstack([fills, fills * LINE_SHADE])
    source = base64.b64encode(png(indices, palette)).decode()
    return {
        "source": f"data:image/png;base64,{source}",
        "xref": "x",
        "yref": "y",
        "x": float(xs[0]),
        "y": float(ys[-1]),
        "sizex": float(xs[-1] - xs[0]),
        "sizey": float(ys[-1] - ys[0]),
        "xanchor": "left",
        "yanchor": "top",
        "sizing": "stretch",
        "layer": "below",
    }


def colour_bar_trace(
    z: np.ndarray, scale: Scale, title: str, at: tuple[float, float]
) -> Dict:
    """An invisible one-point scatter whose only job is the colour bar of the picture.

    A scatter survives Plotly's animations (a contour trace does not), so its
    colour bar stays while the frames play. ``at`` is where the hidden point sits.
    """
    low, high = float(np.nanmin(z)), float(np.nanmax(z))
    return {
        "type": "scatter",
        "x": [at[0]],
        "y": [at[1]],
        "mode": "markers",
        "name": title,
        "marker": {
            "color": [low],
            "cmin": low,
            "cmax": high,
            "colorscale": [list(stop) for stop in scale],
            "showscale": True,
            "colorbar": {"title": {"text": title}, "thickness": 14},
            "opacity": 0,
            "size": 1,
        },
        "hoverinfo": "skip",
        "showlegend": False,
    }
