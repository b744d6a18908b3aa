"""The live class through the websocket: a teacher's tab and a student's tab.

A :class:`LiveTab` is a :class:`~benchmarks.classroom.student.Student` that also
reads what a browser needs for the live class: the buttons and text boxes on the
page (with the fragment each was drawn in), the text shown (markdown and
captions), and the fragments that rerun on a timer (``st.fragment(run_every=…)``:
the server sends an ``auto_rerun`` message and the browser asks for a fragment
rerun every ``interval`` seconds; here the caller does, with :meth:`LiveTab.tick`).

The browser's ``mlmath_live`` cookie (``ui.live_store.COOKIE``) is written by a
tiny component's JavaScript, which a websocket client cannot run. The teacher's
tab does what the browser does after that script ran: it sends the cookie in the
``Cookie`` header of the page's GET and of the websocket (``teacher_cookie``,
:meth:`LiveTab.connect_with`); the server reads it from the websocket's request
(``st.context.cookies``), exactly as after a restart.
A student needs no cookie while its websocket stays open (the session remembers
who joined), exactly as in a browser before any restart.
"""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

from benchmarks.classroom.student import (
    Run,
    SessionLost,
    Student,
    context_info,
)
from benchmarks.common.targets import Control
from text import live_class as words
from ui.live_store import COOKIE, Member


@dataclass(frozen=True)
class Found:
    """A button or text box on the page: its widget id and the fragment it is in."""

    id: str
    fragment_id: str = ""


def teacher_cookie(code: str, secret: str) -> str:
    """The ``Cookie`` pair the teacher's browser holds after starting a class."""
    return f"{COOKIE}={Member('teacher', code, secret, 0.0).cookie()}"


def first_get(url: str, cookie: str, timeout: float) -> str:
    """GET the page as a browser holding ``cookie`` does; the cookies it set.

    With HAProxy in front, the answer sets the affinity cookie that the
    websocket must carry (``student.affinity_cookies`` does the same without a
    cookie of its own).
    """
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        reply.read()
        cookies = reply.headers.get_all("Set-Cookie") or []
    return "; ".join(c.split(";", 1)[0].strip() for c in cookies)


class LiveTab(Student):
    """One tab of the live class (teacher or student) in Streamlit's protocol."""

    def __init__(
        self, base_url: str, slug: str, query: str = "", timeout: float = 15.0
    ):
        super().__init__(base_url, slug, Control(query=query), timeout)
        self.buttons: dict[str, Found] = {}
        self.text_boxes: dict[str, Found] = {}
        self.timers: dict[str, float] = {}  # fragment id → seconds between reruns
        self.texts: list[str] = []  # what the last request's runs showed

    def connect_with(self, extra_cookie: str = "") -> None:
        """Connect as a browser that holds ``extra_cookie``: sent with the page's
        GET and with the websocket, with the affinity cookie the GET set."""
        try:
            affinity = first_get(self.page_url, extra_cookie, self.timeout)
        except OSError as exc:
            raise SessionLost(f"connect: {exc}") from exc
        self.connect(cookie="; ".join(c for c in (affinity, extra_cookie) if c))

    # -- what the runs show --------------------------------------------------------------
    def _take(self, msg: ForwardMsg, run: Run, collect_widgets: bool) -> bool:
        kind = msg.WhichOneof("type")
        if kind == "auto_rerun":
            self.timers[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
        elif kind == "stop_auto_rerun":
            for fragment in msg.stop_auto_rerun.fragment_ids:
                self.timers.pop(fragment, None)
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._note(msg.delta.new_element, msg.delta.fragment_id)
        return super()._take(msg, run, collect_widgets)

    def _note(self, element: Any, fragment_id: str) -> None:
        kind = element.WhichOneof("type")
        if kind == "markdown":
            self.texts.append(element.markdown.body)
        elif kind == "alert":
            self.texts.append(element.alert.body)
        elif kind == "button":
            self.buttons[element.button.label] = Found(element.button.id, fragment_id)
        elif kind == "text_input":
            self.text_boxes[element.text_input.label] = Found(
                element.text_input.id, fragment_id
            )

    def _request(self, state: ClientState) -> Run:
        """Send one rerun request and read its runs to the end (bounded)."""
        self.texts = []
        started = time.monotonic()
        self._send(state)
        return self._read_run(started, collect_widgets=False)

    def _state(
        self, widgets: Sequence[WidgetState] = (), fragment_id: str = ""
    ) -> ClientState:
        state = ClientState(
            query_string=self.query_string,
            page_script_hash=self.page_script_hash,
            widget_states=WidgetStates(widgets=list(widgets)),
            fragment_id=fragment_id,
        )
        state.context_info.CopyFrom(context_info(self.page_url))
        return state

    def open(self) -> Run:
        """The page's first run (as on load), noting its buttons and text."""
        self.texts = []
        return self.open_page()

    def shows(self, text: str) -> bool:
        """Whether the last request's runs showed ``text`` (markdown, caption, alert)."""
        return any(text in shown for shown in self.texts)

    # -- what a user does ------------------------------------------------------------------
    def press(self, label: str, typed: dict[str, str] | None = None) -> Run:
        """Press the button ``label`` (after typing ``typed``: text box label → text).

        Inside a fragment the browser reruns only that fragment; so does this.
        """
        button = self.buttons.get(label)
        if button is None:
            raise SessionLost(f"no button {label!r} on {self.slug}")
        states = []
        for box_label, text in (typed or {}).items():
            box = self.text_boxes.get(box_label)
            if box is None:
                raise SessionLost(f"no text box {box_label!r} on {self.slug}")
            states.append(WidgetState(id=box.id, string_value=text))
        states.append(WidgetState(id=button.id, trigger_value=True))
        return self._request(self._state(states, button.fragment_id))

    def tick(self, fragment_id: str) -> Run:
        """What the browser's timer does for a ``run_every`` fragment: rerun it."""
        state = self._state(fragment_id=fragment_id)
        state.is_auto_rerun = True
        return self._request(state)

    def timer(self) -> str:
        """The fragment this page reruns on a timer ("" when none)."""
        return next(iter(self.timers), "")


def answered(count: int, students: int) -> str:
    """The teacher's line once ``count`` of ``students`` answered (``text.live_class``)."""
    return words.answered_line(count, students)


__all__ = ["LiveTab", "answered", "teacher_cookie"]
