"""The browser's Back and Forward buttons inside a page (issue 17, item 3).

Each control change adds a history entry. Back must show the state before the
change (its address and its controls), Forward the state after it, never the
defaults, and Back from the first state leaves the page in one press.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, open_page, wait_idle

pytestmark = pytest.mark.e2e


def _set(page: Page, label: str, value: str) -> None:
    box = page.get_by_label(label)
    box.fill(value)
    box.press("Enter")
    wait_idle(page)


def test_back_and_forward_step_through_the_learners_changes(
    server: Server, page: Page
) -> None:
    open_page(page, f"{server.url}/")  # where the learner came from
    open_page(page, f"{server.url}/equations")
    slope = page.get_by_label("a (slope) (exact)")
    intercept = page.get_by_label("b (intercept) (exact)")
    _set(page, "a (slope) (exact)", "4")
    expect(page).to_have_url(re.compile(r"/equations\?a=4$"))
    _set(page, "b (intercept) (exact)", "-8")
    expect(page).to_have_url(re.compile(r"/equations\?a=4&b=-8$"))

    page.go_back()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"/equations\?a=4$"))
    expect(slope).to_have_value("4.00")
    expect(intercept).to_have_value("-4.00")  # the notebook's b again
    expect(page.get_by_text("x = 1").first).to_be_visible()

    page.go_forward()  # the state after the change, not the defaults
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"/equations\?a=4&b=-8$"))
    expect(slope).to_have_value("4.00")
    expect(intercept).to_have_value("-8.00")
    expect(page.get_by_text("x = 2").first).to_be_visible()

    page.go_back()
    wait_idle(page)
    page.go_back()  # the page as it opened
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"/equations$"))
    expect(slope).to_have_value("2.00")
    page.go_back()  # one more press leaves the page
    expect(page).to_have_url(re.compile(rf"{re.escape(server.url)}/?$"))
