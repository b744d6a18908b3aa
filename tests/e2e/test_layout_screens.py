"""Every view of every page on a laptop (1366×768) and a projector (1920×1080): nothing
clipped, and the main chart starts on the first screen (issue 17, item 8).

One server, one browser, one tab per window size; each view opened by its link
(``?view=``). What counts as clipped is measured, not eyeballed:

- a formula (KaTeX display): a glyph drawn outside the formula's box (KaTeX's own
  struts may overflow by a pixel or two without hiding anything, so glyphs count);
- a tab, segmented-control or ordinary button, a widget or metric label: its text
  box is wider than the room it has (``scrollWidth > clientWidth``, the text is cut
  or ends in "…");
- a Plotly title, axis title, annotation or legend entry: outside the chart's SVG.

The main chart "starts above the fold" when the first chart's top is inside the
window at first paint: a Plotly chart, or a live chart (``.live-chart``, a Plotly
div drawn by ``static/live_chart.js``), whichever comes first on the page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.e2e.conftest import IDLE, Server
from tests.pages.notebook_cases import every_view

pytestmark = pytest.mark.e2e

SCREENS: dict[str, ViewportSize] = {
    "laptop": {"width": 1366, "height": 768},
    "projector": {"width": 1920, "height": 1080},
}
#: Pixels a box may overflow by without anything visible being cut (sub-pixel text).
SLACK = 1
#: Every chart on a page: Streamlit's Plotly element and the live chart component.
CHARTS = ':is([data-testid="stPlotlyChart"], .still-chart), .live-chart'
#: A chart that has been drawn (its SVG exists).
DRAWN = (
    ':is([data-testid="stPlotlyChart"], .still-chart) .main-svg, .live-chart .main-svg'
)
#: True once every chart on the page has drawn its SVG.
ALL_DRAWN = """(charts) => [...document.querySelectorAll(charts)]
  .every((chart) => chart.querySelector('.main-svg') !== null)"""

#: Everything clipped on the page now, and where the first chart starts.
MEASURE = """([slack, charts]) => {
  const found = [];
  const text = (el) => (el.innerText || el.textContent || '').replace(/\\s+/g, ' ')
    .trim().slice(0, 50);
  document.querySelectorAll('.katex-display').forEach((box) => {
    const edge = box.getBoundingClientRect();
    const walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    let right = -Infinity, left = Infinity;
    while (walk.nextNode()) {
      const node = walk.currentNode;
      if (!node.textContent.trim() || node.parentElement.closest('.katex-mathml')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width === 0) continue;
      right = Math.max(right, r.right);
      left = Math.min(left, r.left);
    }
    if (right > edge.right + slack || left < edge.left - slack)
      found.push(`formula "${text(box)}": glyphs ${Math.round(left - edge.left)}..` +
        `${Math.round(right - edge.left)} px in a ${Math.round(edge.width)} px box`);
  });
  const cut = (el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + slack;
  const labelled = '[data-testid^="stBaseButton"], [role="tab"], ' +
    '[data-testid="stMetricLabel"], [data-testid="stWidgetLabel"]';
  document.querySelectorAll(labelled).forEach((owner) => {
    for (const el of [owner, ...owner.querySelectorAll('*')]) {
      if (cut(el)) {
        found.push(`label "${text(owner)}": ${el.scrollWidth} px of text in ` +
          `${el.clientWidth} px`);
        break;
      }
    }
  });
  document.querySelectorAll(charts).forEach((chart) => {
    const svg = chart.querySelector('.main-svg');
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    const words = '.gtitle, .xtitle, .ytitle, .annotation-text, .legendtext';
    chart.querySelectorAll(words).forEach((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || !el.textContent.trim()) return;
      if (r.left < box.left - slack || r.right > box.right + slack)
        found.push(`chart text "${text(el)}": ${Math.round(r.left - box.left)}..` +
          `${Math.round(r.right - box.left)} px in a ${Math.round(box.width)} px chart`);
    });
  });
  const first = document.querySelector(charts);
  return {
    clipped: found,
    chartTop: first ? first.getBoundingClientRect().top : null,
    height: window.innerHeight,
  };
}"""


@pytest.fixture(scope="module", params=list(SCREENS))
def screen(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """One tab at one window size, reused by every view."""
    context = browser.new_context(viewport=SCREENS[request.param])
    tab = context.new_page()
    tab.set_default_timeout(45_000)
    yield tab
    context.close()


@pytest.mark.parametrize(("slug", "view"), every_view())
def test_nothing_clipped_and_the_chart_above_the_fold(
    server: Server, screen: Page, slug: str, view: str
) -> None:
    screen.goto(f"{server.url}/{slug}?view={view}")
    expect(screen.locator(IDLE)).to_be_attached(timeout=45_000)
    expect(screen.locator(DRAWN).first).to_be_visible(timeout=45_000)
    # Every chart drawn, not only the first that drew: a live chart draws after its
    # Plotly loads, and measured before that the "first chart" was one further down.
    screen.wait_for_function(ALL_DRAWN, arg=CHARTS, timeout=45_000)
    seen = screen.evaluate(MEASURE, [SLACK, CHARTS])
    assert seen["clipped"] == [], f"{slug}?view={view}: clipped"
    assert seen["chartTop"] is not None
    assert seen["chartTop"] < seen["height"], (
        f"{slug}?view={view}: the first chart starts at {seen['chartTop']:.0f} px, "
        f"below the {seen['height']} px window"
    )
