"""serve.py's seventh hook: a run's messages reach the event loop in batches.

On a real ``AppSession`` and a real event loop: every message and event is handled
in the order the script thread sent it, with one loop callback for a run of
messages instead of one each. The browser tests (``tests/e2e``) run on the hook.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import threading
import warnings
from typing import Any

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner import ScriptRunnerEvent

import serve
from serving import message_batches
from tests.helpers import app_session

MESSAGE = ScriptRunnerEvent.ENQUEUE_FORWARD_MSG


def _session_class() -> Any:
    module = importlib.import_module(message_batches.HOOK_MODULE)
    return getattr(module, message_batches.HOOK_NAME.split(".")[0])


def test_the_hook_point_is_where_it_was() -> None:
    session_class = _session_class()
    source = inspect.getsource(session_class._on_scriptrunner_event)
    assert "self._call_soon_on_event_loop(" in source
    handler = inspect.signature(session_class._handle_scriptrunner_event_on_event_loop)
    assert list(handler.parameters)[:4] == ["self", "sender", "event", "forward_msg"]
    assert "forward_msg=msg" in inspect.getsource(
        importlib.import_module("streamlit.runtime.scriptrunner.script_runner")
    )


def _message(text: str) -> ForwardMsg:
    msg = ForwardMsg()
    msg.delta.new_element.markdown.body = text
    return msg


def handled_in_order(sends: list[tuple[Any, str]]) -> tuple[list[str], int]:
    """Send ``(event, text)`` from a script thread; what the loop handled, in order,
    and how many callbacks the session scheduled on the loop."""

    async def scenario() -> tuple[list[str], int]:
        session = app_session()
        handled: list[str] = []
        scheduled = [0]
        call_soon = session._call_soon_on_event_loop

        def counted(callback: Any) -> None:
            scheduled[0] += 1
            call_soon(callback)

        def handle(sender: Any, event: Any, forward_msg: Any = None, *_: Any) -> None:
            body = forward_msg.delta.new_element.markdown.body if forward_msg else ""
            handled.append(body or event.name)

        session._call_soon_on_event_loop = counted  # type: ignore[method-assign]
        session._handle_scriptrunner_event_on_event_loop = handle  # type: ignore[method-assign]
        on_event = message_batches.batched(
            lambda s, sender, event, forward_msg=None, **more: counted(
                lambda: handle(sender, event, forward_msg)
            )
        )

        def script() -> None:  # Streamlit's script thread
            for event, text in sends:
                if event is MESSAGE:
                    on_event(session, None, event, forward_msg=_message(text))
                else:
                    on_event(session, None, event)

        thread = threading.Thread(target=script)
        thread.start()
        thread.join()
        await asyncio.sleep(0.05)  # the loop runs what was scheduled
        session.shutdown()
        return handled, scheduled[0]

    return asyncio.run(scenario())


def test_messages_and_events_are_handled_in_the_order_sent() -> None:
    started, stopped = (
        ScriptRunnerEvent.SCRIPT_STARTED,
        ScriptRunnerEvent.SCRIPT_STOPPED_WITH_SUCCESS,
    )
    sends = [(started, "")] + [(MESSAGE, f"m{i}") for i in range(30)]
    sends += [(stopped, ""), (MESSAGE, "after")]
    handled, scheduled = handled_in_order(sends)
    messages = [f"m{i}" for i in range(30)]
    assert handled == [
        "SCRIPT_STARTED",
        *messages,
        "SCRIPT_STOPPED_WITH_SUCCESS",
        "after",
    ]
    # one callback per event, one for the 30 messages, one for the last message
    assert scheduled == 4


def test_the_hook_is_installed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    session_class = _session_class()
    original = session_class._on_scriptrunner_event
    monkeypatch.setattr(session_class, "_on_scriptrunner_event", original)
    assert serve.batched_messages()
    first = session_class._on_scriptrunner_event
    assert first.__wrapped__ is original
    serve.batched_messages()
    assert session_class._on_scriptrunner_event is first


def test_a_missing_hook_point_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(message_batches, "HOOK_NAME", "NoSuchSession.on_event")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert serve.batched_messages() is False
    assert any("wakes the event loop" in str(w.message) for w in caught)
