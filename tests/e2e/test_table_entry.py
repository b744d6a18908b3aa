"""A pasted table on the Correlation page, in a real browser."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, open_page, wait_idle

pytestmark = pytest.mark.e2e

METRIC = '[data-testid="stMetricValue"]'


@pytest.fixture(autouse=True)
def patient_expect() -> Iterator[None]:
    """Plotly can take several seconds to draw on a loaded 2-core machine."""
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=5_000)


def test_paste_a_table_pick_columns_see_r(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/correlation?view=data&entry=table")
    box = page.get_by_role("textbox", name=re.compile("Paste a table"))
    box.fill("a;b;c\n1;2;9\n2;4;7\n3;5;8\n4;4,0;1\n")
    box.press("Control+Enter")
    wait_idle(page)
    # by hand: a = 1..4, b = 2, 4, 5, 4 → Sxy = 3.5, Sxx = 5, Syy = 4.75
    expect(page.locator(METRIC).first).to_have_text("0.718")
    # The column pickers sit below the fold now (Live class and Predict first came
    # above them): scroll first, as a hand does. Playwright's own scroll during the
    # click closes the menu again (a select closes when its page scrolls).
    y_column = page.get_by_role("combobox", name="y column")
    y_column.scroll_into_view_if_needed()
    expect(y_column).to_be_in_viewport()
    y_column.click()
    page.get_by_role("option", name="c", exact=True).click()
    wait_idle(page)
    # c = 9, 7, 8, 1 → Sxy = −11.5, Syy = 38.75: r = −11.5 / √(5·38.75)
    expect(page.locator(METRIC).first).to_have_text("−0.826")
    expect(page).to_have_url(re.compile(r"col_y=c"))
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
