"""The Mean, variance & std page in a real browser against a real server."""

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


EXCEPTION = '[data-testid="stException"]'


def test_notebook_cell_6_renders_deviations_and_squares(
    server: Server, page: Page
) -> None:
    open_charts(page, f"{server.url}/statistics")
    charts = page.locator(PLOTS)
    expect(charts).to_have_count(2)
    expect(charts.nth(0)).to_contain_text("mean 25")
    expect(charts.nth(1)).to_contain_text("variance 125")
    expect(charts.nth(1)).to_contain_text("side = std 11.18")
    expect(page.locator(EXCEPTION)).to_have_count(0)


def test_typing_and_a_bad_list(server: Server, page: Page) -> None:
    open_charts(page, f"{server.url}/statistics")
    box = page.get_by_role("textbox", name="Your numbers")
    box.fill("2, 4, 4, 4, 5, 5, 7, 9")
    box.press("Enter")
    wait_idle(page)
    charts = page.locator(PLOTS)
    expect(charts.nth(0)).to_contain_text("mean 5")
    expect(charts.nth(1)).to_contain_text("variance 4")
    expect(page).to_have_url(re.compile(r"data=2%2C\+4%2C"))
    box.fill("2, four")
    box.press("Enter")
    wait_idle(page)
    expect(page.get_by_text("'four' is not a number")).to_be_visible()
    expect(charts.nth(1)).to_contain_text("variance 4")
    expect(page.locator(EXCEPTION)).to_have_count(0)


def test_outlier_link_opens_mean_vs_median(server: Server, page: Page) -> None:
    open_charts(page, f"{server.url}/statistics?view=center&data=10,20,30,40,200")
    charts = page.locator(PLOTS)
    expect(charts).to_have_count(2)
    expect(charts.nth(0)).to_contain_text("median 30")
    expect(charts.nth(1)).to_contain_text("the mean follows")
    expect(page.get_by_text("drags the mean")).to_be_visible()
