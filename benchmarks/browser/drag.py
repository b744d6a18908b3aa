"""Drag mode of the browser benchmark: each live control dragged with a real mouse.

For every handle of a live chart (``ui/live_chart.py``): redraws per second
during a drag, the median time from a mouse move to the chart's next paint, the
time from the release until the whole page agrees (the URL changed and the
script run ended; p95 over ``drags``), websocket bytes received per release,
and the bytes of the chart's frames. Prints one Markdown table; never asserts.
"""

from __future__ import annotations

import functools
import itertools
import statistics
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page, WebSocket

from benchmarks.common.stats import percentile
from tooling.browser import IDLE, VIEWPORT

#: Live charts to drag: (page path, handle selector, pixels per drag).
LIVE = (
    ("equations", '[data-drag="b"]', (0, -120)),
    ("equations", '[data-drag="a"]', (0, 150)),
    ("vectors?view=plane", '[data-drag="ax ay"]', (-160, 120)),
    ("vectors?view=plane", '[data-drag="bx by"]', (-300, -130)),
    ("normal-distribution?view=interval", '[data-drag="a"]', (-150, 0)),
    ("normal-distribution?view=interval", '[data-drag="b"]', (150, 0)),
    ("normal-distribution?view=interval", '[data-live="mu"]', (150, 0)),
    ("normal-distribution?view=interval", '[data-live="sigma"]', (150, 0)),
    ("bayes?view=icons", '[data-live="p_a"]', (-150, 0)),
    ("correlation?view=target", '[data-live="rho"]', (-200, 0)),
    ("correlation?view=outlier", '[data-drag="ox oy"]', (-150, -120)),
    ("matrices?view=transform", '[data-drag="m11 m21"]', (-240, 180)),
    ("matrices?view=transform", '[data-drag="m12 m22"]', (100, 270)),
    ("gradient-descent?steps=20&lr=0.8", '[data-drag="w0"]', (-260, 0)),
    ("gradient-descent?steps=20", '[data-live="lr"]', (200, 0)),
    ("gradient-descent?view=race", '[data-drag="x0 y0"]', (420, 190)),
    ("loss-functions?view=fit", '[data-drag="b"]', (0, -150)),
    ("loss-functions?view=fit", '[data-drag="w"]', (0, 240)),
)
#: Stamps every mouse move and every paint of the live chart (page clock).
PROBE = """
() => {
  const B = (window.__drag = { moves: [], paints: [] });
  const plot = document.querySelector('.live-chart .live-plot');
  document.addEventListener('pointermove', () => B.moves.push(performance.now()), true);
  new MutationObserver(() => {
    const now = performance.now();
    requestAnimationFrame(() => B.paints.push(now));
  }).observe(plot, { subtree: true, attributes: true, childList: true });
}
"""


@dataclass
class DragRow:
    target: str
    cold_s: float = float("nan")
    frame_kb: float = float("nan")
    rates: list[float] = field(default_factory=list)
    move_paint_ms: list[float] = field(default_factory=list)
    agree_ms: list[float] = field(default_factory=list)
    release_kb: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    received: list[int] = field(default_factory=list)  # websocket bytes, as they come


def _one_drag(
    page: Page, handle: str, move: tuple[int, int], sign: int, row: DragRow
) -> None:
    received = row.received
    box = page.locator(handle).bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.evaluate("window.__drag.moves = []; window.__drag.paints = []")
    page.mouse.move(x, y)
    page.mouse.down()
    for index in range(1, 31):
        page.mouse.move(
            x + sign * move[0] * index / 30, y + sign * move[1] * index / 30
        )
        page.wait_for_timeout(8)
    stamps = page.evaluate("window.__drag")
    moves, paints = stamps["moves"], sorted(stamps["paints"])
    if len(paints) > 1:
        gaps = [b - a for a, b in itertools.pairwise(paints) if b > a]
        row.rates.append(1000 / statistics.median(gaps) if gaps else float("nan"))
    for moved in moves:
        later = [p for p in paints if p >= moved]
        if later:
            row.move_paint_ms.append(later[0] - moved)
    url = page.url
    received.clear()
    start = page.evaluate("performance.now()")
    page.mouse.up()
    page.wait_for_function("(u) => location.href !== u", arg=url, timeout=15_000)
    page.wait_for_selector(IDLE, state="attached", timeout=15_000)
    row.agree_ms.append(page.evaluate("performance.now()") - start)
    row.release_kb.append(sum(received) / 1024)


def _count(ws: WebSocket, row: DragRow) -> None:
    ws.on("framereceived", lambda payload: row.received.append(len(payload)))


def measure_drag(browser: Browser, base_url: str, drags: int) -> list[DragRow]:
    """Every live control in ``LIVE``, ``drags`` drags each (back and forth)."""
    rows = []
    for path, handle, move in LIVE:
        row = DragRow(f"{path} {handle}")
        context = browser.new_context(viewport=VIEWPORT)
        try:
            page = context.new_page()
            page.on("websocket", functools.partial(_count, row=row))
            page.goto(f"{base_url}/{path}", wait_until="commit")
            page.wait_for_selector(
                ".live-chart[data-ready]", state="attached", timeout=60_000
            )
            # performance.now() counts from this document's navigation start
            row.cold_s = page.evaluate("performance.now()") / 1000
            page.wait_for_selector(IDLE, state="attached", timeout=30_000)
            row.frame_kb = (
                int(page.locator(".live-chart").first.get_attribute("data-bytes") or 0)
                / 1024
            )
            page.evaluate(PROBE)
            # a handle or range below the fold: scroll to it, as a learner does
            page.locator(handle).first.scroll_into_view_if_needed()
            for index in range(drags):
                _one_drag(page, handle, move, 1 if index % 2 == 0 else -1, row)
                page.wait_for_selector(".live-chart[data-ready]", state="attached")
                page.evaluate(PROBE)
        except Exception as exc:  # a benchmark reports, it never stops at one row
            row.errors.append(str(exc).splitlines()[0])
        finally:
            context.close()
        rows.append(row)
    return rows


def drag_table(rows: list[DragRow]) -> str:
    def med(values: list[float]) -> str:
        return f"{statistics.median(values):.1f}" if values else "—"

    lines = [
        "| live control | cold load s | frames KB | redraws/s (median) | move→paint ms (median) "
        "| release→page agrees ms (median / p95) | KB per release (median) | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        p95 = f"{percentile(r.agree_ms, 0.95):.0f}" if r.agree_ms else "—"
        lines.append(
            f"| {r.target} | {r.cold_s:.2f} | {r.frame_kb:.0f} | {med(r.rates)} | "
            f"{med(r.move_paint_ms)} | {med(r.agree_ms)} / {p95} | {med(r.release_kb)} | "
            f"{'; '.join(r.errors) or '—'} |"
        )
    lines.append(
        "\nBudgets: redraw interval ≤ 20 ms (≥ 50 redraws/s), move→paint ≤ 16.7 ms, "
        "release→agrees p95 ≤ 150 ms, ≤ 50 KB per release, ≤ 300 KB of frames, cold ≤ 2.5 s."
    )
    return "\n".join(lines)
