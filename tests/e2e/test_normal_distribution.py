"""The Normal distribution page in a real browser against a real server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import CHART, Server, open_page, wait_idle
from tooling.browser import PLOTS

pytestmark = pytest.mark.e2e

#: The live chart (``ui.live_chart``) of the interval view.
LIVE = ".live-chart"


def open_charts(page: Page, url: str) -> None:
    """Open ``url`` and wait until Plotly has drawn the first chart (live or not)."""
    open_page(page, url)
    drawn = page.locator(f"{CHART}, {LIVE} .main-svg")
    expect(drawn.first).to_be_visible(timeout=30_000)


def test_default_shows_100_seeded_draws(server: Server, page: Page) -> None:
    open_charts(page, f"{server.url}/normal-distribution")
    chart = page.locator(PLOTS).first
    expect(chart).to_contain_text("100 draws from N(μ = 0, σ = 1), seed 0")
    expect(chart).to_contain_text("exact density f(x)")
    expect(page.get_by_text("0.1257, −0.1321, 0.6404")).to_be_visible()


def test_a_million_draws_and_moving_mu(server: Server, page: Page) -> None:
    open_charts(page, f"{server.url}/normal-distribution")
    page.get_by_text("1M", exact=True).click()
    wait_idle(page)
    chart = page.locator(PLOTS).first
    expect(chart).to_contain_text("1,000,000 draws")
    expect(page).to_have_url(re.compile(r"n=1000000"))
    mu = page.get_by_label("Mean μ (exact)")
    mu.fill("2")
    mu.press("Enter")
    wait_idle(page)
    expect(chart).to_contain_text("N(μ = 2, σ = 1)")
    expect(page).to_have_url(re.compile(r"mu=2"))


def test_interval_link_reproduces_the_state(server: Server, page: Page) -> None:
    open_charts(
        page, f"{server.url}/normal-distribution?view=interval&a=-0.5&b=2&n=1000"
    )
    chart = page.locator(LIVE)
    expect(chart).to_contain_text("P(−0.5 < X < 2) = 0.6687")
    expect(page.get_by_text("661 (66.10%) landed inside")).to_be_visible()
    expect(page.get_by_label("a (left end) (exact)")).to_have_value("-0.50")
