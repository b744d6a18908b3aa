"""A class of simulated students in threads: everyone opens a page, changes, bursts.

``Classroom.run`` conducts one scenario: the whole class opens its page at once,
then each student changes a control about ``rate`` times a second (±20 %, so the
class does not fall into lockstep) for ``seconds``; then, ``bursts`` times, every
student changes it at the same instant. Every wait is bounded, every thread ends.
"""

from __future__ import annotations

import collections
import random
import statistics
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.classroom.report import Result
from benchmarks.classroom.student import SessionLost, Student
from benchmarks.common.server import AppServer, MemorySampler, cpu_seconds
from benchmarks.common.stats import percentile
from benchmarks.common.targets import Control, Target, target_label


@dataclass
class _Log:
    """Everything the student threads record (list appends are atomic in CPython)."""

    joins: list[float] = field(default_factory=list)
    steady: list[tuple[str, float, int]] = field(default_factory=list)  # target, s, B
    bursts: dict[int, list[float]] = field(default_factory=dict)  # finish times
    errors: list[str] = field(default_factory=list)
    burst_errors: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # walkers turned back by a message
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
                self.log.refused.extend(f"{label}: {e}" for e in run.refused)
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
            self.log.refused.extend(f"{label} (burst): {e}" for e in run.refused)
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
        """Conduct the scenario (all threads started and ended here) and summarise it."""
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
            result.rss_end_mb = memory.total() / 2**20
            result.rss_peak_mb = max(memory.peak / 2**20, result.rss_end_mb)
            result.rss_series = [*memory.series, (memory.elapsed(), result.rss_end_mb)]
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
        result.refused = len(log.refused)
        for b, finished in sorted(log.bursts.items()):
            result.bursts.append(max(finished) - self.burst_sent[b])
        for name in log.served_by:
            result.served_by[name or "-"] = result.served_by.get(name or "-", 0) + 1
        counts = collections.Counter(log.errors + log.burst_errors + log.lost)
        result.messages = [
            f"{message} (×{n})" if n > 1 else message
            for message, n in counts.most_common(10)
        ]
        turned = collections.Counter(log.refused)
        result.messages += [
            f"refused, the student turned back: {message}"
            + (f" (×{n})" if n > 1 else "")
            for message, n in turned.most_common(3)
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


#: How :func:`warm_up` reports a view with nothing a student could move.
NO_CONTROL = ": no control on this view (see CONTROLS)"


def without_control(problems: Sequence[str]) -> set[str]:
    """The targets (their labels) that :func:`warm_up` found with no control to move."""
    return {p.removesuffix(NO_CONTROL) for p in problems if p.endswith(NO_CONTROL)}


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
                problems.append(f"{label}{NO_CONTROL}")
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
