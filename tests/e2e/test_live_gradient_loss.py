"""Live charts on the gradient-descent and loss-functions pages, dragged with a real mouse.

For each live control (the start w₀ and the learning rate of the 1-D descent, the
start of the 2-D race, the intercept and slope of the line fitted by hand): the
chart redraws during the drag (≥ 10 distinct pictures over 30 moves), nothing is
sent to the server during the drag and a message after the release, then the
URL, the formula and the sentence agree with what the chart showed; the arrow
keys move the control too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page, WebSocket, expect

from tests.e2e.conftest import Server, open_page, wait_idle
from tests.e2e.test_live_charts import reach
from text.gradient_descent import RACE_PLAY_LABEL

pytestmark = pytest.mark.e2e

READY = ".live-chart[data-ready]"
READOUT = ".live-readout"
#: Counts the distinct pictures of the chart's traces (their SVG paths) as drawn.
WATCH_PAINTS = """
() => {
  const plot = document.querySelector('.live-chart .live-plot');
  const seen = new Set();
  window.__paints = seen;
  const note = () => {
    const picture = [...plot.querySelectorAll('.scatterlayer path.js-line, .scatterlayer .point, .scatterlayer .textpoint')]
      .map((el) => el.getAttribute('d') || el.getAttribute('transform')).join('|');
    seen.add(picture);
  };
  new MutationObserver(note).observe(plot, { subtree: true, attributes: true, childList: true });
}
"""
#: The regime as the readout says it during a drag, and as the sentence says it.
REGIMES = {
    "converges smoothly": "smooth convergence",
    "one step to the minimum": "one step to the minimum",
    "converges, oscillating": "oscillating convergence",
    "bounces for ever": "bouncing for ever",
    "diverges": "divergence",
}


@pytest.fixture(autouse=True)
def patient_expect() -> Iterator[None]:
    """Other suites share this 2-core machine: give slow renders time, then restore."""
    expect.set_options(timeout=45_000)
    yield
    expect.set_options(timeout=5_000)


@dataclass
class Sent:
    """Websocket messages the page sent."""

    frames: list[int] = field(default_factory=list)

    def attach(self, ws: WebSocket) -> None:
        ws.on("framesent", lambda payload: self.frames.append(len(payload)))

    def wait_for(self, page: Page, count: int) -> None:
        """Wait (up to 10 s) until ``count`` messages were sent: Playwright reports a
        sent frame a moment after the page moved on."""
        for _ in range(200):
            if len(self.frames) >= count:
                return
            page.wait_for_timeout(50)
        raise AssertionError(f"{len(self.frames)} messages sent, expected {count}")


def listen(page: Page) -> Sent:
    sent = Sent()
    page.on("websocket", sent.attach)
    return sent


def open_live(page: Page, url: str) -> None:
    open_page(page, url)
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    page.locator(".live-chart").scroll_into_view_if_needed()
    page.evaluate(WATCH_PAINTS)


def drag_from(
    page: Page, control: str, x: float, y: float, dx: float, dy: float, moves: int = 30
) -> int:
    """Onto ``control`` at ``(x, y)`` (its frames there), mouse down, ``moves`` small
    moves by ``(dx, dy)`` in all, not up."""
    reach(page, control, (x, y))
    page.mouse.down()
    for index in range(1, moves + 1):
        page.mouse.move(x + dx * index / moves, y + dy * index / moves)
        page.wait_for_timeout(16)  # one display frame between moves, as a hand does
    return int(page.evaluate("window.__paints.size"))


def drag_handle(page: Page, selector: str, dx: float, dy: float) -> int:
    box = page.locator(selector).bounding_box()
    assert box is not None
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    return drag_from(page, selector, *centre, dx, dy)


#: Page pixels of the handle in frames ``first … last`` of the first control (a hand
#: following the curve: a 1-D handle snaps to the frame whose handle is nearest).
ALONG = """
([first, last]) => {
  const live = document.querySelector('.live-chart').__live;
  const frames = live.payload.controls[0].frames;
  const L = live.plot._fullLayout, box = live.plot.getBoundingClientRect();
  const out = [];
  for (let i = first; i !== last; i += Math.sign(last - first)) {
    const [x, y] = frames[i].h[0];
    out.push([box.left + L.xaxis._offset + L.xaxis.l2p(x),
              box.top + L.yaxis._offset + L.yaxis.l2p(y)]);
  }
  return out;
}
"""


def drag_along(page: Page, selector: str, first: int, last: int) -> int:
    """Mouse down on the handle, then along its frames' positions (30 moves), not up."""
    points = page.evaluate(ALONG, [first, last])
    box = page.locator(selector).bounding_box()
    assert box is not None
    reach(page, selector, (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2))
    page.mouse.down()
    for index in range(1, 31):
        x, y = points[min(len(points) - 1, index * len(points) // 30)]
        page.mouse.move(x, y)
        page.wait_for_timeout(16)
    return int(page.evaluate("window.__paints.size"))


def drag_range(page: Page, selector: str, dx: float) -> int:
    """Grab the range's thumb where it is and slide it by ``dx`` pixels."""
    slider = page.locator(selector)
    box = slider.bounding_box()
    assert box is not None
    value, top = (float(slider.get_attribute(a) or 0) for a in ("value", "max"))
    thumb = 16  # Chromium's thumb: its centre runs from 8 px to width − 8 px
    x = box["x"] + thumb / 2 + (box["width"] - thumb) * value / top
    return drag_from(page, selector, x, box["y"] + box["height"] / 2, dx, 0)


def released(page: Page, sent: Sent, before: int, key: str) -> str:
    """Check the drag was silent and showed its numbers; release; wait for the rerun."""
    assert len(sent.frames) == before, "the drag talked to the server"
    readout = page.locator(READOUT)
    expect(readout).to_be_visible()
    shown = readout.inner_text()
    page.mouse.up()
    expect(page).to_have_url(re.compile(rf"[?&]{key}="))
    wait_idle(page)
    sent.wait_for(page, before + 1)
    return shown


def number(text: str) -> str:
    """A number as the readout writes it (typographic minus) in URL form."""
    return text.replace("−", "-")


def body(page: Page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


# -- gradient descent, 1-D -------------------------------------------------------------


def test_dragging_w0_along_the_curve(server: Server, page: Page) -> None:
    sent = listen(page)
    open_live(page, f"{server.url}/gradient-descent?steps=20&lr=0.8")
    formula = page.locator(".katex").first.inner_text()
    before = len(sent.frames)
    paints = drag_handle(page, '[data-drag="w0"]', -260, 0)
    assert paints >= 10, f"only {paints} distinct pictures during 30 moves"
    shown = released(page, sent, before, "w0")
    w0 = re.search(r"w₀ = (−?[\d.]+)", shown)
    assert w0 is not None, shown
    expect(page).to_have_url(re.compile(rf"[?&]w0={re.escape(number(w0[1]))}(&|$)"))
    expect(page.locator(".katex").first).not_to_have_text(formula)
    start = page.get_by_role("spinbutton", name="Start w₀ (exact)")
    assert float(start.input_value()) == float(number(w0[1]))
    regime = shown.split(" · ")[1].split(" at step")[0]
    expect(page.get_by_text(REGIMES[regime]).first).to_be_visible()


def test_scrubbing_the_learning_rate_names_each_regime(
    server: Server, page: Page
) -> None:
    sent = listen(page)
    open_live(page, f"{server.url}/gradient-descent?steps=20")
    before = len(sent.frames)
    paints = drag_range(page, '[data-live="lr"]', 260)
    assert paints >= 10, f"only {paints} distinct pictures during 30 moves"
    seen = page.locator(READOUT).inner_text()
    shown = released(page, sent, before, "lr")
    assert seen == shown
    lr, regime = re.match(r"lr = ([\d.]+) · ([^·]+?) ·", shown).groups()  # type: ignore[union-attr]
    expect(page).to_have_url(re.compile(rf"[?&]lr={re.escape(lr)}(&|$)"))
    exact = page.get_by_role("spinbutton", name="Learning rate lr (exact)")
    assert float(exact.input_value()) == float(lr)
    sentence = f"With lr = {lr} this is {REGIMES[regime.split(' at step')[0]]}"
    expect(page.get_by_text(sentence).first).to_be_visible()
    expect(page.locator(".katex").first).to_contain_text(lr)


def test_the_live_chart_follows_a_typed_function(server: Server, page: Page) -> None:
    sent = listen(page)
    url = f"{server.url}/gradient-descent?fn=custom&f=sin(3*w)%2B0.1*w**2&steps=30&lr=0.05&w0=2"
    open_live(page, url)
    expect(page.locator(".live-chart")).to_contain_text("sin(3·w) + 0.1·w²")
    before = len(sent.frames)
    control = "document.querySelector('.live-chart').__live.payload.controls[0]"
    start = int(page.evaluate(f"{control}.start"))
    count = int(page.evaluate(f"{control}.frames.length"))
    last = 0 if start > count // 2 else count - 1
    paints = drag_along(page, '[data-drag="w0"]', start, last)
    assert paints >= 10, f"only {paints} distinct pictures during 30 moves"
    shown = released(page, sent, before, "w0")
    w0 = re.search(r"w₀ = (−?[\d.]+)", shown)
    assert w0 is not None, shown
    expect(page).to_have_url(re.compile(rf"[?&]w0={re.escape(number(w0[1]))}(&|$)"))
    expect(page).to_have_url(re.compile(r"f=sin"))


def test_arrow_keys_step_w0_and_the_learning_rate(server: Server, page: Page) -> None:
    sent = listen(page)
    open_live(page, f"{server.url}/gradient-descent?steps=5")
    page.locator('[data-drag="w0"]').focus()
    before = len(sent.frames)
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"[?&]w0=4\.75(&|$)"))
    wait_idle(page)
    sent.wait_for(page, before + 1)
    expect(page.get_by_role("spinbutton", name="Start w₀ (exact)")).to_have_value(
        "4.75"
    )
    expect(page.locator(READY)).to_be_attached()
    page.locator('[data-live="lr"]').focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"[?&]lr=0\.15(&|$)"))
    expect(page.get_by_text("With lr = 0.15 this is").first).to_be_visible()


# -- gradient descent, 2-D -------------------------------------------------------------


def test_dragging_the_start_moves_every_path(server: Server, page: Page) -> None:
    sent = listen(page)
    open_live(page, f"{server.url}/gradient-descent?view=race")
    before = len(sent.frames)
    # to about (3, −1.5): 12 grid cells on the way, room for a busy machine's skips
    paints = drag_handle(page, '[data-drag="x0 y0"]', 420, 190)
    assert paints >= 10, f"only {paints} distinct pictures during 30 moves"
    shown = released(page, sent, before, "x0")
    x0, y0 = re.match(r"start \((−?[\d.]+), (−?[\d.]+)\)", shown).groups()  # type: ignore[union-attr]
    expect(page).to_have_url(re.compile(rf"[?&]x0={re.escape(number(x0))}(&|$)"))
    exact = page.get_by_role("spinbutton", name="Start x₀ (exact)")
    assert float(exact.input_value()) == float(number(x0))
    assert float(
        page.get_by_role("spinbutton", name="Start y₀ (exact)").input_value()
    ) == float(number(y0))
    # the race played step by step (opened now) starts there too
    page.get_by_text(RACE_PLAY_LABEL).click()
    page.wait_for_function(
        "x => { const g = document.querySelector("
        '\'[data-testid="stExpander"] :is([data-testid="stPlotlyChart"], .still-chart) .js-plotly-plot\');'
        " const path = g && g._fullData.find(t => (t.name || '').startsWith('Gradient'));"
        " return path && Math.abs(path.x[0] - x) < 1e-6; }",
        arg=float(number(x0)),
    )


def test_arrow_keys_move_the_start(server: Server, page: Page) -> None:
    open_live(page, f"{server.url}/gradient-descent?view=race&x0=-3&y0=1")
    page.locator('[data-drag="x0 y0"]').focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"[?&]x0=-2(&|$)"))
    wait_idle(page)
    expect(page.locator(READY)).to_be_attached()
    page.locator('[data-drag="x0 y0"]').focus()
    page.keyboard.press("ArrowUp")  # y₀ 1 → 1.5, the default: it leaves the URL
    expect(page).not_to_have_url(re.compile(r"[?&]y0="))
    expect(page).to_have_url(re.compile(r"[?&]x0=-2(&|$)"))
    exact = page.get_by_role("spinbutton", name="Start y₀ (exact)")
    expect(exact).to_have_value("1.50")


# -- loss functions: fit a line by hand ---------------------------------------------------


@pytest.mark.parametrize(
    ("handle", "key", "dx", "dy"), [("b", "b", 0, -150), ("w", "w", 0, 240)]
)
def test_dragging_the_line_moves_the_squares_and_the_bowl(
    server: Server, page: Page, handle: str, key: str, dx: float, dy: float
) -> None:
    sent = listen(page)
    open_live(page, f"{server.url}/loss-functions?view=fit")
    formula = page.locator(".katex").first.inner_text()
    shown_before = page.get_by_test_id("stMetricValue").first.inner_text()
    before = len(sent.frames)
    paints = drag_handle(page, f'[data-drag="{handle}"]', dx, dy)
    assert paints >= 10, f"only {paints} distinct pictures during 30 moves"
    shown = released(page, sent, before, key)
    w, b, mse = re.match(
        r"w = (−?[\d.]+) · b = (−?[\d.]+) · MSE = ([\d.]+)", shown
    ).groups()  # type: ignore[union-attr]
    value = number(w if key == "w" else b)
    expect(page).to_have_url(re.compile(rf"[?&]{key}={re.escape(value)}(&|$)"))
    expect(page.locator(".katex").first).not_to_have_text(formula)
    metric = page.get_by_test_id("stMetricValue").first
    expect(metric).not_to_have_text(shown_before)
    assert float(metric.inner_text()) == pytest.approx(float(mse), rel=6e-3)
    expect(page.get_by_text(f"Your line y = {number(w)}·x").first).to_be_visible()


def test_arrow_keys_move_the_intercept(server: Server, page: Page) -> None:
    open_live(page, f"{server.url}/loss-functions?view=fit")
    first = page.locator(".live-chart").get_attribute("data-ready")
    page.locator('[data-drag="b"]').focus()
    page.keyboard.press("ArrowUp")
    expect(page).to_have_url(re.compile(r"[?&]b=0\.5(&|$)"))
    expect(page.get_by_role("spinbutton", name="Intercept b (exact)")).to_have_value(
        "0.50"
    )
    # the rerun sent the bowl's picture by id: the chart drew it from the browser's
    # store, not a broken "ref:" image
    wait_idle(page)
    page.wait_for_function(BOWL_DRAWN, arg=first)


#: The live chart redrawn (a new payload) with its bowl: the PNG, drawn by Plotly.
BOWL_DRAWN = """
(first) => {
  const plot = document.querySelector(".live-plot");
  const images = plot && plot._fullLayout && plot._fullLayout.images;
  const drawn = plot && plot.querySelector("image");
  return Boolean(images && images.length && drawn &&
    images[0].source.startsWith("data:image/png;base64,") &&
    (drawn.getAttribute("href") || "").startsWith("data:image/png;base64,") &&
    plot.closest(".live-chart").dataset.ready !== first);
}
"""
