"""serving.resume: while a resumed session redraws, the server's values win.

``tests/e2e/test_reconnect.py`` shows it on a real server and browser; here, on
real ``AppSession`` objects, which requests lose their widget values and which
keep them.
"""

from __future__ import annotations

import asyncio
import time

from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

from serving import resume
from tests.helpers import app_session


def handed(fragment: str, *, deadline: object) -> ClientState:
    """What Streamlit's ``request_rerun`` receives behind the hook."""

    async def scenario() -> ClientState:
        session = app_session()
        try:
            if deadline is not None:
                session.session_state[resume.RESYNC_KEY] = deadline
            got: list[ClientState] = []
            wrapped = resume.server_values_win(lambda _, state: got.append(state))
            sent = ClientState(
                page_script_hash="equations-hash",
                query_string="a=2.1",
                fragment_id=fragment,
                widget_states=WidgetStates(
                    widgets=[WidgetState(id="$$ID-x-a", double_value=2.0)]
                ),
            )
            wrapped(session, sent)
            assert sent.widget_states.widgets  # the browser's message is untouched
            return got[0]
        finally:
            session.shutdown()

    return asyncio.run(scenario())


def test_the_browsers_page_run_right_after_a_resume_drops_its_values() -> None:
    state = handed("", deadline=time.monotonic() + 60)
    assert list(state.widget_states.widgets) == []  # the session's own values rule
    assert (state.page_script_hash, state.query_string) == ("equations-hash", "a=2.1")


def test_outside_the_window_the_browsers_values_are_kept() -> None:
    for deadline in (None, time.monotonic() - 1, True):
        state = handed("", deadline=deadline)
        assert [w.double_value for w in state.widget_states.widgets] == [2.0]


def test_a_fragment_run_keeps_its_values_inside_the_window() -> None:
    state = handed("the-views-fragment", deadline=time.monotonic() + 60)
    assert [w.double_value for w in state.widget_states.widgets] == [2.0]
