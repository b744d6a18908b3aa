"""Server CPU time of one change, per page and view, on the real server.

    python -m benchmarks.rerun_cpu                          # every view of every page
    python -m benchmarks.rerun_cpu --pages gradient-descent --changes 60
    python -m benchmarks.rerun_cpu --pages equations --views one --profile 30
    python -m benchmarks.rerun_cpu --keys                   # session keys, all pages

One simulated student (``benchmarks/classroom/student.py``) opens each view on a
``serve.py`` process of its own, changes the view's control once to warm up,
then walks it ``--changes`` times one step at a time (turning at its limits), as
``classroom_load --walk`` does: every change has new values, so caches keyed by
values do not help. Changes are sent one after the other, never two at once, so
the figure is the server's CPU time (user + system, read from ``/proc``) divided
by the changes: what one change costs the server, websocket and all. CPU time is
meaningful on a busy machine, where wall-clock times are not.

``--profile N`` runs the server under yappi (CPU clock, every thread) and prints
its top N functions by own time per view. ``--keys`` opens every page in one
AppTest session and counts ``st.session_state`` keys after each: every widget
call walks them all. Prints tables; never asserts.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl

from benchmarks.classroom.student import SessionLost, Student
from benchmarks.common.server import AppServer, cpu_seconds, rss_bytes
from benchmarks.common.targets import Control, page_views, parse_pages, view_targets
from tooling import ROOT
from tooling.server import HOST, Server, free_port, wait_healthy
from ui.topics import available_topics


@dataclass
class Measured:
    """One view: the control walked and the server's CPU per change."""

    page: str
    control: Control
    key: str
    changes: int
    cpu_ms: float
    wall_ms: list[float]
    kb: float
    errors: list[str]
    messages: float = 0.0  # websocket messages per change: one per element drawn


@contextmanager
def server(profile_to: Path | None = None) -> Iterator[AppServer]:
    """``python serve.py`` on a free port (under yappi when ``profile_to``)."""
    port = free_port()
    log = Path(tempfile.mkdtemp(prefix="mlmath-cpu-")) / "server.log"
    where = ["--server.port", str(port), "--server.address", HOST]
    if profile_to is None:
        command = [sys.executable, "serve.py", *where]
    else:
        command = [
            sys.executable,
            "-m",
            "benchmarks.profiled_serve",
            str(profile_to),
            *where,
        ]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT
    )
    started = Server(f"http://{HOST}:{port}", process, log)
    try:
        wait_healthy(started.url, process, log, timeout_s=90)
        yield AppServer(started.url, [process.pid], started)
    finally:
        started.stop()


def measure(
    app: AppServer, page: str, control: Control, changes: int, profiled: bool = False
) -> Measured:
    """Open ``page`` at ``control``'s view, walk its control ``changes`` times."""
    student = Student(app.url, page, control, timeout=120, walk=True)
    student.connect()
    try:
        run = student.open_page()
        errors = list(run.errors)
        if student.widget is None:
            return Measured(page, control, "-", 0, float("nan"), [], 0.0, errors)
        for _ in range(2):  # warm up: imports, the first frames of this view
            errors += student.change().errors
        pid = app.pids[0]
        if profiled:
            os.kill(pid, signal.SIGUSR1)  # leave start-up and warm-up out
            time.sleep(0.2)
        cpu = cpu_seconds(pid)
        walls, received, messages = [], 0, 0
        for _ in range(changes):
            run = student.change()
            walls.append(1000 * run.seconds)
            received += run.received
            messages += run.messages
            errors += run.errors
        used = cpu_seconds(pid) - cpu
    finally:
        student.close()
    return Measured(
        page,
        control,
        student.widget.key,
        changes,
        1000 * used / changes,
        walls,
        received / changes / 1024,
        errors,
        messages / changes,
    )


def print_table(results: Sequence[Measured]) -> None:
    print(
        "| page | view (control walked) | changes | server CPU ms/change "
        "| wall ms median | KB/change | messages/change | errors |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        view = r.control.query or "default"
        if not r.changes:
            print(f"| {r.page} | {view} (no control) | 0 | | | | | {len(r.errors)} |")
            continue
        print(
            f"| {r.page} | {view} ({r.key}) | {r.changes} | {r.cpu_ms:.1f} "
            f"| {statistics.median(r.wall_ms):.0f} | {r.kb:.1f} | {r.messages:.0f} "
            f"| {len(r.errors)} |"
        )
    for r in results:
        for error in dict.fromkeys(r.errors):
            print(f"! {r.page} {r.control.query or 'default'}: {error[:160]}")


def print_profile(path: Path, limit: int) -> None:
    """The top ``limit`` functions by own CPU time in a yappi ``pstat`` file."""
    import pstats

    stats = pstats.Stats(str(path))
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    print(f"  server CPU under yappi: {1000 * total:.0f} ms (profiling slows it)")
    print("  | own ms | total ms | calls | function |")
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][2])  # type: ignore[attr-defined]
    for (file, line, name), (_, calls, own, total_t, _) in rows[:limit]:
        where = file.rsplit("site-packages/", 1)[-1].replace(str(ROOT) + "/", "")
        print(
            f"  | {1000 * own:.1f} | {1000 * total_t:.1f} | {calls} | {where}:{line} {name} |"
        )


def count_keys(pages: Sequence[str]) -> None:
    """Open every page in one session (``app.py``), count the session keys."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    scripts = {t.slug: t.script for t in available_topics()}
    print("| after opening | session keys | last-good results | slider twins |")
    print("|---|---:|---:|---:|")
    for page in pages:
        at.switch_page(scripts[page]).run()
        keys = [str(k) for k in at.session_state]
        good = sum(1 for k in keys if "last_good" in k)
        twins = sum(1 for k in keys if k.endswith("__slider"))
        print(f"| {page} | {len(keys)} | {good} | {twins} |")


def chosen_targets(
    pages: Sequence[str], views: str | None
) -> list[tuple[str, Control]]:
    """Every view of ``pages`` (or only the view keys listed in ``views``)."""
    chosen = view_targets(pages)
    if not views:
        return chosen
    wanted = set(views.split(","))
    return [
        (page, control)
        for page, control in chosen
        if (dict(parse_qsl(control.query)).get("view") or page_views(page)[0]) in wanted
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="all", help="slugs, comma-separated")
    parser.add_argument("--views", help="only these view keys (comma-separated)")
    parser.add_argument("--changes", type=int, default=30, help="per view (30)")
    parser.add_argument("--profile", type=int, default=0, help="yappi's top N per view")
    parser.add_argument("--keys", action="store_true", help="count session keys")
    args = parser.parse_args(argv)
    if not 1 <= args.changes <= 1000:
        parser.error("--changes: 1 … 1000")
    pages = parse_pages(args.pages, parser)
    if args.keys:
        count_keys(pages)
        return 0
    results = []
    for page, control in chosen_targets(pages, args.views):
        profile = Path(tempfile.mkdtemp(prefix="mlmath-prof-")) / "server.pstat"
        if args.profile:
            print(f"  profile: {profile}", file=sys.stderr)
        with server(profile if args.profile else None) as app:
            try:
                result = measure(app, page, control, args.changes, bool(args.profile))
            except SessionLost as exc:
                result = Measured(page, control, "-", 0, 0.0, [], 0.0, [str(exc)])
            rss = rss_bytes(app.pids[0]) / 2**20
        results.append(result)
        print(
            f"  {page} {control.query or 'default'}: {result.cpu_ms:.1f} ms/change, "
            f"RSS {rss:.0f} MB",
            file=sys.stderr,
            flush=True,
        )
        if args.profile:
            time.sleep(0.5)
            print(f"\n{page} {control.query or 'default'} ({result.key})")
            print_profile(profile, args.profile)
    print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
