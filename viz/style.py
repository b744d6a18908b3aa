"""One visual language for every chart: palette, fonts, layout and sizes.

Colours are Okabe–Ito (safe for colour-blind readers) and keep one meaning on
every page, so a learner who has seen one chart can read the next:

- ``CURRENT``  blue       the learner's current value, line, vector or guess
- ``TARGET``   vermillion the true / target / optimal value, the answer
- ``SECOND``   orange     a second series to compare with the first
- ``THIRD``    green      a third series; "inside", "positive", "good"
- ``ACCENT``   purple     highlights: the cell, row or step under focus
- ``SKY``      sky blue   fills and areas belonging to ``CURRENT``
- ``NEUTRAL``  grey       guides: axes through 0, grids, ideal curves' helpers

Charts are titled, have labelled axes, use fonts large enough for a projector,
and keep the user's zoom across reruns (``uirevision``).
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

CURRENT = "#0072B2"
TARGET = "#D55E00"
SECOND = "#E69F00"
THIRD = "#009E73"
ACCENT = "#CC79A7"
SKY = "#56B4E9"
YELLOW = "#F0E442"
NEUTRAL = "#666666"
LIGHT = "#DDDDDD"
INK = "#222222"

#: Ordered palette for series without a fixed meaning.
SERIES = (CURRENT, SECOND, THIRD, ACCENT, SKY, TARGET)

FONT_FAMILY = "Source Sans, Source Sans Pro, Helvetica, Arial, sans-serif"
FONT_SIZE = 16
TITLE_SIZE = 20
HEIGHT = 420


def rgba(hex_colour: str, alpha: float) -> str:
    """Return ``hex_colour`` (``#RRGGBB``) as a CSS ``rgba(...)`` string."""
    value = hex_colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({red},{green},{blue},{alpha})"


def base_layout(
    title: str,
    x_title: str = "",
    y_title: str = "",
    *,
    height: int = HEIGHT,
    show_legend: bool = True,
    uirevision: str = "keep",
) -> dict[str, Any]:
    """Layout shared by every figure: title, axis titles, fonts, margins."""
    axis = {
        "showgrid": True,
        "gridcolor": "#EBEBEB",
        "zeroline": True,
        "zerolinecolor": "#BBBBBB",
        "zerolinewidth": 1.5,
        "linecolor": "#888888",
        "ticks": "outside",
        "tickfont": {"size": FONT_SIZE - 2},
        "title": {"font": {"size": FONT_SIZE}},
    }
    return {
        "title": {
            "text": title,
            "font": {"size": TITLE_SIZE},
            "x": 0.0,
            "xanchor": "left",
        },
        "xaxis": {**axis, "title": {"text": x_title, "font": {"size": FONT_SIZE}}},
        "yaxis": {**axis, "title": {"text": y_title, "font": {"size": FONT_SIZE}}},
        "font": {"family": FONT_FAMILY, "size": FONT_SIZE, "color": INK},
        "height": height,
        "margin": {"l": 60, "r": 20, "t": 60, "b": 55},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "showlegend": show_legend,
        "legend": {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "xanchor": "right",
            "x": 1.0,
            "font": {"size": FONT_SIZE - 2},
        },
        "hoverlabel": {"font": {"size": FONT_SIZE - 1}},
        "uirevision": uirevision,
    }


def new_figure(
    title: str,
    x_title: str = "",
    y_title: str = "",
    **layout: Any,
) -> go.Figure:
    """Return an empty figure with the shared layout; ``layout`` overrides it."""
    options = {
        key: layout.pop(key)
        for key in ("height", "show_legend", "uirevision")
        if key in layout
    }
    fig = go.Figure(layout=base_layout(title, x_title, y_title, **options))
    if layout:
        fig.update_layout(**layout)
    return fig


def fix_range(
    fig: go.Figure,
    *,
    x: tuple[float, float] | None = None,
    y: tuple[float, float] | None = None,
) -> go.Figure:
    """Pin axis ranges so a moving control visibly moves the data."""
    if x is not None:
        fig.update_xaxes(range=list(x), autorange=False)
    if y is not None:
        fig.update_yaxes(range=list(y), autorange=False)
    return fig


def equal_aspect(fig: go.Figure) -> go.Figure:
    """Make one unit on x as long as one unit on y (geometry: vectors, grids)."""
    fig.update_yaxes(scaleanchor="x", scaleratio=1)
    return fig
