"""Still charts (ui/still_chart.py) in a real browser: the page's small Plotly draws
them, Streamlit's whole Plotly is not fetched for them, and the toolbar works.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, open_page

pytestmark = pytest.mark.e2e

DRAWN = ".still-chart[data-ready]"
#: Streamlit's own chart element and the chunk holding its whole Plotly (4.8 MB).
STREAMLIT_CHART = '[data-testid="stPlotlyChart"]'


def _scripts(page: Page, url: str) -> list[str]:
    """Open ``url`` and return the script files it fetched once its charts are drawn."""
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    open_page(page, url)
    page.wait_for_load_state("networkidle")
    return [urlparse(u).path.rsplit("/", 1)[-1] for u in fetched if u.endswith(".js")]


def test_a_page_of_still_charts_never_fetches_streamlits_plotly(
    server: Server, page: Page
) -> None:
    scripts = _scripts(page, f"{server.url}/statistics")
    expect(page.locator(DRAWN)).to_have_count(2)
    expect(page.locator(STREAMLIT_CHART)).to_have_count(0)
    assert "plotly-basic.min.js" in scripts
    assert not [s for s in scripts if s.startswith("PlotlyChart")], scripts
    # The chart's words are its accessible name, as st.plotly_chart's are.
    first = page.locator(".still-chart").first
    expect(first).to_have_attribute("role", "figure")
    expect(first).to_have_attribute(
        "aria-label", re.compile(r"^Each segment is a value")
    )


def test_a_heat_map_still_fetches_streamlits_plotly(server: Server, page: Page) -> None:
    """The other side of the test above: Streamlit's chunk has the name it looks for."""
    scripts = _scripts(page, f"{server.url}/correlation?view=matrix")
    expect(page.locator(f"{STREAMLIT_CHART} .main-svg").first).to_be_visible()
    assert [s for s in scripts if s.startswith("PlotlyChart")], scripts


def test_the_full_screen_button_fills_the_screen_and_escape_brings_it_back(
    server: Server, page: Page
) -> None:
    open_page(page, f"{server.url}/statistics")
    chart = page.locator(".still-chart").first
    expect(chart.locator(".main-svg").first).to_be_visible()
    before = chart.locator(".main-svg").first.bounding_box()
    assert before is not None
    chart.hover()
    titles = chart.locator(".modebar-btn").evaluate_all(
        "bs => bs.map(b => b.dataset.title)"
    )
    assert titles == [  # nothing that sends the chart off this machine
        "Download plot as a PNG",
        "Zoom",
        "Pan",
        "Zoom in",
        "Zoom out",
        "Reset axes",
        "Full screen",
    ]
    chart.locator('.modebar-btn[data-title="Full screen"]').click()
    page.wait_for_function(
        "() => document.fullscreenElement?.classList.contains('still-chart')"
    )
    page.wait_for_function(
        f"() => document.querySelector('.still-chart .main-svg')"
        f".getBoundingClientRect().height > {before['height'] + 100}"
    )
    page.keyboard.press("Escape")
    page.evaluate("() => document.fullscreenElement && document.exitFullscreen()")
    page.wait_for_function("() => document.fullscreenElement === null")
    page.wait_for_function(
        f"() => Math.abs(document.querySelector('.still-chart .main-svg')"
        f".getBoundingClientRect().height - {before['height']}) < 2"
    )
