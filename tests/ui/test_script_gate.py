"""``serving.script_gate``: reruns in one process take turns, each waiting a bounded time."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

import serve
from serving import script_gate
from tests.helpers import page_test


def _restored_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamlit's own ``_run_script`` comes back after the test."""
    monkeypatch.setattr(ScriptRunner, "_run_script", ScriptRunner._run_script)


def _run_together(run: Callable[[object], object], threads: int) -> None:
    started = [threading.Thread(target=run, args=(None,)) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join(timeout=30)


def test_runs_take_turns_and_every_run_happens() -> None:
    inside, most, done = [0], [0], []
    lock = threading.Lock()

    def run(_self: object) -> None:
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        time.sleep(0.01)  # a rerun's worth of work, long enough to overlap
        with lock:
            inside[0] -= 1
            done.append(1)

    _run_together(script_gate.gated(run), threads=8)
    assert len(done) == 8
    assert most[0] == 1
    _run_together(run, threads=8)  # without the gate the same runs do overlap
    assert most[0] > 1


def test_runs_start_in_the_order_they_came() -> None:
    """A session's stopped runner starts before its successor, as without the gate."""
    order: list[int] = []
    first_in = threading.Event()
    release = threading.Event()

    def run(index: int) -> None:
        if index == 0:
            first_in.set()
            release.wait(timeout=10)
        order.append(index)

    gated = script_gate.gated(run, wait_s=10)
    threads = [threading.Thread(target=gated, args=(0,))]
    threads[0].start()
    first_in.wait(timeout=10)
    for index in range(1, 8):  # each queues after the one before it
        threads.append(threading.Thread(target=gated, args=(index,)))
        threads[-1].start()
        time.sleep(0.02)
    release.set()
    for thread in threads:
        thread.join(timeout=10)
    assert order == list(range(8))


def test_a_slow_run_holds_the_others_back_by_the_wait_at_most() -> None:
    release = threading.Event()
    finished: dict[str, float] = {}

    def run(name: str | None) -> None:
        if name == "slow":
            release.wait(timeout=10)
        finished[name or "fast"] = time.monotonic()

    gated = script_gate.gated(run, wait_s=0.2)
    slow = threading.Thread(target=gated, args=("slow",))
    slow.start()
    time.sleep(0.05)  # the slow run holds the gate
    began = time.monotonic()
    gated("fast")
    assert 0.15 <= finished["fast"] - began < 5  # waited ~0.2 s, then ran beside it
    release.set()
    slow.join(timeout=10)
    assert "slow" in finished
    gated("after")  # the slow run gave the gate back: no wait now
    assert finished["after"] - finished["slow"] < 0.15


def test_a_sessions_first_run_does_not_wait() -> None:
    """A new session (every tab after a restart) runs at once; its later runs queue."""
    release = threading.Event()
    took: dict[str, float] = {}

    class Runner:
        def __init__(self, session_id: str) -> None:
            self._session_id = session_id

    def run(runner: Runner, name: str) -> None:
        if name == "holder":
            release.wait(timeout=10)

    gated = script_gate.gated(run, wait_s=0.3)
    gated(Runner("holder"), "warm")  # the holder's first run, out of the way
    holder = threading.Thread(target=gated, args=(Runner("holder"), "holder"))
    holder.start()
    time.sleep(0.05)  # the holder's second run holds the gate
    for name in ("first", "second"):
        began = time.monotonic()
        gated(Runner("new"), name)
        took[name] = time.monotonic() - began
    release.set()
    holder.join(timeout=10)
    assert took["first"] < 0.15  # did not queue behind the holder
    assert took["second"] >= 0.25  # the same session's next run waited its turn


def test_an_exception_in_a_run_gives_the_gate_back() -> None:
    def run(_self: object) -> None:
        raise RuntimeError("the run failed")

    gated = script_gate.gated(run, wait_s=5)
    for _ in range(2):
        began = time.monotonic()
        with pytest.raises(RuntimeError, match="the run failed"):
            gated(None)
        assert time.monotonic() - began < 1


def test_the_hook_is_installed_once_and_pages_draw_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def drawn() -> list[object]:
        at = page_test("pages/bayes.py")
        at.run()
        at.slider[0].set_value(0.4).run()
        return [at.markdown[i].value for i in range(len(at.markdown))]

    plain = drawn()
    _restored_after(monkeypatch)
    assert serve.one_run_at_a_time()
    first = ScriptRunner._run_script
    assert getattr(first, script_gate.MARKER, False)
    assert serve.one_run_at_a_time()
    assert ScriptRunner._run_script is first
    assert drawn() == plain


def test_a_missing_hook_point_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(ScriptRunner, "_run_script")
    with pytest.warns(RuntimeWarning, match="shares the GIL"):
        assert not serve.one_run_at_a_time()
