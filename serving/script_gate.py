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
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

#: Where the hook goes: ``ScriptRunner._run_script(self, rerun_data)``, which runs
#: one rerun in the session's script thread.
HOOK_MODULE = "streamlit.runtime.scriptrunner.script_runner"
HOOK_NAME = "ScriptRunner._run_script"
MARKER = "one_run_at_a_time"
#: The longest a run waits for the one before it (seconds).
WAIT_S = 1.0


def gated(run_script: Callable[..., Any], wait_s: float = WAIT_S) -> Callable[..., Any]:
    """``run_script`` run by one thread at a time (each waits at most ``wait_s``)."""
    gate = threading.Lock()

    @functools.wraps(run_script)
    def run_one_at_a_time(self: Any, *args: Any, **kwargs: Any) -> Any:
        entered = gate.acquire(timeout=wait_s)
        try:
            return run_script(self, *args, **kwargs)
        finally:
            if entered:
                gate.release()

    setattr(run_one_at_a_time, MARKER, True)
    return run_one_at_a_time
