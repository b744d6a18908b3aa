"""What the browser says its controls show, for the runs where it may differ.

1. A session resumed after its websocket dropped: ``serve.py`` reruns it and sets
   :data:`RESYNC_KEY`, and :class:`ui.url_state.PageState` then writes every value
   back so the browser takes the server's (the dropped run never reached it).
2. A new session for a page already on screen (the server lost the old one, e.g.
   its process crashed and the browser reconnected to another): its first run is
   the learner's next change, and the browser sends every control's value with it.
   :func:`browser_values` reads them, so that change wins over the link (which
   still describes the view before the change).

3. Back or Forward: the browser shows an earlier address, and its run says so
   (:func:`history_navigation`); the page then reads every value from that address.

Streamlit keeps the browser's values of a new session as protobufs, keyed by
element id (``…-<key>``), until each widget is drawn. Reading them uses
``SafeSessionState.get_widget_states`` and ``user_key_from_element_id``;
``tests/ui/test_browser_state.py`` fails if they move.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.params import Param

#: Same text as ``serving.resume.RESYNC_KEY`` (the server imports nothing of the
#: app): the end of a resumed session's window, on ``time.monotonic``'s clock.
RESYNC_KEY = "_serve_resync_controls"
#: Repeated fields of a widget state: the slider's and segmented control's value.
_LISTS = ("double_array_value", "string_array_value", "int_array_value")


def sent_values() -> dict[str, Any]:
    """The value of every keyed control the browser sent with this run, by key."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    from streamlit.runtime.state.common import user_key_from_element_id

    ctx = get_script_run_ctx()
    if ctx is None:
        return {}
    sent: dict[str, Any] = {}
    for state in ctx.session_state.get_widget_states():
        key = user_key_from_element_id(state.id)
        field = state.WhichOneof("value")
        if key is None or field is None:
            continue
        value = getattr(state, field)
        if field in _LISTS:
            if len(value.data) != 1:
                continue
            value = value.data[0]
        sent[key] = value
    return sent


def accept(param: Param, raw: Any) -> Any:
    """``raw`` (a value the browser sent) as a value of ``param``; None if unusable."""
    try:
        if param.kind in ("float", "int"):
            if isinstance(raw, bool) or not isinstance(raw, (int, float)):
                return None
            return param.parse(repr(float(raw)))
        if param.kind == "choice":  # the browser sends the option's label
            words = {label: word for word, label in param.choices.items()}
            return param.parse(words.get(raw, str(raw)))
        if param.kind == "bool":
            return raw if isinstance(raw, bool) else None
        if isinstance(raw, str) and len(raw) <= param.max_chars:
            return raw
    except ValueError:
        pass
    return None


def browser_values(
    params: Mapping[str, Param], linked: Mapping[str, Any], slider_suffix: str
) -> dict[str, Any]:
    """The values the browser shows for ``params``, where it sent any.

    ``linked`` holds the link's values. A slider and its number box are one
    value: the half that differs from the link is the one the learner changed.
    """
    sent = sent_values()
    values: dict[str, Any] = {}
    for name, param in params.items():
        number = accept(param, sent[name]) if name in sent else None
        if param.widget == "slider+number":
            slider_key = name + slider_suffix
            slider = accept(param, sent[slider_key]) if slider_key in sent else None
            if slider is not None and (number is None or number == linked[name]):
                number = slider
        if number is not None:
            values[name] = number
    return values


def keep_resyncing(session_state: Any) -> bool:
    """After a run that wrote every control back: True to go on doing so.

    For a second after a resume (:data:`RESYNC_KEY` holds its end) the browser may
    still ask for runs with the values it showed before the drop, and each of them
    writes every control back too. Once that second is over, the key goes.
    """
    deadline = session_state.get(RESYNC_KEY)
    number = isinstance(deadline, (int, float)) and not isinstance(deadline, bool)
    if number and time.monotonic() < deadline:
        return True
    session_state.pop(RESYNC_KEY, None)
    return False


def history_navigation() -> bool:
    """True in a run that the browser's Back or Forward button started.

    Every control change adds a history entry (Streamlit pushes the new address);
    Back reruns the page with the earlier address, which then describes the view.
    """
    ctx = get_script_run_ctx()
    return bool(ctx is not None and getattr(ctx, "is_history_navigation", False))
