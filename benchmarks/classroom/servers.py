"""The two ways a live class is served, started for a benchmark and stopped after.

- :func:`sqlite_server`: one ``python serve.py`` with its class store in a new
  SQLite file (the default set-up: nothing to install);
- :func:`proxied_servers`: ``scripts/serve_class.sh`` (two app processes behind
  HAProxy, cookie affinity) with the store in a throw-away PostgreSQL cluster
  (``tooling.postgres``).

Each yields a :class:`Served`: the URL students open, the app processes whose
CPU is read, each process's own URL (to warm it up), and the store's URL (the
benchmark reads the answers from the store itself). Everything listens on
127.0.0.1 and free ports.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.common.server import AppServer
from tooling import ROOT
from tooling.postgres import start_cluster
from tooling.server import free_port, start_server, wait_healthy

DATABASE_URL_ENV = "MLMATH_DATABASE_URL"


@dataclass
class Served:
    """A running class server: the front URL, its app processes, the store's URL."""

    url: str
    pids: list[int]
    direct: list[str]  # each app process's own URL
    database_url: str
    label: str
    log_dir: Path
    notes: list[str] = field(default_factory=list)

    def app(self) -> AppServer:
        """The front as ``benchmarks.classroom.load`` expects it."""
        return AppServer(self.url, list(self.pids))


@contextlib.contextmanager
def sqlite_server(work: Path) -> Iterator[Served]:
    """One ``serve.py`` process; the class store in a new SQLite file under ``work``."""
    database_url = f"sqlite:///{work}/class.db"
    before = os.environ.get(DATABASE_URL_ENV)
    os.environ[DATABASE_URL_ENV] = database_url  # the server inherits it
    try:
        server = start_server(work, timeout_s=120)
    finally:
        _restore(before)
    try:
        yield Served(
            server.url,
            [server.process.pid],
            [server.url],
            database_url,
            "SQLite, 1 process",
            work,
        )
    finally:
        server.stop()


@contextlib.contextmanager
def proxied_servers(work: Path) -> Iterator[Served]:
    """Two app processes behind HAProxy (``scripts/serve_class.sh``) on PostgreSQL."""
    cluster = start_cluster()
    port, app1, app2 = free_port(), free_port(), free_port()
    log = work / "serve_class.log"
    env = {
        **os.environ,
        "BIND": f"127.0.0.1:{port}",
        "APP_PORTS": f"{app1} {app2}",
        "RUN_DIR": str(work),
        DATABASE_URL_ENV: cluster.url,
    }
    try:
        with log.open("wb") as out:
            process = subprocess.Popen(
                ["bash", "scripts/serve_class.sh"],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_healthy(url, process, log, timeout_s=180)
            pids = [int((work / f"app{i}.pid").read_text()) for i in (1, 2)]
            direct = [f"http://127.0.0.1:{p}" for p in (app1, app2)]
            yield Served(
                url,
                pids,
                direct,
                cluster.url,
                "PostgreSQL, 2 processes + HAProxy",
                work,
            )
        finally:
            _stop(process)
    finally:
        cluster.stop()


def cpu_wait_seconds(pids: Sequence[int]) -> float:
    """Time the processes' live threads spent ready to run but waiting for a CPU.

    From ``/proc/<pid>/task/<tid>/schedstat`` (its second field, in ns): on a
    machine that other work keeps busy, this is where a slow rerun's time went.
    Threads that ended take their share with them, so this is a lower bound.
    """
    total = 0
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").glob("*/schedstat"):
            with contextlib.suppress(OSError, IndexError, ValueError):
                total += int(task.read_text().split()[1])
    return total / 1e9


def _restore(before: str | None) -> None:
    if before is None:
        os.environ.pop(DATABASE_URL_ENV, None)
    else:
        os.environ[DATABASE_URL_ENV] = before


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the script (it stops HAProxy and both apps); insist after 40 s."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


__all__ = ["Served", "cpu_wait_seconds", "proxied_servers", "sqlite_server"]
