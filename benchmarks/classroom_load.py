"""A class of simulated students on the real server, through its websocket.

Each student opens a page the way a browser does (one websocket to
``/_stcore/stream``, Streamlit's own protobuf messages), then changes a
control (a slider; a number or text box where a view has no slider) about
once a second for a bounded time; after that, every student changes it at
the same instant (a "burst", as when a teacher says "now set it to 3"). No
browser and no AppTest: the server does exactly the work it does for a class.

::

    python benchmarks/classroom_load.py                      # 60 students, every page
    python benchmarks/classroom_load.py --students 30 --pages bayes
    python benchmarks/classroom_load.py --mix                # the class spread over pages
    python benchmarks/classroom_load.py --plain              # plain `streamlit run`, defaults
    python benchmarks/classroom_load.py --url http://127.0.0.1:8690 --pid 123 --pid 456

It prints one table: round trip (a control change sent → the rerun's last
message received) median / p95 / max, interactions per second, KB per change,
errors (tracebacks or error boxes in the page, protocol failures), lost
sessions (a websocket that closed or stopped answering), time for the whole
class to open the page, the burst's last student served, server memory (RSS)
and CPU. Budgets: p95 ≤ 150 ms with 0 errors at ~1 change/s per student; the
last student of a burst served within 0.5 s.

All traffic stays on 127.0.0.1 unless ``--url`` says otherwise; every loop is
bounded in count and time, and the run stops by itself.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import math
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python benchmarks/classroom_load.py` works too
    sys.path.insert(0, str(ROOT))

import websocket  # noqa: E402  (websocket-client, in requirements-dev.txt)
from streamlit.proto.Alert_pb2 import Alert  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ClientState_pb2 import ClientState, ContextInfo  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates  # noqa: E402

from tests.e2e.conftest import free_port  # noqa: E402

BUDGET_P95_MS = 150.0
BUDGET_BURST_S = 0.5
STEADY_ERRORS_ALLOWED = 0


@dataclass(frozen=True)
class Control:
    """Which control a benchmark changes on a page, and the view it opens.

    ``key`` is a widget key: a slider, a number box or a text box (for a
    ``Param.number`` the URL name works: ``"a"`` finds the slider
    ``a__slider``). ``None``, or a key that names none of those (a choice),
    means the view's first slider, else its first number box, else its first
    text box. ``query`` is the query string the page is opened with (e.g.
    ``"view=two"`` for a heavier view). ``values``: two values to alternate;
    without them a slider or number box moves one step and a text box has its
    last number increased by one (``"10, 20, 30, 40"`` ↔ ``"10, 20, 30, 41"``).
    In the browser, sliders and number boxes always move by a key press (one
    step); ``values`` are typed into text boxes.
    """

    key: str | None = None
    query: str = ""
    values: tuple[float | str, float | str] | None = None

    @property
    def label(self) -> str:
        return f"{self.query or 'default'}: {self.key or 'first control'}"


#: Per-page overrides for both benchmarks (this one and browser_latency.py).
#: Pages not listed here use the interactions of ``benchmarks/bench_pages.py``
#: (its ``CASES``: widget key, values and query), and failing that the first
#: control of the default view.
CONTROLS: dict[str, tuple[Control, ...]] = {}


def bench_pages_controls() -> dict[str, tuple[Control, ...]]:
    """The interactions listed in bench_pages.CASES, as Controls (empty if unreadable)."""
    try:
        from benchmarks.bench_pages import CASES
    except (ImportError, AttributeError):  # the lead's table moved: fall back quietly
        return {}
    found: dict[str, tuple[Control, ...]] = {}
    for case in CASES:
        try:
            values = tuple(case.values)
            control = Control(
                str(case.key),
                urlencode(dict(case.query)),
                (values[0], values[1]) if len(values) == 2 else None,
            )
            found[case.slug] = (*found.get(case.slug, ()), control)
        except (AttributeError, TypeError, ValueError):
            continue
    return found


def targets(
    pages: Sequence[str], first_only: bool = False
) -> list[tuple[str, Control]]:
    """(page, control) pairs to measure: CONTROLS, then bench_pages.CASES, then Control()."""
    fallback = bench_pages_controls()
    chosen: list[tuple[str, Control]] = []
    for page in pages:
        controls = CONTROLS.get(page) or fallback.get(page) or (Control(),)
        chosen += [(page, c) for c in (controls[:1] if first_only else controls)]
    return chosen


FINISHED = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}


# -- the server ----------------------------------------------------------------------


@dataclass
class AppServer:
    """A running app: its URL, the pids whose memory and CPU are reported."""

    url: str
    pids: list[int]
    process: subprocess.Popen[bytes] | None = None
    log: Path | None = None

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def server_command(mode: str, port: int) -> list[str]:
    """The command line for ``mode``: ``fast`` (the README's way) or ``plain``.

    ``plain`` is ``streamlit run app.py`` with Streamlit's defaults for the two
    per-interaction costs that ``serve.py`` and ``.streamlit/config.toml``
    remove: a full garbage collection after every rerun
    (``runner.postScriptGC``) and no ``TCP_NODELAY`` on the sockets.
    """
    where = ["--server.port", str(port), "--server.address", "127.0.0.1"]
    if mode == "fast":
        return [sys.executable, "serve.py", *where]
    if mode == "plain":
        return [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            *where,
            "--server.headless",
            "true",
            "--runner.postScriptGC",
            "true",
        ]
    raise ValueError(f"unknown server mode {mode!r} (fast or plain)")


def wait_healthy(
    url: str,
    process: subprocess.Popen[bytes] | None,
    log: Path | None,
    timeout: float = 60.0,
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            text = log.read_text() if log else ""
            raise RuntimeError(f"server exited early:\n{text}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer its health check in {timeout:.0f} s")


def start_app(mode: str = "fast", log_dir: Path | None = None) -> AppServer:
    """Start the app on 127.0.0.1 and a free port; wait for its health check."""
    port = free_port()
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="mlmath-bench-"))
    log = log_dir / f"server-{mode}-{port}.log"
    process = subprocess.Popen(
        server_command(mode, port),
        cwd=ROOT,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    server = AppServer(f"http://127.0.0.1:{port}", [process.pid], process, log)
    try:
        wait_healthy(server.url, process, log)
    except BaseException:
        server.stop()
        raise
    return server


def rss_bytes(pid: int) -> int:
    """Resident memory of a process (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks
    except (OSError, IndexError, ValueError):
        return 0.0


class MemorySampler:
    """Samples the servers' total RSS in a background thread (bounded by stop())."""

    def __init__(self, pids: Sequence[int], every: float = 0.2) -> None:
        self.pids = list(pids)
        self.every = every
        self.peak = self.total()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def total(self) -> int:
        return sum(rss_bytes(pid) for pid in self.pids)

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, self.total())

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


# -- one student: Streamlit's websocket protocol ------------------------------------------


class SessionLost(Exception):
    """The websocket closed, failed or stopped answering."""


WidgetKind = str  # "slider", "number" or "text"
KIND_ORDER = ("slider", "number", "text")


@dataclass
class Widget:
    """A control found in the page's messages, enough to send it a new value."""

    id: str
    kind: WidgetKind
    label: str
    value: float | str
    low: float = -math.inf
    high: float = math.inf
    step: float = 1.0
    integer: bool = False

    @property
    def key(self) -> str:
        """The widget key the page gave it (``$$ID-<hash>-<key>``)."""
        return self.id.rsplit("-", 1)[-1] if self.id.startswith("$$ID-") else ""

    def alternatives(
        self, values: tuple[float | str, float | str] | None
    ) -> tuple[Any, Any]:
        """The two values a student alternates between (the current one first)."""
        if values is not None:
            return values
        if self.kind == "text":
            return str(self.value), bump_last_number(str(self.value))
        value = float(self.value)
        other = (
            value + self.step
            if value + self.step <= self.high + 1e-9
            else value - self.step
        )
        return _round(value), _round(other)

    def walk(self, value: float | str, direction: int) -> tuple[float | str, int]:
        """One more step the same way (turning at the limits): a student exploring.

        Returns the next value and direction. A text box's last number keeps
        growing by one.
        """
        if self.kind == "text":
            return bump_last_number(str(value)), direction
        nxt = float(value) + direction * self.step
        if not self.low - 1e-9 <= nxt <= self.high + 1e-9:
            direction = -direction
            nxt = float(value) + direction * self.step
        return _round(nxt), direction

    def state(self, value: float | str) -> WidgetState:
        """The widget state the browser would send for ``value``."""
        state = WidgetState(id=self.id)
        if self.kind == "slider":
            state.double_array_value.data.append(float(value))
        elif self.kind == "number" and self.integer:
            state.int_value = int(float(value))
        elif self.kind == "number":
            state.double_value = float(value)
        else:
            state.string_value = str(value)
        return state


def bump_last_number(text: str) -> str:
    """``"10, 20, 30, 40"`` → ``"10, 20, 30, 41"``: a small, still valid edit."""
    found = list(re.finditer(r"\d+", text))
    if not found:
        return text + " "
    last = found[-1]
    return text[: last.start()] + str(int(last.group()) + 1) + text[last.end() :]


@dataclass
class Run:
    """What one script run sent back."""

    seconds: float
    received: int  # bytes
    messages: int
    errors: list[str] = field(default_factory=list)
    widgets: list[Widget] = field(default_factory=list)

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


def _round(value: float) -> float:
    return float(f"{value:.12g}")


def context_info(url: str) -> ContextInfo:
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

    def _read_run(self, started: float, collect_widgets: bool) -> Run:
        """Read messages until the run finishes; every wait bounded by the timeout."""
        assert self.ws is not None
        run = Run(0.0, 0, 0)
        deadline = started + self.timeout
        while True:
            if time.monotonic() > deadline:
                raise SessionLost(f"no end of run within {self.timeout:.0f} s")
            try:
                data = self.ws.recv()
            except (OSError, websocket.WebSocketException) as exc:
                raise SessionLost(f"receive: {exc}") from exc
            if not isinstance(data, bytes) or not data:
                raise SessionLost("websocket closed")
            run.received += len(data)
            run.messages += 1
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if kind == "delta":
                self._inspect_delta(msg, run, collect_widgets)
            elif kind == "new_session":
                self.session_id = (
                    msg.new_session.initialize.session_id or self.session_id
                )
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
                run.seconds = time.monotonic() - started
                return run

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
            run.errors.append(f"error box: {element.alert.body[:120]}")
        elif collect_widgets:
            widget = as_widget(element)
            if widget is not None:
                run.widgets.append(widget)

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
        return run

    def rerun(
        self, widgets: Sequence[WidgetState] = (), *, collect_widgets: bool = False
    ) -> Run:
        """Ask for a rerun of the current page with these widget values changed."""
        started = time.monotonic()
        self._send(
            ClientState(
                query_string=self.query_string,
                page_script_hash=self.page_script_hash,
                widget_states=WidgetStates(widgets=list(widgets)),
                context_info=context_info(self.page_url),
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
        return self.rerun([self.widget.state(value)])


def as_widget(element: Any) -> Widget | None:
    """A slider, number box or text box of a rendered element (None otherwise)."""
    kind = element.WhichOneof("type")
    if kind == "slider":
        s = element.slider
        values = list(s.value) or list(s.default)
        if len(values) != 1 or s.options or s.disabled:
            return None  # a range or select slider: not a simple control
        return Widget(s.id, "slider", s.label, values[0], s.min, s.max, s.step)
    if kind == "number_input":
        n = element.number_input
        if n.disabled:
            return None
        return Widget(
            n.id,
            "number",
            n.label,
            n.value if n.set_value else n.default,
            n.min if n.has_min else -math.inf,
            n.max if n.has_max else math.inf,
            n.step or 1.0,
            integer=n.data_type == n.INT,
        )
    if kind in ("text_input", "text_area"):
        t = getattr(element, kind)
        if t.disabled:
            return None
        return Widget(t.id, "text", t.label, t.value if t.set_value else t.default)
    return None


def choose_widget(widgets: Sequence[Widget], key: str | None) -> Widget | None:
    """The control with widget key ``key`` (``key__slider`` first), else the first.

    "The first" is the first slider, else the first number box, else the
    first text box: a key that names none of them (a choice) falls back too.
    """
    if key is not None:
        for wanted in (f"{key}__slider", key):
            for widget in widgets:
                if widget.key == wanted:
                    return widget
    for kind in KIND_ORDER:
        for widget in widgets:
            if widget.kind == kind:
                return widget
    return None


# -- a class ---------------------------------------------------------------------------

Target = tuple[str, Control]  # (page slug, the control moved there)


def target_label(target: Target) -> str:
    page, control = target
    return f"{page} ({control.label})"


@dataclass
class Result:
    """One scenario: a class of ``students`` on one target (or spread over several)."""

    target: str
    mode: str
    students: int
    rate: float
    seconds: float
    joined: int = 0
    join_median_s: float = 0.0
    join_max_s: float = 0.0
    interactions: int = 0
    per_second: float = 0.0
    median_ms: float = 0.0
    p95_ms: float = 0.0
    max_ms: float = 0.0
    kb_per_change: float = 0.0
    errors: int = 0
    lost: int = 0
    bursts: list[float] = field(default_factory=list)  # last served, s, per burst
    burst_errors: int = 0
    rss_start_mb: float = 0.0
    rss_peak_mb: float = 0.0
    cpu_percent: float = 0.0  # the servers' CPU over the steady phase (100 = one core)
    cpu_ms_per_change: float = float(
        "nan"
    )  # server CPU per change: what limits a class
    client_cpu_percent: float = 0.0  # this script's own CPU: near 100 = numbers suspect
    served_by: dict[str, int] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    per_target: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def burst_last_s(self) -> float:
        return max(self.bursts) if self.bursts else float("nan")

    @property
    def missing(self) -> int:
        """Students who never got the page, or whose session died."""
        return self.lost + max(0, self.students - self.joined - self.lost)

    def verdict(self) -> str:
        misses = []
        if self.missing:
            misses.append(f"{self.missing} lost")
        if self.errors > STEADY_ERRORS_ALLOWED or self.burst_errors:
            misses.append(f"{self.errors + self.burst_errors} errors")
        if self.interactions and self.p95_ms > BUDGET_P95_MS:
            misses.append(f"p95 {self.p95_ms:.0f} > {BUDGET_P95_MS:.0f} ms")
        if self.bursts and self.burst_last_s > BUDGET_BURST_S:
            misses.append(f"burst {self.burst_last_s:.2f} > {BUDGET_BURST_S} s")
        if not self.interactions:
            misses.append("no interactions")
        return "ok" if not misses else "MISS: " + ", ".join(misses)


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-quantile (0..1) by linear interpolation; nan when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


@dataclass
class _Log:
    """Everything the student threads record (list appends are atomic in CPython)."""

    joins: list[float] = field(default_factory=list)
    steady: list[tuple[str, float, int]] = field(
        default_factory=list
    )  # target, s, bytes
    bursts: dict[int, list[float]] = field(default_factory=dict)  # finish times
    errors: list[str] = field(default_factory=list)
    burst_errors: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    served_by: list[str] = field(default_factory=list)


class Classroom:
    """One scenario: everyone opens their page; ~``rate`` changes/s each; bursts."""

    def __init__(
        self,
        server: AppServer,
        targets: Sequence[Target],
        students: int,
        seconds: float,
        rate: float,
        bursts: int,
        timeout: float,
        seed: int = 0,
        walk: bool = False,
    ) -> None:
        self.walk = walk
        self.server = server
        self.targets = list(targets)
        self.students = students
        self.seconds = seconds
        self.rate = rate
        self.n_bursts = bursts
        self.timeout = timeout
        self.random = random.Random(seed)
        self.log = _Log()
        self.steady_start = 0.0
        self.go_steady = threading.Event()
        self.go_burst = [threading.Event() for _ in range(bursts)]
        self.burst_sent = [0.0] * bursts
        self.finish = threading.Event()  # set at the end: nobody waits any longer
        self.ready = threading.Semaphore(0)
        self.done_steady = threading.Semaphore(0)
        self.done_burst = [threading.Semaphore(0) for _ in range(bursts)]

    # -- one student's thread -----------------------------------------------------------
    def _student(self, number: int, target: Target, phase: float, seed: float) -> None:
        page, control = target
        label = target_label(target)
        jitter = random.Random(seed)
        student = Student(self.server.url, page, control, self.timeout, self.walk)
        alive = True
        try:
            started = time.monotonic()
            student.connect()
            run = student.open_page()
            self.log.joins.append(time.monotonic() - started)
            self.log.served_by.append(student.served_by)
            self.log.errors.extend(f"{label} (open): {e}" for e in run.errors)
            if student.widget is None:
                raise SessionLost("no control to change (see CONTROLS)")
        except SessionLost as exc:
            self.log.lost.append(f"{label}: {exc}")
            alive = False
        finally:
            self.ready.release()
        try:
            alive = self._steady(student, label, phase, jitter, alive)
            for b in range(self.n_bursts):
                alive = self._burst(student, label, b, alive)
        except SessionLost as exc:  # pragma: no cover - _steady/_burst catch their own
            self.log.lost.append(f"{label}: {exc}")
        finally:
            student.close()

    def _steady(
        self,
        student: Student,
        label: str,
        phase: float,
        jitter: random.Random,
        alive: bool,
    ) -> bool:
        try:
            if not alive or not self.go_steady.wait(self.timeout * 4):
                return False
            period = 1.0 / self.rate
            end = self.steady_start + self.seconds
            next_at = self.steady_start + phase * min(period, self.seconds)
            for _ in range(int(self.seconds * self.rate * 2) + 2):  # bounded
                if next_at >= end or self.finish.is_set():
                    break
                wait = next_at - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                run = student.change()
                self.log.steady.append((label, run.seconds, run.received))
                self.log.errors.extend(f"{label}: {e}" for e in run.errors)
                # "about once a second", ±20 %, so the class does not fall into lockstep;
                # a student who waited longer than that moves again at once.
                next_at = max(
                    next_at + period * jitter.uniform(0.8, 1.2), time.monotonic()
                )
            return True
        except SessionLost as exc:
            self.log.lost.append(f"{label}: {exc}")
            return False
        finally:
            self.done_steady.release()

    def _burst(self, student: Student, label: str, b: int, alive: bool) -> bool:
        try:
            if not alive or not self.go_burst[b].wait(self.timeout * 4 + self.seconds):
                return False
            if self.finish.is_set():
                return False
            run = student.change()
            self.log.bursts.setdefault(b, []).append(time.monotonic())
            self.log.burst_errors.extend(f"{label} (burst): {e}" for e in run.errors)
            return True
        except SessionLost as exc:
            self.log.lost.append(f"{label} (burst): {exc}")
            return False
        finally:
            self.done_burst[b].release()

    # -- the conductor --------------------------------------------------------------------
    @staticmethod
    def _wait(semaphore: threading.Semaphore, count: int, deadline: float) -> bool:
        for _ in range(count):
            if not semaphore.acquire(timeout=max(0.0, deadline - time.monotonic())):
                return False
        return True

    def run(self, mode: str) -> Result:
        label = target_label(self.targets[0]) if len(self.targets) == 1 else "mix"
        result = Result(label, mode, self.students, self.rate, self.seconds)
        threads = [
            threading.Thread(
                target=self._student,
                args=(
                    number,
                    self.targets[number % len(self.targets)],
                    self.random.random(),
                    self.random.random(),
                ),
                daemon=True,
                name=f"student-{number}",
            )
            for number in range(self.students)
        ]
        with MemorySampler(self.server.pids) as memory:
            result.rss_start_mb = memory.total() / 2**20
            for thread in threads:  # the whole class opens the page at once
                thread.start()
            self._wait(self.ready, self.students, time.monotonic() + self.timeout * 4)
            cpu = sum(cpu_seconds(pid) for pid in self.server.pids)
            client_cpu = time.process_time()
            self.steady_start = time.monotonic() + 0.05
            self.go_steady.set()
            self._wait(
                self.done_steady,
                self.students,
                self.steady_start + self.seconds + self.timeout * 2,
            )
            steady_wall = max(time.monotonic() - self.steady_start, 0.05)
            cpu_used = sum(cpu_seconds(pid) for pid in self.server.pids) - cpu
            result.cpu_percent = 100 * cpu_used / steady_wall
            if self.log.steady:
                result.cpu_ms_per_change = 1000 * cpu_used / len(self.log.steady)
            result.client_cpu_percent = (
                100 * (time.process_time() - client_cpu) / steady_wall
            )
            for b in range(self.n_bursts):
                time.sleep(1.0)  # let the server go quiet, then everyone at once
                self.burst_sent[b] = time.monotonic()
                self.go_burst[b].set()
                self._wait(
                    self.done_burst[b],
                    self.students,
                    time.monotonic() + self.timeout * 2,
                )
            self.finish.set()
            for thread in threads:
                thread.join(timeout=self.timeout + 5)
            result.rss_peak_mb = memory.peak / 2**20
        self._summarise(result, steady_wall)
        return result

    def _summarise(self, result: Result, steady_wall: float) -> None:
        log = self.log
        result.joined = len(log.joins)
        result.join_median_s = (
            statistics.median(log.joins) if log.joins else float("nan")
        )
        result.join_max_s = max(log.joins, default=float("nan"))
        times = [s * 1000 for _, s, _ in log.steady]
        result.interactions = len(times)
        result.per_second = len(times) / steady_wall
        result.median_ms = statistics.median(times) if times else float("nan")
        result.p95_ms = percentile(times, 0.95)
        result.max_ms = max(times, default=float("nan"))
        result.kb_per_change = (
            statistics.mean(b for _, _, b in log.steady) / 1024 if log.steady else 0.0
        )
        result.errors = len(log.errors)
        result.burst_errors = len(log.burst_errors)
        result.lost = len(log.lost)
        for b, finished in sorted(log.bursts.items()):
            result.bursts.append(max(finished) - self.burst_sent[b])
        for name in log.served_by:
            result.served_by[name or "-"] = result.served_by.get(name or "-", 0) + 1
        counts = collections.Counter(log.errors + log.burst_errors + log.lost)
        result.messages = [
            f"{message} (×{n})" if n > 1 else message
            for message, n in counts.most_common(10)
        ]
        for target in self.targets:
            label = target_label(target)
            rows = [(s * 1000, b) for t, s, b in log.steady if t == label]
            if rows:
                page_times = [ms for ms, _ in rows]
                result.per_target[label] = {
                    "interactions": len(rows),
                    "median_ms": statistics.median(page_times),
                    "p95_ms": percentile(page_times, 0.95),
                    "kb_per_change": statistics.mean(b for _, b in rows) / 1024,
                }


def warm_up(server: AppServer, chosen: Sequence[Target], timeout: float) -> list[str]:
    """Open the home page, then each target once, and change its control once.

    The home page first: it runs ``st.navigation``, which a plain ``streamlit
    run`` needs to have seen before a deep link works. The pages' imports and
    caches warm up as they would after a teacher's check before class. Returns
    what went wrong (a view without a control, a traceback).
    """
    problems: list[str] = []
    for page, control in [("", Control()), *chosen]:
        student = Student(server.url, page, control, timeout)
        try:
            student.connect()
            run = student.open_page()
            problems += [f"{page or 'home'}: {e}" for e in run.errors]
            label = target_label((page, control))
            widget = student.widget
            if not page:
                continue
            if widget is None:
                problems.append(f"{label}: no control on this view (see CONTROLS)")
                continue
            if control.key and widget.key not in (
                control.key,
                f"{control.key}__slider",
            ):
                problems.append(
                    f"{label}: no control {control.key!r}; changing {widget.key!r}"
                )
            student.change()
        except SessionLost as exc:
            problems.append(f"{page or 'home'}: {exc}")
        finally:
            student.close()
    return problems


# -- the table -------------------------------------------------------------------------


def _fmt(value: float, spec: str) -> str:
    return "—" if value != value else format(value, spec)  # nan -> dash


def table(results: Sequence[Result]) -> str:
    """One Markdown table, a row per scenario (and per target of a mixed class)."""
    lines = [
        "| page (view: control) | server | students | opened in s (med/max) | changes/s "
        "| median ms | p95 ms | max ms | KB/change | errors | lost | burst: last served s "
        "| server RSS MB (start→peak) | server CPU % | server CPU ms/change "
        "| client CPU % | budget |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        bursts = " / ".join(_fmt(b, ".2f") for b in r.bursts) or "—"
        lines.append(
            f"| {r.target} | {r.mode} | {r.students} "
            f"| {_fmt(r.join_median_s, '.2f')} / {_fmt(r.join_max_s, '.2f')} "
            f"| {r.per_second:.1f} | {_fmt(r.median_ms, '.0f')} | {_fmt(r.p95_ms, '.0f')} "
            f"| {_fmt(r.max_ms, '.0f')} | {r.kb_per_change:.1f} "
            f"| {r.errors + r.burst_errors} | {r.missing} | {bursts} "
            f"| {r.rss_start_mb:.0f} → {r.rss_peak_mb:.0f} | {r.cpu_percent:.0f} "
            f"| {_fmt(r.cpu_ms_per_change, '.1f')} "
            f"| {r.client_cpu_percent:.0f} | {r.verdict()} |"
        )
        if len(r.per_target) > 1:
            for label, row in r.per_target.items():
                lines.append(
                    f"| ↳ {label} | | {row['interactions']:.0f} changes | | "
                    f"| {row['median_ms']:.0f} | {row['p95_ms']:.0f} | "
                    f"| {row['kb_per_change']:.1f} | | | | | | | | |"
                )
    lines.append("")
    lines.append(
        f"Budgets: p95 ≤ {BUDGET_P95_MS:.0f} ms and 0 errors at ~1 change/s per student; "
        f"the last student of a burst served ≤ {BUDGET_BURST_S} s. Round trip = a control "
        "change sent → the end of that rerun received."
    )
    for r in results:
        if len(r.served_by) > 1 or "-" not in r.served_by:
            shares = ", ".join(f"{k}: {v}" for k, v in sorted(r.served_by.items()))
            lines.append(f"{r.target}: sessions per process: {shares}")
        for message in r.messages:
            lines.append(f"{r.target}: ! {message}")
    return "\n".join(lines)


# -- command line ------------------------------------------------------------------------


def all_pages() -> list[str]:
    from ui.topics import available_topics

    return [topic.slug for topic in available_topics()]


def parse_pages(text: str, parser: argparse.ArgumentParser) -> list[str]:
    known = all_pages()
    pages = (
        known if text == "all" else [p.strip() for p in text.split(",") if p.strip()]
    )
    unknown = sorted(set(pages) - set(known))
    if unknown:
        parser.error(
            f"no such page(s): {', '.join(unknown)}; pages: {', '.join(known)}"
        )
    if not pages:
        parser.error("no pages to measure")
    return pages


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Simulate a class of students on the real server (websocket).",
    )
    parser.add_argument("--students", type=int, default=60, help="class size (60)")
    parser.add_argument(
        "--seconds", type=float, default=15.0, help="steady phase per scenario, s (15)"
    )
    parser.add_argument(
        "--rate", type=float, default=1.0, help="changes per second per student (1)"
    )
    parser.add_argument(
        "--bursts", type=int, default=3, help="bursts after the steady phase (3)"
    )
    parser.add_argument(
        "--pages", default="all", help="comma-separated page slugs, or 'all' (default)"
    )
    parser.add_argument(
        "--first-case",
        action="store_true",
        help="only the first listed interaction per page (default: every listed view)",
    )
    parser.add_argument(
        "--mix",
        action="store_true",
        help="one run with the class spread over the pages (default: a run per page)",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="start a plain `streamlit run app.py` with Streamlit's defaults "
        "(postScriptGC on, no TCP_NODELAY) instead of serve.py",
    )
    parser.add_argument(
        "--url", help="load a running server (e.g. HAProxy) instead of starting one"
    )
    parser.add_argument(
        "--pid",
        type=int,
        action="append",
        default=[],
        help="with --url: an app process whose memory and CPU to report (repeatable)",
    )
    parser.add_argument(
        "--timeout", type=float, default=15.0, help="per-message timeout, s (15)"
    )
    parser.add_argument(
        "--walk",
        action="store_true",
        help="each change one more step the same way (turning at the limits) instead "
        "of two values in turn: defeats caches, like students exploring",
    )
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the students' timing"
    )
    args = parser.parse_args(argv)
    for name in ("students", "seconds", "rate", "timeout"):
        if getattr(args, name) <= 0:
            parser.error(f"--{name} must be positive")
    if args.students > 500 or args.seconds > 600 or not 0 <= args.bursts <= 20:
        parser.error("keep it bounded: ≤ 500 students, ≤ 600 s, 0–20 bursts")
    if args.url and args.plain:
        parser.error("--plain starts its own server; it cannot be combined with --url")
    args.pages = parse_pages(args.pages, parser)
    return args


@contextlib.contextmanager
def serve(url: str | None, pids: Sequence[int], mode: str) -> Iterator[AppServer]:
    """The server to load: ``url``, or one started for the run (and stopped after)."""
    if url:
        server = AppServer(url.rstrip("/"), list(pids))
        wait_healthy(server.url, None, None, timeout=30)
        yield server
        return
    server = start_app(mode)
    try:
        yield server
    finally:
        server.stop()


def run(args: argparse.Namespace) -> tuple[list[Result], list[str]]:
    """Every scenario the arguments ask for; returns the results and warm-up problems."""
    results: list[Result] = []
    mode = "proxy" if args.url else ("plain" if args.plain else "fast")
    chosen = targets(args.pages, args.first_case)
    with serve(args.url, args.pid, "plain" if args.plain else "fast") as server:
        problems = warm_up(server, chosen, args.timeout)
        groups = [chosen] if args.mix else [[t] for t in chosen]
        for group in groups:
            classroom = Classroom(
                server,
                group,
                args.students,
                args.seconds,
                args.rate,
                args.bursts,
                args.timeout,
                args.seed,
                args.walk,
            )
            result = classroom.run(mode + ("+walk" if args.walk else ""))
            results.append(result)
            print(f"  {result.target}: {result.verdict()}", file=sys.stderr, flush=True)
    return results, problems


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    print(
        f"classroom load: {args.students} students × ~{args.rate:g} change/s for "
        f"{args.seconds:g} s, then {args.bursts} burst(s); "
        f"{'one class spread over ' if args.mix else 'a class per page: '}"
        f"{', '.join(args.pages)}; server: "
        f"{args.url or ('plain streamlit run' if args.plain else 'serve.py')}",
        file=sys.stderr,
        flush=True,
    )
    results, problems = run(args)
    print(table(results))
    for problem in problems:
        print(f"warm-up: ! {problem}")
    if args.json is not None:
        payload = [
            {**asdict(r), "verdict": r.verdict(), "burst_last_s": r.burst_last_s}
            for r in results
        ]
        args.json.write_text(json.dumps(payload, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
