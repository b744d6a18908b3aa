"""Drag mode of the browser benchmark: each live control dragged, two ways.

For every handle of a live chart (``ui/live_chart.py``), two feeds of pointer
moves along the same path:

- **mouse**: Playwright's real mouse (down, 30 moves, up). Each ``mouse.move``
  is a round trip to Chromium, so moves come every ~30 ms at best: the redraw
  interval cannot be shorter than the move interval.
- **rAF 60/s**: the same 30 moves dispatched in the page, one per display frame
  from a ``requestAnimationFrame`` loop (``FEED``): what a real mouse or finger
  does on a 60 Hz screen. A handle is still pressed and released with the real
  mouse (its pointer capture is real); a range control gets ``input`` events
  and one ``change``, as the browser fires them. Events dispatched from a frame's
  callbacks would only be drawn a frame later, so each move is dispatched in a
  task queued from the frame's callback: it lands between frames, as a real
  input event does, and is drawn at the next frame (Chromium itself delivers a
  real mouse's moves just before a frame's callbacks, so a real 60 Hz mouse sees
  a shorter move → paint than this feed).

Per feed: the median interval between moves, between redraws and between new
values (a 2-D handle snaps to a grid point every 2-3 moves of these paths, and
its chart glides from one to the next, so it redraws more often than its value
changes), the median time from a move to the first paint of the value it asks
for (the live chart names its frame on its root, ``data-frame``), the time from
the release until the whole page agrees (the URL changed and the script run
ended; median and p95), stamped in the page itself
from its pointer up, and as Playwright's waits saw it (their polling and round
trips add 30-80 ms on this machine), and per
release the websocket payload the browser received (inflated, as Playwright
reports it) and the bytes on the wire (``relay.py``: compressed, as sent), and
the bytes of the chart's frames. Prints one Markdown table; never asserts.
"""

from __future__ import annotations

import functools
import itertools
import statistics
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page, WebSocket

from benchmarks.browser.relay import Counts
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
MOVES = 30
FEEDS = ("mouse", "rAF 60/s")
#: Stamps every pointer move and every change of the live chart (page clock),
#: and for the release: the pointer up (or a range's ``change``), each change of
#: the address and each change of the script's state (``running`` ↔
#: ``notRunning``), as the page sees them. Safe to run before every drag: one
#: listener, one observer per plot element.
PROBE = """
() => {
  const plot = document.querySelector('.live-chart .live-plot');
  const B = window.__drag || (window.__drag = {});
  B.moves = [];
  B.paints = [];
  B.swaps = [];
  if (!B.listening) {
    B.listening = true;
    const D = () => window.__drag;
    document.addEventListener('pointermove', () => D().moves.push(performance.now()), true);
    document.addEventListener('pointerup', () => D().released.push(performance.now()), true);
    document.addEventListener('change', () => D().released.push(performance.now()), true);
    let href = location.href;
    // Which display frame shows a change: one made during a frame's callbacks is
    // painted by that frame; one made between frames, by the next. This loop runs
    // first among each frame's callbacks (it was asked first), numbers the frames
    // and notes when each began.
    B.frameId = 0;
    B.inFrame = false;
    const tick = () => {
      B.frameId += 1;
      B.frameAt = performance.now();
      B.inFrame = true;
      setTimeout(() => { B.inFrame = false; }, 0);  // a task: after the paint
      if (location.href !== href) { href = location.href; D().hrefs.push(performance.now()); }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const app = document.querySelector('[data-testid="stApp"]');
    new MutationObserver(() => D().states.push(
      [performance.now(), app.getAttribute('data-test-script-state')]
    )).observe(app, { attributes: true, attributeFilter: ['data-test-script-state'] });
  }
  B.released = [];
  B.hrefs = [];
  B.states = [];
  if (B.plot !== plot) {
    if (B.observer) B.observer.disconnect();
    B.plot = plot;
    // A paint: [the number of the frame that draws it, when that frame began]
    // (this frame if made in its callbacks, else the next). The same instant for a
    // change made between frames and one made by the frame's own callbacks
    // (Plotly draws a queued animation frame there), as the screen shows them.
    B.observer = new MutationObserver(() => {
      const D = window.__drag;
      if (D.inFrame) D.paints.push([D.frameId, D.frameAt]);
      else requestAnimationFrame(() => D.paints.push([D.frameId, D.frameAt]));
    });
    B.observer.observe(plot, { subtree: true, attributes: true, childList: true });
    // a new value shown: the live chart names its frame on its root
    B.swapper = new MutationObserver(() => window.__drag.swaps.push(performance.now()));
    B.swapper.observe(plot.closest('.live-chart'), { attributes: true, attributeFilter: ['data-frame'] });
  }
}
"""
#: The rAF feed: one move per display frame along the path. A handle (pressed by
#: the real mouse) gets pointermove events; a range gets its value and ``input``.
FEED = """
async ({ selector, x, y, dx, dy, moves }) => {
  const el = document.querySelector(selector);
  const range = el.matches('input[type="range"]');
  const box = el.getBoundingClientRect();
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  const task = () => new Promise((done) => setTimeout(done, 0));
  for (let i = 1; i <= moves; i++) {
    await frame();
    await task();  // after this frame's drawing, as an input event between frames
    const px = x + dx * i / moves, py = y + dy * i / moves;
    const init = { bubbles: true, clientX: px, clientY: py, pointerId: 1,
                   pointerType: 'mouse', isPrimary: true, buttons: 1 };
    el.dispatchEvent(new PointerEvent('pointermove', init));
    if (range) {
      const f = Math.min(1, Math.max(0, (px - box.left) / box.width));
      el.value = String(Math.round(Number(el.min) + f * (Number(el.max) - Number(el.min))));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
  await frame();
  await frame();  // the probe stamps a change one frame after it
}
"""


@dataclass
class DragRow:
    target: str
    feed: str = FEEDS[0]
    cold_s: float = float("nan")
    frame_kb: float = float("nan")
    move_ms: list[float] = field(default_factory=list)  # interval between moves
    redraw_ms: list[float] = field(default_factory=list)  # interval between redraws
    value_ms: list[float] = field(default_factory=list)  # between new grid values
    move_paint_ms: list[float] = field(default_factory=list)
    agree_ms: list[float] = field(default_factory=list)  # in the page's own clock
    seen_ms: list[float] = field(default_factory=list)  # as Playwright saw it
    release_kb: list[float] = field(default_factory=list)  # payload, inflated
    wire_kb: list[float] = field(default_factory=list)  # as it crossed TCP
    errors: list[str] = field(default_factory=list)
    received: list[int] = field(default_factory=list)  # websocket bytes, as they come


#: Where a drag starts: the handle's centre, or a range's thumb (pressing a range
#: elsewhere would make its value jump there first), after scrolling it to the
#: middle of the window (a handle dragged below the fold gets no mouse events).
START = """
(selector) => {
  const el = document.querySelector(selector);
  el.scrollIntoView({ block: 'center', inline: 'center' });
  const box = el.getBoundingClientRect();
  if (!el.matches('input[type="range"]')) {
    return [box.left + box.width / 2, box.top + box.height / 2];
  }
  const f = (Number(el.value) - Number(el.min)) / (Number(el.max) - Number(el.min));
  const thumb = 16;  // Chromium's default range thumb, px
  return [box.left + thumb / 2 + f * (box.width - thumb), box.top + box.height / 2];
}
"""


def _path_start(page: Page, handle: str) -> tuple[float, float]:
    x, y = page.evaluate(START, handle)
    return float(x), float(y)


def _drag_moves(
    page: Page, handle: str, move: tuple[float, float], row: DragRow
) -> bool:
    """The press and the moves of one drag; True when the release is a mouse up."""
    x, y = _path_start(page, handle)
    page.evaluate(
        "window.__drag.moves = []; window.__drag.paints = []; window.__drag.swaps = []"
    )
    is_range = handle.startswith("[data-live")
    if row.feed == FEEDS[0]:
        page.mouse.move(x, y)
        page.mouse.down()
        for index in range(1, MOVES + 1):
            page.mouse.move(x + move[0] * index / MOVES, y + move[1] * index / MOVES)
            page.wait_for_timeout(8)
        return True
    if not is_range:
        page.mouse.move(x, y)
        page.mouse.down()
    page.evaluate(
        FEED,
        {"selector": handle, "x": x, "y": y, "dx": move[0], "dy": move[1]}
        | {"moves": MOVES},
    )
    return not is_range


def _stamps(page: Page, row: DragRow) -> None:
    stamps = page.evaluate(
        "({ moves: __drag.moves, paints: __drag.paints, swaps: __drag.swaps })"
    )
    moves = sorted(stamps["moves"])
    first: dict[int, float] = {}  # the first change each frame painted
    for frame, at in stamps["paints"]:
        first[frame] = min(at, first.get(frame, at))
    paints = sorted(first.values())
    swaps = sorted(stamps["swaps"])
    row.move_ms += [b - a for a, b in itertools.pairwise(moves) if b > a]
    row.redraw_ms += [b - a for a, b in itertools.pairwise(paints) if b > a]
    row.value_ms += [b - a for a, b in itertools.pairwise(swaps) if b > a]
    # From a move to the first change of the chart once the chart took the new
    # value it asked for (the live chart names its frame on its root when it
    # swaps one in): the latest move before each swap, to the first paint at or
    # after it. A move that stays on the same grid point swaps nothing, and a
    # 2-D handle's glide paints between swaps without a move to answer.
    answered: set[float] = set()
    for swapped in swaps:
        earlier = [m for m in moves if m <= swapped]
        painted = next((p for p in paints if p >= swapped), None)
        if earlier and painted is not None and earlier[-1] not in answered:
            answered.add(earlier[-1])
            row.move_paint_ms.append(painted - earlier[-1])


def _one_drag(
    page: Page,
    handle: str,
    move: tuple[int, int],
    sign: int,
    row: DragRow,
    wire: Counts,
) -> None:
    path = (sign * move[0], sign * move[1])
    mouse_up = _drag_moves(page, handle, path, row)
    _stamps(page, row)
    url = page.url
    row.received.clear()
    sent = wire.ws_down
    start = page.evaluate("performance.now()")
    if mouse_up:
        page.mouse.up()
    else:  # a range control: the change event its release fires
        page.locator(handle).dispatch_event("change")
    page.wait_for_function("(u) => location.href !== u", arg=url, timeout=15_000)
    page.wait_for_selector(IDLE, state="attached", timeout=15_000)
    row.seen_ms.append(page.evaluate("performance.now()") - start)
    agreed = float(page.evaluate(AGREED))
    # NaN: the run began and ended within one render, so the page never showed
    # "running"; its end is not stamped, and Playwright's (later) figure stands in
    row.agree_ms.append(row.seen_ms[-1] if agreed != agreed else agreed)
    row.release_kb.append(sum(row.received) / 1024)
    row.wire_kb.append((wire.ws_down - sent) / 1024)


#: From the release (pointer up or ``change``) to the later of the address's change
#: and the end of the script run it started, in the page's clock: what a learner
#: sees. Playwright's own waits add its polling and round trips (30-80 ms here).
#: NaN when the page never showed the run as running (it began and ended within
#: one render).
AGREED = """
() => {
  const B = window.__drag;
  const released = B.released[0];
  const href = B.hrefs.find((t) => t >= released);
  const ran = B.states.filter(([t, s]) => t >= released && s === 'notRunning');
  return Math.max(href, ran.length ? ran[ran.length - 1][0] : NaN) - released;
}
"""


def _count(ws: WebSocket, rows: list[DragRow]) -> None:
    def received(payload: bytes | str) -> None:
        for row in rows:
            row.received.append(len(payload))

    ws.on("framereceived", received)


def _control(
    browser: Browser,
    url: str,
    handle: str,
    move: tuple[int, int],
    drags: int,
    wire: Counts,
) -> list[DragRow]:
    """One live control: ``drags`` drags per feed, back and forth, in one page."""
    rows = [DragRow(url.split("/", 3)[-1] + f" {handle}", feed) for feed in FEEDS]
    context = browser.new_context(viewport=VIEWPORT)
    row = rows[0]
    try:
        page = context.new_page()
        page.on("websocket", functools.partial(_count, rows=rows))
        page.goto(url, wait_until="commit")
        page.wait_for_selector(
            ".live-chart[data-ready]", state="attached", timeout=60_000
        )
        # performance.now() counts from this document's navigation start
        rows[0].cold_s = page.evaluate("performance.now()") / 1000
        page.wait_for_selector(IDLE, state="attached", timeout=30_000)
        kb = int(page.locator(".live-chart").first.get_attribute("data-bytes") or 0)
        rows[0].frame_kb = kb / 1024
        for row in rows:
            for index in range(drags):
                page.wait_for_selector(".live-chart[data-ready]", state="attached")
                page.evaluate(PROBE)
                _one_drag(page, handle, move, 1 if index % 2 == 0 else -1, row, wire)
    except Exception as exc:  # a benchmark reports, it never stops at one row
        row.errors.append(str(exc).splitlines()[0])
    finally:
        context.close()
    return rows


def measure_drag(
    browser: Browser, base_url: str, drags: int, wire: Counts, pages: list[str]
) -> list[DragRow]:
    """Every live control in ``LIVE`` on ``pages``, ``drags`` drags per feed."""
    rows = []
    for path, handle, move in LIVE:
        if path.split("?")[0] in pages:
            rows += _control(browser, f"{base_url}/{path}", handle, move, drags, wire)
    return rows


def drag_table(rows: list[DragRow]) -> str:
    def med(values: list[float]) -> str:
        return f"{statistics.median(values):.1f}" if values else "—"

    def num(value: float, spec: str) -> str:
        return "″" if value != value else format(value, spec)

    lines = [
        "| live control | feed | cold load s | frames KB | move interval ms "
        "| redraw interval ms | new value interval ms | move→paint ms "
        "| release→page agrees ms (median / p95) "
        "| as Playwright saw it (median / p95) | KB per release: payload / wire "
        "| errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]

    def med_p95(values: list[float]) -> str:
        p95 = f"{percentile(values, 0.95):.0f}" if values else "—"
        return f"{med(values)} / {p95}"

    for r in rows:
        lines.append(
            f"| {r.target if r.feed == FEEDS[0] else '″'} | {r.feed} "
            f"| {num(r.cold_s, '.2f')} | {num(r.frame_kb, '.0f')} | {med(r.move_ms)} "
            f"| {med(r.redraw_ms)} | {med(r.value_ms)} | {med(r.move_paint_ms)} "
            f"| {med_p95(r.agree_ms)} "
            f"| {med_p95(r.seen_ms)} "
            f"| {med(r.release_kb)} / {med(r.wire_kb)} | {'; '.join(r.errors) or '—'} |"
        )
    lines.append(
        "\nBudgets: redraw interval ≤ 20 ms (the display's rate when moves come "
        "faster; a 2-D handle's new grid values come less often, and its chart "
        "glides between them), move→paint ≤ 16.7 ms (from the move to the first "
        "paint of the value it asked for), release→agrees p95 ≤ 150 ms (from the "
        "page's pointer up to the later of its address change and its run's end, "
        "in the page's clock), ≤ 50 KB per "
        "release, ≤ 300 KB of frames, cold ≤ 2.5 s. Medians over the drags. Payload: "
        "websocket messages as the browser read them (inflated); wire: the "
        "websocket's TCP bytes server → browser in the release window, through a "
        "counting relay."
    )
    return "\n".join(lines)
