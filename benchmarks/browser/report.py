"""Each page's browser figures, its budgets, and the Markdown table printed."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.common.stats import cell, percentile

BUDGET_MEDIAN_MS = 100.0
BUDGET_P95_MS = 150.0
BUDGET_KB = 50.0
BUDGET_COLD_S = 2.5


@dataclass
class Row:
    target: str
    cold_s: float = float("nan")
    cold_mb: float = float("nan")  # HTTP bytes of the first visit, as transferred
    times_ms: list[float] = field(default_factory=list)
    kb: list[float] = field(default_factory=list)
    changed: str = ""  # the control changed (widget key, or "first <kind>")
    errors: list[str] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms) if self.times_ms else float("nan")

    @property
    def p95_ms(self) -> float:
        return percentile(self.times_ms, 0.95)

    @property
    def max_ms(self) -> float:
        return max(self.times_ms, default=float("nan"))

    @property
    def kb_per_change(self) -> float:
        return statistics.median(self.kb) if self.kb else float("nan")

    def verdict(self, wanted: int) -> str:
        misses = []
        if self.errors:
            misses.append(f"{len(self.errors)} errors")
        if len(self.times_ms) < wanted:
            misses.append(f"{len(self.times_ms)}/{wanted} changes measured")
        if not self.cold_s <= BUDGET_COLD_S:
            misses.append(f"cold {self.cold_s:.2f} > {BUDGET_COLD_S} s")
        if not self.median_ms <= BUDGET_MEDIAN_MS:
            misses.append(f"median {self.median_ms:.0f} > {BUDGET_MEDIAN_MS:.0f} ms")
        if not self.p95_ms <= BUDGET_P95_MS:
            misses.append(f"p95 {self.p95_ms:.0f} > {BUDGET_P95_MS:.0f} ms")
        if not self.kb_per_change <= BUDGET_KB:
            misses.append(f"{self.kb_per_change:.0f} > {BUDGET_KB:.0f} KB")
        return "ok" if not misses else "MISS: " + ", ".join(misses)


def table(rows: Sequence[Row], changes: int, server: str) -> str:
    lines = [
        "| page (view: control) | changed | cold load s | cold MB | median ms | p95 ms "
        "| max ms | KB/change | changes | budget |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.target} | {r.changed or '—'} | {cell(r.cold_s, '.2f')} "
            f"| {cell(r.cold_mb, '.1f')} "
            f"| {cell(r.median_ms, '.0f')} | {cell(r.p95_ms, '.0f')} "
            f"| {cell(r.max_ms, '.0f')} | {cell(r.kb_per_change, '.1f')} "
            f"| {len(r.times_ms)} | {r.verdict(changes)} |"
        )
    lines += [
        "",
        f"Server: {server}. Budgets: cold load ≤ {BUDGET_COLD_S} s; key press → last "
        f"chart mutation median ≤ {BUDGET_MEDIAN_MS:.0f} ms, p95 ≤ {BUDGET_P95_MS:.0f} ms; "
        f"≤ {BUDGET_KB:.0f} KB of websocket data per change (median).",
    ]
    for r in rows:
        for error in sorted(set(r.errors))[:5]:
            lines.append(f"{r.target}: ! {error}")
    return "\n".join(lines)
