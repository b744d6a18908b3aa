"""A live chart: it follows a drag at display rate, and tells Python on release.

A view declares its live controls with the parameters it already has (the same
``Param`` objects: URL key, bounds, ``hide=``, notes on bad link values) and
gives one function that draws the chart at any values (``core`` + ``viz`` +
``text``)::

    CONTROLS = (
        Drag(("b",), trace="intercept", label="intercept b"),
        Drag(("ax", "ay"), trace="a", label="tip of a", steps=21),
        Range("lr"),
    )

    def draw(values: Mapping[str, float]) -> tuple[go.Figure, str]:
        solution = eq.solve_linear(values["a"], values["b"])
        return viz.linear_live_figure(solution), words.linear_readout(solution)

    live_chart.show(state, draw, CONTROLS, key="linear", alt=sentence)

Python draws the frames on each control's grid (``ui.live_frames``), once for
all sessions (bounded cache), and sends them with the figure to a Streamlit
Custom Component v2 (``static/live_chart.js``, ``ui/live_chart.css``). In the browser a drag
swaps frames in with ``Plotly.animate(..., redraw false)`` at most once per display
frame, with no server round trip, and the chart shows the changing numbers (the
readout). The release sends one message; its callback sets the parameters
(``PageState.set_values``), so the sliders, the URL, the formula, the sentence
and the code panel follow in the rerun it starts.

Frames are sent when a learner may use them, not on every rerun: a control
whose frames are not computed yet (its grid at the other values) is sent
*lazy*, with its grid and no frames, unless the browser asked for it. The
browser asks (``want``) when the pointer enters the handle or the range, or the
control gets the focus, so the frames are usually there before the press; a
control asked for once, or released, stays wanted in this session. The first
payload of a chart in a session sends every control's frames (a teacher's link
opened by a class: computed once, then shared from the cache).

Plotly is the page's small one (``ui.small_plotly``), loaded once per page from
this server.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from ui import live_lazy, numbers, predict, presentation, shared_cache
from ui import notebook_download as take_home
from ui.browser_state import accept
from ui.live_frames import (
    Control,
    Drag,
    Draw,
    Range,
    as_figure,
    control_frames,
    encode,
    figure_data,
    handle_at,
    live_names,
    start_index,
)
from ui.live_lazy import DRAWN, MAX_DRAWN, WANT, control_key, lazy
from ui.session_keys import scoped
from ui.small_plotly import PLOTLY_URL, mount, plotly_script, versioned
from ui.url_state import PageState, Param
from viz.style import plain_figures

__all__ = ["Control", "Drag", "Range", "control_key", "show"]

HTML = (
    '<div class="live-chart"><div class="live-plot"></div>'
    '<div class="live-handles"></div><div class="live-readout" hidden></div>'
    '<div class="live-ranges"></div></div>'
)
#: Plotly's toolbar for a live chart: no zoom box (a drag moves the maths).
CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "displayModeBar": False,
    "responsive": True,
    "typesetMath": False,
}
#: The component's state key: ``{"values": {name: value}, "n": counter}``.
RELEASE = "release"
_LAST_GOOD = "_live_last_good_"


@shared_cache.shared(max_entries=MAX_DRAWN)
def _frames(
    name: str,
    control: Control,
    fixed: tuple[tuple[str, float], ...],
    drags: tuple[Drag, ...],
    _draw: Draw,
    _params: Mapping[str, Param],
) -> dict[str, Any]:
    """One control's frames with the other parameters at ``fixed``, for all sessions."""
    described = control_frames(_draw, control, _params, dict(fixed), drags)
    return {**described, "fid": _fid(described["frames"])}


def _fid(frames: Any) -> str:
    """A frame set's id: the browser keeps frames by it, so they travel once."""
    return hashlib.blake2b(encode(frames), digest_size=8).hexdigest()


def _sent(frames: dict[str, Any], have: frozenset[str]) -> dict[str, Any]:
    """A control as sent: its frames, or only their id when the browser holds them."""
    if frames["fid"] in have:
        return {k: v for k, v in frames.items() if k not in ("frames", "fid")} | {
            "ref": frames["fid"]
        }
    return frames


#: A layout image (a raster backdrop) at least this long travels once: after that
#: its ``source`` is ``ref:<id>`` and the browser takes it from its store.
MIN_REF_SOURCE = 4096


def _images_by_ref(
    data: dict[str, Any], have: frozenset[str], carried: list[str] | None
) -> tuple[dict[str, Any], dict[str, str]]:
    """The figure with each big layout image's source as ``ref:<id>``; the sources
    the browser does not hold yet, by id (sent beside it)."""
    images = data["layout"].get("images") or []
    if not any(len(str(i.get("source", ""))) >= MIN_REF_SOURCE for i in images):
        return data, {}
    sources: dict[str, str] = {}
    shown = []
    for image in images:
        source = image.get("source")
        if not isinstance(source, str) or len(source) < MIN_REF_SOURCE:
            shown.append(image)
            continue
        sid = hashlib.blake2b(source.encode(), digest_size=8).hexdigest()
        if sid not in have:
            sources[sid] = source
        if carried is not None:
            carried.append(sid)
        shown.append({**image, "source": f"ref:{sid}"})
    return {**data, "layout": {**data["layout"], "images": shown}}, sources


@shared_cache.shared(max_entries=128)
def _base(
    name: str, values: tuple[tuple[str, float], ...], _draw: Draw
) -> tuple[go.Figure, dict[str, Any], str]:
    fig, readout = _draw(dict(values))
    with plain_figures():  # Plotly's objects only if read (take-home, projector)
        whole = as_figure(fig)
    return whole, figure_data(fig), readout


def payload(
    state: PageState,
    draw: Draw,
    controls: Sequence[Control],
    alt: str = "",
    *,
    quiet: bool = False,
    have: frozenset[str] = frozenset(),
    wanted: Collection[str] | None = None,
    carried: list[str] | None = None,
) -> tuple[bytes, go.Figure]:
    """The data the browser gets: figure, frames of the shown controls, values.

    ``quiet`` (the learner is predicting): the frames carry no readout, so a drag
    shows the picture move but not the numbers that would give the answer away.
    ``have``: ids of frame sets the browser already holds; those controls are sent
    without their frames (a release then costs a few KB, not the whole grid).
    A big layout image (a backdrop) goes by id the same way (``sources`` holds
    those the browser lacks).
    ``wanted``: the controls (:func:`control_key`) whose frames are drawn if need
    be; any other control gets its frames only when they are drawn already, else
    it is sent lazy (grid only). None: every control's frames. ``carried``
    gets the ids of the frame sets sent (inline or by id).
    """
    name = f"{draw.__module__}.{draw.__qualname__}"
    shown = [c for c in controls if not set(c.params) & state.hidden]
    names = live_names(controls)
    values = {n: state.value(n) for n in names}
    fig, data, _ = _base(name, tuple(values.items()), draw)
    if presentation.on():  # bigger text, thicker lines: the projector's copy
        fig = presentation.figure(fig)
        data = figure_data(fig)
    drags = tuple(c for c in shown if isinstance(c, Drag))
    parts, starts = [], []
    for control in shown:
        fixed = tuple((n, v) for n, v in values.items() if n not in control.params)
        cache_key = (name, control, fixed, drags)
        if not (wanted is None or control_key(control) in wanted or cache_key in DRAWN):
            sketch = lazy(control, state.params)
            starts.append(start_index(sketch, values))
            parts.append(encode(sketch))
            continue
        frames = _frames(name, control, fixed, drags, draw, state.params)
        DRAWN.note(cache_key)
        if quiet:
            blank = [{**f, "t": ""} for f in frames["frames"]]
            frames = {**frames, "frames": blank, "fid": frames["fid"] + "q"}
        starts.append(start_index(frames, values))
        parts.append(_control_json(frames["fid"], frames["fid"] in have, frames))
        if carried is not None:
            carried.append(frames["fid"])
    sent, sources = _images_by_ref(data, have, carried)
    head = encode(
        {
            "plotly": PLOTLY_URL,
            "config": CONFIG,
            "alt": alt,
            "values": values,
            "figure": sent,
            "sources": sources,
            "handles": [handle_at(data["data"], drag) for drag in drags],
            "starts": starts,
        }
    )
    # The frame sets are encoded once for all sessions (_control_json) and joined
    # in: a rerun no longer turns hundreds of KB of frames into JSON twice.
    body = head[:-1] + b',"controls":[' + b",".join(parts) + b"]}"
    return versioned(body), fig


@shared_cache.shared(max_entries=192)
def _control_json(fid: str, by_ref: bool, _frames: dict[str, Any]) -> bytes:
    """One control as JSON: its frames, or their id alone (``by_ref``)."""
    return encode(_sent(_frames, frozenset({fid}) if by_ref else frozenset()))


def _released(key: str, state: PageState) -> None:
    """The browser's release: set each moved parameter (checked like a link value)."""
    released = (st.session_state.get(key) or {}).get(RELEASE) or {}
    values = released.get("values") if isinstance(released, Mapping) else None
    if not isinstance(values, Mapping):
        return
    checked = {}
    for name, raw in values.items():
        param = state.params.get(name)
        value = accept(param, raw) if param is not None else None
        if value is not None:
            checked[name] = value
    chart = key.removeprefix("live_")
    live_lazy.take_have(chart, released.get("have"))
    live_lazy.only(chart, released.get("control"))  # the others: when reached for
    state.set_values(checked)


def _asked(key: str) -> None:
    """The browser's ``want``: send this control's frames from now on."""
    asked = (st.session_state.get(key) or {}).get(WANT)
    if not isinstance(asked, Mapping):
        return
    chart = key.removeprefix("live_")
    live_lazy.take_have(chart, asked.get("have"))
    live_lazy.want(chart, asked.get("control"))


def show(
    state: PageState,
    draw: Draw,
    controls: Sequence[Control],
    *,
    key: str,
    alt: str,
) -> go.Figure | None:
    """Draw the live chart ``key``: ``draw`` at the current values, plus the frames.

    ``alt`` (the view's sentence) is the chart's text alternative; the figure goes
    into the take-home notebook like any chart's. Returns the figure drawn
    (None when the values are bad and no chart was drawn before).
    """
    if predict.hides_chart(key):  # it would give the answer of "Predict first" away
        st.caption(predict.HIDDEN_CHART)
        return None
    quiet = predict.hiding() is not None
    if quiet:
        alt = predict.HIDDEN_ALT
    plotly_script()
    plain = alt.replace("**", "").replace("`", "")  # words for a screen reader
    # The chart's first payload in this session sends every control's frames.
    wanted = live_lazy.wanted(key)
    try:
        carried: list[str] = []
        data, fig = payload(
            state,
            draw,
            controls,
            plain,
            quiet=quiet,
            have=live_lazy.held(key),
            wanted=wanted,
            carried=carried,
        )
        live_lazy.carry(key, carried)
    except ValueError:  # the view has shown the error: keep the last good chart
        last = st.session_state.get(_LAST_GOOD + key)
        if last is None:
            return None
        data, fig = last
    if not quiet:  # the last good chart and the notebook never hold a hidden answer
        st.session_state[scoped(_LAST_GOOD + key)] = (data, fig)
        take_home.add_sentence(alt)
        take_home.add_figure(fig, key)
    mount("live_chart", HTML)(
        key=f"live_{key}",
        data=data,
        on_release_change=functools.partial(_released, f"live_{key}", state),
        on_want_change=functools.partial(_asked, f"live_{key}"),
    )
    if not quiet:
        numbers.show_numbers(fig, key)  # "Show the numbers", as under every chart
    return fig
