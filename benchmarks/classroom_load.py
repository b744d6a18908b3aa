"""A class of simulated students on the real server, through its websocket.

Each student opens a page the way a browser does (one websocket to
``/_stcore/stream``, Streamlit's own protobuf messages), then changes a
control (a slider; a number or text box where a view has no slider) about
once a second for a bounded time; after that, every student changes it at
the same instant (a "burst", as when a teacher says "now set it to 3"). No
browser and no AppTest: the server does exactly the work it does for a class.
Run it from the repository's root::

    python -m benchmarks.classroom_load                      # 60 students, every page
    python -m benchmarks.classroom_load --students 30 --pages bayes
    python -m benchmarks.classroom_load --mix                # the class spread over pages
    python -m benchmarks.classroom_load --plain              # plain `streamlit run`, defaults
    python -m benchmarks.classroom_load --url http://127.0.0.1:8690 --pid 123 --pid 456
    python -m benchmarks.classroom_load --students 30 --pages equations --hostile-tabs 3
    python -m benchmarks.classroom_load --views all --walk   # every view of every page
    python -m benchmarks.classroom_load --pages bayes --minutes 5 --walk   # a soak

``--views all`` measures every view of the chosen pages (its first control, or
the one listed in ``benchmarks/common/targets.py``); ``--minutes M`` makes the
steady phase M minutes long and prints the servers' memory every 30 s, so a
soak shows whether memory stays flat (start → peak → end in the table).

With ``--hostile-tabs N`` N more tabs hold a hostile link of ``--hostile-bytes``
bytes open on the class's page and change a control like a student
(``benchmarks/classroom/hostile.py``; ``--hostile-reload``: reopen the link each
time): compare the class's p95 with and without them.

It prints one table: round trip (a control change sent → the rerun's last
message received) median / p95 / max, interactions per second, KB per change,
errors (tracebacks or error boxes in the page, protocol failures), lost
sessions (a websocket that closed or stopped answering), time for the whole
class to open the page, the burst's last student served, server memory (RSS)
and CPU. Budgets: p95 ≤ 150 ms with 0 errors at ~1 change/s per student; the
last student of a burst served within 0.5 s.

All traffic stays on 127.0.0.1 unless ``--url`` says otherwise; every loop is
bounded in count and time, and the run stops by itself. The parts live in
``benchmarks/classroom/`` (students, the class, the table) and
``benchmarks/common/`` (the controls changed, the server).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from benchmarks.classroom.hostile import HostileTabs
from benchmarks.classroom.load import Classroom, warm_up, without_control
from benchmarks.classroom.report import Result, table
from benchmarks.classroom.student import Student
from benchmarks.common.server import serve
from benchmarks.common.targets import (
    Control,
    parse_pages,
    target_label,
    targets,
    view_targets,
)

# Control and Student: tests/e2e/test_haproxy.py drives students through the proxy.
__all__ = ["Control", "Student", "main", "parse_args", "run"]


def _hostile_options(parser: argparse.ArgumentParser) -> None:
    """``--hostile-tabs``, ``--hostile-bytes``, ``--hostile-reload``."""
    parser.add_argument(
        "--hostile-tabs",
        type=int,
        default=0,
        help="tabs that keep reopening a hostile link on the class's page (0)",
    )
    parser.add_argument(
        "--hostile-bytes",
        type=int,
        default=15_000,
        help="size of the hostile link, bytes (15000)",
    )
    parser.add_argument(
        "--hostile-reload",
        action="store_true",
        help="hostile tabs reopen the link before each change (a new session each)",
    )


def _what_options(parser: argparse.ArgumentParser) -> None:
    """``--views`` (which views of each page) and ``--minutes`` (a soak)."""
    parser.add_argument(
        "--views",
        choices=("listed", "all"),
        default="listed",
        help="'all': every view of each page; 'listed' (default): the listed cases",
    )
    parser.add_argument(
        "--minutes",
        type=float,
        help="a soak: the steady phase lasts this many minutes (memory every 30 s)",
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line's options, checked (bounded runs, known pages)."""
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
    _what_options(parser)
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
    _hostile_options(parser)
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the students' timing"
    )
    args = parser.parse_args(argv)
    if args.minutes is not None:
        if not 0 < args.minutes <= 120:
            parser.error("--minutes: keep a soak between 0 and 120 minutes")
        args.seconds = args.minutes * 60
    for name in ("students", "seconds", "rate", "timeout"):
        if getattr(args, name) <= 0:
            parser.error(f"--{name} must be positive")
    if args.students > 500 or args.seconds > 7200 or not 0 <= args.bursts <= 20:
        parser.error("keep it bounded: ≤ 500 students, ≤ 2 h, 0–20 bursts")
    if not 0 <= args.hostile_tabs <= 20 or not 100 <= args.hostile_bytes <= 500_000:
        parser.error("keep it bounded: 0–20 hostile tabs of 100 B – 500 KB")
    if args.url and args.plain:
        parser.error("--plain starts its own server; it cannot be combined with --url")
    args.pages = parse_pages(args.pages, parser)
    return args


def run(args: argparse.Namespace) -> tuple[list[Result], list[str]]:
    """Every scenario the arguments ask for; returns the results and warm-up problems."""
    results: list[Result] = []
    mode = "proxy" if args.url else ("plain" if args.plain else "fast")
    chosen = (
        view_targets(args.pages)
        if args.views == "all"
        else targets(args.pages, args.first_case)
    )
    with serve(args.url, args.pid, "plain" if args.plain else "fast") as server:
        problems = warm_up(server, chosen, args.timeout)
        # A view with nothing to move (a gallery) has no changes to measure: its
        # students would only count as lost. Say so and leave it out.
        idle = without_control(problems)
        chosen = [t for t in chosen if target_label(t) not in idle]
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
            label = mode + ("+walk" if args.walk else "")
            if args.hostile_tabs:
                label += f"+{args.hostile_tabs} hostile"
            with HostileTabs(
                server.url,
                group[0][0],
                args.hostile_tabs,
                args.hostile_bytes,
                args.rate,
                args.timeout,
                args.hostile_reload,
            ) as hostile:
                result = classroom.run(label)
            if args.hostile_tabs:
                print(f"  {hostile.summary()}", file=sys.stderr, flush=True)
            results.append(result)
            print(f"  {result.target}: {result.verdict()}", file=sys.stderr, flush=True)
    return results, problems


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print its table (and write ``--json``); 0 when it ran."""
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
