"""What a student feels in a real browser: cold load, and a control change → chart redrawn.

Starts the app the README's way (``python serve.py`` on 127.0.0.1 and a free
port), drives Debian's headless Chromium with Playwright, and for every page
(and every view listed for it) measures:

- **cold load**: a fresh browser profile (empty cache) opens the page's URL;
  time from navigation start to the first Plotly chart drawn;
- **change → redrawn**: a key press (→ or ←) on a slider (↑/↓ on a number
  box; Enter after typing in a text box where a view has neither), to the
  last DOM mutation inside a Plotly chart that the rerun causes (the chart is then
  quiet for ``--quiet`` ms and the app idle); median, p95 and max over
  ``--changes`` presses (≥ 30), after two untimed ones;
- **KB per change**: websocket bytes the browser received for one change.

Budgets per page: median ≤ 100 ms, p95 ≤ 150 ms, ≤ 50 KB per change, cold
load ≤ 2.5 s. Prints one Markdown table; never asserts::

    python benchmarks/browser_latency.py                     # every page
    python benchmarks/browser_latency.py --pages bayes,correlation --changes 40
    python benchmarks/browser_latency.py --plain             # Streamlit's defaults
    python benchmarks/browser_latency.py --url http://127.0.0.1:8690   # e.g. HAProxy

The control changed on each page comes from ``CONTROLS`` in
classroom_load.py, else from ``CASES`` in bench_pages.py, else it is the
view's first slider (number box, text box).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python benchmarks/browser_latency.py` works too
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import (  # noqa: E402
    Browser,
    Locator,
    Page,
    Request,
    WebSocket,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError  # noqa: E402

from benchmarks.classroom_load import (  # noqa: E402
    Control,
    Target,
    bump_last_number,
    parse_pages,
    percentile,
    serve,
    target_label,
    targets,
)
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

BUDGET_MEDIAN_MS = 100.0
BUDGET_P95_MS = 150.0
BUDGET_KB = 50.0
BUDGET_COLD_S = 2.5
VIEWPORT = {"width": 1400, "height": 1000}  # as the browser tests use

#: Runs in every document before the app's own scripts. A MutationObserver
#: stamps (performance.now(), the page's own clock) the first chart drawn and
#: every mutation inside a chart; a capturing keydown listener stamps the press.
#: Until the first chart it only looks for that chart (one query per batch of
#: mutations), so it does not slow the first load down.
PROBE = """
(() => {
  const B = (window.__bench = { firstChart: null, lastChartMut: 0, keyAt: 0 });
  const CHART = '[data-testid="stPlotlyChart"]';
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    if (B.firstChart === null) {
      if (document.querySelector(CHART + ' .main-svg')) B.firstChart = now;
      return;
    }
    for (const r of records) {
      const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (node && node.closest && node.closest(CHART)) { B.lastChartMut = now; break; }
    }
  });
  observer.observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  document.addEventListener('keydown', () => { B.keyAt = performance.now(); }, true);
})();
"""

#: True once the press has redrawn a chart, the app is idle, and no chart has
#: changed for ``quiet`` ms (so the last mutation of the redraw has been seen).
SETTLED = """
(quiet) => {
  const B = window.__bench;
  const app = document.querySelector('[data-testid="stApp"]');
  return B.lastChartMut > B.keyAt
    && app && app.getAttribute('data-test-script-state') === 'notRunning'
    && performance.now() - B.lastChartMut > quiet;
}
"""

#: How each kind of control is found and changed: (CSS inside the control's
#: container, how to change it). Sliders and number boxes: one arrow key press
#: (one step); text boxes: the next value typed, then Enter (Ctrl+Enter in a
#: text area, which is how Streamlit commits it).
KINDS = (
    ("slider", 'input[type="range"]'),
    ("number", 'input[type="number"]'),
    ("text", 'input[type="text"]'),
    ("textarea", "textarea"),
)


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


class Traffic:
    """Websocket bytes the page received (Playwright reports every frame)."""

    def __init__(self, page: Page) -> None:
        self.received = 0
        page.on("websocket", self._attach)

    def _attach(self, ws: WebSocket) -> None:
        ws.on("framereceived", self._frame)

    def _frame(self, payload: bytes | str) -> None:
        self.received += len(payload)


def transferred(requests: Sequence[Request]) -> int:
    """HTTP bytes on the wire (bodies as sent, compressed or not, plus headers)."""
    total = 0
    for request in list(requests):
        if request.url.startswith("http"):
            sizes = request.sizes()
            total += max(sizes["responseBodySize"], 0) + max(
                sizes["responseHeadersSize"], 0
            )
    return total


@dataclass
class Handle:
    """A control on the page and how to change it back and forth."""

    locator: Locator
    name: str  # the widget key, or "first <kind>"
    kind: str  # one of KINDS
    values: tuple[str, str] = ("", "")
    direction: int = 1
    walk: bool = False  # one more step each time (turning at the limits)

    def change(self, page: Page) -> None:
        """One change, as a student makes it (back and forth, or walking on)."""
        self.locator.focus()
        if self.kind in ("slider", "number") and self.walk:
            self.direction = walk_direction(self.locator, self.direction)
            up, down = (
                ("ArrowRight", "ArrowLeft")
                if self.kind == "slider"
                else ("ArrowUp", "ArrowDown")
            )
            page.keyboard.press(up if self.direction > 0 else down)
            return
        if self.kind == "text" and self.walk:
            self.locator.fill(bump_last_number(self.locator.input_value()))
            page.keyboard.press("Enter")
            return
        if self.kind == "textarea" and self.walk:
            self.locator.fill(bump_last_number(self.locator.input_value()))
            page.keyboard.press("Control+Enter")
            return
        if self.kind in ("slider", "number"):
            up, down = (
                ("ArrowRight", "ArrowLeft")
                if self.kind == "slider"
                else ("ArrowUp", "ArrowDown")
            )
            page.keyboard.press(up if self.direction > 0 else down)
            self.direction = -self.direction
            return
        current = self.locator.input_value()
        self.locator.fill(
            self.values[1] if current == self.values[0] else self.values[0]
        )
        page.keyboard.press("Control+Enter" if self.kind == "textarea" else "Enter")


def find_control(page: Page, control: Control) -> Handle | None:
    """The control of widget ``key`` (``key__slider`` first), else the view's first.

    "The first" is the first slider in the main area, else the first number
    box, else the first text box or area: the same order as the load benchmark.
    """
    found: Handle | None = None
    if control.key:
        for wanted in (f"{control.key}__slider", control.key):
            for kind, css in KINDS:
                locator = page.locator(f".st-key-{wanted} {css}")
                if locator.count():
                    found = Handle(locator.first, wanted, kind)
                    break
            if found:
                break
    if found is None:
        for kind, css in KINDS:
            locator = page.locator(f'[data-testid="stMain"] {css}')
            if locator.count():
                found = Handle(locator.first, f"first {kind}", kind)
                break
    if found is None:
        return None
    if found.kind in ("slider", "number"):
        found.direction = first_direction(found.locator)
    elif control.values is not None:
        found.values = (str(control.values[0]), str(control.values[1]))
    else:
        text = found.locator.input_value()
        found.values = (text, bump_last_number(text))
    return found


def walk_direction(control: Locator, direction: int) -> int:
    """Keep going the same way unless the next step would leave the range."""
    value = float(control.input_value() or 0)
    low, high, step = (
        float(control.get_attribute(name) or default)
        for name, default in (("min", "-inf"), ("max", "inf"), ("step", 1))
    )
    nxt = value + direction * (step or 1)
    return direction if low - 1e-9 <= nxt <= high + 1e-9 else -direction


def first_direction(slider: Locator) -> int:
    """+1 if one step up stays in range, else −1."""
    value, high, step = (
        float(slider.get_attribute(name) or 0) for name in ("value", "max", "step")
    )
    return 1 if value + (step or 1) <= high + 1e-9 else -1


def measure_target(
    browser: Browser,
    base_url: str,
    target: Target,
    changes: int,
    quiet_ms: float,
    timeout_s: float,
    cold_timeout_s: float = 60.0,
    walk: bool = False,
) -> Row:
    page_slug, control = target
    row = Row(target_label(target))
    context = browser.new_context(viewport=VIEWPORT)  # a fresh profile: empty cache
    try:
        context.add_init_script(PROBE)
        page = context.new_page()
        page.set_default_timeout(timeout_s * 1000)
        page.on("pageerror", lambda exc: row.errors.append(f"page error: {exc}"))
        traffic = Traffic(page)
        loaded: list[Request] = []
        page.on("requestfinished", lambda request: loaded.append(request))
        url = f"{base_url}/{page_slug}" + (f"?{control.query}" if control.query else "")
        page.goto(url, wait_until="commit")
        page.wait_for_function(
            "window.__bench && window.__bench.firstChart !== null",
            timeout=cold_timeout_s * 1000,
        )
        row.cold_s = page.evaluate("window.__bench.firstChart") / 1000
        page.wait_for_selector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]',
            timeout=cold_timeout_s * 1000,
        )
        row.cold_mb = transferred(loaded) / 2**20
        handle = find_control(page, control)
        if handle is None:
            row.errors.append("no control on this view (add one to CONTROLS)")
            return row
        row.changed = handle.name
        handle.walk = walk
        misses = 0
        for index in range(changes + 2):  # two untimed changes first
            before = traffic.received
            handle.change(page)
            try:
                page.wait_for_function(
                    SETTLED, arg=quiet_ms, polling=20, timeout=timeout_s * 1000
                )
            except PlaywrightError:
                misses += 1
                row.errors.append(
                    f"press {index + 1}: no chart redrawn within {timeout_s:.0f} s"
                )
                if misses >= 2:
                    row.errors.append("stopped: this control does not redraw a chart")
                    break
                continue
            if index < 2:
                continue
            row.times_ms.append(
                page.evaluate("window.__bench.lastChartMut - window.__bench.keyAt")
            )
            row.kb.append((traffic.received - before) / 1024)
        shown = page.locator('[data-testid="stException"]').count()
        if shown:
            row.errors.append(f"{shown} traceback(s) on the page")
    except PlaywrightError as exc:
        row.errors.append(f"browser: {str(exc).splitlines()[0]}")
    finally:
        context.close()
    return row


def warm_up(browser: Browser, base_url: str, timeout_s: float) -> None:
    """Untimed: open the home page once (the server's first visitor pays for imports)."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(base_url, timeout=timeout_s * 4000)
        page.wait_for_selector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]',
            state="attached",
            timeout=timeout_s * 4000,
        )
    finally:
        context.close()


def _fmt(value: float, spec: str) -> str:
    return "—" if value != value else format(value, spec)


def table(rows: Sequence[Row], changes: int, server: str) -> str:
    lines = [
        "| page (view: control) | changed | cold load s | cold MB | median ms | p95 ms "
        "| max ms | KB/change | changes | budget |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.target} | {r.changed or '—'} | {_fmt(r.cold_s, '.2f')} "
            f"| {_fmt(r.cold_mb, '.1f')} "
            f"| {_fmt(r.median_ms, '.0f')} | {_fmt(r.p95_ms, '.0f')} "
            f"| {_fmt(r.max_ms, '.0f')} | {_fmt(r.kb_per_change, '.1f')} "
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


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Cold load and control change → chart latency in headless Chromium.",
    )
    parser.add_argument(
        "--pages", default="all", help="comma-separated page slugs, or 'all' (default)"
    )
    parser.add_argument(
        "--changes", type=int, default=30, help="timed changes per view (30)"
    )
    parser.add_argument(
        "--first-case",
        action="store_true",
        help="only the first listed view per page (default: every listed view)",
    )
    parser.add_argument(
        "--quiet",
        type=float,
        default=300.0,
        help="ms without chart mutations that ends a redraw (300)",
    )
    parser.add_argument(
        "--timeout", type=float, default=15.0, help="per-step timeout, s (15)"
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="measure a plain `streamlit run app.py` (Streamlit's defaults)",
    )
    parser.add_argument(
        "--url", help="measure a running server instead of starting one"
    )
    parser.add_argument(
        "--walk",
        action="store_true",
        help="each change one more step the same way (turning at the limits) instead "
        "of back and forth: defeats caches, like a student exploring",
    )
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if not 1 <= args.changes <= 500:
        parser.error("--changes must be 1–500 (≥ 30 for the budget figures)")
    if args.quiet <= 0 or args.timeout <= 0:
        parser.error("--quiet and --timeout must be positive")
    if args.url and args.plain:
        parser.error("--plain starts its own server; it cannot be combined with --url")
    args.pages = parse_pages(args.pages, parser)
    return args


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        raise SystemExit(
            f"Chromium not found at {CHROMIUM}: install Debian's chromium "
            "(bash scripts/test.sh does) or set CHROMIUM=/path/to/chromium."
        )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def run(args: argparse.Namespace) -> tuple[list[Row], str]:
    chosen = targets(args.pages, args.first_case)
    mode = "plain" if args.plain else "fast"
    label = args.url or ("plain streamlit run" if args.plain else "serve.py")
    label += ", walking" if args.walk else ", back and forth"
    rows: list[Row] = []
    with serve(args.url, [], mode) as server, chromium() as browser:
        warm_up(browser, server.url, args.timeout)
        for target in chosen:
            row = measure_target(
                browser,
                server.url,
                target,
                args.changes,
                args.quiet,
                args.timeout,
                walk=args.walk,
            )
            rows.append(row)
            print(f"  {row.target}: {row.verdict(args.changes)}", file=sys.stderr)
    return rows, label


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    rows, label = run(args)
    print(table(rows, args.changes, label))
    if args.json is not None:
        payload = [
            {
                **asdict(r),
                "median_ms": r.median_ms,
                "p95_ms": r.p95_ms,
                "kb_per_change": r.kb_per_change,
                "verdict": r.verdict(args.changes),
            }
            for r in rows
        ]
        args.json.write_text(json.dumps(payload, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
