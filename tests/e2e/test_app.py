"""The app in a real browser against a real server started the README's way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, open_page, start_server, wait_idle
from ui.topics import available_topics

pytestmark = pytest.mark.e2e

#: The equations page's chart is live (``ui.live_chart``): drawn by Plotly in the page.
LIVE = ".live-chart"
LIVE_DRAWN = f"{LIVE} .main-svg"


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[Server]:
    """A server no browser has visited yet."""
    srv = start_server(tmp_path)
    yield srv
    srv.stop()


def test_first_visitor_deep_link_opens_the_page(
    fresh_server: Server, page: Page
) -> None:
    # The very first session of a fresh server opens a page link, not the home page.
    open_page(page, f"{fresh_server.url}/equations?a=3&b=-6")
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(
        page.get_by_role("heading", name="Equations: one unknown, then two")
    ).to_be_visible()
    expect(page.locator('[data-testid="stSidebarNav"]')).to_contain_text("Home")
    expect(page.locator(LIVE_DRAWN).first).to_be_visible()
    expect(page.locator(LIVE)).to_contain_text("x = 2")


def test_home_page_links_every_page(server: Server, page: Page) -> None:
    open_page(page, server.url)
    expect(page.get_by_role("heading", name="ML Math Explorer")).to_be_visible()
    main = page.locator('[data-testid="stMain"]')
    for topic in available_topics():
        link = main.get_by_role("link", name=topic.title)
        expect(link).to_have_attribute("href", re.compile(f"(^|/){topic.slug}$"))
    main.get_by_role("link", name="Equations").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile("/equations$"))
    expect(page.locator(LIVE_DRAWN).first).to_be_visible()


def test_equations_control_change_updates_chart_and_url(
    server: Server, page: Page
) -> None:
    open_page(page, f"{server.url}/equations")
    chart = page.locator(LIVE)
    expect(chart).to_contain_text("x = 2")
    exact_a = page.get_by_label("a (slope) (exact)")
    exact_a.fill("4")
    exact_a.press("Enter")
    wait_idle(page)
    expect(chart).to_contain_text("x = 1")
    expect(page).to_have_url(re.compile(r"/equations\?a=4$"))


def test_shared_url_reproduces_the_view(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/equations?view=two&a2=2&b2=2&c2=5")
    expect(page.get_by_text("parallel and never meet").first).to_be_visible()
    expect(page.get_by_label("a₂ (exact)")).to_have_value("2.00")


def test_bad_link_value_is_noted_not_a_crash(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/equations?a=banana")
    note = page.locator('[data-testid="stCaptionContainer"]', has_text="from the link")
    expect(note).to_contain_text("Ignored a from the link")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator(LIVE)).to_contain_text("x = 2")
