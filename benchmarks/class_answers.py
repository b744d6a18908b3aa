"""60 students join a live class and answer within 5 s; when does the teacher see them?

    python -m benchmarks.class_answers                    # SQLite and PostgreSQL
    python -m benchmarks.class_answers --backends sqlite --students 120
    python -m benchmarks.class_answers --url postgresql://user@host/db   # your server

Against the class store directly (no HTTP yet): a teacher process starts a class
and opens a question; student threads in ``--processes`` other processes (one for
SQLite, two for PostgreSQL, as served) each join and answer at a random moment
within ``--window`` seconds (seeded: ``--seed``), or all at once (the *burst*
row). The teacher polls the class's answers every ``--poll`` seconds, as the
projector view does. PostgreSQL is a throw-away cluster (Debian's package, see
``tooling.postgres``) unless ``--url`` names one. Prints one Markdown table:

- answers stored (must be every student);
- when the teacher's poll first saw them all, counted from the start and from
  the last answer's commit (the budget for the projector is 2 s);
- join, answer, student-poll (every ``--student-poll`` s until they answer) and
  teacher-poll latency (median / p95), and any refused call.

Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import random
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

from benchmarks.common.stats import cell, percentile
from classroom import ClassStore, QuestionSpec, open_store
from tooling.postgres import start_cluster

QUESTION = QuestionSpec(
    "gradient-descent.w3", "Where is w after 3 steps?", 0.512, 0.05, -5.0, 5.0
)


@dataclass
class Timings:
    """What the students of one process saw (seconds; ``done`` on the shared clock)."""

    joins: list[float] = field(default_factory=list)
    submits: list[float] = field(default_factory=list)
    polls: list[float] = field(default_factory=list)
    done: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def students(
    url: str, code: str, first: int, count: int, plan: list[tuple[float, float]],
    period: float, ready: Any, go: Event, start: Any,
) -> None:  # fmt: skip
    """A worker process: ``count`` student threads, each joining and answering once.

    ``plan[k]`` = (join at, answer at), in seconds after the shared ``start``
    (``time.monotonic``, one clock for every process on Linux). Between the two a
    student polls the class every ``period`` seconds, as a student page does.
    """
    store = open_store(url)
    found = Timings()
    lock = threading.Lock()

    def one(k: int) -> None:
        join_at, answer_at = plan[first + k]
        try:
            _sleep_until(start.value + join_at)
            began = time.monotonic()
            student = store.join(code)
            joined = time.monotonic()
            polls = _poll_until(
                store, code, student.token, start.value + answer_at, period
            )
            sent = time.monotonic()
            store.submit(code, student.token, round(random.Random(k).uniform(-1, 2), 3))
            done = time.monotonic()
            with lock:
                found.joins.append(joined - began)
                found.submits.append(done - sent)
                found.done.append(done)
                found.polls.extend(polls)
        except Exception as error:  # counted and printed, never hidden
            with lock:
                found.errors.append(f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=one, args=(k,)) for k in range(count)]
    ready.put(None)
    go.wait()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    store.close()
    ready.put(found)


def _poll_until(
    store: ClassStore, code: str, token: str, moment: float, period: float
) -> list[float]:
    """Poll the student's state every ``period`` s until ``moment``; the latencies."""
    latencies = []
    while time.monotonic() < moment:
        began = time.monotonic()
        store.student_state(code, token)
        latencies.append(time.monotonic() - began)
        _sleep_until(min(moment, began + period))
    return latencies


def _sleep_until(moment: float) -> None:
    delay = moment - time.monotonic()
    if delay > 0:
        time.sleep(delay)


@dataclass
class Result:
    """One run: what the teacher saw and what the students measured."""

    label: str
    stored: int
    saw_all_s: float
    after_last_s: float
    polls: list[float]
    students: Timings


def run(url: str, label: str, args: argparse.Namespace, window: float) -> Result:
    """One class of ``args.students`` answering within ``window`` seconds."""
    rng = random.Random(args.seed)
    plan = []
    for _ in range(args.students):
        join_at = rng.uniform(0, window / 2)
        plan.append((join_at, rng.uniform(join_at, window)))
    teacher = open_store(url)
    new = teacher.start_class()
    teacher.open_question(new.code, new.secret, QUESTION)
    spawn = multiprocessing.get_context("spawn")
    ready, go, start = spawn.Queue(), spawn.Event(), spawn.Value("d", 0.0)
    shares = _split(args.students, args.processes)
    shared = (plan, args.student_poll, ready, go, start)
    workers = [
        spawn.Process(
            target=students,
            args=(url, new.code, sum(shares[:p]), shares[p], *shared),
        )
        for p in range(len(shares))
    ]
    for worker in workers:
        worker.start()
    for _ in workers:
        ready.get(timeout=120)
    start.value = time.monotonic() + 0.3
    go.set()
    saw_all, polls = _poll(teacher, new.code, new.secret, args, start.value, window)
    timings = Timings()
    for _ in workers:
        part: Timings = ready.get(timeout=120)
        for name in ("joins", "submits", "polls", "done", "errors"):
            getattr(timings, name).extend(getattr(part, name))
    for worker in workers:
        worker.join(timeout=60)
    stored = teacher.answers(new.code, new.secret).count
    teacher.close()
    last = max(timings.done, default=float("nan"))
    return Result(label, stored, saw_all - start.value, saw_all - last, polls, timings)


def _poll(
    teacher: ClassStore, code: str, secret: str, args: argparse.Namespace,
    start: float, window: float,
) -> tuple[float, list[float]]:  # fmt: skip
    """Poll like the projector until every student's answer is seen (or time is up)."""
    polls: list[float] = []
    give_up = start + window + 30
    while time.monotonic() < give_up:
        began = time.monotonic()
        count = teacher.answers(code, secret).count
        seen = time.monotonic()
        polls.append(seen - began)
        if count >= args.students:
            return seen, polls
        _sleep_until(began + args.poll)
    return float("nan"), polls


def _split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if p < total % parts else 0) for p in range(parts)]


def _ms(values: list[float]) -> str:
    median = cell(1000 * percentile(values, 0.5), ".1f")
    return f"{median} / {cell(1000 * percentile(values, 0.95), '.1f')}"


def table(results: list[Result], students_count: int) -> str:
    """The Markdown table of every run."""
    lines = [
        f"| store (students → processes) | answers stored (of {students_count}) "
        "| teacher saw all: after start / after last answer | join ms (median / p95) "
        "| answer ms | student poll ms | teacher poll ms | refused |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        refused = len(result.students.errors)
        lines.append(
            f"| {result.label} | {result.stored} "
            f"| {cell(result.saw_all_s, '.2f')} s / {cell(result.after_last_s, '.3f')} s "
            f"| {_ms(result.students.joins)} | {_ms(result.students.submits)} "
            f"| {_ms(result.students.polls)} | {_ms(result.polls)} | {refused} |"
        )
    errors = sorted({e for r in results for e in r.students.errors})
    return "\n".join(lines + [f"\nrefused: {e}" for e in errors[:5]])


@contextlib.contextmanager
def _database(name: str, args: argparse.Namespace, directory: Path) -> Iterator[str]:
    """The URL of the backend ``name``: a new SQLite file, ``--url``, or a new cluster."""
    if name == "sqlite":
        yield f"sqlite:///{directory}/class-{time.monotonic_ns()}.db"
    elif name == "postgresql" and args.url:
        yield args.url
    elif name == "postgresql":
        cluster = start_cluster()
        try:
            yield cluster.url
        finally:
            cluster.stop()
    else:
        raise SystemExit(f"unknown backend {name!r}: sqlite or postgresql")


def main(argv: list[str] | None = None) -> list[Result]:
    """Run every backend (spread, then burst) and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument(
        "--window", type=float, default=5.0, help="seconds to answer in"
    )
    parser.add_argument(
        "--poll", type=float, default=0.25, help="teacher's poll period s"
    )
    parser.add_argument(
        "--student-poll", type=float, default=1.0, help="students' poll period s"
    )
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--processes", type=int, default=0, help="0: 1 SQLite, 2 PG")
    parser.add_argument("--url", default="", help="an existing PostgreSQL to use")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="mlmath-bench-") as directory:
        for name in args.backends.split(","):
            processes = args.processes or (1 if name == "sqlite" else 2)
            run_args = argparse.Namespace(**{**vars(args), "processes": processes})
            with _database(name, args, Path(directory)) as url:
                for window, how in (
                    (args.window, f"within {args.window:g} s"),
                    (0.0, "burst"),
                ):
                    label = f"{name}, {how} ({args.students} → {processes})"
                    results.append(run(url, label, run_args, window))
    print(table(results, args.students))
    return results


if __name__ == "__main__":
    main()
