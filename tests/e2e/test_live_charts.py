"""Live charts in a real browser: a real mouse drags each handle (ui/live_chart.py).

For every live control: the chart redraws during the drag (≥ 10 distinct
pictures over 30 moves), nothing is sent to the server during the drag and one
message after the release, then the URL, the formula and the sentence agree with
the chart; the arrow keys move the control too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page, WebSocket, expect

from tests.e2e.conftest import Server, open_page, wait_idle

pytestmark = pytest.mark.e2e

READY = ".live-chart[data-ready]"
#: Counts the distinct pictures of the chart's traces (their SVG paths) as drawn.
WATCH_PAINTS = """
() => {
  const plot = document.querySelector('.live-chart .live-plot');
  const seen = new Set();
  window.__paints = seen;
  const note = () => {
    const picture = [...plot.querySelectorAll('.scatterlayer path.js-line, .scatterlayer .point')]
      .map((el) => el.getAttribute('d') || el.getAttribute('transform')).join('|');
    seen.add(picture);
  };
  new MutationObserver(note).observe(plot, { subtree: true, attributes: true, childList: true });
}
"""


@dataclass
class Sent:
    """Websocket messages the page sent."""

    frames: list[int] = field(default_factory=list)

    def attach(self, ws: WebSocket) -> None:
        ws.on("framesent", lambda payload: self.frames.append(len(payload)))


def listen(page: Page) -> Sent:
    sent = Sent()
    page.on("websocket", sent.attach)
    return sent


def centre(page: Page, selector: str) -> tuple[float, float]:
    box = page.locator(selector).bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def reach(page: Page, selector: str, at: tuple[float, float] | None = None) -> None:
    """The pointer comes onto the control (at ``at``, else its centre), as a hand's
    does before it presses, and stays until the control's frames are there: a
    control sent lazy asks for them then (static/live_chart.js)."""
    page.mouse.move(*(at or centre(page, selector)))
    expect(page.locator(selector)).to_have_attribute(
        "data-frames", re.compile(r"^\d+$"), timeout=30_000
    )


def drag(page: Page, selector: str, dx: float, dy: float, moves: int = 30) -> int:
    """Onto the handle (its frames there), mouse down, ``moves`` small moves, not up."""
    x, y = centre(page, selector)
    reach(page, selector, (x, y))
    page.mouse.down()
    for index in range(1, moves + 1):
        page.mouse.move(x + dx * index / moves, y + dy * index / moves)
        page.wait_for_timeout(16)  # one display frame between moves, as a hand does
    return int(page.evaluate("window.__paints.size"))


def open_live(page: Page, url: str) -> None:
    open_page(page, url)
    expect(page.locator(READY)).to_be_attached(timeout=30_000)
    page.evaluate(WATCH_PAINTS)


CASES = [
    # (page, handle, dx, dy, URL key that must change, text that must follow)
    ("equations", '[data-drag="b"]', 0, -120, "b", re.compile(r"crosses y = 0 at")),
    ("equations", '[data-drag="a"]', 0, 150, "a", re.compile(r"rises by|falls by")),
    ("vectors?view=plane", '[data-drag="ax ay"]', -160, 120, "ax", re.compile("a·b")),
    # about 31 px a unit since the plane shows ±6.5: from b = (4, 1) to (−5, 5)
    ("vectors?view=plane", '[data-drag="bx by"]', -300, -130, "bx", re.compile("a·b")),
]


@pytest.mark.parametrize(("path", "handle", "dx", "dy", "key", "words"), CASES)
def test_a_drag_redraws_live_and_tells_python_once(
    server: Server,
    page: Page,
    path: str,
    handle: str,
    dx: float,
    dy: float,
    key: str,
    words: re.Pattern[str],
) -> None:
    sent = listen(page)
    open_live(page, f"{server.url}/{path}")
    formula_before = page.locator(".katex").first.inner_text()
    reach(page, handle)
    before = len(sent.frames)
    paints = drag(page, handle, dx, dy)
    assert paints >= 10, f"only {paints} distinct pictures during 30 moves"
    assert len(sent.frames) == before, "the drag talked to the server"
    readout = page.locator(".live-readout")
    expect(readout).to_be_visible()
    shown = readout.inner_text()
    page.mouse.up()
    expect(page).to_have_url(re.compile(rf"[?&]{key}="))
    wait_idle(page)
    assert len(sent.frames) >= before + 1
    expect(page.locator(".katex").first).not_to_have_text(formula_before)
    expect(page.get_by_text(words).first).to_be_visible()
    # the numbers the chart showed during the drag are the page's numbers now
    numbers = re.findall(r"−?\d+(?:\.\d+)?", shown.replace("−", "-").replace("-", "−"))
    assert numbers, shown
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert numbers[-1] in body


def test_arrow_keys_step_a_handle(server: Server, page: Page) -> None:
    sent = listen(page)
    open_live(page, f"{server.url}/equations")
    page.locator('[data-drag="b"]').focus()
    before = len(sent.frames)
    page.keyboard.press("ArrowUp")
    expect(page).to_have_url(re.compile(r"[?&]b=-3\.5"))
    wait_idle(page)
    assert len(sent.frames) >= before + 1
    expect(page.get_by_text("x = 1.75").first).to_be_visible()
    handle = page.locator('[data-drag="b"]')
    handle.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page).to_have_url(re.compile(r"[?&]b=-4\.5"))


def test_the_plotly_script_comes_from_this_server_once(
    server: Server, page: Page
) -> None:
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url) if "plotly" in r.url else None)
    open_live(page, f"{server.url}/vectors?view=plane")
    page.goto(f"{server.url}/equations")
    wait_idle(page)
    expect(page.locator(READY)).to_be_attached(timeout=30_000)
    scripts = [u for u in loaded if u.endswith("plotly-basic.min.js")]
    assert scripts
    assert all(u.startswith(server.url + "/app/static/") for u in scripts)
    assert page.locator("script[data-live-plotly]").count() == 1


#: Every display frame: where the dragged handles are drawn (data coordinates),
#: and which grid point the chart shows.
WATCH_GLIDE = """
() => {
  const live = document.querySelector('.live-chart').__live;
  window.__glide = { spots: [], frames: new Set() };
  const tick = () => {
    window.__glide.spots.push(JSON.stringify(live.handlePositions));
    window.__glide.frames.add(live.root.dataset.frame);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
"""
#: Handle positions drawn that are no grid point's, and whether the chart at rest
#: is exactly its grid point's frame (the handles, and the positions and words of
#: every trace it changes).
GLIDE_SEEN = """
() => {
  const live = document.querySelector('.live-chart').__live;
  const { control, index } = live.shown;
  const grid = new Set(control.frames.map((f) => JSON.stringify(f.h)));
  const between = new Set(window.__glide.spots.filter((s) => !grid.has(s)));
  const frame = control.frames[index];
  const same = (a, b) => JSON.stringify(Array.isArray(b) ? Array.from(a) : a) === JSON.stringify(b);
  const traces = control.traces.every((t, i) => ['x', 'y', 'text'].every((k) =>
    !(k in frame.d[i]) || same(live.plot.data[t][k], frame.d[i][k])));
  return {
    between: between.size,
    points: window.__glide.frames.size,
    atRest: JSON.stringify(live.handlePositions) === JSON.stringify(frame.h) && traces,
  };
}
"""


@pytest.mark.parametrize("still", [False, True], ids=["glides", "reduced motion"])
def test_a_2d_handle_glides_between_grid_points_and_rests_on_one(
    server: Server, page: Page, still: bool
) -> None:
    if still:
        page.emulate_media(reduced_motion="reduce")
    open_live(page, f"{server.url}/vectors?view=plane")
    handle = '[data-drag="bx by"]'
    reach(page, handle)
    page.evaluate(WATCH_GLIDE)
    drag(page, handle, -300, -130)
    page.wait_for_timeout(300)  # the pointer rests: the last glide ends
    seen = page.evaluate(GLIDE_SEEN)
    assert seen["points"] >= 4, seen  # the drag crossed several grid points
    if still:
        assert seen["between"] == 0, seen  # a learner who asks for less motion
    else:
        # drawn between grid points (a glide needs them a frame or more apart)
        assert 2 * seen["between"] >= seen["points"], seen
    assert seen["atRest"], seen  # and at rest, exactly the grid point's frame
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"[?&]bx="))
