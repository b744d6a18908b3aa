"""Rerun time and figure size of every page, measured with Streamlit's AppTest.

    python -m benchmarks.bench_pages            # every page, 40 reruns each
    python -m benchmarks.bench_pages --reruns 60 --only bayes

For each page (and each heavy case listed in ``CASES``) it opens the page, then
changes one control back and forth and times each rerun: the median and p95
wall time of ``AppTest.run()`` after a control change, and the JSON size of all
the Plotly figures one rerun sends. The page script is compiled once and reused,
as the live server does; the median with AppTest's default (recompile on every
run) is printed beside it. Budgets on the 2-core reference machine:
median ≤ 25 ms and figures ≤ 150 KB per rerun. Prints one table; never asserts.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Widget

from tooling import ROOT
from ui.topics import available_topics

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
    Case("vectors", "a", ("1, 2, 3", "1, 2, 4"), kind="text_input"),
    Case("vectors", "ax", (2.0, 3.0), {"view": "plane"}),
    Case("matrices", "cell", (1, 2), kind="slider"),
    Case("matrices", "m11", (2.0, 2.1), {"view": "transform", "compose": "1"}),
    Case("matrices", "x", ("1, 2, 3", "1, 2, 4"), {"view": "layer"}, kind="text_input"),
    Case("gradient-descent", "w0", (5.0, 4.0), {"steps": "20"}),
    Case("gradient-descent", "x0", (-3.5, -3.0), {"view": "race"}),
    Case(
        "statistics",
        "data",
        ("10, 20, 30, 40", "10, 20, 30, 40, 200"),
        kind="text_input",
    ),
    Case("normal-distribution", "mu", (0.0, 1.0), {"n": "1000000"}),
    Case("normal-distribution", "mu", (0.0, 1.0), {"n": "1000000", "view": "rule"}),
    Case("sampling", "k", (5, 10), {"view": "clt", "repeats": "100000"}, kind="slider"),
    Case("bayes", "p_a", (0.3, 0.35)),
    Case("bayes", "p_a", (0.3, 0.35), {"view": "tree", "n": "10000"}),
    Case("bayes", "p_spam", (0.5, 0.6), {"view": "naive"}, kind="slider"),
    Case("correlation", "rho", (0.6, 0.7), {"view": "target"}),
    Case("correlation", "link", (0.9, 0.5), {"view": "matrix", "samples": "1000"}),
    Case("loss-functions", "w", (1.0, 0.5), {"view": "fit"}),
    Case(
        "loss-functions", "w", (1.0, 0.5), {"view": "fit", "n": "100", "steps": "500"}
    ),
    Case("loss-functions", "outlier_dy", (8.0, -4.0), {"view": "compare"}),
)


def default_case(slug: str, at: AppTest) -> Case | None:
    """First number input or slider of the page, nudged by one step."""
    for kind in ("number_input", "slider"):
        for widget in at.get(kind):
            if not isinstance(widget, Widget):
                continue
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
    as_is_median: float = float("nan")

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@contextlib.contextmanager
def compile_once() -> Iterator[None]:
    """Let every AppTest run share one compiled-script cache, as a live server does.

    AppTest builds a new ``ScriptCache`` on each run, so it re-reads and compiles
    the page script every time; a server compiles each page once per process.
    """
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    saved = app_test.ScriptCache, local_script_runner.ScriptCache
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        app_test.ScriptCache, local_script_runner.ScriptCache = saved  # type: ignore[misc]


def measure(
    script: str, case: Case, reruns: int, *, server_like: bool = True
) -> Result:
    with compile_once() if server_like else contextlib.nullcontext():
        return _measure(script, case, reruns)


def _measure(script: str, case: Case, reruns: int) -> Result:
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
        widgets = [w for w in at.get(case.kind) if isinstance(w, Widget)]
        target = next((w for w in widgets if w.key == case.key), None)
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
            result = measure(topic.script, case, args.reruns)
            as_is = measure(topic.script, case, args.reruns, server_like=False)
            result.as_is_median = as_is.median
            results.append(result)
            print(".", end="", flush=True, file=sys.stderr)
    print(file=sys.stderr)
    header = (
        "| page | interaction | reruns | median ms | p95 ms | AppTest as-is median ms "
        "| figures KB | errors | budget |"
    )
    print(header)
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        ok = (
            r.median <= RERUN_BUDGET_MS
            and r.figure_kb <= FIGURE_BUDGET_KB
            and not r.errors
        )
        print(
            f"| {r.case.slug} | {r.case.label} | {len(r.times_ms)} | {r.median:.1f} | "
            f"{r.p95:.1f} | {r.as_is_median:.1f} | {r.figure_kb:.1f} | {r.errors} | "
            f"{'ok' if ok else 'MISS'} |"
        )
    print(
        f"\nBudgets: rerun median ≤ {RERUN_BUDGET_MS:.0f} ms, figures ≤ "
        f"{FIGURE_BUDGET_KB:.0f} KB per rerun (2-core machine). 'median'/'p95' reuse "
        "one compiled script across reruns, as the server does; 'AppTest as-is' "
        "recompiles the page on every run, as AppTest does by default."
    )


if __name__ == "__main__":
    main()
