"""A class that survives a crash: ``kill -9`` of one app process under load.

``scripts/serve_class.sh`` runs two app processes behind HAProxy. Ten simulated
students (real websockets, Streamlit's protocol) and one real browser tab move
a slider while one process is killed. The students of the other process must
not notice; the killed process must come back by itself; its students (the
browser tab included, with no reload) must reconnect by themselves and be
served again, with the view their link describes.

Run with ``-s`` to see the measured recovery times.
"""

from __future__ import annotations

import os
import re
import signal
import statistics
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    WebSocket,
    expect,
)

from benchmarks.classroom.student import SessionLost, Student
from benchmarks.common.targets import Control
from tests.e2e.test_haproxy import (
    AFFINITY_COOKIE,
    Classroom,
    _is_zombie,
    start_classroom,
)
from tooling.browser import IDLE, VIEWPORT

STUDENTS = 10
PAUSE_S = 0.3  # between one student's changes
#: Every wait in this test is bounded by this (a process that never comes back fails).
RECOVERY_BOUND_S = 30.0


@dataclass
class Pupil:
    """One simulated student and what happened to them."""

    student: Student
    process: str = ""  # the process that served them first
    default_a: float | None = None  # a when the page opened without ?a=
    served: list[float] = field(default_factory=list)  # when each change was served
    lost: list[tuple[float, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    back: list[tuple[float, str, float | None, float | None]] = field(
        default_factory=list
    )
    # (when served again, by which process, a shown, a the link says)


def link_a(pupil: Pupil) -> float | None:
    """The value of ``a`` the student's address bar shows now."""
    values = parse_qs(pupil.student.query_string).get("a")
    return float(values[0]) if values else pupil.default_a


def cookie_jar(cookie: str, set_cookies: list[str]) -> str:
    """``cookie`` updated with the ``Set-Cookie`` headers of a response."""
    jar = dict(p.strip().split("=", 1) for p in cookie.split(";") if "=" in p)
    for header in set_cookies:
        name, _, value = header.split(";", 1)[0].strip().partition("=")
        jar[name] = value
    return "; ".join(f"{name}={value}" for name, value in jar.items())


def reconnect_like_a_browser(pupil: Pupil, stop: threading.Event) -> None:
    """What Streamlit's page does after its websocket drops, until it is served.

    It asks ``/_stcore/health`` with the cookies it has (HAProxy answers from a
    live process and re-pins the cookie), opens the websocket asking for its old
    session, and, in a new session, loads the page from its address (the link).
    """
    student = pupil.student
    deadline = time.monotonic() + RECOVERY_BOUND_S
    while not stop.is_set() and time.monotonic() < deadline:
        expected = link_a(pupil)
        try:
            request = urllib.request.Request(f"{student.base_url}/_stcore/health")
            request.add_header("Cookie", student.cookie)
            with urllib.request.urlopen(request, timeout=5) as reply:
                reply.read()
                cookies = reply.headers.get_all("Set-Cookie") or []
            student.close()
            student.connect(student.session_id, cookie_jar(student.cookie, cookies))
            run = student.open_page()
        except (OSError, SessionLost):
            stop.wait(0.2)
            continue
        pupil.errors += run.errors
        shown = run.value_of("a__slider")
        pupil.back.append((time.monotonic(), student.served_by, shown, expected))  # type: ignore[arg-type]
        return


def attend(pupil: Pupil, stop: threading.Event) -> None:
    """Change the control every ``PAUSE_S`` until ``stop``; reconnect when dropped."""
    while not stop.is_set():
        try:
            run = pupil.student.change()
        except SessionLost as exc:
            pupil.lost.append((time.monotonic(), str(exc)))
            reconnect_like_a_browser(pupil, stop)
            continue
        pupil.errors += run.errors
        pupil.served.append(time.monotonic())
        stop.wait(PAUSE_S)


def open_class(url: str) -> list[Pupil]:
    pupils = []
    for _ in range(STUDENTS):
        student = Student(url, "equations", Control("a"))
        student.connect()
        run = student.open_page()
        assert run.errors == []
        pupils.append(Pupil(student, student.served_by, run.value_of("a__slider")))  # type: ignore[arg-type]
    return pupils


def served_by(url: str, process: str) -> str:
    """Which process answers a request pinned (by cookie) to ``process``."""
    request = urllib.request.Request(f"{url}/_stcore/health")
    request.add_header("Cookie", f"{AFFINITY_COOKIE}={process}")
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return str(reply.headers.get("X-Served-By", ""))
    except OSError:
        return ""


def answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/_stcore/health", timeout=2
        ) as reply:
            return bool(reply.status == 200)
    except OSError:
        return False


def wait_for(condition: Callable[[], bool], what: str) -> float:
    """Poll ``condition()`` every 0.05 s; the moment it held (monotonic)."""
    deadline = time.monotonic() + RECOVERY_BOUND_S
    while time.monotonic() < deadline:
        if condition():
            return time.monotonic()
        time.sleep(0.05)
    raise AssertionError(f"{what}: not within {RECOVERY_BOUND_S:.0f} s")


@dataclass
class Recovery:
    """When the killed process was started again, and when HAProxy used it again."""

    room: Classroom
    name: str
    old_pid: int
    restarted: float = 0.0
    in_rotation: float = 0.0
    failure: str = ""

    def pid(self) -> int:
        """The pid in the process's pid file now (0 while it is being rewritten)."""
        try:
            return self.room.pid(self.name)
        except (OSError, ValueError):
            return 0

    def watch(self) -> None:
        port = self.room.app_ports[int(self.name[-1]) - 1]
        try:
            self.restarted = wait_for(
                lambda: self.pid() not in {0, self.old_pid} and answers(port),
                f"{self.name} restarted",
            )
            self.in_rotation = wait_for(
                lambda: served_by(self.room.url, self.name) == self.name,
                f"{self.name} back behind HAProxy",
            )
        except (AssertionError, OSError, ValueError) as exc:
            self.failure = str(exc)


@pytest.fixture
def classroom(tmp_path: Path) -> Iterator[Classroom]:
    room = start_classroom(tmp_path)
    yield room
    room.stop()


@dataclass
class Tab:
    """A real browser tab on the Equations page, and what it went through."""

    page: Page
    sockets: list[WebSocket] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # uncaught errors in the page
    reconnected: float = 0.0
    served_again: float = 0.0
    changes_after: int = 0  # changes after the reconnection until one was served

    @property
    def slider(self) -> Locator:
        return self.page.locator('.st-key-a__slider input[type="range"]')

    def press(self) -> None:
        """One step right on slider ``a``, and wait for the script run to end."""
        self.slider.focus()
        self.page.keyboard.press("ArrowRight")
        expect(self.page.locator(IDLE)).to_be_attached(timeout=30_000)


def open_tab(context: BrowserContext, url: str) -> Tab:
    """Open the page and move ``a`` to 2.1 (so the link says ``?a=2.1``)."""
    tab = Tab(context.new_page())
    tab.page.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    tab.page.on("websocket", lambda socket: tab.sockets.append(socket))
    tab.page.goto(f"{url}/equations")
    expect(tab.page.locator(IDLE)).to_be_attached(timeout=30_000)
    tab.press()
    expect(tab.page).to_have_url(re.compile(r"[?&]a=2\.1\b"))
    assert len(tab.sockets) == 1
    return tab


def tab_recovers(tab: Tab, killed: float) -> None:
    """The tab reconnects by itself (no reload), shows its view, and is served again."""
    deadline = killed + RECOVERY_BOUND_S
    while len(tab.sockets) < 2 and time.monotonic() < deadline:
        tab.page.wait_for_timeout(50)  # lets Playwright deliver the tab's events
    assert tab.sockets[0].is_closed()
    assert len(tab.sockets) == 2  # a new websocket, opened by the page itself
    status = tab.page.locator('[data-testid="stConnectionStatus"]')
    expect(status).to_have_count(0, timeout=RECOVERY_BOUND_S * 1000)
    expect(tab.page.locator(IDLE)).to_be_attached(timeout=RECOVERY_BOUND_S * 1000)
    tab.reconnected = time.monotonic()
    expect(tab.page.get_by_label("a (slope) (exact)")).to_have_value("2.10")
    # Served again: the first change typed after the reconnection moves the URL,
    # the slider and the chart. It is the first run of a new session (the old one
    # died with its process), and the value the browser sent wins over the link
    # (ui/browser_state.py).
    box = tab.page.get_by_label("a (slope) (exact)")
    tab.changes_after = 1
    box.fill("4")
    box.press("Enter")
    expect(tab.page).to_have_url(re.compile(r"[?&]a=4\b"))
    expect(tab.page.locator('[data-testid="stSliderThumbValue"]').first).to_have_text(
        "4.00"
    )
    chart = tab.page.locator(".live-chart")  # the equations page's chart is live
    expect(chart).to_contain_text("x = 1")  # 4x − 4 = 0
    tab.served_again = time.monotonic()


def check_students(
    pupils: list[Pupil], victim: str, killed: float, recovery: Recovery
) -> tuple[list[Pupil], list[Pupil]]:
    """The survivors' students never noticed; the victim's came back with their view."""
    others = [p for p in pupils if p.process != victim]
    hit = [p for p in pupils if p.process == victim]
    assert others, "every student was on the killed process"
    assert hit, "no student was on the killed process"
    for pupil in others:  # no drop, no error, and served during the outage too
        assert pupil.lost == []
        assert pupil.errors == []
        assert any(killed < t < recovery.in_rotation for t in pupil.served)
    for pupil in hit:  # dropped once, back by themselves with the view of their link
        assert pupil.errors == []
        assert len(pupil.lost) == 1
        assert len(pupil.back) == 1
        when, process, shown, expected = pupil.back[0]
        assert process in {"app1", "app2"}
        assert shown == expected
        assert sum(t > when for t in pupil.served) >= 2  # and go on being served
    return others, hit


def test_killing_one_process_under_load(classroom: Classroom, browser: Browser) -> None:
    context = browser.new_context(viewport=VIEWPORT)
    tab = open_tab(context, classroom.url)
    # The process the browser tab is pinned to is the one that will crash.
    victim = {c["name"]: c["value"] for c in context.cookies()}[AFFINITY_COOKIE]
    pupils = open_class(classroom.url)
    stop = threading.Event()
    threads = [threading.Thread(target=attend, args=(p, stop)) for p in pupils]
    for thread in threads:
        thread.start()
    recovery = Recovery(classroom, victim, classroom.pid(victim))
    watcher = threading.Thread(target=recovery.watch)
    try:
        time.sleep(2.0)  # the class at work
        killed = time.monotonic()
        os.kill(recovery.old_pid, signal.SIGKILL)
        watcher.start()
        tab_recovers(tab, killed)
        watcher.join(timeout=2 * RECOVERY_BOUND_S)
        time.sleep(2.0)  # the class goes on after the recovery
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=RECOVERY_BOUND_S)
        for pupil in pupils:
            pupil.student.close()
        context.close()

    assert recovery.failure == ""
    assert tab.errors == []
    others, hit = check_students(pupils, victim, killed, recovery)
    assert served_by(classroom.url, victim) == victim  # in rotation again
    back = [p.back[0][0] - killed for p in hit]
    during = sum(killed < t < recovery.in_rotation for p in others for t in p.served)
    print(
        f"\nkill -9 of {victim} under {STUDENTS} students and a browser tab "
        f"({len(hit)} students on it, {len(others)} on the other process):"
        f"\n  restarted, answering its health check: {recovery.restarted - killed:.2f} s"
        f"\n  back in HAProxy's rotation:            {recovery.in_rotation - killed:.2f} s"
        f"\n  its students served again:             median "
        f"{statistics.median(back):.2f} s, last {max(back):.2f} s"
        f"\n  browser tab reconnected by itself:     {tab.reconnected - killed:.2f} s"
        f"\n  browser tab's change served again:     {tab.served_again - killed:.2f} s"
        f" (changes made after the reconnection: {tab.changes_after})"
        f"\n  changes served to the other process's students meanwhile: {during}"
    )


def test_stopping_the_script_after_a_restart_stops_everything(tmp_path: Path) -> None:
    room = start_classroom(tmp_path)
    try:
        recovery = Recovery(room, "app1", room.pid("app1"))
        os.kill(recovery.old_pid, signal.SIGKILL)
        recovery.watch()  # started again, and back behind HAProxy
        assert recovery.failure == ""
        pids = [room.pid(name) for name in ("app1", "app2", "haproxy")]
        assert pids[0] != recovery.old_pid
    finally:
        room.process.send_signal(signal.SIGTERM)
        code = room.process.wait(timeout=40)
    assert code == 0
    for pid in pids:
        assert not Path(f"/proc/{pid}").exists() or _is_zombie(pid)
    assert not list(tmp_path.glob("*.pid"))
    for port in room.app_ports:
        assert not answers(port)
    log = room.log.read_text()
    assert "app1 (pid " in log  # the restart was reported
    assert "exited with code 137" in log
