"""Presentation mode at 1920 × 1080, and reduced motion, in Chromium.

Every view of every page is opened with ``present=1`` on a projector's screen, and
measured as a browser computes it: body text at least 28 px, chart text at least
24 px, the sidebar and header hidden, and the main chart (the first one) wholly
inside the window without scrolling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import CHART, Server, wait_idle
from tests.pages.notebook_cases import every_view

pytestmark = pytest.mark.e2e

PROJECTOR = {"width": 1920, "height": 1080}

#: What a learner at the back of the room reads, measured on every visible text.
MEASURE = """
() => {
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden";
  };
  const main = document.querySelector('[data-testid="stMain"]');
  const body = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !visible(el)) continue;
    // Charts are measured below; KaTeX sizes its own sub- and superscripts; an icon
    // font's ligature ("keyboard_arrow_right") is a picture, not words.
    if (el.closest('svg, .katex, [data-testid="stIconMaterial"]')) continue;
    body.push({px: parseFloat(getComputedStyle(el).fontSize), text: node.textContent.trim().slice(0, 40)});
  }
  const formulas = [...main.querySelectorAll(".katex")].filter(visible)
    .map((el) => ({px: parseFloat(getComputedStyle(el).fontSize), text: "formula"}));
  const chartText = [...main.querySelectorAll(':is([data-testid="stPlotlyChart"], .still-chart) svg text')]
    .filter((t) => t.textContent.trim() && visible(t))
    .map((t) => ({px: parseFloat(getComputedStyle(t).fontSize), text: t.textContent.trim().slice(0, 40)}));
  // The main chart: the highest one on screen (presentation mode lifts it).
  const chart = [...main.querySelectorAll(".js-plotly-plot")]
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  const header = document.querySelector('[data-testid="stHeader"]');
  return {
    body: [...body, ...formulas], chartText,
    chartBottom: chart ? chart.getBoundingClientRect().bottom : null,
    height: innerHeight,
    sidebar: sidebar !== null && visible(sidebar),
    header: header !== null && visible(header),
  };
}
"""
CHARTS_DRAWN = """
() => [...document.querySelectorAll(':is([data-testid="stPlotlyChart"], .still-chart)')]
  .every((chart) => chart.querySelector("svg.main-svg text") !== null)
"""


@pytest.fixture(scope="module")
def projector(browser: Browser) -> Iterator[Page]:
    """One tab at 1920 × 1080 for every view (the pages are reused, not reopened)."""
    context = browser.new_context(viewport=PROJECTOR)  # type: ignore[arg-type]
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    yield tab
    context.close()


def _open(page: Page, url: str) -> dict[str, Any]:
    page.goto(url)
    wait_idle(page)
    page.wait_for_selector(".js-plotly-plot .main-svg")
    page.wait_for_function(CHARTS_DRAWN)
    return dict(page.evaluate(MEASURE))


@pytest.mark.parametrize(("slug", "view"), every_view())
def test_every_view_is_readable_from_the_back_of_the_room(
    projector: Page, server: Server, slug: str, view: str
) -> None:
    seen = _open(projector, f"{server.url}/{slug}?view={view}&present=1")
    small = [item for item in seen["body"] if item["px"] < 28]
    assert small == [], "body text under 28 px"
    tiny = [item for item in seen["chartText"] if item["px"] < 24]
    assert tiny == [], "chart text under 24 px"
    assert not seen["sidebar"]
    assert not seen["header"]
    assert seen["chartBottom"] is not None
    assert seen["chartBottom"] <= seen["height"], "the main chart needs scrolling"


def test_the_normal_page_keeps_its_sidebar_and_sizes(
    projector: Page, server: Server
) -> None:
    seen = _open(projector, f"{server.url}/gradient-descent?view=descent")
    assert seen["sidebar"]
    assert min(item["px"] for item in seen["chartText"]) < 24


def test_the_switch_presents_the_page_and_the_link_follows(
    page: Page, server: Server
) -> None:
    page.set_viewport_size(PROJECTOR)  # type: ignore[arg-type]
    page.goto(f"{server.url}/sampling")
    wait_idle(page)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_visible()
    page.get_by_role("switch", name="Presentation mode").focus()
    page.keyboard.press("Space")
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    expect(page).to_have_url(re.compile(r"[?&]present=1"))
    expect(page.locator(CHART).first).to_be_visible()


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_animations_respect_reduced_motion(
    browser: Browser, server: Server, motion: str
) -> None:
    """Play / Pause (Plotly plays frames whatever the browser says) only for motion."""
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000},
        reduced_motion=motion,  # type: ignore[arg-type]
    )
    tab = context.new_page()
    try:
        tab.goto(f"{server.url}/matrices?view=transpose")
        wait_idle(tab)
        tab.wait_for_selector(".js-plotly-plot .slider-container")
        play = tab.locator(".js-plotly-plot .updatemenu-container").first
        slider = tab.locator(".js-plotly-plot .slider-container").first
        expect(slider).to_be_visible()  # stepping through frames, without tweening
        fading = tab.locator(".js-plotly-plot .modebar-group").first  # fades in
        duration = fading.evaluate("(b) => getComputedStyle(b).transitionDuration")
        if motion == "reduce":
            expect(play).to_be_hidden()
            assert set(duration.replace(" ", "").split(",")) == {"0s"}
        else:
            expect(play).to_be_visible()
            assert duration != "0s"
    finally:
        context.close()
