"""serve.py's fourth hook: a new session asked for a view's fragment runs the page.

``tests/e2e/test_view_fragment.py`` shows it on a real server (and that without it
the change is dropped); here, on real ``AppSession`` objects, which requests
become a full run and that the hook point is where it was.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import warnings
from typing import Any

import pytest
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

import serve
from serving import lost_fragments
from tests.helpers import app_session


def _hook_owner() -> Any:
    module = importlib.import_module(lost_fragments.HOOK_MODULE)
    return getattr(module, lost_fragments.HOOK_NAME.split(".")[0])


def test_the_hook_point_is_where_it_was() -> None:
    session_class = _hook_owner()
    source = inspect.getsource(session_class.request_rerun)
    assert "fragment_id and not self.has_fragment(fragment_id)" in source  # the drop
    assert callable(session_class.has_fragment)
    assert "self._client_state = ClientState()" in inspect.getsource(session_class)
    assert "fragment_id" in ClientState.DESCRIPTOR.fields_by_name


def asked(fragment: str = "f1", *, session_ran: bool, holds: bool) -> ClientState:
    """What a session hands to Streamlit's ``request_rerun`` behind the hook."""

    async def scenario() -> ClientState:
        session = app_session()
        try:
            if session_ran:
                session._client_state.page_script_hash = "equations-hash"
            if holds:
                session._fragment_storage.register(fragment, lambda: None)
            handed: list[ClientState] = []
            wrapped = lost_fragments.full_run_when_lost(
                lambda _, state: handed.append(state)
            )
            state = ClientState(
                page_script_hash="equations-hash",
                query_string="b=-2",
                fragment_id=fragment,
                widget_states=WidgetStates(
                    widgets=[WidgetState(id="$$ID-x-a__slider", double_value=2.5)]
                ),
            )
            wrapped(session, state)
            return handed[0]
        finally:
            session.shutdown()

    return asyncio.run(scenario())


def test_a_new_session_asked_for_a_fragment_runs_the_page() -> None:
    state = asked(session_ran=False, holds=False)
    assert state.fragment_id == ""  # a full run
    assert state.query_string == "b=-2"  # with everything the browser sent
    assert state.widget_states.widgets[0].double_value == 2.5


def test_a_session_that_ran_keeps_streamlits_rule() -> None:
    # a fragment a full run has just removed is not rerun (Streamlit drops it)
    assert asked(session_ran=True, holds=False).fragment_id == "f1"
    assert asked(session_ran=True, holds=True).fragment_id == "f1"


def test_a_held_fragment_reruns_alone() -> None:
    assert asked(session_ran=False, holds=True).fragment_id == "f1"


def test_a_full_run_stays_a_full_run() -> None:
    assert asked("", session_ran=False, holds=False).fragment_id == ""


def test_the_hook_is_installed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    owner = _hook_owner()
    original = owner.request_rerun
    monkeypatch.setattr(owner, "request_rerun", original)
    assert serve.rerun_lost_fragments()
    first = owner.request_rerun
    assert first.__wrapped__ is original
    serve.rerun_lost_fragments()
    assert owner.request_rerun is first


def test_a_missing_hook_point_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lost_fragments, "HOOK_NAME", "NoSuchSession.request_rerun")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert serve.rerun_lost_fragments() is False
    assert any("ignores changes" in str(w.message) for w in caught)
