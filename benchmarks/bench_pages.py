"""Rerun time and figure size of every page, measured with Streamlit's AppTest.

    python benchmarks/bench_pages.py            # every page, 40 reruns each
    python benchmarks/bench_pages.py --reruns 60 --only bayes

For each page (and each heavy case listed in ``CASES``) it opens the page, then
changes one control back and forth and times each rerun: the median and p95
wall time of ``AppTest.run()`` after a control change, and the JSON size of all
the Plotly figures one rerun sends. Budgets on the 2-core reference machine:
median ≤ 25 ms and figures ≤ 150 KB per rerun. Prints one table; never asserts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from ui.topics import available_topics  # noqa: E402

RERUN_BUDGET_MS = 25.0
FIGURE_BUDGET_KB = 150.0


@dataclass(frozen=True)
class Case:
    """One measured interaction: open ``query``, then flip widget ``key`` between values."""

    slug: str
    key: str
    values: tuple[object, object]
    query: dict[str, str] = field(default_factory=dict)
    kind: str = "number_input"  # the AppTest element type of the widget

    @property
    def label(self) -> str:
        view = "&".join(f"{k}={v}" for k, v in self.query.items()) or "default"
        return f"{view}: {self.key} {self.values[0]}↔{self.values[1]}"


#: The interaction that stands for each page and view. A page missing here is
#: measured with its first number input (or slider) nudged by one step.
CASES: tuple[Case, ...] = (
    Case("equations", "a", (2.0, 3.0)),
    Case("equations", "a1", (1.0, 2.0), {"view": "two"}),
)


def default_case(slug: str, at: AppTest) -> Case | None:
    """First number input or slider of the page, nudged by one step."""
    for kind in ("number_input", "slider"):
        for widget in at.get(kind):
            if widget.key and not widget.key.endswith("__slider"):
                value = widget.value
                step = getattr(widget.proto, "step", 1) or 1
                maximum = getattr(widget.proto, "max", value + step)
                other = value + step if value + step <= maximum else value - step
                return Case(slug, widget.key, (value, other), kind=kind)
    return None


def figure_bytes(at: AppTest) -> int:
    return sum(len(chart.proto.spec.encode()) for chart in at.get("plotly_chart"))


@dataclass
class Result:
    case: Case
    times_ms: list[float]
    figure_kb: float
    errors: int

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(script: str, case: Case, reruns: int) -> Result:
    at = AppTest.from_file(str(ROOT / script), default_timeout=60)
    for key, value in case.query.items():
        at.query_params[key] = value
    at.run()
    for _ in range(3):  # warm caches and imports, as a live server would be
        at.run()
    times: list[float] = []
    sizes: list[int] = []
    errors = 0
    for index in range(reruns):
        widget = at.get(case.kind)
        target = next((w for w in widget if w.key == case.key), None)
        if target is None:
            raise SystemExit(f"{case.slug}: no {case.kind} with key {case.key!r}")
        target.set_value(case.values[(index + 1) % 2])
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        sizes.append(figure_bytes(at))
        errors += len(at.exception) + len(at.error)
    return Result(case, times, max(sizes) / 1024, errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=40, help="reruns per case (≥ 30)")
    parser.add_argument("--only", nargs="*", help="page slugs to measure")
    args = parser.parse_args()
    topics = [t for t in available_topics() if not args.only or t.slug in args.only]
    results: list[Result] = []
    for topic in topics:
        cases = [c for c in CASES if c.slug == topic.slug]
        if not cases:
            probe = AppTest.from_file(
                str(ROOT / topic.script), default_timeout=60
            ).run()
            found = default_case(topic.slug, probe)
            cases = [found] if found else []
        for case in cases:
            results.append(measure(topic.script, case, args.reruns))
            print(".", end="", flush=True, file=sys.stderr)
    print(file=sys.stderr)
    header = "| page | interaction | reruns | median ms | p95 ms | figures KB | errors | budget |"
    print(header)
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for r in results:
        ok = (
            r.median <= RERUN_BUDGET_MS
            and r.figure_kb <= FIGURE_BUDGET_KB
            and not r.errors
        )
        print(
            f"| {r.case.slug} | {r.case.label} | {len(r.times_ms)} | {r.median:.1f} | "
            f"{r.p95:.1f} | {r.figure_kb:.1f} | {r.errors} | {'ok' if ok else 'MISS'} |"
        )
    print(
        f"\nBudgets: rerun median ≤ {RERUN_BUDGET_MS:.0f} ms, figures ≤ "
        f"{FIGURE_BUDGET_KB:.0f} KB per rerun (2-core machine)."
    )


if __name__ == "__main__":
    main()
