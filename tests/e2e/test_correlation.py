"""The Correlation page in a real browser against a real server."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from core import correlation as corr
from core.correlation import game
from tests.e2e.conftest import CHART, Server, open_page, wait_idle
from tooling.browser import PLOTS

pytestmark = pytest.mark.e2e

#: A live chart (``ui.live_chart``): the target-ρ cloud and the outlier's chart.
LIVE = ".live-chart"
METRICS = '[data-testid="stMetric"]'


@pytest.fixture(autouse=True)
def patient_expect() -> Iterator[None]:
    """Plotly can take several seconds to draw on a loaded 2-core machine."""
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=5_000)


METRIC = '[data-testid="stMetricValue"]'


def test_notebook_cell_renders_with_r_one(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/correlation")
    expect(page.locator(CHART).first).to_be_visible()
    expect(page.locator(PLOTS).first).to_contain_text("r = 1.000")
    expect(page.locator(METRIC).first).to_have_text("1.000")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_typing_data_updates_the_chart_and_the_link(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/correlation")
    box = page.get_by_role("textbox", name="y values (one for each x)")
    box.fill("40, 30, 20, 10")
    box.press("Enter")
    wait_idle(page)
    expect(page.locator(PLOTS).first).to_contain_text("r = −1.000")
    expect(page).to_have_url(re.compile(r"/correlation\?y=40%2C\+30%2C\+20%2C\+10$"))


def test_constant_data_says_so(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/correlation?x=5,5,5&y=1,2,3")
    expect(page.get_by_text("there is no correlation").first).to_be_visible()
    expect(page.locator(METRIC).first).to_have_text("undefined")
    expect(page.locator(PLOTS).first).not_to_contain_text("nan")


def test_link_reproduces_a_generated_sample(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/correlation?view=target&rho=-0.5&n=200&seed=3")
    sample = corr.correlated_sample(200, -0.5, 3)
    expect(page.locator(LIVE)).to_contain_text("200 points drawn with a target ρ")
    metrics = page.locator(METRICS)
    assert sample.stats.r is not None
    sample_r = corr.format_r(sample.stats.r)
    expect(metrics.filter(has_text="sample r")).to_contain_text(sample_r)
    expect(metrics.filter(has_text="target ρ")).to_contain_text("−0.50")
    expect(page.get_by_label("Target correlation ρ (exact)")).to_have_value("-0.50")


def test_moving_the_outlier_updates_r(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/correlation?view=outlier")
    chart = page.locator(LIVE)
    with_outlier = page.locator(METRICS).filter(has_text="r with the outlier")
    expect(chart).to_contain_text("outlier (5, −5)")
    expect(with_outlier).to_contain_text("−0.377")
    exact = page.get_by_label("Outlier y (exact)")
    exact.fill("3.5")
    exact.press("Enter")
    wait_idle(page)
    expect(chart).to_contain_text("outlier (5, 3.5)")
    expect(with_outlier).to_contain_text("0.892")
    expect(page).to_have_url(re.compile(r"view=outlier&oy=3\.5$"))


def test_clicking_a_matrix_cell_plots_that_pair(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/correlation?view=matrix")
    heatmap = page.locator(PLOTS).first
    expect(heatmap).to_contain_text("Correlation matrix")
    pair = page.locator(PLOTS).nth(2)
    expect(pair).to_contain_text("price vs area")
    # the cell in column "distance" (3 of 0…5) and row "price" (5, at the bottom)
    plot = heatmap.locator(".nsewdrag").first
    box = plot.bounding_box()
    assert box is not None
    plot.click(position={"x": box["width"] * 3.5 / 6, "y": box["height"] * 5.5 / 6})
    expect(pair).to_contain_text("price vs distance", timeout=20_000)
    expect(page).to_have_url(re.compile(r"fx=distance"))


def test_anscombe_shows_the_table_and_four_panels(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/correlation?view=anscombe")
    expect(page.get_by_text("3.00 + 0.500·x").first).to_be_visible()
    chart = page.locator(PLOTS).first
    for name in ("I", "II", "III", "IV"):
        expect(chart).to_contain_text(f"{name}   r = 0.81")


def test_guessing_reveals_r_and_scores(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/correlation?view=guess&seed=5")
    round_ = corr.game_round(5, 1)
    answer = corr.format_r(round_.r)
    chart = page.locator(PLOTS).first
    expect(chart).to_contain_text("Round 1: what is r?")
    expect(page.get_by_text(answer)).to_have_count(0)
    page.get_by_role("button", name="Check my guess").click()
    wait_idle(page)
    expect(page.get_by_text(f"the true r is {answer}").first).to_be_visible()
    expect(chart).to_contain_text(f"r = {answer}")
    page.get_by_role("button", name="Next round ▶").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"seed=5&round=2"))
    expect(chart).to_contain_text("Round 2: what is r?")


def test_a_reload_keeps_the_game(server: Server, page: Page) -> None:
    """Two rounds played, then a reload (a new websocket session): same score."""
    seed = 26  # guessing 0 twice: a miss, then great
    record = game.replay_game(seed, "0_0")
    shown = [str(record.points), str(record.streak), str(record.best_streak)]
    assert shown == ["3", "1", "1"]  # not what a lost game shows
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    open_page(page, f"{server.url}/correlation?view=guess&seed={seed}")
    chart = page.locator(PLOTS).first
    for round_ in (1, 2):
        if round_ > 1:
            page.get_by_role("button", name="Next round ▶").click()
            wait_idle(page)
        expect(chart).to_contain_text(f"Round {round_}: what is r?")
        page.get_by_role("button", name="Check my guess").click()  # the slider's 0
        wait_idle(page)
        expect(page.get_by_role("button", name="Next round ▶")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"seed={seed}&round=2&guesses=0_0$"))
    expect(page.locator(METRIC)).to_have_text(shown)
    page.reload()
    wait_idle(page)
    expect(page.locator(METRIC)).to_have_text(shown)
    expect(page.get_by_text("Round 2: you guessed 0.00").first).to_be_visible()
    expect(page.get_by_role("button", name="Check my guess")).to_have_count(0)
    expect(page.get_by_text("2 rounds played · 1 great").first).to_be_visible()
    assert len(sockets) >= 2  # the reload opened a new session
