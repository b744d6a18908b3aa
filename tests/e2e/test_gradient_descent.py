"""The gradient-descent page in a real browser against a real server."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import CHART, Server, open_page, wait_idle
from text.gradient_descent import RACE_PLAY_LABEL
from tooling.browser import PLOTS

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def patient_expect() -> Iterator[None]:
    """Other suites share this 2-core machine: give slow renders time, then restore."""
    expect.set_options(timeout=45_000)
    yield
    expect.set_options(timeout=5_000)


#: The live chart (``ui.live_chart``): the first chart of the descent and race views.
LIVE = ".live-chart"
EXCEPTION = '[data-testid="stException"]'
#: The expander that holds the animated descent (Play / Pause and its slider).
PLAY = '[data-testid="stExpander"]:has-text("Play the steps one by one")'
#: Number of points of the path trace (trace 2) in the animated chart.
PATH_LENGTH = (  # undefined until Play's chart is drawn (built once Play is open)
    "document.querySelector("
    '\'[data-testid="stExpander"] :is([data-testid="stPlotlyChart"], .still-chart) .js-plotly-plot\''
    ")?._fullData?.[2]?.x.length"
)
#: The contour of the race view (the chart a click on sets the start).
CONTOUR = (
    "document.querySelector("
    '\'[data-testid="stExpander"] :is([data-testid="stPlotlyChart"], .still-chart) .js-plotly-plot\')'
)


def test_notebook_cell_and_step_buttons(server: Server, page: Page) -> None:
    # the page opens on 20 steps; one step is the notebook's cell 5
    open_page(page, f"{server.url}/gradient-descent?steps=1")
    expect(page.locator(CHART).first).to_be_visible()
    chart = page.locator(LIVE).first
    expect(chart).to_contain_text("after step 1: w = 4")
    expect(page.get_by_text("smooth convergence").first).to_be_visible()
    page.get_by_role("button", name="+10", exact=True).click()
    wait_idle(page)
    expect(chart).to_contain_text("after step 11: w = 0.429497")
    expect(page).to_have_url(re.compile(r"steps=11"))
    expect(page.locator(EXCEPTION)).to_have_count(0)


def test_play_animates_in_the_browser_without_the_server(
    server: Server, page: Page
) -> None:
    sent: list[object] = []
    page.on(
        "websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame))
    )
    open_page(page, f"{server.url}/gradient-descent?steps=30&lr=0.05")
    expect(page.locator(CHART).first).to_be_visible()
    page.locator(PLAY).get_by_text("Play the steps one by one").click()
    page.wait_for_function(f"() => {PATH_LENGTH} === 31", timeout=45_000)
    sent.clear()
    page.locator(PLAY).locator(".updatemenu-button", has_text="Play").first.click()
    page.wait_for_function(f"() => {PATH_LENGTH} < 31")  # the path restarts short
    page.wait_for_function(f"() => {PATH_LENGTH} === 31", timeout=15_000)  # ... grows
    assert sent == [], "the animation must not talk to the server"
    expect(page.locator('[data-testid="stApp"]')).to_have_attribute(
        "data-test-script-state", "notRunning"
    )


def test_a_diverging_link_reports_the_step(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/gradient-descent?lr=3.5&steps=50")
    warning = page.get_by_test_id("stAlertContentWarning")
    expect(warning).to_contain_text("Diverged at step 7: |w| passed 1e6")
    # the live chart's note, over the curve (the warning above says why)
    expect(page.locator(LIVE).first).to_contain_text("diverged at step 7")
    expect(page.get_by_label("Learning rate lr (exact)")).to_have_value("3.500")


def test_derivative_view_moves_the_tangent(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/gradient-descent?view=derivative")
    chart = page.locator(PLOTS).first
    expect(chart).to_contain_text("slope f′(w) = 10")
    exact = page.get_by_role("spinbutton", name="w (where to take the slope) (exact)")
    exact.fill("-2")
    exact.press("Enter")
    wait_idle(page)
    expect(chart).to_contain_text("slope f′(w) = −4")
    expect(page).to_have_url(re.compile(r"w=-2"))


def test_race_renders_and_a_click_sets_the_start(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/gradient-descent?view=race")
    expect(page.locator(PLOTS)).to_have_count(1)  # the losses; Play is closed
    page.get_by_text(RACE_PLAY_LABEL).click()  # the race step by step, on a contour
    played = page.locator(f'[data-testid="stExpander"] {PLOTS}')
    expect(played).to_have_count(1)
    expect(played).to_contain_text("Momentum (lr 0.02, β 0.7)")
    x0 = page.get_by_label("Start x₀ (exact)")
    expect(x0).to_have_value("-3.50")
    plot_area = played.locator(".nsewdrag").first
    plot_area.scroll_into_view_if_needed()  # the "Show" picker now sits above it
    box = plot_area.bounding_box()
    assert box is not None
    # three quarters across, a quarter down: about (2, 1) on the x-4…4, y-2…2 view
    page.mouse.click(box["x"] + 0.75 * box["width"], box["y"] + 0.25 * box["height"])
    wait_idle(page)
    expect(x0).not_to_have_value("-3.50")
    expect(page).to_have_url(re.compile(r"x0=[12]"))
    value = float(x0.input_value())
    assert 1.0 <= value <= 3.0
    # the paths now start there
    page.wait_for_function(
        f"value => {{ const g = {CONTOUR};"
        " const path = g._fullData.find(t => (t.name || '').startsWith('Gradient'));"
        " return path && Math.abs(path.x[0] - value) < 1e-6; }",
        arg=value,
    )


def test_typing_your_own_function_redraws_the_descent(
    server: Server, page: Page
) -> None:
    open_page(page, f"{server.url}/gradient-descent?fn=custom&steps=30&lr=0.01&w0=2")
    chart = page.locator(LIVE).first
    expect(chart).to_contain_text("w⁴ − 3·w² + w")
    box = page.get_by_role("textbox", name="f(w) =")
    expect(box).to_have_value("w**4 - 3*w**2 + w")
    box.fill("sin(3*w) + 0.1*w**2")
    box.press("Enter")
    wait_idle(page)
    page.wait_for_function(
        "() => { const g = document.querySelectorAll('.js-plotly-plot')[0];"
        " return g && g._fullData.some(t => (t.name || '').includes('sin(3·w)')); }"
    )
    expect(chart).to_contain_text("sin(3·w) + 0.1·w²")
    expect(page.locator(".katex").first).to_contain_text("cos")
    expect(page).to_have_url(re.compile(r"f=sin"))
    expect(page.locator(EXCEPTION)).to_have_count(0)
