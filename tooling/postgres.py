"""A throw-away PostgreSQL cluster on 127.0.0.1 and a free port, for tests and benchmarks.

It uses Debian's ``postgresql`` package (``initdb`` and ``pg_ctl`` under
``/usr/lib/postgresql/<version>/bin``); ``scripts/test.sh`` installs it. PostgreSQL
refuses to run as root, so as root the cluster runs as the ``postgres`` user in a
temporary directory that user owns. Nothing is set up on the machine: the cluster,
its socket and its log live in that directory and are removed by ``stop()``.

    python -m tooling.postgres        # start one, print its URL, stop on Enter
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tooling.server import HOST, free_port

INSTALL_HINT = (
    "PostgreSQL is not installed: the class store tests and benchmark start a "
    "throw-away cluster with Debian's package. Install it with "
    "`sudo apt-get install postgresql` (bash scripts/test.sh does it for you)."
)
#: The cluster's only role (trusted on 127.0.0.1 only) and database.
USER = "mlmath"
DATABASE = "postgres"


def postgres_bin() -> Path:
    """The newest ``/usr/lib/postgresql/<version>/bin`` with ``initdb`` in it.

    Raises ``RuntimeError`` saying how to install PostgreSQL when there is none.
    """
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: float(path.parts[-3]) if path.parts[-3].isdigit() else 0.0,
    )
    if not found:
        raise RuntimeError(INSTALL_HINT)
    return found[-1].parent


@dataclass
class Cluster:
    """A running cluster: its URL, its directory, and how to stop it."""

    url: str
    port: int
    directory: Path
    bin: Path

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return _as_owner(self.directory, [str(self.bin / args[0]), *args[1:]])

    def restart(self) -> None:
        """Stop the server at once (as a crash would) and start it again."""
        self._run(
            "pg_ctl", "-D", str(self.directory / "data"), "-m", "immediate", "stop"
        )
        self._start()

    def _start(self) -> None:
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses={HOST} "
            "-c fsync=off -c full_page_writes=off"
        )
        log = self.directory / "server.log"
        result = self._run(
            "pg_ctl", "-D", str(self.directory / "data"), "-o", options, "-l", str(log),
            "-w", "-t", "60", "start",
        )  # fmt: skip
        if result.returncode != 0:
            text = log.read_text(errors="replace") if log.exists() else ""
            raise RuntimeError(
                f"pg_ctl start failed: {result.stdout}{result.stderr}{text}"
            )

    def stop(self) -> None:
        """Stop the server (immediately: it is throw-away) and delete its files."""
        self._run(
            "pg_ctl", "-D", str(self.directory / "data"), "-m", "immediate", "stop"
        )
        shutil.rmtree(self.directory, ignore_errors=True)


def _as_owner(directory: Path, command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``command`` as the owner of ``directory`` (``postgres`` when we are root)."""
    if os.geteuid() == 0:
        owner = pwd.getpwuid(directory.stat().st_uid).pw_name
        command = ["runuser", "-u", owner, "--", *command]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def start_cluster() -> Cluster:
    """``initdb`` a new cluster in a temporary directory and start it on a free port.

    The server trusts the ``mlmath`` role on 127.0.0.1 only, and runs without fsync
    (its data is thrown away; a commit still survives a crash of the server, as
    :meth:`Cluster.restart` shows, just not a crash of the machine). Raises ``RuntimeError`` with the install hint when
    PostgreSQL is missing, or with the server's output when it does not start.
    """
    bin_dir = postgres_bin()
    directory = Path(tempfile.mkdtemp(prefix="mlmath-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError(INSTALL_HINT) from None
        os.chown(directory, owner.pw_uid, owner.pw_gid)
    init = _as_owner(
        directory,
        [str(bin_dir / "initdb"), "-D", str(directory / "data"), "-U", USER, "-A",
         "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
    )  # fmt: skip
    if init.returncode != 0:
        shutil.rmtree(directory, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {init.stdout}{init.stderr}")
    port = free_port()
    cluster = Cluster(
        f"postgresql://{USER}@{HOST}:{port}/{DATABASE}", port, directory, bin_dir
    )
    try:
        cluster._start()
    except RuntimeError:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    return cluster


if __name__ == "__main__":
    running = start_cluster()
    print(running.url, flush=True)
    try:
        input("Enter stops the cluster. ")
    finally:
        running.stop()
