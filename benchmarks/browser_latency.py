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
load ≤ 2.5 s. Prints one Markdown table; never asserts. Run it from the
repository's root::

    python -m benchmarks.browser_latency                     # every page
    python -m benchmarks.browser_latency --pages bayes,correlation --changes 40
    python -m benchmarks.browser_latency --plain             # Streamlit's defaults
    python -m benchmarks.browser_latency --url http://127.0.0.1:8690   # e.g. HAProxy
    python -m benchmarks.browser_latency --drag              # live charts, dragged

``--drag`` drags every live chart's handles instead (``--pages`` picks the
pages, ``--changes`` the drags per feed; ``benchmarks/browser/drag.py``), with
Playwright's mouse and with moves fed at display rate in the page: intervals
between moves and between redraws, move → paint, release → whole page agrees,
bytes per release (payload, and on the wire through a counting relay,
``benchmarks/browser/relay.py``) and per chart's frames, cold load.

The control changed on each page comes from ``CONTROLS`` in
``benchmarks/common/targets.py``, else from ``CASES`` in bench_pages.py, else it
is the view's first slider (number box, text box). The parts live in
``benchmarks/browser/`` (the control, the measurement, the table).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from benchmarks.browser.drag import drag_table, measure_drag
from benchmarks.browser.measure import measure_target, warm_up
from benchmarks.browser.relay import relay
from benchmarks.browser.report import Row, table
from benchmarks.common.server import serve
from benchmarks.common.targets import parse_pages, targets
from tooling.browser import chromium


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line's options, checked (bounded runs, known pages)."""
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
    parser.add_argument(
        "--drag",
        action="store_true",
        help="drag every live chart's handles (redraw rate, release → page agrees)",
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


def run(args: argparse.Namespace) -> tuple[list[Row], str]:
    """Every page and view asked for, in one Chromium; the rows and the server's name."""
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
    """Run the benchmark, print its table (and write ``--json``); 0 when it ran."""
    args = parse_args(argv)
    if args.drag:
        with (
            serve(args.url, [], "fast") as server,
            relay(server.url) as (url, wire),
            chromium() as browser,
        ):
            warm_up(browser, url, args.timeout)
            dragged = measure_drag(browser, url, args.changes, wire, args.pages)
            print(drag_table(dragged))
            print(f"Server: {server.url}, through the counting relay {url}.")
        return 0
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
