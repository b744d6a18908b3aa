"""The Loss-functions page in a real browser against a real server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import CHART, Server, open_page, wait_idle
from tooling.browser import PLOTS

pytestmark = pytest.mark.e2e

#: The live chart (``ui.live_chart``): on the fit view, the line and the bowl in one.
LIVE = ".live-chart"
EXCEPTION = '[data-testid="stException"]'
#: Charts draw after the script run; a class-sized load on 2 cores can take seconds.
WAIT = 20_000


def test_notebook_cell_renders_the_squares(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/loss-functions")
    expect(page.locator(CHART).first).to_be_visible(timeout=WAIT)
    chart = page.locator(PLOTS).first
    expect(chart).to_contain_text("mean area = MSE = 0.666667", timeout=WAIT)
    expect(chart).to_contain_text("mean", timeout=WAIT)
    expect(page.get_by_text("0.666667").first).to_be_visible(timeout=WAIT)
    expect(page.locator(EXCEPTION)).to_have_count(0, timeout=WAIT)


def test_typing_predictions_updates_the_chart_and_the_link(
    server: Server, page: Page
) -> None:
    open_page(page, f"{server.url}/loss-functions")
    box = page.get_by_role("textbox", name="y_pred (the model's predictions)")
    box.fill("2, 5, 10")
    box.press("Enter")
    wait_idle(page)
    chart = page.locator(PLOTS).first
    expect(chart).to_contain_text("MSE = 3.33333", timeout=WAIT)
    expect(page).to_have_url(re.compile(r"y_pred=2%2C\+5%2C\+10"), timeout=WAIT)
    # a bad list: a message, not a traceback, and the last chart stays
    box.fill("2, 5")
    box.press("Enter")
    wait_idle(page)
    expect(page.get_by_text("y_true has 3 values but y_pred has 2")).to_be_visible(
        timeout=WAIT
    )
    expect(chart).to_contain_text("MSE = 3.33333", timeout=WAIT)
    expect(page.locator(EXCEPTION)).to_have_count(0, timeout=WAIT)


def test_fit_link_reproduces_the_line_and_snap_finds_the_best(
    server: Server, page: Page
) -> None:
    # the best line is hidden until asked for (the learner tries first)
    open_page(page, f"{server.url}/loss-functions?view=fit&w=0.5&b=1&show_best=1")
    chart = page.locator(LIVE)  # the line's panel and the bowl's, in one chart
    expect(chart).to_have_count(1, timeout=WAIT)
    expect(chart).to_contain_text("y = 0.5·x + 1", timeout=WAIT)
    expect(chart).to_contain_text("you (0.5, 1)", timeout=WAIT)
    expect(chart).to_contain_text("least squares (0.6746, 1.359)", timeout=WAIT)
    expect(page.get_by_label("Slope w (exact)")).to_have_value("0.50", timeout=WAIT)
    page.get_by_role("button", name="Snap to best fit").click()
    wait_idle(page)
    expect(page.get_by_text("is the least-squares line")).to_be_visible(timeout=WAIT)
    expect(chart).to_contain_text("you (0.6746, 1.359)", timeout=WAIT)
    expect(page).to_have_url(re.compile(r"w=0\.674571684755"), timeout=WAIT)


def test_learning_rate_too_large_diverges_in_words(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/loss-functions?view=fit&lr=0.5")
    expect(page.locator(LIVE)).to_contain_text("diverged at step", timeout=WAIT)
    expect(page.get_by_text("Lower the learning rate")).to_be_visible(timeout=WAIT)


def test_compare_view_moves_with_the_outlier(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/loss-functions?view=compare")
    charts = page.locator(PLOTS)
    expect(charts).to_have_count(2, timeout=WAIT)
    expect(charts.nth(0)).to_contain_text("Loss of one residual", timeout=WAIT)
    expect(charts.nth(0)).to_contain_text(
        "64 ↑", timeout=WAIT
    )  # r² of the outlier, r = 8
    exact = page.get_by_role(
        "spinbutton", name="Outlier's distance from the line (exact)"
    )
    exact.fill("-4")
    exact.press("Enter")
    wait_idle(page)
    expect(charts.nth(0)).to_contain_text("16 ↑", timeout=WAIT)
    expect(page.get_by_text("adds 16 to the sum of squares")).to_be_visible(
        timeout=WAIT
    )
    expect(page).to_have_url(re.compile(r"outlier_dy=-4"), timeout=WAIT)
