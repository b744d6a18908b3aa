"""A first visit: time to the first chart, bytes on the wire, and a class arriving at once.

    python -m benchmarks.first_visit                         # a few pages, serve.py
    python -m benchmarks.first_visit --plain                 # Streamlit's defaults
    python -m benchmarks.first_visit --pages equations --class 60

For each page a fresh Chromium profile (empty cache) opens the page's link:
the time from navigation to the first chart drawn (a Plotly chart or a live
chart), the HTTP bytes on the wire and what they decode to, and how many
responses came compressed; then the same browser opens it again (its cache
warm). With ``--class N``, N simulated students then open the page at the same
moment without a browser: each fetches every file the browser fetched (with the
browser's ``Accept-Encoding``) and opens the page's websocket session
(``benchmarks/classroom/student.py``); the table gives the median and the last
student's time to everything. Prints tables; never asserts.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import threading
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Request

from benchmarks.classroom.student import Student
from benchmarks.common.server import serve
from benchmarks.common.targets import Control, parse_pages
from tooling.browser import IDLE, VIEWPORT, chromium

#: Stamps (page clock) the first chart drawn: a Plotly chart or a live chart.
PROBE = """
(() => {
  const B = (window.__visit = { firstChart: null });
  const CHART = ':is([data-testid="stPlotlyChart"], .still-chart) .main-svg, .live-plot .main-svg';
  new MutationObserver(() => {
    if (B.firstChart === null && document.querySelector(CHART)) {
      B.firstChart = performance.now();
    }
  }).observe(document, { subtree: true, childList: true });
})();
"""


@dataclass
class Visit:
    """One page opened in a browser: first chart, bytes sent and decoded."""

    seconds: float = float("nan")
    wire_kb: float = 0.0
    decoded_kb: float = 0.0
    responses: int = 0
    compressed: int = 0
    files: list[tuple[str, str]] = field(default_factory=list)  # (url, accept-enc.)


def _visit(browser_page: object, url: str, timeout_s: float) -> Visit:
    page = browser_page
    finished: list[Request] = []
    page.on("requestfinished", lambda request: finished.append(request))  # type: ignore[attr-defined]
    page.goto(url, wait_until="commit")  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => window.__visit && window.__visit.firstChart !== null",
        timeout=timeout_s * 1000,
    )
    visit = Visit(page.evaluate("window.__visit.firstChart") / 1000)  # type: ignore[attr-defined]
    page.wait_for_selector(IDLE, timeout=timeout_s * 1000)  # type: ignore[attr-defined]
    for request in finished:
        if not request.url.startswith("http"):
            continue
        response = request.response()
        sizes = request.sizes()
        visit.wire_kb += (
            max(sizes["responseBodySize"], 0) + max(sizes["responseHeadersSize"], 0)
        ) / 1024
        visit.responses += 1
        if response is None:
            continue
        if response.status == 200:
            with contextlib.suppress(Exception):
                visit.decoded_kb += len(response.body()) / 1024
        if response.headers.get("content-encoding"):
            visit.compressed += 1
        accept = request.headers.get("accept-encoding", "gzip, deflate, br")
        visit.files.append((request.url, accept))
    return visit


def browser_visits(
    browser: Browser, base_url: str, page_slug: str, timeout_s: float
) -> tuple[Visit, Visit]:
    """A cold visit (fresh profile) and a second visit (warm cache) of a page."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        context.add_init_script(PROBE)
        url = f"{base_url}/{page_slug}"
        cold = _visit(context.new_page(), url, timeout_s)
        warm = _visit(context.new_page(), url, timeout_s)
    finally:
        context.close()
    return cold, warm


def class_arrives(
    base_url: str, page_slug: str, files: list[tuple[str, str]], students: int
) -> list[float]:
    """``students`` first visits at once, no browser: seconds until each had it all."""
    done: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(students + 1)

    def one() -> None:
        start.wait()
        began = time.monotonic()
        try:
            for url, accept in files:
                if "/_stcore/" in url:
                    continue  # the websocket's own requests: the session below
                request = urllib.request.Request(
                    url, headers={"Accept-Encoding": accept}
                )
                with urllib.request.urlopen(request, timeout=60) as reply:
                    reply.read()
            student = Student(base_url, page_slug, Control(), timeout=60)
            student.connect()
            student.open_page()
            student.close()
        except Exception:
            return
        with lock:
            done.append(time.monotonic() - began)

    threads = [threading.Thread(target=one, daemon=True) for _ in range(students)]
    for thread in threads:
        thread.start()
    start.wait()
    for thread in threads:
        thread.join(timeout=180)
    return done


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pages",
        default="equations,vectors,gradient-descent,correlation",
        help="page slugs, comma-separated, or 'all'",
    )
    parser.add_argument("--plain", action="store_true", help="plain streamlit run")
    parser.add_argument("--url", help="a running server instead of starting one")
    parser.add_argument("--class", dest="students", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    if not 0 <= args.students <= 200:
        parser.error("--class: 0 … 200 students")
    pages = parse_pages(args.pages, parser)
    rows = []
    mode = "plain" if args.plain else "fast"
    with serve(args.url, [], mode) as server, chromium() as browser:
        browser_visits(browser, server.url, pages[0], args.timeout)  # warm-up
        for slug in pages:
            cold, warm = browser_visits(browser, server.url, slug, args.timeout)
            arrived = (
                class_arrives(server.url, slug, cold.files, args.students)
                if args.students
                else []
            )
            rows.append((slug, cold, warm, arrived))
            print(".", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    served = "plain streamlit run" if args.plain else "serve.py"
    print(f"First visit ({served}):\n")
    print(
        "| page | first chart s (cold) | KB on the wire | KB decoded | compressed "
        "| first chart s (2nd visit) | KB (2nd visit) | class: all served, median / last s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for slug, cold, warm, arrived in rows:
        crowd = (
            f"{statistics.median(arrived):.1f} / {max(arrived):.1f} "
            f"({len(arrived)}/{args.students})"
            if arrived
            else ("none served" if args.students else "-")
        )
        print(
            f"| {slug} | {cold.seconds:.2f} | {cold.wire_kb:.0f} | {cold.decoded_kb:.0f} "
            f"| {cold.compressed}/{cold.responses} | {warm.seconds:.2f} "
            f"| {warm.wire_kb:.0f} | {crowd} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
