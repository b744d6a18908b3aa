"""One script run at a time per process: a burst of reruns queues instead of thrashing.

Streamlit runs each session's rerun in a thread of its own. When a whole class
moves a control at the same instant, 30 such threads share one GIL in 5 ms turns:
every run finishes near the end of the burst, and the event loop that sends the
finished runs to the browsers waits for its turn among them. Run one at a time
instead, and the first student is served after one run, the next after two, and
the event loop sends each run as it ends.

Measured with ``benchmarks/classroom_load.py --students 30 --walk --bursts 3`` on
one process (docs/serving.md, "Capacity, fourth pass").

A run waits at most :data:`WAIT_S` for its turn, then runs beside the others:
one slow run (a large upload, a slow database) can hold the rest back by that
much, never more. Nothing a run waits for is held by a run that waits for the
gate (Streamlit's cache locks are taken inside runs), so the gate cannot deadlock.

A session has one runner (``runner.fastReruns = false``, pinned by
tests/ui/test_config.py): a change that arrives while its run waits or runs is
merged into the session's next run by Streamlit (a button's click kept), and the
same thread runs it. With fastReruns on, a change stopped the running
``ScriptRunner`` and started a second; behind the gate the stopped one could start
after its successor and write its older widget values over the newer ones (a
lost click, seen in 3 of 26 live-class test runs). Turns are first come, first
served (:class:`Turns`), so the first student to move is the first served.

A session's first run (a new tab, or every tab again after a restart) skips the
gate. Until it has run, the page in the browser is the old one, idle, and any
click in a fragment (the live class's "Send") names a fragment the new session
does not know yet; Streamlit drops such a request. Held at the gate, the first
run left that window open for a second (a lost "Send" right after a restart, in
tests/e2e/test_live_class.py); run at once, it is as short as without the gate.
"""

from __future__ import annotations

import functools
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

#: Where the hook goes: ``ScriptRunner._run_script(self, rerun_data)``, which runs
#: one rerun in the session's script thread.
HOOK_MODULE = "streamlit.runtime.scriptrunner.script_runner"
HOOK_NAME = "ScriptRunner._run_script"
MARKER = "one_run_at_a_time"
#: The longest a run waits for the one before it (seconds).
WAIT_S = 1.0


class Turns:
    """A gate taken first come, first served; a waiter gives up after a timeout."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: deque[threading.Event] = deque()
        self._busy = False

    def enter(self, wait_s: float) -> bool:
        """Wait for this thread's turn; False if ``wait_s`` passed first."""
        with self._lock:
            if not self._busy:
                self._busy = True
                return True
            turn = threading.Event()
            self._waiting.append(turn)
        if turn.wait(wait_s):
            return True
        with self._lock:
            if turn.is_set():  # handed the gate just as the wait ran out
                return True
            self._waiting.remove(turn)
            return False

    def leave(self) -> None:
        """Hand the gate to the longest waiter, or open it."""
        with self._lock:
            if self._waiting:
                self._waiting.popleft().set()  # still busy: it is theirs now
            else:
                self._busy = False


class FirstRuns:
    """Which sessions have had their first run (at most ``cap`` remembered)."""

    def __init__(self, cap: int = 10_000) -> None:
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        self._cap = cap

    def first(self, session_id: str | None) -> bool:
        """True the first time ``session_id`` asks; a runner without one waits its turn."""
        if session_id is None:
            return False
        with self._lock:
            if session_id in self._seen:
                return False
            if len(self._seen) >= self._cap:
                self._seen.clear()  # a few sessions skip the gate once more
            self._seen.add(session_id)
            return True


def gated(run_script: Callable[..., Any], wait_s: float = WAIT_S) -> Callable[..., Any]:
    """``run_script`` run by one thread at a time, in the order they came.

    Each waits at most ``wait_s``, then runs beside the others. A session's first
    run does not wait (see the module's docstring).
    """
    turns, first_runs = Turns(), FirstRuns()

    @functools.wraps(run_script)
    def run_one_at_a_time(self: Any, *args: Any, **kwargs: Any) -> Any:
        entered = not first_runs.first(getattr(self, "_session_id", None)) and (
            turns.enter(wait_s)
        )
        try:
            return run_script(self, *args, **kwargs)
        finally:
            if entered:
                turns.leave()

    setattr(run_one_at_a_time, MARKER, True)
    return run_one_at_a_time
