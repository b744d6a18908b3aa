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

Building figures: Plotly's object API validates and deep-copies the whole
figure on every call that adds a trace or updates the layout: about half of a
page's server time per interaction. Build each figure once from plain dicts with
:func:`figure` (unvalidated, several times faster); ``tests/viz`` check every
figure with :func:`validate`, which runs Plotly's full validation. Layouts carry
an empty template: Plotly's default one adds ~6.5 KB to every figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import plotly.graph_objects as go

from viz import plain

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
#: Guides drawn by :func:`base_layout`: grid, zero line, axis line.
GRID, ZERO_LINE, AXIS_LINE = "#EBEBEB", "#BBBBBB", "#888888"

#: Presentation mode's darker twins of these colours: ``viz.presentation.PRESENTED``.

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
        "gridcolor": GRID,
        "zeroline": True,
        "zerolinecolor": ZERO_LINE,
        "zerolinewidth": 1.5,
        "linecolor": AXIS_LINE,
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
        "colorway": list(SERIES),
        "template": {},
    }


class Figure(go.Figure):
    """A figure built from plain dicts, unvalidated; its frames stay plain dicts.

    Plotly turns every trace of every animation frame into a graph object (even
    unvalidated), which for tens of frames costs more than a whole rerun; frames
    are only ever serialised, so they are added back in :meth:`to_dict`, which
    ``st.plotly_chart`` and ``to_json`` both call.
    """

    def __init__(
        self,
        data: list[dict[str, Any]],
        layout: dict[str, Any],
        frames: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(data=data, layout=layout, _validate=False)
        self.__dict__["_raw_frames"] = list(frames or [])

    @classmethod
    def deferred(
        cls,
        data: list[dict[str, Any]],
        layout: dict[str, Any],
        frames: list[dict[str, Any]] | None = None,
    ) -> Figure:
        """A figure whose Plotly objects are built once, if something reads them
        (``viz.plain``); :meth:`to_dict` answers from the dicts themselves."""
        fig = cls.__new__(cls)
        fig.__dict__["_deferred"] = (data, layout, frames)
        return fig

    def __getattr__(self, name: str) -> Any:
        """Build a :meth:`deferred` figure when first read; else there is no ``name``."""
        deferred = self.__dict__.get("_deferred")
        if deferred is None:
            raise AttributeError(name)
        with plain.BUILDING:
            if self.__dict__.get("_building"):  # Plotly's own look-ups while built
                raise AttributeError(name)
            if self.__dict__.get("_deferred") is deferred:
                self.__dict__["_building"] = True
                try:
                    data, layout, frames = cast(tuple[Any, Any, Any], deferred)
                    Figure.__init__(self, data, layout, frames)
                finally:
                    del self.__dict__["_building"]
                del self.__dict__["_deferred"]
        return object.__getattribute__(self, name)

    def to_dict(self) -> dict[str, Any]:
        cached = self.__dict__.get("_frozen_dict")
        if cached is not None:
            return cached
        deferred = self.__dict__.get("_deferred")
        if deferred is not None:
            data, layout, frames = deferred
            whole = {"data": [dict(t) for t in data], "layout": dict(layout)}
            return {**whole, "frames": [dict(f) for f in frames]} if frames else whole
        result: dict[str, Any] = super().to_dict()
        raw_frames = self.__dict__.get("_raw_frames")
        if raw_frames:
            result["frames"] = [dict(frame) for frame in raw_frames]
        return result


def _frozen_dict(fig: Figure) -> dict[str, Any]:
    """``fig.to_dict()`` as Plotly writes it, without building a deferred figure."""
    deferred = fig.__dict__.get("_deferred")
    whole = plain.plotly_dict(*deferred) if deferred is not None else None
    if whole is None and deferred is not None:
        fig.layout  # noqa: B018 (builds it: only Plotly expands a magic underscore)
    return whole if whole is not None else fig.to_dict()


def figure(
    data: list[dict[str, Any]],
    layout: dict[str, Any],
    frames: list[dict[str, Any]] | None = None,
) -> go.Figure:
    """The figure of ``data`` (trace dicts with ``"type"``), ``layout`` and ``frames``.

    Inside :func:`plain_figures` the figure is :meth:`Figure.deferred`.
    """
    if plain.is_plain():
        return Figure.deferred(data, layout, frames)
    return Figure(data, layout, frames)


#: Inside it, :func:`figure` keeps the dicts (:meth:`Figure.deferred`): ``viz.plain``.
plain_figures = plain.plain_figures


def freeze(fig: go.Figure) -> go.Figure:
    """Mark a finished (cached) figure: its dict form is computed once, then reused.

    ``st.plotly_chart`` calls ``to_dict()`` on every rerun, and Plotly walks every
    array of every frame to encode it (≈10 ms for an animated plane warp).
    """
    if not isinstance(fig, Figure):
        fig.__class__ = Figure  # no copy: only the to_dict() behaviour changes
    fig.__dict__["_frozen_dict"] = None
    fig.__dict__["_frozen_dict"] = _frozen_dict(cast(Figure, fig))
    return fig


def validate(fig: go.Figure) -> go.Figure:
    """Rebuild ``fig`` with Plotly's full validation (raises ``ValueError`` if invalid).

    For tests: figures are built unvalidated for speed, so tests check them here.
    """
    return go.Figure(fig.to_dict())


#: Legend under the plot area, where long entries cannot cover the title.
LEGEND_BELOW = {"y": -0.22, "yanchor": "top", "x": 0.0, "xanchor": "left"}


class Chart:
    """A figure under construction: the shared layout, traces, shapes, notes."""

    def __init__(
        self, title: str, x_title: str = "", y_title: str = "", **options: Any
    ) -> None:
        self.layout = base_layout(title, x_title, y_title, **options)
        self.traces: list[dict[str, Any]] = []
        self.shapes: list[dict[str, Any]] = []
        self.annotations: list[dict[str, Any]] = []

    def add(self, kind: str = "scatter", **trace: Any) -> Chart:
        self.traces.append({"type": kind, **trace})
        return self

    def ranges(
        self,
        x: tuple[float, float] | None = None,
        y: tuple[float, float] | None = None,
        *,
        equal_units: bool = False,
    ) -> Chart:
        """Pin axis ranges so a moving control visibly moves the data.

        With ``equal_units`` one unit of x is as long as one unit of y (the plot
        area shrinks instead of the ranges): geometry such as squares and angles.
        """
        if x is not None:
            self.layout["xaxis"].update(range=list(x), autorange=False)
        if y is not None:
            self.layout["yaxis"].update(range=list(y), autorange=False)
        if equal_units:
            self.layout["xaxis"]["constrain"] = "domain"
            self.layout["yaxis"].update(
                scaleanchor="x", scaleratio=1, constrain="domain"
            )
        return self

    def note(self, **annotation: Any) -> Chart:
        """A text annotation (``x``, ``y``, ``text``, …, as in Plotly's layout)."""
        self.annotations.append(annotation)
        return self

    def legend_below(self) -> Chart:
        """The legend under the chart, where long entries cannot cover the title."""
        self.layout["legend"].update(LEGEND_BELOW)
        self.layout["margin"] = {**self.layout["margin"], "b": 100}
        return self

    def guide(self, *, x: float | None = None, y: float | None = None) -> Chart:
        """A dashed grey line across the plot at ``x`` (vertical) or ``y``."""
        line = {"color": NEUTRAL, "dash": "dash", "width": 1.5}
        if x is not None:
            self.shapes.append(
                {
                    "type": "line",
                    "x0": x,
                    "x1": x,
                    "y0": 0,
                    "y1": 1,
                    "yref": "paper",
                    "line": line,
                }
            )
        if y is not None:
            self.shapes.append(
                {
                    "type": "line",
                    "y0": y,
                    "y1": y,
                    "x0": 0,
                    "x1": 1,
                    "xref": "paper",
                    "line": line,
                }
            )
        return self

    def figure(self) -> go.Figure:
        layout = dict(self.layout)
        if self.shapes:
            layout["shapes"] = self.shapes
        if self.annotations:
            layout["annotations"] = self.annotations
        return figure(self.traces, layout)


#: Room (px) the Play and Pause buttons take at the left of a step slider.
PLAY_BUTTONS_WIDTH = 200


def play_controls(
    names: Sequence[str],
    labels: Sequence[str],
    *,
    active: int,
    duration: int,
    redraw: bool = True,
    y: float = -0.02,
    prefix: str | None = None,
    replay: bool = False,
) -> dict[str, Any]:
    """Play / Pause buttons and a slider over the frames ``names``, for a layout.

    All of it runs in the browser (Plotly's ``animate``), with no server round
    trip. ``labels`` label the slider's stops; ``prefix`` (e.g. ``"step "``)
    shows the current stop beside it. With ``replay`` Play always starts from
    the first frame; otherwise it plays ``names`` in order.
    """
    still: dict[str, Any] = {
        "frame": {"duration": 0, "redraw": redraw},
        "transition": {"duration": 0},
        "mode": "immediate",
    }
    play = {**still, "frame": {"duration": duration, "redraw": redraw}}
    play["fromcurrent"] = False
    current = (
        {"prefix": prefix, "xanchor": "right", "font": {"size": FONT_SIZE - 1}}
        if prefix
        else {"visible": False}
    )
    return {
        "updatemenus": [
            {
                "type": "buttons",
                "direction": "left",
                "showactive": False,
                "x": 0.0,
                "y": y,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": 0, "r": 10},
                "font": {"size": FONT_SIZE - 1},
                "buttons": [
                    {
                        "label": "▶ Play",
                        "method": "animate",
                        "args": [None if replay else list(names), play],
                    },
                    {"label": "❚❚ Pause", "method": "animate", "args": [[None], still]},
                ],
            }
        ],
        "sliders": [
            {
                "active": active,
                # the whole width, its rail starting right of the buttons (a share
                # of the width let Play and Pause cover the start on narrow charts)
                "x": 0.0,
                "len": 1.0,
                "y": y,
                "yanchor": "top",
                "pad": {"t": 0, "l": PLAY_BUTTONS_WIDTH},
                "currentvalue": current,
                "transition": {"duration": 0},
                "steps": [
                    {"label": label, "method": "animate", "args": [[name], still]}
                    for name, label in zip(names, labels, strict=True)
                ],
            }
        ],
    }
