"""The app served the README's way (``python serve.py``) on 127.0.0.1 and a free port.

Tests, benchmarks and ``scripts/serve_class.sh`` start servers and wait for Streamlit's
health check (``/_stcore/health``) with these functions. From the shell::

    python -m tooling.server wait 8691:1234 8692:1235   # ports answer, pids still alive
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tooling import ROOT

HOST = "127.0.0.1"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def server_command(mode: str, port: int, *extra: str) -> list[str]:
    """The command line that serves the app on 127.0.0.1 and ``port``.

    ``mode`` is ``fast`` (``python serve.py``, the README's way) or ``plain``:
    ``streamlit run app.py`` with Streamlit's defaults for the two per-interaction
    costs that ``serve.py`` and ``.streamlit/config.toml`` remove, a full garbage
    collection after every rerun (``runner.postScriptGC``) and no ``TCP_NODELAY`` on
    the sockets. ``extra`` options are appended (e.g. ``--server.maxUploadSize``).
    """
    where = ["--server.port", str(port), "--server.address", HOST, *extra]
    if mode == "fast":
        return [sys.executable, "serve.py", *where]
    if mode == "plain":
        plain = ["--server.headless", "true", "--runner.postScriptGC", "true"]
        return [sys.executable, "-m", "streamlit", "run", "app.py", *where, *plain]
    raise ValueError(f"unknown server mode {mode!r} (fast or plain)")


@dataclass
class Server:
    """A server this program started: its URL, its process and the log it writes."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        """Terminate the process (kill it after 10 s) and reap it."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_server(
    log_dir: Path, *extra: str, mode: str = "fast", timeout_s: float = 60.0
) -> Server:
    """Serve the app on a free port (see ``server_command``); wait for its health check.

    The server's output goes to ``log_dir/server-<mode>-<port>.log``. Raises
    ``RuntimeError`` (with the log) if it exits or does not answer in ``timeout_s``.
    """
    port = free_port()
    log = log_dir / f"server-{mode}-{port}.log"
    process = subprocess.Popen(
        server_command(mode, port, *extra),
        cwd=ROOT,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    server = Server(f"http://{HOST}:{port}", process, log)
    try:
        wait_healthy(server.url, process, log, timeout_s=timeout_s)
    except BaseException:
        server.stop()
        raise
    return server


def _exited(process: subprocess.Popen[bytes] | None, pid: int | None) -> bool:
    if process is not None and process.poll() is not None:
        return True
    return pid is not None and _gone(pid)


def _gone(pid: int) -> bool:
    """True if ``pid`` has exited (a zombie waiting for its parent counts as gone)."""
    try:
        os.kill(pid, 0)
    except OSError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # no /proc here: alive as far as we can tell
        return False
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def wait_healthy(
    url: str,
    process: subprocess.Popen[bytes] | None = None,
    log: Path | None = None,
    *,
    timeout_s: float = 60.0,
    pid: int | None = None,
) -> None:
    """Wait until ``url``'s health check answers 200 (polled every 0.2 s).

    Raises ``RuntimeError`` as soon as ``process`` (a child) or ``pid`` (any
    process) has exited, or after ``timeout_s``; the message holds ``log``'s text.
    """
    deadline = time.monotonic() + timeout_s
    while True:  # bounded by the deadline; asks at least once
        if _exited(process, pid):
            who = repr(process.args) if process is not None else f"process {pid}"
            raise RuntimeError(f"{who} serving {url} exited early:\n{_text(log)}")
        if _answers(url):
            return
        if time.monotonic() >= deadline:
            break
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {timeout_s:.0f} s:\n{_text(log)}")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
            return bool(reply.status == 200)
    except OSError:
        return False


def _text(log: Path | None) -> str:
    return log.read_text(errors="replace") if log is not None else ""


def main(argv: Sequence[str] | None = None) -> int:
    """``wait PORT:PID ...``: every port on 127.0.0.1 answers while its pid lives."""
    parser = argparse.ArgumentParser(prog="python -m tooling.server")
    commands = parser.add_subparsers(dest="command", required=True)
    wait = commands.add_parser("wait", help="wait for health checks on 127.0.0.1")
    wait.add_argument("servers", nargs="+", metavar="PORT:PID")
    wait.add_argument("--timeout", type=float, default=60.0, help="in all, s (60)")
    args = parser.parse_args(argv)
    deadline = time.monotonic() + args.timeout
    for server in args.servers:
        port, _, pid = server.partition(":")
        remaining = max(deadline - time.monotonic(), 0.0)
        try:
            wait_healthy(
                f"http://{HOST}:{int(port)}",
                timeout_s=remaining,
                pid=int(pid) if pid else None,
            )
        except RuntimeError as exc:
            print(f"{parser.prog}: {exc}".rstrip(), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
