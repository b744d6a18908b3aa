"""Every control of a page is reached with Tab and shows where the keyboard is.

The test tabs through the gradient-descent page (sliders, number boxes, the loss
picker, preset buttons, switches, the chart's toolbar and "Show the numbers") and,
for each stop, looks for a focus ring a sighted keyboard user can see: an outline
of at least 2 px or a box shadow, on the focused element, an ancestor, or the
visible part of the widget it belongs to (a switch's track, a slider's thumb),
with a box of at least 6 px, not clipped away and not transparent.
"""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.conftest import CHART, Server, open_page

pytestmark = pytest.mark.e2e

#: Where the focus is and whether a ring around it can be seen.
FOCUS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const opacity = (e) => {
    let o = 1;
    for (; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
    return o;
  };
  const clipped = (e) => {
    for (; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.clipPath !== "none" || s.clip !== "auto") return true;
    }
    return false;
  };
  const ring = (e) => {
    const s = getComputedStyle(e);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
    const shadow = s.boxShadow && s.boxShadow !== "none";
    const box = e.getBoundingClientRect();
    return (outline || shadow) && box.width >= 6 && box.height >= 6
      && opacity(e) > 0.5 && !clipped(e);
  };
  const candidates = [];
  for (let e = el, depth = 0; e && depth < 5; e = e.parentElement, depth++) candidates.push(e);
  const widget = el.closest("label, [data-testid='stSlider']");
  if (widget) candidates.push(...widget.querySelectorAll("*"));
  const name = el.getAttribute("aria-label") || el.textContent.trim().slice(0, 60);
  return {name, tag: el.tagName, visible: candidates.some(ring)};
}
"""


def test_tab_reaches_every_control_with_a_visible_focus(
    page: Page, server: Server
) -> None:
    open_page(page, f"{server.url}/gradient-descent?view=descent")
    expect(page.locator(CHART).first).to_be_visible(timeout=60_000)
    page.locator('[data-testid="stMain"] h1').first.click()  # start at the top
    stops: list[dict[str, object]] = []
    for _ in range(90):
        page.keyboard.press("Tab")
        # A ring may fade in (Plotly's toolbar): wait for it, briefly, at each stop.
        with contextlib.suppress(PlaywrightTimeout):  # none: recorded below
            page.wait_for_function(f"() => ({FOCUS})()?.visible", timeout=1500)
        stop = page.evaluate(FOCUS)
        if stop is None:
            break
        stops.append(stop)
    names = " | ".join(str(stop["name"]) for stop in stops)
    for control in (
        "Loss function",
        "Start w₀",
        "Start w₀ (exact)",
        "Learning rate lr",
        "Steps taken",
        "Log scale for the loss",
        "Presentation mode",
        "Download plot as a PNG",
    ):
        assert control in names, f"{control!r} is not reached with Tab: {names}"
    assert any(str(stop["name"]).startswith("Smooth") for stop in stops)
    assert any("Show the numbers" in str(stop["name"]) for stop in stops)
    unseen = [stop["name"] for stop in stops if not stop["visible"]]
    assert unseen == [], "focus without a visible ring"


def test_keys_change_a_slider_and_open_the_numbers(page: Page, server: Server) -> None:
    open_page(page, f"{server.url}/gradient-descent?view=descent")
    # the widget's slider (the live chart's handle for w₀ is a slider too)
    page.get_by_test_id("stSlider").get_by_role("slider", name="Start w₀").focus()
    page.keyboard.press("ArrowRight")  # one step of 0.1
    expect(page.get_by_label("Start w₀ (exact)")).to_have_value("5.10")
    summary = page.locator("summary", has_text="Show the numbers").first
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator('[data-testid="stTable"]').first).to_be_visible()
