"""Which frames a live chart sends: those a learner may use, each once.

:mod:`ui.live_chart` sends a control's frames only when they are drawn already
(:data:`DRAWN`, a record of the frame sets drawn in this process beside their
shared cache), when the browser asked for them (:func:`want`) or when this is the
chart's first payload in the session. Any other control goes :func:`lazy`: its
grid and labels, no frames. And a frame set the browser holds goes by its id:
the browser says which it holds with each release or ask (:func:`take_have`),
and every set sent since is held too (:func:`carry`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import streamlit as st

from ui.live_frames import Control, Drag, grids_of
from ui.params import Param
from ui.session_keys import scoped

#: The component's state key for "send this control's frames":
#: ``{"control": "ax ay", "n": counter, "have": [ids]}``.
WANT = "want"
#: Per chart: the frame sets the browser said it holds (``have`` in its release).
_HAVE = "_live_have_"
#: At most this many frame-set ids are taken from a release (the browser keeps 48).
MAX_HAVE = 64
#: Per chart: the frame sets this session's payloads carried since the browser
#: last said what it holds, newest last. The browser keeps every set it gets (its
#: newest 48), so these go by id too; if one is gone after all, the browser asks
#: for every frame again (``have: []``), and that word replaces this guess.
_SENT = "_live_sent_"
MAX_SENT = 24
#: Per chart: the control released last and those asked for since
#: (:func:`control_key`), oldest first; absent before the chart's first payload.
_WANTED = "_live_wanted_"
#: At most this many wanted controls per chart (a chart has a handful).
MAX_WANTED = 8


class Drawn:
    """A bounded record of keys, least recently noted first (thread-safe)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._keys: OrderedDict[Hashable, None] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def note(self, key: Hashable) -> None:
        with self._lock:
            self._keys[key] = None
            self._keys.move_to_end(key)
            while len(self._keys) > self.size:
                self._keys.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._keys.clear()


#: The frame sets drawn in this process, as ``ui.live_chart._frames``' cache keys
#: (the same size and order as that cache: a cheap "already drawn?").
MAX_DRAWN = 96
DRAWN = Drawn(MAX_DRAWN)


def control_key(control: Control) -> str:
    """How the browser names a control in a ``want``: its parameters, spaced."""
    return " ".join(control.params)


def lazy(control: Control, params: Mapping[str, Param]) -> dict[str, Any]:
    """A control as sent before its frames: grid, labels, no frames (``lazy``)."""
    described: dict[str, Any] = {
        "kind": control.kind,
        "params": list(control.params),
        "labels": [params[name].label for name in control.params],
        "grids": grids_of(control, params),
        "lazy": True,
    }
    if isinstance(control, Drag):
        described.update(label=control.label, colour=control.colour)
    return described


def wanted(chart: str) -> tuple[str, ...] | None:
    """The controls of ``chart`` to send frames of; None: all (its first payload)."""
    found = st.session_state.get(_WANTED + chart)
    st.session_state.setdefault(scoped(_WANTED + chart), ())
    return found


def want(chart: str, control: Any) -> None:
    """``control`` stays wanted on ``chart`` (the newest :data:`MAX_WANTED`)."""
    if not isinstance(control, str) or not 0 < len(control) <= 64:
        return
    kept = [c for c in st.session_state.get(_WANTED + chart, ()) if c != control]
    st.session_state[scoped(_WANTED + chart)] = (*kept[-(MAX_WANTED - 1) :], control)


def only(chart: str, control: Any) -> None:
    """A release of ``control``: it alone stays wanted on ``chart``.

    A learner mostly drags the same control again: the others' frames (which
    depend on the value just released) are drawn when the learner reaches for
    them (their ``want``), not at every release.
    """
    if isinstance(control, str) and 0 < len(control) <= 64:
        st.session_state[scoped(_WANTED + chart)] = (control,)


def take_have(chart: str, have: Any) -> None:
    """The ids of the frame sets the browser says it holds (bounded)."""
    if isinstance(have, list):
        ids = [i for i in have[:MAX_HAVE] if isinstance(i, str) and len(i) <= 20]
        st.session_state[scoped(_HAVE + chart)] = frozenset(ids)
        st.session_state[scoped(_SENT + chart)] = ()


def held(chart: str) -> frozenset[str]:
    """The frame sets the browser holds: those it named, and those sent since."""
    sent = st.session_state.get(_SENT + chart, ())
    return st.session_state.get(_HAVE + chart, frozenset()) | frozenset(sent)


def carry(chart: str, fids: Sequence[str]) -> None:
    """A payload of ``chart`` carried these frame sets (inline or by id)."""
    sent = st.session_state.get(_SENT + chart, ())
    kept = [fid for fid in sent if fid not in fids] + list(fids)
    st.session_state[scoped(_SENT + chart)] = tuple(kept[-MAX_SENT:])
