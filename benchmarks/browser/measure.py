"""A page in headless Chromium: cold load, and a control change → chart redrawn.

A fresh browser profile (empty cache) opens the page; a script injected before
the app's own (``PROBE``) stamps the first chart drawn, every later mutation
inside a chart and each key press, on the page's own clock. A change is timed
from the key press to the last chart mutation it causes (``SETTLED``).
"""

from __future__ import annotations

from collections.abc import Sequence

from playwright.sync_api import Browser, Page, Request, WebSocket
from playwright.sync_api import Error as PlaywrightError

from benchmarks.browser.controls import Handle, find_control
from benchmarks.browser.report import Row
from benchmarks.common.targets import Target, target_label
from tooling.browser import IDLE, VIEWPORT

#: Runs in every document before the app's own scripts. A MutationObserver
#: stamps (performance.now(), the page's own clock) the first chart drawn and
#: every mutation inside a chart; a capturing keydown listener stamps the press.
#: Until the first chart it only looks for that chart (one query per batch of
#: mutations), so it does not slow the first load down.
PROBE = """
(() => {
  const B = (window.__bench = { firstChart: null, lastChartMut: 0, keyAt: 0 });
  // A still chart, or a live chart (ui/live_chart.py), drawn by Plotly either way.
  const CHART = ':is([data-testid="stPlotlyChart"], .still-chart), .live-chart';
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    if (B.firstChart === null) {
      if (document.querySelector(
        ':is([data-testid="stPlotlyChart"], .still-chart) .main-svg, .live-chart .main-svg')) {
        B.firstChart = now;
      }
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
    """One page (and view): its cold load, then ``changes`` timed control changes."""
    page_slug, control = target
    row = Row(target_label(target))
    context = browser.new_context(viewport=VIEWPORT)  # a fresh profile: empty cache
    try:
        context.add_init_script(PROBE)
        page = context.new_page()
        page.set_default_timeout(timeout_s * 1000)
        page.on("pageerror", lambda exc: row.errors.append(f"page error: {exc}"))
        traffic = Traffic(page)
        url = f"{base_url}/{page_slug}" + (f"?{control.query}" if control.query else "")
        _cold_load(page, url, row, cold_timeout_s)
        handle = find_control(page, control)
        if handle is None:
            row.errors.append("no control on this view (add one to CONTROLS)")
            return row
        row.changed = handle.name
        handle.walk = walk
        _time_changes(page, handle, traffic, row, changes, quiet_ms, timeout_s)
        shown = page.locator('[data-testid="stException"]').count()
        if shown:
            row.errors.append(f"{shown} traceback(s) on the page")
    except PlaywrightError as exc:
        row.errors.append(f"browser: {str(exc).splitlines()[0]}")
    finally:
        context.close()
    return row


def _cold_load(page: Page, url: str, row: Row, timeout_s: float) -> None:
    """Open ``url``; note when its first chart was drawn and the bytes it took."""
    loaded: list[Request] = []
    page.on("requestfinished", lambda request: loaded.append(request))
    page.goto(url, wait_until="commit")
    page.wait_for_function(
        "() => window.__bench && window.__bench.firstChart !== null",
        timeout=timeout_s * 1000,
    )
    row.cold_s = page.evaluate("window.__bench.firstChart") / 1000
    page.wait_for_selector(IDLE, timeout=timeout_s * 1000)
    row.cold_mb = transferred(loaded) / 2**20


def _time_changes(
    page: Page,
    handle: Handle,
    traffic: Traffic,
    row: Row,
    changes: int,
    quiet_ms: float,
    timeout_s: float,
) -> None:
    """Two untimed changes, then ``changes`` timed ones (stop after two misses)."""
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


def warm_up(browser: Browser, base_url: str, timeout_s: float) -> None:
    """Untimed: open the home page once (the server's first visitor pays for imports)."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(base_url, timeout=timeout_s * 4000)
        page.wait_for_selector(IDLE, state="attached", timeout=timeout_s * 4000)
    finally:
        context.close()
