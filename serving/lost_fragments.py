"""A new session asked to rerun a fragment runs the whole page instead.

Every page draws its view in a fragment (``ui.view_fragment``): a change inside
the view makes the browser ask for a rerun of that fragment alone. A session
that holds no fragment yet cannot do it, and Streamlit drops the request
without a word (``AppSession.request_rerun``: "The fragment with id … does not
exist anymore"). That happens when the server lost the session whose page is
on screen (its process crashed and the browser reconnected to another): the
browser's next change is the first run of a new session, and it would be lost,
and every change after it too, since nothing ever runs the page to register
the fragment.

:func:`full_run_when_lost` wraps ``AppSession.request_rerun``: when a session
that has never run is asked for a fragment it does not hold, the request becomes
a full run with the same widget values, which ``ui.browser_state`` then reads
(the learner's change wins over the link, as for any other new session).
A session that has run keeps Streamlit's behaviour (a fragment a full run has
just removed is not rerun).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: Where the hook goes: Streamlit's per-browser-tab session.
HOOK_MODULE = "streamlit.runtime.app_session"
HOOK_NAME = "AppSession.request_rerun"
#: Set on the wrapper, so the hook is installed once.
MARKER = "full_run_when_lost"

RequestRerun = Callable[[Any, Any], None]


def never_ran(session: Any) -> bool:
    """True for a session that has not started a run of any page yet."""
    client_state = getattr(session, "_client_state", None)
    return not getattr(client_state, "page_script_hash", "")


def as_full_run(client_state: Any) -> Any:
    """A copy of ``client_state`` without its fragment: a run of the whole page."""
    whole = type(client_state)()
    whole.CopyFrom(client_state)
    whole.fragment_id = ""
    return whole


def full_run_when_lost(request_rerun: RequestRerun) -> RequestRerun:
    """Wrap ``AppSession.request_rerun`` (see the module's docstring)."""

    def request(session: Any, client_state: Any = None) -> None:
        fragment = getattr(client_state, "fragment_id", "") if client_state else ""
        if fragment and never_ran(session) and not session.has_fragment(fragment):
            client_state = as_full_run(client_state)
        request_rerun(session, client_state)

    request.__wrapped__ = request_rerun  # type: ignore[attr-defined]
    setattr(request, MARKER, True)
    return request
