"""The server a benchmark loads, and its memory and CPU read from /proc."""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tooling.server import Server, start_server, wait_healthy


@dataclass
class AppServer:
    """A running app: its URL, the pids whose memory and CPU are reported.

    ``started`` is the server this program started (``None`` for one it was
    pointed at with ``--url``, which it leaves running).
    """

    url: str
    pids: list[int]
    started: Server | None = None

    def stop(self) -> None:
        """Stop the server if this program started it."""
        if self.started is not None:
            self.started.stop()


def start_app(mode: str = "fast", log_dir: Path | None = None) -> AppServer:
    """Start the app on 127.0.0.1 and a free port; wait for its health check.

    ``mode`` is ``fast`` (``python serve.py``) or ``plain`` (``streamlit run``
    with Streamlit's defaults); see ``tooling.server.server_command``.
    """
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="mlmath-bench-"))
    server = start_server(log_dir, mode=mode)
    return AppServer(server.url, [server.process.pid], server)


@contextlib.contextmanager
def serve(url: str | None, pids: Sequence[int], mode: str) -> Iterator[AppServer]:
    """The server to load: ``url``, or one started for the run (and stopped after)."""
    if url:
        server = AppServer(url.rstrip("/"), list(pids))
        wait_healthy(server.url, timeout_s=30)
        yield server
        return
    server = start_app(mode)
    try:
        yield server
    finally:
        server.stop()


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
        self.started = time.monotonic()
        #: (seconds since start, MB) about every ``series_every`` s: a soak's memory curve
        self.series: list[tuple[float, float]] = [(0.0, self.peak / 2**20)]
        self.series_every = 30.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def total(self) -> int:
        """The processes' resident memory now, in bytes."""
        return sum(rss_bytes(pid) for pid in self.pids)

    def elapsed(self) -> float:
        """Seconds since the sampler started."""
        return time.monotonic() - self.started

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            now = self.total()
            self.peak = max(self.peak, now)
            since = time.monotonic() - self.started
            if since - self.series[-1][0] >= self.series_every:
                self.series.append((since, now / 2**20))

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
