"""Lazy frames in a real browser: a control's frames come when the learner reaches for it.

After a release, the other controls of a live chart come *lazy* (their grid, no
frames: ui/live_chart.py). Pointing at one asks Python for its frames; once they
are there a drag is as silent and as smooth as any (>= 10 distinct redraws over
30 moves, no websocket message between mouse down and up, one after). A drag or
a key press that comes before the frames still lands: the page ends up agreeing
with the chart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, wait_idle
from tests.e2e.test_live_charts import centre, drag, listen, open_live, reach

pytestmark = pytest.mark.e2e

#: Whether the control pressed had its frames at the moment of the press.
RECORD_PRESS = """
() => {
  window.__framesAtPress = [];
  document.addEventListener('pointerdown', (event) => {
    const control = event.target.closest('[data-drag], [data-live]');
    if (control) window.__framesAtPress.push(control.hasAttribute('data-frames'));
  }, true);
}
"""
#: The values of the chart on screen (the payload it was last drawn from).
DRAWN = "() => document.querySelector('.live-chart').__live.drawn.values"
#: Whether the chart on screen was drawn with ``key`` at ``value``.
DRAWN_AT = """
([key, value]) => {
  const live = document.querySelector('.live-chart').__live;
  return Boolean(live.drawn) && live.drawn.values[key] === value;
}
"""


@pytest.fixture(autouse=True)
def patient_expect() -> Iterator[None]:
    """Other suites share this 2-core machine: give slow renders time, then restore."""
    expect.set_options(timeout=45_000)
    yield
    expect.set_options(timeout=5_000)


@dataclass(frozen=True)
class Case:
    """A page, a control to step with the keys (the others turn lazy), one to drag."""

    path: str
    step: str  # a handle stepped with the arrow keys first
    step_key: str  # its URL key
    control: str  # then this one, lazy now, is dragged
    key: str  # its URL key
    dx: float
    dy: float


EQUATIONS = Case("equations", '[data-drag="b"]', "b", '[data-drag="a"]', "a", 0, 150)
INTERVAL = Case(
    "normal-distribution?view=interval",
    '[data-drag="a"]',
    "a",
    '[data-live="mu"]',
    "mu",
    150,
    0,
)


def url_value(page: Page, key: str) -> float:
    return float(parse_qs(urlparse(page.url).query)[key][-1])


def chart_agrees(page: Page, key: str) -> float:
    """Wait until the chart is drawn at the URL's value of ``key``; that value."""
    value = url_value(page, key)
    page.wait_for_function(DRAWN_AT, arg=[key, value], timeout=30_000)
    return value


def make_lazy(page: Page, case: Case, key: str) -> None:
    """Step ``case.step`` with ``key``: the rerun sends ``case.control`` lazy.

    Frames are shared by every session of the server: each test steps to values
    of its own, whose frames no test asked for before.
    """
    page.locator(case.step).focus()
    page.keyboard.press(key)
    expect(page).to_have_url(re.compile(rf"[?&]{case.step_key}="))
    wait_idle(page)
    expect(page.locator(case.control)).not_to_have_attribute(
        "data-frames", re.compile(".*")
    )


def grab(page: Page, selector: str) -> tuple[float, float]:
    """A handle's centre, or a range's thumb (scrolled into view)."""
    page.locator(selector).scroll_into_view_if_needed()
    x, y = centre(page, selector)
    if selector.startswith("[data-live"):
        control = page.locator(selector)
        box = control.bounding_box()
        assert box is not None
        share = control.evaluate("(el) => el.value / el.max")
        x = box["x"] + 8 + share * (box["width"] - 16)  # the thumb is ~16 px wide
    return x, y


def test_pointing_at_a_lazy_handle_brings_its_frames_and_the_drag_is_silent(
    server: Server, page: Page
) -> None:
    case = EQUATIONS
    sent = listen(page)
    open_live(page, f"{server.url}/{case.path}")
    make_lazy(page, case, "ArrowRight")  # b = −3.5
    asked = len(sent.frames)
    reach(page, case.control)  # the pointer enters the handle: it asks, frames come
    assert len(sent.frames) >= asked + 1
    wait_idle(page)
    page.evaluate("window.__paints.clear()")
    before = len(sent.frames)
    paints = drag(page, case.control, case.dx, case.dy)
    assert paints >= 10, f"only {paints} distinct pictures during 30 moves"
    assert len(sent.frames) == before, "the drag talked to the server"
    shown = page.locator(".live-readout").inner_text()
    page.mouse.up()
    expect(page).to_have_url(re.compile(rf"[?&]{case.key}="))
    wait_idle(page)
    assert len(sent.frames) >= before + 1
    # the slope the chart showed last is the page's slope now
    slope = re.search(r"a = (−?[\d.]+)", shown)
    assert slope, shown
    assert chart_agrees(page, "a") == float(slope.group(1).replace("−", "-"))
    # every frame set sent by id was in the browser's store (none asked again)
    expect(page.locator(".live-chart")).not_to_have_attribute(
        "data-lost", re.compile(".*")
    )


@pytest.mark.parametrize("case", [EQUATIONS, INTERVAL], ids=["handle", "range"])
def test_a_drag_that_starts_before_the_frames_came_still_lands(
    server: Server, page: Page, case: Case
) -> None:
    open_live(page, f"{server.url}/{case.path}")
    make_lazy(page, case, "PageDown")  # five grid steps: b = −6.5, a = −2.25
    start = page.evaluate(DRAWN)[case.key]
    page.evaluate(RECORD_PRESS)
    x, y = grab(page, case.control)
    page.mouse.move(x, y)
    page.mouse.down()  # at once: the frames asked for on the way cannot be here yet
    for index in range(1, 31):
        page.mouse.move(x + case.dx * index / 30, y + case.dy * index / 30)
        page.wait_for_timeout(16)
    page.mouse.up()
    assert page.evaluate("window.__framesAtPress") == [False]
    expect(page).to_have_url(re.compile(rf"[?&]{case.key}="))
    wait_idle(page)
    expect(page.locator(case.control)).to_have_attribute(
        "data-frames", re.compile(r"^\d+$")
    )
    # the page and the chart agree, and the value moved the way the hand did
    landed = chart_agrees(page, case.key)
    assert landed != start
    expect(page.locator(".live-chart")).not_to_have_attribute(
        "data-lost", re.compile(".*")
    )
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_a_key_on_a_lazy_handle_steps_it_at_once(server: Server, page: Page) -> None:
    case = EQUATIONS
    open_live(page, f"{server.url}/{case.path}")
    make_lazy(page, case, "PageUp")  # b = −1.5
    page.locator(case.control).focus()  # asks for the frames; the key does not wait
    page.keyboard.press("ArrowUp")
    expect(page).to_have_url(re.compile(r"[?&]a=2\.5(&|$)"))
    wait_idle(page)
    assert chart_agrees(page, "a") == 2.5
    expect(page.get_by_text("x = 0.6").first).to_be_visible()  # 2.5x − 1.5 = 0
