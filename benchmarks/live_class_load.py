"""A live class through the real server: 60 students answer while 30 move sliders.

    python -m benchmarks.live_class_load                  # SQLite, then PostgreSQL
    python -m benchmarks.live_class_load --join-first     # join, then the question
    python -m benchmarks.live_class_load --setups sqlite --students 30 --json out.json

Two set-ups, each started for the run and stopped after (127.0.0.1, free ports):
*SQLite* (one ``python serve.py``, the default store) and *PostgreSQL* (a
throw-away cluster, ``tooling.postgres``) with two app processes behind HAProxy
(``scripts/serve_class.sh``). Every client is a websocket session speaking
Streamlit's own protobuf messages, as a browser tab does
(``benchmarks/classroom/live.py``); nothing is mocked:

1. the teacher starts a class (the store's API gives the code and the secret)
   and opens the page with the teacher's ``mlmath_live`` cookie in the
   ``Cookie`` header, as their browser sends it once the page's script wrote it;
   that page shows the teacher's bar, where they press **Ask the class** (the
   view's first question, its answer computed from the teacher's view); from
   then on their tab reruns the live answers fragment every second, as
   Chromium's timer does;
2. ``--sliders`` other students open the same page and move a slider about once
   a second (``benchmarks/classroom/load.py``, the class of ``classroom_load``);
3. meanwhile ``--students`` students open ``/<page>?class=CODE`` at a seeded
   moment in the first half of ``--window`` s, press **Join the class**, type a
   number near the answer into **Your answer** and press **Send** at a seeded
   moment within the window (or as soon as their page shows the box), then
   keep polling like a browser (the bar's fragment every 2 s). With
   ``--join-first`` they join before the teacher asks (a class that joined
   during the introduction) and all answer within the window after it;
4. afterwards, the app processes' CPU (user + system, ``/proc``) over
   ``--cpu-seconds`` with the teacher's tab rerunning its fragment and without
   (its timer stopped, as with the tab closed), twice each: first with the
   students still polling (the real class; its noise hides a small cost), then
   with their timers stopped too (the teacher's view alone).

Prints a Markdown table: answers stored (read from the store: must be every
student), when the teacher's own page first showed "N of N students answered"
(after the window opened, and after the last answer was written to the store;
budget 2 s), the extra server CPU of the teacher's live view, the sliders'
round trip (median / p95; budget p95 ≤ 150 ms), and, because the figures depend
on what else the machine runs, the app processes' CPU in the window, the time
their threads waited for a CPU (``schedstat``) and the load average. Nothing
here asserts a time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.classroom.answering import AnsweringClass, TeacherView
from benchmarks.classroom.live import LiveTab, answered, teacher_cookie
from benchmarks.classroom.live_report import Outcome, summarise, table
from benchmarks.classroom.load import Classroom, warm_up
from benchmarks.classroom.report import Result
from benchmarks.classroom.servers import (
    Served,
    cpu_wait_seconds,
    proxied_servers,
    sqlite_server,
)
from benchmarks.common.server import cpu_seconds
from benchmarks.common.targets import targets
from classroom import ClassStore, open_store
from text import live_class as words

SETUPS = ("sqlite", "postgresql")


def _values(store: ClassStore, code: str, secret: str, n: int, seed: int) -> list[str]:
    """What each student types: near the true answer, within the question's range."""
    question = store.teacher_state(code, secret).question
    if question is None or question.answer is None:
        raise RuntimeError("the teacher's question did not open")
    rng = random.Random(seed)
    spread = max(question.tolerance, 0.1) * 3
    picked = [question.answer + rng.uniform(-spread, spread) for _ in range(n)]
    return [f"{min(max(v, question.low), question.high):.3g}" for v in picked]


def _teacher(
    served: Served, slug: str, code: str, secret: str, timeout: float
) -> LiveTab:
    """The teacher's tab on ``slug``, their ``mlmath_live`` cookie sent."""
    tab = LiveTab(served.url, slug, timeout=timeout)
    tab.connect_with(teacher_cookie(code, secret))
    opened = tab.open()
    if opened.errors or words.ASK not in tab.buttons:
        raise RuntimeError(f"the teacher's page has no {words.ASK!r}: {opened.errors}")
    return tab


def _ask(tab: LiveTab, joined: int) -> None:
    """Press **Ask the class**; the projector then shows "0 of N students answered"."""
    asked = tab.press(words.ASK)
    if asked.errors or not tab.timer() or not tab.shows(answered(0, joined)):
        raise RuntimeError(f"the question did not open: {asked.errors} {tab.texts}")


def _warm(served: Served, slug: str, timeout: float) -> list[str]:
    """Each process once: the page, a slider, a class joined and answered."""
    problems: list[str] = []
    store = open_store(served.database_url)
    try:
        for url in served.direct:
            one = Served(url, [], [url], served.database_url, "", served.log_dir)
            problems += warm_up(one.app(), targets([slug], True), timeout)
            new = store.start_class()
            teacher = _teacher(one, slug, new.code, new.secret, timeout)
            _ask(teacher, 0)
            pupils = AnsweringClass(url, slug, new.code, ["1"], 0.1, timeout)
            pupils.start(time.monotonic())
            pupils.wait_answered(timeout * 3)
            pupils.stop()
            teacher.close()
            problems += pupils.log.errors
    finally:
        store.close()
    return problems


def _cpu(pids: Sequence[int], seconds: float) -> float:
    """The processes' CPU over ``seconds``, in cores."""
    before, began = sum(cpu_seconds(p) for p in pids), time.monotonic()
    time.sleep(seconds)
    return (sum(cpu_seconds(p) for p in pids) - before) / (time.monotonic() - began)


def _sliders(served: Served, args: argparse.Namespace) -> Classroom:
    """The other students: one slider each, about once a second (classroom_load)."""
    return Classroom(
        served.app(),
        targets([args.page], True),
        args.sliders,
        args.window + args.after,
        1.0,
        0,
        args.timeout,
        args.seed,
    )


@dataclass
class _Live:
    """The actors of one run: the class's store and code, and every tab."""

    store: ClassStore
    code: str
    secret: str
    teacher: LiveTab
    view: TeacherView
    pupils: AnsweringClass
    sliders: Classroom
    slid: list[Result] = field(default_factory=list)


def _snapshot(pids: Sequence[int]) -> tuple[float, float, float, float]:
    """Server CPU, server wait for a CPU, this process's CPU, the time (s)."""
    server = sum(cpu_seconds(p) for p in pids)
    return server, cpu_wait_seconds(pids), time.process_time(), time.monotonic()


def _answer_phase(
    served: Served, args: argparse.Namespace, live: _Live, out: Outcome
) -> tuple[float, float]:
    """Ask, slide and answer; the moment the window opened and the last answer."""
    timeout = args.timeout
    if args.join_first:
        live.pupils.start(time.monotonic())
        live.pupils.wait_joined(args.window + timeout * 4)
    joined = live.store.teacher_state(live.code, live.secret).students
    _ask(live.teacher, joined)
    live.pupils.values[:] = _values(
        live.store, live.code, live.secret, args.students, args.seed
    )
    live.view.start()
    slider_thread = threading.Thread(
        target=lambda: live.slid.append(live.sliders.run("live class")), daemon=True
    )
    slider_thread.start()
    live.sliders.go_steady.wait(timeout * 4)  # every slider's page is open
    before = _snapshot(served.pids)
    start = before[-1]
    if args.join_first:
        live.pupils.begin(start)
    else:
        live.pupils.start(start)
    live.pupils.wait_answered(args.window + timeout * 4)
    last = max(live.pupils.log.acked, default=float("nan"))
    deadline = time.monotonic() + timeout
    while live.view.saw_all_at != live.view.saw_all_at:
        if time.monotonic() > deadline:
            break
        time.sleep(0.05)
    after = _snapshot(served.pids)
    wall = after[-1] - start
    out.window_server_cores = (after[0] - before[0]) / wall
    out.window_wait_cores = (after[1] - before[1]) / wall
    out.client_cores = (after[2] - before[2]) / wall
    out.window_wall_s = wall
    slider_thread.join(args.window + args.after + timeout * 6)
    return start, last


def measure(served: Served, args: argparse.Namespace) -> Outcome:
    """One set-up: the class answers while others slide; then the CPU phases."""
    out = Outcome(served.label, args.students, args.sliders, args.window)
    out.join_first = args.join_first
    out.load_average = (os.getloadavg()[0], 0.0)
    out.errors += _warm(served, args.page, args.timeout)
    store = open_store(served.database_url)
    new = store.start_class()
    teacher = _teacher(served, args.page, new.code, new.secret, args.timeout)
    out.teacher_served_by = teacher.served_by or "-"
    live = _Live(
        store,
        new.code,
        new.secret,
        teacher,
        TeacherView(teacher, args.students),
        AnsweringClass(
            served.url,
            args.page,
            new.code,
            ["0"] * args.students,
            args.window,
            args.timeout,
            args.seed,
            args.join_first,
        ),
        _sliders(served, args),
    )
    start = last = float("nan")
    try:
        start, last = _answer_phase(served, args, live, out)
        _cpu_phases(served, args, live, out)
    finally:
        live.sliders.finish.set()
        live.view.stop()
        live.pupils.stop()
        teacher.close()
    out.stored = store.answers(new.code, new.secret).count
    out.joined = store.teacher_state(new.code, new.secret).students
    stored_at = _last_stored(store, new.code)
    store.close()
    out.saw_all_after_stored_s = live.view.saw_all_wall - stored_at
    summarise(out, live.pupils, live.view, live.slid, start, last)
    return out


def _cpu_phases(
    served: Served, args: argparse.Namespace, live: _Live, out: Outcome
) -> None:
    """The server's CPU with and without the teacher's timer, twice each; first
    while the students poll, then while they are quiet."""
    phases = (
        (True, out.cpu_live_cores, out.cpu_idle_cores),
        (False, out.cpu_live_quiet, out.cpu_idle_quiet),
    )
    for polling, with_teacher, without in phases:
        if not polling:
            live.pupils.polling.clear()
        for _ in range(2):
            with_teacher.append(_cpu(served.pids, args.cpu_seconds))
            live.view.live.clear()
            without.append(_cpu(served.pids, args.cpu_seconds))
            live.view.live.set()
    live.pupils.polling.set()


def _last_stored(store: ClassStore, code: str) -> float:
    """When the class's last answer was written (the store's clock, ``time.time``)."""
    row = store.database.run(
        lambda tx: tx.one(
            "SELECT MAX(answered_at) FROM answers WHERE class_code = ?", code
        )
    )
    return float(row[0]) if row and row[0] is not None else float("nan")


@contextlib.contextmanager
def _served(setup: str, work: Path) -> Iterator[Served]:
    if setup == "sqlite":
        with sqlite_server(work) as served:
            yield served
    else:
        with proxied_servers(work) as served:
            yield served


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line's options, checked (bounded runs)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.live_class_load")
    parser.add_argument("--students", type=int, default=60, help="answering (60)")
    parser.add_argument("--sliders", type=int, default=30, help="sliding (30)")
    parser.add_argument("--window", type=float, default=5.0, help="answer within, s")
    parser.add_argument("--after", type=float, default=5.0, help="sliding after, s")
    parser.add_argument("--cpu-seconds", type=float, default=10.0, help="per phase")
    parser.add_argument("--page", default="equations", help="the class's page")
    parser.add_argument("--setups", default=",".join(SETUPS), help="sqlite,postgresql")
    parser.add_argument("--timeout", type=float, default=20.0, help="per message, s")
    parser.add_argument("--seed", type=int, default=0, help="students' moments")
    parser.add_argument(
        "--join-first",
        action="store_true",
        help="students join before the question opens, then answer within --window",
    )
    parser.add_argument("--json", type=Path, help="also write the outcomes here")
    args = parser.parse_args(argv)
    args.setups = [s.strip() for s in args.setups.split(",") if s.strip()]
    if not args.setups or set(args.setups) - set(SETUPS):
        parser.error(f"--setups: choose from {', '.join(SETUPS)}")
    if not 1 <= args.students <= 120 or not 0 <= args.sliders <= 200:
        parser.error("keep it bounded: 1–120 answering students, 0–200 sliding")
    for name in ("window", "after", "cpu_seconds", "timeout"):
        if not 0 < getattr(args, name) <= 600:
            parser.error(f"--{name.replace('_', '-')} must be in (0, 600]")
    return args


def main(argv: Sequence[str] | None = None) -> list[Outcome]:
    """Run every set-up, print the table (and write ``--json``)."""
    args = parse_args(argv)
    outcomes = []
    for setup in args.setups:
        print(f"live class load: {setup} …", file=sys.stderr, flush=True)
        with (
            tempfile.TemporaryDirectory(prefix="mlmath-live-") as work,
            _served(setup, Path(work)) as served,
        ):
            outcomes.append(measure(served, args))
    print(table(outcomes))
    if args.json is not None:
        rows = [
            {
                **asdict(o),
                "teacher_extra_cores": o.teacher_extra_cores,
                "teacher_extra_quiet_cores": o.teacher_extra_quiet_cores,
            }
            for o in outcomes
        ]
        args.json.write_text(json.dumps(rows, indent=2))
    return outcomes


if __name__ == "__main__":
    main()
