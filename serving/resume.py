"""A resumed session redraws its page, and the server's values win while it does.

Streamlit stops a session's run when its websocket drops, and its page asks for a
new run on reconnecting only if it had seen the run start: a drop just after a
slider moved left the slider at its new value and its number box, the formula and
the URL at the old one.

- :func:`rerunning_resumed` wraps ``WebsocketSessionManager.connect_session``: a
  resumed session reruns its whole page (:func:`rerun_resumed`), and for
  :data:`RESYNC_WINDOW_S` seconds every run of the page writes every control and
  the address back (``ui.url_state.PageState`` reads :data:`RESYNC_KEY`).
- :func:`server_values_win` wraps ``AppSession.request_rerun``: a run of the page
  that the browser asks for inside that window is what the browser showed before
  the drop (when the cut run was a view's fragment, Streamlit's page asks for one
  at once). Its widget values are dropped, so the server's values rule: they hold
  the cut run's change, which the browser had not yet drawn in full (its number
  box still said the old value, and would have been taken as a newer change).
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable
from typing import Any

from serving.lost_fragments import as_full_run

#: Connects a websocket to a new session or resumes the session it asks for.
SESSION_HOOK_MODULE = "streamlit.runtime.websocket_session_manager"
SESSION_HOOK_CLASS = "WebsocketSessionManager"
#: Where :func:`server_values_win` goes: Streamlit's per-browser-tab session.
REQUEST_HOOK_MODULE = "streamlit.runtime.app_session"
REQUEST_HOOK_NAME = "AppSession.request_rerun"
#: Set in a resumed session's state to the end of its window (``time.monotonic``):
#: until then each page run writes every control's value back, so the browser
#: shows the server's values (``ui/url_state.py`` reads it).
RESYNC_KEY = "_serve_resync_controls"
#: How long after a resume the server's values win (the browser's own request
#: comes within milliseconds; a learner's next change takes longer).
RESYNC_WINDOW_S = 1.0

RequestRerun = Callable[[Any, Any], None]


def window_open(session_state: Any, now: float | None = None) -> bool:
    """True while a resumed session's window (:data:`RESYNC_KEY`) is open."""
    try:
        deadline = session_state[RESYNC_KEY]
    except KeyError:
        return False
    if isinstance(deadline, bool) or not isinstance(deadline, (int, float)):
        return False
    return (time.monotonic() if now is None else now) < deadline


def rerun_resumed(session: Any) -> bool:
    """Rerun a resumed ``AppSession``'s whole page with its last page and query.

    ``_client_state`` is what Streamlit reruns with when a source file changes; it
    holds no widget values, so the run takes the session's own.
    """
    last = session._client_state
    if not last.page_script_hash:  # never ran: the browser asks for the first run
        return False
    session.session_state[RESYNC_KEY] = time.monotonic() + RESYNC_WINDOW_S
    # The whole page, even when the cut run was a view's fragment: a fragment run
    # would leave what is drawn around the view as the cut run left it.
    session.request_rerun(as_full_run(last))
    return True


def rerunning_resumed(connect: Callable[..., str]) -> Callable[..., str]:
    """Wrap ``WebsocketSessionManager.connect_session``: a resumed session reruns."""
    signature = inspect.signature(connect)

    def connect_session(manager: Any, *args: Any, **kwargs: Any) -> str:
        session_id = connect(manager, *args, **kwargs)
        asked = signature.bind(manager, *args, **kwargs).arguments
        if asked.get("existing_session_id") == session_id:
            info = manager.get_active_session_info(session_id)
            if info is not None:
                rerun_resumed(info.session)
        return session_id

    connect_session.__wrapped__ = connect  # type: ignore[attr-defined]
    connect_session.reruns_resumed = True  # type: ignore[attr-defined]
    return connect_session


def server_values_win(request_rerun: RequestRerun) -> RequestRerun:
    """Wrap ``AppSession.request_rerun`` (see the module's docstring)."""

    def request(session: Any, client_state: Any = None) -> None:
        if (
            client_state is not None
            and not client_state.fragment_id
            and window_open(session.session_state)
        ):
            from streamlit.proto.ClientState_pb2 import ClientState

            stale, client_state = client_state, ClientState()
            client_state.CopyFrom(stale)
            client_state.ClearField("widget_states")
        request_rerun(session, client_state)

    request.__wrapped__ = request_rerun  # type: ignore[attr-defined]
    request.server_values_win = True  # type: ignore[attr-defined]
    return request
