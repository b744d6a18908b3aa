"""The 2-D race on the gradient-descent page keeps its contour while Play runs (issue 14).

Plotly drops contour traces while it plays frames without a redraw, so the race
draws its contour as a picture under the plot (``viz.raster``). These tests press
Play in a real browser and watch the picture, the colour bar and every step.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, open_page, wait_idle
from text.gradient_descent import RACE_PLAY_LABEL

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def patient_expect() -> Iterator[None]:
    """Other suites share this 2-core machine: give slow renders time, then restore."""
    expect.set_options(timeout=45_000)
    yield
    expect.set_options(timeout=5_000)


#: The race played step by step: the chart in the "Play the race" expander.
PLAYED = '[data-testid="stExpander"] :is([data-testid="stPlotlyChart"], .still-chart)'


def open_play(page: Page) -> None:
    """Open the expander that holds the race step by step (built only while open)."""
    page.get_by_text(RACE_PLAY_LABEL).click()
    wait_idle(page)
    expect(page.locator(PLAYED)).to_be_visible()


#: What the race's chart draws now: its contour picture, colour bar, each path's points.
DRAWN = """() => {
  const chart = document.querySelector(
    '[data-testid="stExpander"] :is([data-testid="stPlotlyChart"], .still-chart)');
  const gd = chart.querySelector('.js-plotly-plot');
  const images = [...chart.querySelectorAll('.imagelayer image')].filter(
    (i) => (i.getAttribute('href') || '').startsWith('data:image/png')
      && i.getBoundingClientRect().width > 100);
  const paths = gd._fullData.filter((t) => /^(Gradient|Momentum|Adam)/.test(t.name || ''));
  const slider = gd._fullLayout.sliders[0];
  return {
    pictures: images.length,
    colourBars: chart.querySelectorAll('.colorbar').length,
    points: paths.map((t) => t.x.length),
    step: slider.steps[slider.active].label || slider.steps[slider.active].args[0][0],
  };
}"""


def test_play_keeps_the_contour_and_draws_every_step(
    server: Server, page: Page
) -> None:
    open_page(page, f"{server.url}/gradient-descent?view=race&steps2d=60")
    open_play(page)
    before = page.evaluate(DRAWN)
    assert before["pictures"] == 1
    assert before["colourBars"] == 1
    assert before["points"] == [61, 61, 61]
    page.locator(".updatemenu-button", has_text="Play").first.click()
    page.wait_for_function(f"() => ({DRAWN})().points[0] < 61")  # restarts short
    seen = []
    while True:  # bounded: Play takes about three seconds, the wait below 45 s
        now = page.evaluate(DRAWN)
        seen.append(now)
        assert now["pictures"] == 1, "the contour vanished while the race played"
        if now["points"][0] == 61:
            break
        page.wait_for_function(
            f"n => ({DRAWN})().points[0] !== n", arg=now["points"][0]
        )
    # each frame drew every step up to its own (point count = step + 1, the slider
    # says which step), for all three paths together
    for now in seen:
        assert len(set(now["points"])) == 1
        assert now["points"][0] == int(now["step"]) + 1
    assert len(seen) >= 5  # we saw it move through several frames
    after = page.evaluate(DRAWN)
    assert after["pictures"] == 1, "the contour did not come back after Play"
    assert after["colourBars"] == 1
    assert after["points"] == [61, 61, 61]
    # the slider has one stop a step, and ends on the last
    assert after["step"] == "60"
    stops = page.evaluate(
        "() => document.querySelector("
        '\'[data-testid="stExpander"] :is([data-testid="stPlotlyChart"], .still-chart) .js-plotly-plot\')'
        "._fullLayout.sliders[0].steps.length"
    )
    assert stops == 61
