"""The live class benchmark's figures, its budgets, and the Markdown table printed."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.classroom.answering import AnsweringClass, TeacherView
from benchmarks.classroom.report import Result
from benchmarks.common.stats import cell, percentile

#: The issue's budgets: the projector shows an answer within 2 s; sliders p95.
BUDGET_TEACHER_S = 2.0
BUDGET_P95_MS = 150.0


@dataclass
class Outcome:
    """One set-up's figures (seconds unless named otherwise)."""

    setup: str
    students: int
    sliders: int
    window_s: float
    stored: int = 0
    joined: int = 0
    answered_in_window: int = 0
    last_answer_s: float = float("nan")  # after the window opened
    saw_all_s: float = float("nan")  # after the window opened
    saw_all_after_last_s: float = float("nan")  # after the last confirmation
    saw_all_after_stored_s: float = float("nan")  # after the last answer's write
    teacher_line: str = ""
    teacher_ticks: int = 0
    teacher_tick_ms: float = float("nan")  # median fragment rerun, as the tab saw it
    #: the app processes' CPU (cores) with the teacher's timer running / stopped,
    #: while the students who answered keep polling, and while they are quiet
    cpu_live_cores: list[float] = field(default_factory=list)
    cpu_idle_cores: list[float] = field(default_factory=list)
    cpu_live_quiet: list[float] = field(default_factory=list)
    cpu_idle_quiet: list[float] = field(default_factory=list)
    slider_median_ms: float = float("nan")
    slider_p95_ms: float = float("nan")
    slider_changes: int = 0
    slider_errors: int = 0
    open_ms: tuple[float, float] = (float("nan"), float("nan"))  # median, p95
    join_ms: tuple[float, float] = (float("nan"), float("nan"))
    submit_ms: tuple[float, float] = (float("nan"), float("nan"))
    poll_ms: tuple[float, float] = (float("nan"), float("nan"))
    served_by: dict[str, int] = field(default_factory=dict)
    teacher_served_by: str = ""
    errors: list[str] = field(default_factory=list)
    load_average: tuple[float, float] = (0.0, 0.0)  # 1-min, at the start and the end
    join_first: bool = False
    #: during the window (cores): the app processes' CPU, their threads' wait for
    #: a CPU (other work on the machine), this script's own CPU (its clients)
    window_server_cores: float = float("nan")
    window_wait_cores: float = float("nan")
    client_cores: float = float("nan")
    window_wall_s: float = float("nan")  # the window until the teacher saw all

    @property
    def teacher_extra_cores(self) -> float:
        """Mean server CPU with the teacher's live view minus without (cores)."""
        return _extra(self.cpu_live_cores, self.cpu_idle_cores)

    @property
    def teacher_extra_quiet_cores(self) -> float:
        """The same while the students do not poll: the teacher's view alone."""
        return _extra(self.cpu_live_quiet, self.cpu_idle_quiet)


def _extra(live: Sequence[float], idle: Sequence[float]) -> float:
    if not live or not idle:
        return float("nan")
    return sum(live) / len(live) - sum(idle) / len(idle)


def _spread(values: list[float]) -> tuple[float, float]:
    ms = [1000 * v for v in values]
    return percentile(ms, 0.5), percentile(ms, 0.95)


def summarise(
    out: Outcome,
    pupils: AnsweringClass,
    view: TeacherView,
    slid: list[Result],
    start: float,
    last: float,
) -> None:
    """Fill ``out`` from what the tabs measured (``start``, ``last``: monotonic)."""
    log = pupils.log
    out.answered_in_window = sum(1 for t in log.acked if t <= start + out.window_s)
    out.last_answer_s = last - start
    out.saw_all_s = view.saw_all_at - start
    out.saw_all_after_last_s = view.saw_all_at - last
    out.teacher_line = view.last_line
    out.teacher_ticks = view.ticks
    out.teacher_tick_ms = 1000 * percentile(view.tick_seconds, 0.5)
    out.open_ms, out.join_ms = _spread(log.opens), _spread(log.joins)
    out.submit_ms, out.poll_ms = _spread(log.submits), _spread(log.polls)
    for name in log.served_by:
        out.served_by[name or "-"] = out.served_by.get(name or "-", 0) + 1
    out.errors += log.errors + view.errors
    if slid:
        result = slid[0]
        out.slider_median_ms, out.slider_p95_ms = result.median_ms, result.p95_ms
        out.slider_changes = result.interactions
        out.slider_errors = result.errors + result.lost
        out.errors += result.messages
    else:
        out.errors.append("the sliding students did not finish")
    out.load_average = (out.load_average[0], os.getloadavg()[0])


def table(outcomes: Sequence[Outcome]) -> str:
    """The Markdown table of every set-up (and the details under it)."""
    lines = [
        "| set-up | answers stored | teacher's page showed all: after the window "
        "opened / after the last answer was stored (≤ 2 s) | extra server CPU of "
        "the teacher's live view: students polling / quiet | sliders' round trip median / p95 (≤ 150 ms) "
        "| server CPU / waiting for a CPU in the window | load average |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for o in outcomes:
        how = ", joined first" if o.join_first else ""
        lines.append(
            f"| {o.setup}{how} | {o.stored} of {o.students} "
            f"| {cell(o.saw_all_s, '.2f')} s / {cell(o.saw_all_after_stored_s, '.2f')} s "
            f"| {cell(o.teacher_extra_cores, '+.3f')} / "
            f"{cell(o.teacher_extra_quiet_cores, '+.3f')} cores "
            f"| {cell(o.slider_median_ms, '.0f')} / {cell(o.slider_p95_ms, '.0f')} ms "
            f"| {cell(o.window_server_cores, '.2f')} / "
            f"{cell(o.window_wait_cores, '.2f')} cores "
            f"| {o.load_average[0]:.1f} → {o.load_average[1]:.1f} |"
        )
    for o in outcomes:
        lines.append(
            f"\n{o.setup}: {o.joined} joined; {o.answered_in_window} answers confirmed "
            f"within {o.window_s:g} s (last at {cell(o.last_answer_s, '.2f')} s; the "
            f"teacher saw all {cell(o.saw_all_after_last_s, '.2f')} s after that "
            f"confirmation); ms median/p95: open {_pair(o.open_ms)}, join "
            f"{_pair(o.join_ms)}, send {_pair(o.submit_ms)}, student poll "
            f"{_pair(o.poll_ms)}; {o.sliders} sliders made {o.slider_changes} "
            f"changes ({o.slider_errors} errors); teacher: {o.teacher_ticks} reruns, "
            f"median {cell(o.teacher_tick_ms, '.0f')} ms, last {o.teacher_line!r}; "
            f"server CPU with / without the teacher's view "
            f"{_cores(o.cpu_live_cores)} / {_cores(o.cpu_idle_cores)} cores, "
            f"students quiet {_cores(o.cpu_live_quiet)} / "
            f"{_cores(o.cpu_idle_quiet)} cores; this "
            f"script's CPU in the window {cell(o.client_cores, '.2f')} cores; the "
            f"app processes' CPU time in the window "
            f"{cell(o.window_server_cores * o.window_wall_s, '.1f')} s over "
            f"{cell(o.window_wall_s, '.1f')} s; "
            f"students per process {o.served_by}, teacher on {o.teacher_served_by}; "
            f"errors {len(o.errors)}"
        )
        lines += [f"  ! {e}" for e in sorted(set(o.errors))[:5]]
    return "\n".join(lines)


def _pair(values: tuple[float, float]) -> str:
    return f"{cell(values[0], '.0f')}/{cell(values[1], '.0f')}"


def _cores(values: Sequence[float]) -> str:
    return ", ".join(f"{v:.3f}" for v in values) or "—"


__all__ = ["BUDGET_P95_MS", "BUDGET_TEACHER_S", "Outcome", "summarise", "table"]
