"""Share this view in a real browser: the lesson link, its QR code on screen, and
the lesson it opens (the ticked controls hidden, the values kept)."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Page, expect

from tests.e2e.conftest import CHART, Server, open_page, wait_idle

pytestmark = pytest.mark.e2e

DIALOG = '[role="dialog"]'
CODE = '[data-testid="stCode"] code'


def test_a_built_lesson_link_opens_with_those_controls_hidden(
    server: Server, page: Page
) -> None:
    open_page(page, f"{server.url}/bayes?p_a=0.01")
    page.get_by_role("button", name="Share this view").click()
    dialog = page.locator(DIALOG)
    expect(dialog).to_be_visible()
    links = dialog.locator(CODE)
    expect(links.first).to_have_text(f"{server.url}/bayes?p_a=0.01")

    # tick two controls by their labels: only the dialog reruns
    dialog.get_by_text("P(B|A) — sensitivity", exact=True).click()
    expect(links.nth(1)).to_contain_text("hide=p_b_given_a")
    dialog.get_by_text("P(B) — evidence", exact=True).click()
    expect(links.nth(1)).to_contain_text("hide=p_b_given_a,p_b")
    wait_idle(page)
    lesson = links.nth(1).inner_text().strip()
    assert lesson == f"{server.url}/bayes?p_a=0.01&hide=p_b_given_a,p_b"

    # the QR code on screen (a screenshot, as a phone camera sees it) reads back
    qr = dialog.get_by_role("img")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box is not None
    assert box["width"] >= 300  # scannable off a projector
    shot = Image.open(io.BytesIO(qr.screenshot()))
    assert [code.text for code in zxingcpp.read_barcodes(shot)] == [lesson]

    # the lesson opens with the two sliders hidden and P(A) = 0.01 kept
    open_page(page, lesson)
    expect(page.locator(CHART).first).to_be_visible()
    labels = page.locator('[data-testid="stWidgetLabel"]').all_inner_texts()
    assert "P(A) — prior" in labels
    assert "P(B|A) — sensitivity" not in labels
    assert "P(B) — evidence" not in labels
    expect(page.locator('[data-testid="stSlider"]').first).to_contain_text("0.010")
    expect(page.get_by_text("Ignored")).to_have_count(0)
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"p_a": ["0.01"], "hide": ["p_b_given_a,p_b"]}
