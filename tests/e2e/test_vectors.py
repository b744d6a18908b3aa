"""The Vectors page in a real browser against a real server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import CHART, Server, wait_idle
from tests.e2e.conftest import open_page as open_url
from tooling.browser import PLOTS

pytestmark = pytest.mark.e2e


def open_page(page: Page, url: str) -> None:
    """Open ``url``; wait until a chart is drawn and the script run has finished."""
    open_url(page, url)
    expect(page.locator(CHART).first).to_be_visible(timeout=30_000)
    wait_idle(page)


def metric(page: Page, label: str):
    return page.locator('[data-testid="stMetric"]', has_text=label).locator(
        '[data-testid="stMetricValue"]'
    )


def test_opens_on_notebook_cell_2_with_both_charts(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/vectors")
    expect(page.locator(CHART).first).to_be_visible(timeout=30_000)
    expect(page.locator(PLOTS)).to_have_count(2)
    expect(metric(page, "a·b")).to_have_text("32")
    terms = page.locator(PLOTS).nth(1)
    expect(terms).to_contain_text("+18")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_typing_a_vector_updates_chart_and_url(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/vectors")
    box = page.get_by_label("a", exact=True)
    box.fill("1, 0, -1")
    box.press("Enter")
    wait_idle(page)
    expect(metric(page, "a·b")).to_have_text("-2")
    terms = page.locator(PLOTS).nth(1)
    expect(terms).to_contain_text("−6")
    expect(page).to_have_url(re.compile(r"/vectors\?a=1%2C\+0%2C\+-1$"))


def test_shared_link_reproduces_the_plane_view(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/vectors?view=plane&ax=3&ay=4&bx=4&by=-3")
    expect(page.get_by_text("orthogonal").first).to_be_visible()
    expect(page.get_by_label("a₁ (exact)")).to_have_value("3.00")
    arrows = page.locator(".live-chart").first  # the live arrows chart
    expect(arrows).to_contain_text("θ = 90°")


def test_zero_vector_is_explained_in_the_browser(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/vectors?a=0,0,0")
    expect(metric(page, "angle θ: undefined")).to_have_text("—")
    expect(page.get_by_text("there is no angle").first).to_be_visible()
