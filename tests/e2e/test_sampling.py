"""The Sampling page in a real browser against a real server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import CHART, Server, open_page, wait_idle
from tooling.browser import PLOTS

pytestmark = pytest.mark.e2e


def open_charts(page: Page, url: str) -> None:
    """Open ``url`` and wait until Plotly has drawn the first chart."""
    open_page(page, url)
    expect(page.locator(CHART).first).to_be_visible(timeout=30_000)


def test_running_means_render(server: Server, page: Page) -> None:
    open_charts(page, f"{server.url}/sampling")
    chart = page.locator(PLOTS).first
    expect(chart).to_contain_text("Running mean of 1,000 draws (3 runs), seed 0")
    expect(chart).to_contain_text("true mean μ = 3.5")


def test_clt_link_and_new_draws(server: Server, page: Page) -> None:
    open_charts(page, f"{server.url}/sampling?view=clt&source=exponential&k=30")
    chart = page.locator(PLOTS).first
    expect(chart).to_contain_text("means of k = 30 draws")
    expect(chart).to_contain_text("CLT: N(1, 0.183²)")
    expect(page.get_by_text("close to the normal curve").first).to_be_visible()
    page.get_by_role("button", name="New draws (next seed)").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"seed=1"))
    # the code panel (built when opened) draws with the new seed too
    page.locator("summary", has_text="Show the NumPy code").first.click()
    expect(page.get_by_text("seed=1").first).to_be_visible()
