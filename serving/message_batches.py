"""A run's messages reach the event loop in batches, not one wake-up each.

Streamlit hands every message a script run draws (each element, each widget) to
the server's event loop on its own: ``AppSession._on_scriptrunner_event`` calls
``call_soon_threadsafe`` once per message, and each call writes to the loop's
wake-up pipe (a system call) and costs the loop a turn. A view draws 26–62 of
them on every change.

:func:`batched` wraps ``AppSession._on_scriptrunner_event``. A message starts a
batch and schedules one callback; the messages that follow join that batch until
the loop takes it, so a batch is delivered as soon as one message would have
been. Any other event (a run starting or ending, a shutdown) closes the open
batch first and is scheduled after it, so the loop sees every event in the order
the script thread sent it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

#: Where the hook goes: Streamlit's per-browser-tab session.
HOOK_MODULE = "streamlit.runtime.app_session"
HOOK_NAME = "AppSession._on_scriptrunner_event"
#: Set on the wrapper, so the hook is installed once.
MARKER = "batched_messages"
#: The session's open batch (a list of ``(sender, message)``), or absent.
_OPEN = "_mlmath_open_batch"
_LOCK = threading.Lock()

OnEvent = Callable[..., None]


def _deliver(session: Any, batch: list[tuple[Any, Any]], event: Any) -> None:
    """On the event loop: hand the batch's messages to Streamlit, in order."""
    with _LOCK:
        if session.__dict__.get(_OPEN) is batch:
            del session.__dict__[_OPEN]  # closed: later messages start a new one
    handle = session._handle_scriptrunner_event_on_event_loop
    for sender, message in batch:
        handle(sender, event, message)


def batched(on_event: OnEvent) -> OnEvent:
    """Wrap ``AppSession._on_scriptrunner_event`` (see the module's docstring)."""
    from streamlit.runtime.scriptrunner import ScriptRunnerEvent

    message_event = ScriptRunnerEvent.ENQUEUE_FORWARD_MSG  # looked up once

    def on_scriptrunner_event(
        session: Any, sender: Any, event: Any, forward_msg: Any = None, **more: Any
    ) -> None:
        if event is not message_event or more:
            with _LOCK:
                session.__dict__.pop(_OPEN, None)
            on_event(session, sender, event, forward_msg, **more)
            return
        with _LOCK:
            batch = session.__dict__.get(_OPEN)
            new = batch is None
            if new:
                batch = session.__dict__[_OPEN] = []
            batch.append((sender, forward_msg))
        if new:
            session._call_soon_on_event_loop(
                lambda: _deliver(session, batch, message_event)
            )

    on_scriptrunner_event.__wrapped__ = on_event  # type: ignore[attr-defined]
    setattr(on_scriptrunner_event, MARKER, True)
    return on_scriptrunner_event
