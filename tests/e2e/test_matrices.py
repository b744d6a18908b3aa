"""The Matrices page in a real browser: charts, controls, links, browser-side animations."""

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
    expect(page.locator(DRAWN).first).to_be_visible(timeout=30_000)
    wait_idle(page)


#: The live chart (``ui.live_chart``) of the Warp the plane view.
LIVE = ".live-chart"
#: A drawn chart of either kind.
DRAWN = f"{CHART}, {LIVE} .main-svg"


def test_opens_on_notebook_cell_3(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/matrices")
    expect(page.locator(CHART).first).to_be_visible(timeout=30_000)
    chart = page.locator(PLOTS).first
    expect(chart).to_contain_text("C₁₁ = 2·4 + 3·6 = 26")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_play_walks_through_every_cell_without_the_server(
    server: Server, page: Page
) -> None:
    open_page(page, f"{server.url}/matrices")
    chart = page.locator(PLOTS).first
    expect(chart).to_contain_text("C₁₁ = 2·4 + 3·6 = 26")
    messages: list[str] = []
    page.on("websocket", lambda ws: ws.on("framesent", messages.append))
    chart.get_by_text("▶ Play").click()
    # the last cell's sum appears once the animation reaches it
    expect(chart).to_contain_text("C₂₂ = 4·6 + 5·8 = 64", timeout=15_000)
    expect(chart).to_contain_text("64")
    assert messages == []  # no rerun was asked of the server


def test_typing_a_matrix_updates_chart_and_url(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/matrices")
    box = page.get_by_label("A", exact=True)
    box.fill("1, 2, 3; 4, 5, 6")
    box.press("Control+Enter")
    wait_idle(page)
    expect(page.get_by_text("A is 2×3 and B is 2×2").first).to_be_visible()
    box.fill("1, 2; 3, 4; 5, 6")
    box.press("Control+Enter")
    wait_idle(page)
    expect(page.locator(PLOTS).first).to_contain_text("(3×2)·(2×2) → (3×2)")
    expect(page).to_have_url(
        re.compile(r"/matrices\?a=1%2C\+2%3B\+3%2C\+4%3B\+5%2C\+6$")
    )


def test_shared_link_opens_the_transform_view(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/matrices?view=transform&m11=0&m12=1&m21=1&m22=0")
    chart = page.locator(LIVE)
    expect(chart).to_contain_text("flipped over: det = −1")
    expect(page.get_by_label("a (row 1, column 1) (exact)")).to_have_value("0.00")


def test_a_preset_changes_the_warp(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/matrices?view=transform")
    page.get_by_role("button", name="Singular").click()
    wait_idle(page)
    expect(page.locator(LIVE)).to_contain_text("collapses onto a line")
    expect(page).to_have_url(re.compile(r"m11=1"))


def test_layer_and_transpose_views_render(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/matrices?view=layer")
    expect(page.locator(CHART).first).to_be_visible(timeout=30_000)
    expect(page.locator(PLOTS)).to_have_count(2)
    expect(page.locator(PLOTS).first).to_contain_text("z₁ = 2.7 → y₁ = 2.7")
    open_page(page, f"{server.url}/matrices?view=transpose")
    chart = page.locator(PLOTS).first
    expect(chart).to_contain_text("2×2 → 2×2")
    chart.get_by_text("▶ Play").click()
    expect(chart.get_by_text("Aᵀ")).to_be_visible()
