"""More live charts in a real browser: normal distribution, Bayes, correlation, matrices.

For every live control of those pages a real mouse drags it (a handle on the
chart, or the thumb of a range under it): the chart redraws during the drag
(≥ 10 distinct pictures over 30 moves), nothing is sent to the server during
the drag and one message after the release, then the URL and the page's words
agree with what the chart showed last; the arrow keys move each control too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, open_page, wait_idle
from tests.e2e.test_live_charts import READY, listen, reach

pytestmark = pytest.mark.e2e

#: Counts the distinct pictures of the chart (lines, fills, markers, words) as drawn.
WATCH_PAINTS = """
() => {
  const plot = document.querySelector('.live-chart .live-plot');
  const seen = new Set();
  window.__paints = seen;
  const note = () => {
    const picture = [...plot.querySelectorAll(
      '.scatterlayer path.js-line, .scatterlayer path.js-fill, .scatterlayer .point, '
      + '.scatterlayer .textpoint text')]
      .map((el) => el.getAttribute('d') || el.getAttribute('transform')
        || el.textContent).join('|');
    seen.add(picture);
  };
  new MutationObserver(note).observe(
    plot, { subtree: true, attributes: true, childList: true, characterData: true });
}
"""


@dataclass(frozen=True)
class Case:
    """One live control: where it is, how far to drag it, what must follow."""

    path: str
    control: str  # a CSS selector: [data-drag=…] or [data-live=…]
    dx: float
    dy: float
    key: str  # the URL key that must change
    #: A number in the readout (its first group) that the page shows after release.
    number: str


CASES = [
    Case(
        "normal-distribution?view=interval",
        '[data-drag="a"]',
        -150,
        0,
        "a",
        r"\) = ([−\d.]+) ·",
    ),
    Case(
        "normal-distribution?view=interval",
        '[data-drag="b"]',
        150,
        0,
        "b",
        r"\) = ([−\d.]+) ·",
    ),
    Case(
        "normal-distribution?view=interval",
        '[data-live="mu"]',
        150,
        0,
        "mu",
        r"\) = ([−\d.]+) ·",
    ),
    Case(
        "normal-distribution?view=interval",
        '[data-live="sigma"]',
        150,
        0,
        "sigma",
        r"\) = ([−\d.]+) ·",
    ),
    Case(
        "bayes?view=icons", '[data-live="p_a"]', -150, 0, "p_a", r"= (\d+(?:\.\d+)? %)$"
    ),
    Case(
        "correlation?view=target",
        '[data-live="rho"]',
        -200,
        0,
        "rho",
        r"r = ([−\d.]+) ·",
    ),
    Case(
        "correlation?view=outlier",
        '[data-drag="ox oy"]',
        -150,
        -120,
        "ox",
        r"r = ([−\d.]+) \(",
    ),
    Case(
        "matrices?view=transform",
        '[data-drag="m11 m21"]',
        -240,
        180,
        "m11",
        r"det = −?([\d.]+)",
    ),
    Case(
        "matrices?view=transform",
        '[data-drag="m12 m22"]',
        100,
        270,
        "m12",
        r"det = −?([\d.]+)",
    ),
]


def open_live(page: Page, url: str) -> None:
    open_page(page, url)
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    page.evaluate(WATCH_PAINTS)


def grab(page: Page, selector: str) -> tuple[float, float]:
    """Where to press: a handle's centre, or a range's thumb."""
    control = page.locator(selector)
    control.scroll_into_view_if_needed()
    box = control.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    if selector.startswith("[data-live"):
        share = control.evaluate("(el) => el.value / el.max")
        x = box["x"] + 8 + share * (box["width"] - 16)  # the thumb is ~16 px wide
    return x, y


def drag(page: Page, case: Case, moves: int = 30) -> int:
    """Onto the control (its frames there), mouse down, ``moves`` moves, not up."""
    x, y = grab(page, case.control)
    reach(page, case.control, (x, y))
    page.mouse.down()
    for index in range(1, moves + 1):
        page.mouse.move(x + case.dx * index / moves, y + case.dy * index / moves)
        page.wait_for_timeout(16)  # one display frame between moves, as a hand does
    return int(page.evaluate("window.__paints.size"))


def plain(text: str) -> str:
    return text.replace("−", "-")


@pytest.mark.parametrize("case", CASES, ids=[f"{c.path}:{c.key}" for c in CASES])
def test_a_drag_redraws_live_and_tells_python_once(
    server: Server, page: Page, case: Case
) -> None:
    sent = listen(page)
    open_live(page, f"{server.url}/{case.path}")
    reach(page, case.control, grab(page, case.control))  # a hand points first
    before = len(sent.frames)
    paints = drag(page, case)
    assert paints >= 10, f"only {paints} distinct pictures during 30 moves"
    assert len(sent.frames) == before, "the drag talked to the server"
    readout = page.locator(".live-readout")
    expect(readout).to_be_visible()
    shown = readout.inner_text()
    page.mouse.up()
    expect(page).to_have_url(re.compile(rf"[?&]{case.key}="))
    wait_idle(page)
    assert len(sent.frames) >= before + 1
    # the number the chart showed last is the page's number now
    found = re.search(case.number, shown)
    assert found, shown
    body = plain(page.locator('[data-testid="stMain"]').inner_text())
    assert plain(found.group(1)) in body, (shown, body[:2000])
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


@pytest.mark.parametrize(
    ("path", "control", "key", "value"),
    [
        ("normal-distribution?view=interval", '[data-drag="a"]', "a", "-0.75"),
        ("normal-distribution?view=interval", '[data-live="mu"]', "mu", "0.2"),
        ("bayes?view=icons", '[data-live="p_a"]', "p_a", "0.31"),
        ("correlation?view=target", '[data-live="rho"]', "rho", "0.65"),
        ("correlation?view=outlier", '[data-drag="ox oy"]', "ox", "5.5"),
        ("matrices?view=transform", '[data-drag="m11 m21"]', "m11", "2.5"),
    ],
)
def test_arrow_keys_step_a_control(
    server: Server, page: Page, path: str, control: str, key: str, value: str
) -> None:
    open_live(page, f"{server.url}/{path}")
    page.locator(control).focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(rf"[?&]{key}={re.escape(value)}(&|$)"))
