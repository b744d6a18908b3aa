"""The Bayes page in a real browser against a real server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import CHART, Server, open_page, wait_idle
from tooling.browser import PLOTS

pytestmark = pytest.mark.e2e

#: The live chart (``ui.live_chart``): the icon array of the people view.
ICONS = ".live-chart"
#: Drawing Plotly on a busy 2-core machine can take more than expect's 5 s default.
WAIT = 30_000
DISEASE = (
    "form=natural&p_a=0.01&p_b_given_a=0.9&p_b_given_not_a=0.05&story=disease&n=10000"
)


def test_opens_on_the_notebook_cell(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/bayes")
    expect(page.locator(CHART).first).to_be_visible(timeout=WAIT)
    expect(page.locator(ICONS)).to_have_count(1)  # the icon array, live
    expect(page.locator(PLOTS)).to_have_count(1)  # the before/after bars
    expect(page.locator(ICONS)).to_contain_text(
        "P(A|B) ≈ 240 of 500 = 48 %", timeout=WAIT
    )
    expect(page.get_by_text("240 — 48 % — have A")).to_be_visible(timeout=WAIT)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0, timeout=WAIT)


def test_changing_the_prior_redraws_the_people_and_the_link(
    server: Server, page: Page
) -> None:
    open_page(page, f"{server.url}/bayes")
    icons = page.locator(ICONS)
    expect(icons).to_contain_text("240 of 500", timeout=WAIT)
    prior = page.get_by_label("P(A) — prior (exact)")
    prior.fill("0.4")
    prior.press("Enter")
    wait_idle(page)
    expect(icons).to_contain_text("P(A|B) ≈ 320 of 500 = 64 %", timeout=WAIT)
    expect(page).to_have_url(re.compile(r"/bayes\?p_a=0\.4$"), timeout=WAIT)


def test_a_shared_link_reproduces_the_rare_disease_view(
    server: Server, page: Page
) -> None:
    open_page(page, f"{server.url}/bayes?{DISEASE}")
    expect(page.locator(ICONS)).to_contain_text("90 of 585 = 15.4 %", timeout=WAIT)
    expect(page.get_by_text("Base-rate fallacy.")).to_be_visible(timeout=WAIT)
    expect(page.get_by_label("P(B|¬A) — false-positive rate (exact)")).to_have_value(
        "0.050", timeout=WAIT
    )


def test_preset_button_and_perspective_switch(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/bayes")
    page.get_by_role("button", name=re.compile("Spam filter")).click()
    wait_idle(page)
    icons = page.locator(ICONS)
    expect(icons).to_contain_text("120 of 126", timeout=WAIT)
    expect(page).to_have_url(re.compile(r"story=spam"), timeout=WAIT)
    page.get_by_role("radio", name="P(B|A): inside A").click()
    wait_idle(page)
    expect(icons).to_contain_text("P(B|A) ≈ 120 of 400 = 30 %", timeout=WAIT)
    expect(page).to_have_url(re.compile(r"perspective=likelihood"), timeout=WAIT)


def test_every_view_draws(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/bayes?view=tree")
    expect(page.locator(PLOTS).first).to_contain_text("P(A|B) = 0.48", timeout=WAIT)
    for button, text in (
        ("Unit square", "area / B area"),
        ("Several tests", "after each result"),
        ("Naive Bayes", "word by word"),
    ):
        page.get_by_role("radio", name=button).click()
        wait_idle(page)
        expect(page.locator(PLOTS).first).to_contain_text(text, timeout=WAIT)


def test_impossible_triple_is_named_not_a_crash(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/bayes?p_b=0.1&p_a=0.2")
    expect(
        page.get_by_text("P(B) must be at least P(B|A)·P(A) = 0.16", exact=False)
    ).to_be_visible(timeout=WAIT)
    # the link's values are kept (they are possible one by one), not ignored
    expect(page.get_by_text(re.compile("Ignored .* from the link"))).to_have_count(0)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0, timeout=WAIT)


def test_bad_link_value_is_noted(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/bayes?p_a=banana")
    note = page.get_by_text(re.compile(r"Ignored p_a from the link \(p_a: 'banana'"))
    expect(note).to_be_visible(timeout=WAIT)
    expect(page.locator(ICONS)).to_contain_text("240 of 500", timeout=WAIT)
