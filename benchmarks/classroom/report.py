"""Each classroom scenario's figures, its budgets, and the Markdown table printed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.common.stats import cell

BUDGET_P95_MS = 150.0
BUDGET_BURST_S = 0.5
STEADY_ERRORS_ALLOWED = 0


@dataclass
class Result:
    """One scenario: a class of ``students`` on one target (or spread over several)."""

    target: str
    mode: str
    students: int
    rate: float
    seconds: float
    joined: int = 0
    join_median_s: float = 0.0
    join_max_s: float = 0.0
    interactions: int = 0
    per_second: float = 0.0
    median_ms: float = 0.0
    p95_ms: float = 0.0
    max_ms: float = 0.0
    kb_per_change: float = 0.0
    errors: int = 0
    lost: int = 0
    bursts: list[float] = field(default_factory=list)  # last served, s, per burst
    burst_errors: int = 0
    #: Inputs the app refused with a message, a walking student then turning back
    #: (not errors: the app said what to fix, as it should).
    refused: int = 0
    rss_start_mb: float = 0.0
    rss_peak_mb: float = 0.0
    rss_end_mb: float = 0.0
    #: (s since the class opened, MB), about every 30 s: a soak's memory curve
    rss_series: list[tuple[float, float]] = field(default_factory=list)
    cpu_percent: float = 0.0  # the servers' CPU over the steady phase (100 = one core)
    # server CPU per change: what limits a class
    cpu_ms_per_change: float = float("nan")
    client_cpu_percent: float = 0.0  # this script's own CPU: near 100 = numbers suspect
    served_by: dict[str, int] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    per_target: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def burst_last_s(self) -> float:
        """When the last student of the slowest burst was served, s."""
        return max(self.bursts) if self.bursts else float("nan")

    @property
    def missing(self) -> int:
        """Students who never got the page, or whose session died."""
        return self.lost + max(0, self.students - self.joined - self.lost)

    def verdict(self) -> str:
        """``ok``, or ``MISS:`` and the budgets this scenario missed."""
        misses = []
        if self.missing:
            misses.append(f"{self.missing} lost")
        if self.errors > STEADY_ERRORS_ALLOWED or self.burst_errors:
            misses.append(f"{self.errors + self.burst_errors} errors")
        if self.interactions and self.p95_ms > BUDGET_P95_MS:
            misses.append(f"p95 {self.p95_ms:.0f} > {BUDGET_P95_MS:.0f} ms")
        if self.bursts and self.burst_last_s > BUDGET_BURST_S:
            misses.append(f"burst {self.burst_last_s:.2f} > {BUDGET_BURST_S} s")
        if not self.interactions:
            misses.append("no interactions")
        return "ok" if not misses else "MISS: " + ", ".join(misses)


def table(results: Sequence[Result]) -> str:
    """One Markdown table, a row per scenario (and per target of a mixed class)."""
    lines = [
        "| page (view: control) | server | students | opened in s (med/max) | changes/s "
        "| median ms | p95 ms | max ms | KB/change | errors | lost | burst: last served s "
        "| server RSS MB (start→peak→end) | server CPU % | server CPU ms/change "
        "| client CPU % | budget |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        bursts = " / ".join(cell(b, ".2f") for b in r.bursts) or "—"
        lines.append(
            f"| {r.target} | {r.mode} | {r.students} "
            f"| {cell(r.join_median_s, '.2f')} / {cell(r.join_max_s, '.2f')} "
            f"| {r.per_second:.1f} | {cell(r.median_ms, '.0f')} | {cell(r.p95_ms, '.0f')} "
            f"| {cell(r.max_ms, '.0f')} | {r.kb_per_change:.1f} "
            f"| {r.errors + r.burst_errors} | {r.missing} | {bursts} "
            f"| {r.rss_start_mb:.0f} → {r.rss_peak_mb:.0f} → {r.rss_end_mb:.0f} | {r.cpu_percent:.0f} "
            f"| {cell(r.cpu_ms_per_change, '.1f')} "
            f"| {r.client_cpu_percent:.0f} | {r.verdict()} |"
        )
        if len(r.per_target) > 1:
            for label, row in r.per_target.items():
                lines.append(
                    f"| ↳ {label} | | {row['interactions']:.0f} changes | | "
                    f"| {row['median_ms']:.0f} | {row['p95_ms']:.0f} | "
                    f"| {row['kb_per_change']:.1f} | | | | | | | | |"
                )
    lines.append("")
    lines.append(
        f"Budgets: p95 ≤ {BUDGET_P95_MS:.0f} ms and 0 errors at ~1 change/s per student; "
        f"the last student of a burst served ≤ {BUDGET_BURST_S} s. Round trip = a control "
        "change sent → the end of that rerun received."
    )
    for r in results:
        if len(r.served_by) > 1 or "-" not in r.served_by:
            shares = ", ".join(f"{k}: {v}" for k, v in sorted(r.served_by.items()))
            lines.append(f"{r.target}: sessions per process: {shares}")
        if len(r.rss_series) > 2:
            curve = ", ".join(f"{t / 60:.1f} min {mb:.0f}" for t, mb in r.rss_series)
            lines.append(f"{r.target}: server RSS MB over time: {curve}")
        for message in r.messages:
            lines.append(f"{r.target}: ! {message}")
    return "\n".join(lines)
