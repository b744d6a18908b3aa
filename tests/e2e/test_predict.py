"""Predict first in a real browser: the answer is nowhere on the page (its words nor
its chart's SVG) until the learner commits a guess; then it is, with how far off
the guess was; and moving a slider that changes the answer starts a new guess."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from core import loss_functions as lf
from core.parsing import display_number
from core.questions import further as qf
from tests.e2e.conftest import CHART, Server, open_page, wait_idle
from text.questions import further as F
from text.questions import words

pytestmark = pytest.mark.e2e

#: Every text the browser draws: the page's words and the charts' SVG labels.
SVG_TEXT = (
    "() => Array.from(document.querySelectorAll('svg text'))"
    ".map(t => t.textContent).join('\\n')"
)
EXCEPTION = '[data-testid="stException"]'


def _shown(value: float) -> list[str]:
    return [display_number(value, 4), display_number(value, 3)]


def test_the_mse_of_a_line_is_hidden_until_the_guess_is_committed(
    server: Server, page: Page
) -> None:
    # the notebook's seeded points (n = 12, seed 0, noise 1) and the line 0.83·x
    answer = qf.line_mse(lf.make_dataset(12, 0, 1.0), 0.83, 0.0).value
    open_page(page, f"{server.url}/loss-functions?view=fit&w=0.83&predict=1")
    prompt = F.LOSS_LINE_MSE.prompt.replace("**", "")
    expect(page.get_by_text(prompt)).to_be_visible()
    expect(page.get_by_text("The numbers that give the answer away")).to_be_visible()
    chart = page.locator(CHART).first  # the points, the line and the squares
    expect(chart).to_be_visible(timeout=30_000)
    body, svg = page.evaluate("document.body.innerText"), page.evaluate(SVG_TEXT)
    assert "y" in svg  # the chart's own words are there ...
    for text in _shown(answer):  # ... but not the answer
        assert text not in body, f"{text} on the page before the guess"
        assert text not in svg, f"{text} on the chart before the guess"

    page.get_by_role("textbox", name=words.GUESS).fill("2")
    page.get_by_role("button", name=words.COMMIT).click()
    verdict = page.get_by_text("The answer is")
    expect(verdict).to_be_visible()
    expect(verdict).to_contain_text(display_number(answer))
    expect(verdict).to_contain_text("your guess 2 is")
    expect(verdict).to_contain_text("too high" if answer < 2 else "too low")
    expect(page.get_by_text("The numbers that give the answer away")).to_have_count(0)
    expect(page.locator(EXCEPTION)).to_have_count(0)

    # one step of the slope changes the MSE: a new prediction starts
    wait_idle(page)
    page.locator('.st-key-w__slider input[type="range"]').focus()  # the widget's
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("spinbutton", name="Slope w (exact)")).to_have_value("0.84")
    expect(page.get_by_text("The numbers that give the answer away")).to_be_visible()
    expect(page.get_by_text("The answer is")).to_have_count(0)
    expect(page.get_by_role("textbox", name=words.GUESS)).to_have_value("")
    new = qf.line_mse(lf.make_dataset(12, 0, 1.0), 0.84, 0.0).value
    body = page.evaluate("document.body.innerText")
    for text in _shown(new):
        assert text not in body, f"{text} on the page before the new guess"
    expect(page.locator(EXCEPTION)).to_have_count(0)


def test_a_lesson_link_opens_on_its_question(server: Server, page: Page) -> None:
    url = f"{server.url}/statistics?view=spread&predict=1&question=variance"
    open_page(page, url)
    prompt = F.STATISTICS_VARIANCE.prompt.replace("**", "")
    picked = page.locator('label:has(input[type="radio"]:checked)', has_text=prompt)
    expect(picked).to_have_count(1, timeout=30_000)
    asked = page.locator('[data-testid="stMarkdownContainer"]', has_text=prompt)
    expect(asked.first).to_be_visible()
    expect(page.get_by_text("Ignored")).to_have_count(0)
