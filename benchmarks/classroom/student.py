"""One simulated student: a browser tab's websocket session, in Streamlit's protocol.

The student opens ``/_stcore/stream`` as the browser does (carrying the cookies a
first GET of the page set, so a load balancer's affinity holds), asks for the
page's first run, finds a control in the messages that come back, then changes it
and reads each rerun to its end. Every wait is bounded by ``timeout``.
"""

from __future__ import annotations

import contextlib
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

import websocket  # websocket-client, in requirements-dev.txt
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState, ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

from benchmarks.classroom.widgets import Widget, as_widget, choose_widget
from benchmarks.common.targets import Control

FINISHED = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
#: How a run's ``st.error`` box is reported (a traceback is reported otherwise).
REFUSED = "error box: "


class SessionLost(Exception):
    """The websocket closed, failed or stopped answering."""


@dataclass
class Run:
    """What one script run sent back."""

    seconds: float
    received: int  # bytes
    messages: int
    errors: list[str] = field(default_factory=list)
    widgets: list[Widget] = field(default_factory=list)
    #: Error boxes a walking student met and turned back from: the app refusing an
    #: input with a message (e.g. an impossible P(B)), not a failure.
    refused: list[str] = field(default_factory=list)
    #: The fragment each widget was drawn in, by widget id ("": none).
    fragments: dict[str, str] = field(default_factory=dict)

    def value_of(self, key: str) -> float | str | None:
        """The value a control with this widget key showed (None if absent)."""
        return next((w.value for w in self.widgets if w.key == key), None)


def affinity_cookies(url: str, timeout: float) -> str:
    """GET the page like a browser does and return the cookies it set.

    A load balancer with cookie-based affinity (deploy/haproxy.cfg) answers the
    first request with ``Set-Cookie``; the websocket must carry it to reach the
    same process.
    """
    with urllib.request.urlopen(url, timeout=timeout) as reply:
        reply.read()
        cookies = reply.headers.get_all("Set-Cookie") or []
    return "; ".join(c.split(";", 1)[0].strip() for c in cookies)


def context_info(url: str) -> ContextInfo:
    """What a browser in UTC, English, light mode tells the server about itself."""
    return ContextInfo(
        timezone="UTC",
        timezone_offset=0,
        locale="en-US",
        url=url,
        is_embedded=False,
        color_scheme="light",
    )


class Student:
    """One browser tab's worth of protocol: open a page, change a control."""

    def __init__(
        self,
        base_url: str,
        slug: str,
        control: Control,
        timeout: float = 15.0,
        walk: bool = False,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.slug = slug
        self.control = control
        self.timeout = timeout
        self.ws: websocket.WebSocket | None = None
        self.page_url = f"{self.base_url}/{slug}" + (
            f"?{control.query}" if control.query else ""
        )
        self.query_string = control.query
        self.page_script_hash = ""
        self.session_id = ""
        self.served_by = ""
        self.cookie = ""
        self.widget: Widget | None = None
        self.fragment_id = ""  # the widget's fragment: a change reruns only it
        self.values: tuple[Any, Any] = (0.0, 0.0)
        self.changes = 0
        self.walking = walk  # explore step by step instead of alternating two values
        self.direction = 1

    # -- connection -----------------------------------------------------------------
    def connect(self, existing_session_id: str = "", cookie: str | None = None) -> None:
        """Open the websocket, carrying the cookies a first GET of the page set.

        ``existing_session_id`` asks the server to resume that session (as the
        browser does after a dropped connection); ``cookie`` replaces the GET.
        """
        try:
            self.cookie = (
                affinity_cookies(self.page_url, self.timeout)
                if cookie is None
                else cookie
            )
            parsed = urlparse(self.base_url)
            scheme = "wss" if parsed.scheme == "https" else "ws"
            headers = [f"Cookie: {self.cookie}"] if self.cookie else []
            protocols = ["streamlit"]
            if existing_session_id:
                protocols += ["", existing_session_id]
            self.ws = websocket.create_connection(
                f"{scheme}://{parsed.netloc}{parsed.path}/_stcore/stream",
                subprotocols=protocols,
                header=headers,
                timeout=self.timeout,
            )
            self.served_by = (self.ws.getheaders() or {}).get("x-served-by", "")
        except (OSError, websocket.WebSocketException) as exc:
            raise SessionLost(f"connect: {exc}") from exc

    def reconnect(self, cookie: str | None = None) -> None:
        """Drop the connection and come back asking for the same session.

        With ``cookie`` (e.g. another process's affinity cookie) instead of the
        one this student was given.
        """
        self.close()
        self.connect(self.session_id, self.cookie if cookie is None else cookie)

    def close(self) -> None:
        """Close the websocket (quietly: it may already be gone)."""
        if self.ws is not None:
            with contextlib.suppress(OSError, websocket.WebSocketException):
                self.ws.close(timeout=1)
            self.ws = None

    # -- runs ---------------------------------------------------------------------------
    def _send(self, state: ClientState) -> None:
        if self.ws is None:
            raise SessionLost("not connected")
        try:
            self.ws.send_binary(BackMsg(rerun_script=state).SerializeToString())
        except (OSError, websocket.WebSocketException) as exc:
            raise SessionLost(f"send: {exc}") from exc

    def _receive(self, deadline: float) -> bytes:
        assert self.ws is not None
        if time.monotonic() > deadline:
            raise SessionLost(f"no end of run within {self.timeout:.0f} s")
        try:
            data = self.ws.recv()
        except (OSError, websocket.WebSocketException) as exc:
            raise SessionLost(f"receive: {exc}") from exc
        if not isinstance(data, bytes) or not data:
            raise SessionLost("websocket closed")
        return data

    def _read_run(self, started: float, collect_widgets: bool) -> Run:
        """Read messages until the run finishes; every wait bounded by the timeout."""
        run = Run(0.0, 0, 0)
        deadline = started + self.timeout
        while True:
            data = self._receive(deadline)
            run.received += len(data)
            run.messages += 1
            msg = ForwardMsg()
            msg.ParseFromString(data)
            if self._take(msg, run, collect_widgets):
                run.seconds = time.monotonic() - started
                return run

    def _take(self, msg: ForwardMsg, run: Run, collect_widgets: bool) -> bool:
        """Note what ``msg`` says; True when it ends the run."""
        kind = msg.WhichOneof("type")
        if kind == "delta":
            self._inspect_delta(msg, run, collect_widgets)
        elif kind == "new_session":
            self.session_id = msg.new_session.initialize.session_id or self.session_id
        elif kind == "navigation":
            # With st.navigation the page that ran is named here (new_session
            # names the entry script); the next rerun must ask for it again.
            self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            run.errors.append(f"page not found: {self.slug}")
        elif kind == "script_finished" and msg.script_finished in FINISHED:
            if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                run.errors.append("the page script did not compile")
            return True
        return False

    @staticmethod
    def _inspect_delta(msg: ForwardMsg, run: Run, collect_widgets: bool) -> None:
        if msg.delta.WhichOneof("type") != "new_element":
            return
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            run.errors.append(
                f"traceback: {element.exception.type}: {element.exception.message}"
            )
        elif kind == "alert" and element.alert.format == Alert.ERROR:
            run.errors.append(f"{REFUSED}{element.alert.body[:120]}")
        elif collect_widgets:
            widget = as_widget(element)
            if widget is not None:
                run.widgets.append(widget)
                run.fragments[widget.id] = msg.delta.fragment_id

    def open_page(self) -> Run:
        """The first run of the page, as the browser asks for it on load."""
        started = time.monotonic()
        self._send(
            ClientState(
                query_string=self.query_string,
                page_name=self.slug,
                widget_states=WidgetStates(),
                context_info=context_info(self.page_url),
            )
        )
        run = self._read_run(started, collect_widgets=True)
        self.widget = choose_widget(run.widgets, self.control.key)
        if self.widget is not None:
            self.values = self.widget.alternatives(self.control.values)
            self.fragment_id = run.fragments.get(self.widget.id, "")
        return run

    def rerun(
        self,
        widgets: Sequence[WidgetState] = (),
        *,
        collect_widgets: bool = False,
        fragment_id: str = "",
    ) -> Run:
        """Ask for a rerun of the current page with these widget values changed.

        With ``fragment_id``, of that fragment only (as the browser asks when the
        widget changed was drawn in a fragment).
        """
        started = time.monotonic()
        self._send(
            ClientState(
                query_string=self.query_string,
                page_script_hash=self.page_script_hash,
                widget_states=WidgetStates(widgets=list(widgets)),
                context_info=context_info(self.page_url),
                fragment_id=fragment_id,
            )
        )
        return self._read_run(started, collect_widgets)

    def change(self) -> Run:
        """Change the control (two values in turn, or one more step) and rerun."""
        if self.widget is None:
            raise SessionLost(f"no control to change on {self.slug}")
        self.changes += 1
        if self.walking:
            value, self.direction = self.widget.walk(self.values[0], self.direction)
            self.values = (value, self.values[1])
        else:
            value = self.values[self.changes % 2]
        run = self.rerun([self.widget.state(value)], fragment_id=self.fragment_id)
        boxes = [e for e in run.errors if e.startswith(REFUSED)]
        if self.walking and boxes:  # told why, a learner steps back the other way
            self.direction = -self.direction
            run.refused = boxes
            run.errors = [e for e in run.errors if not e.startswith(REFUSED)]
        return run
