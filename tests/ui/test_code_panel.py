"""The "Show the NumPy code" panels are built only while open, on every view.

Shut, a panel sends its title and nothing else, yet the view's notebook download
still has the code (``ui.notebook_download`` records it either way). Opened, it
shows the code and its output, and stays open through the next change.
"""

from __future__ import annotations

import pytest

from tests.helpers import CODE_PANELS_PER_VIEW, page_test
from tests.pages.notebook_cases import every_view, topic
from ui.code_panel import key_of
from ui.notebook_download import Record


def _record(at: object) -> Record:
    record = at.session_state["_take_home_"]  # type: ignore[attr-defined]
    assert isinstance(record, Record)
    return record


@pytest.mark.parametrize(("slug", "view"), every_view())
def test_a_shut_panel_sends_no_code_and_the_notebook_keeps_it(
    slug: str, view: str
) -> None:
    at = page_test(topic(slug).script, {"view": view}, code_open=False).run()
    assert not at.exception, at.exception
    cells = _record(at).sheet.cells
    assert len(cells) <= CODE_PANELS_PER_VIEW
    assert [block for block in at.code if block.language == "python"] == []
    shut = [e for e in at.expander if e.label.startswith("Show the")]
    assert len(shut) >= len(cells)


def test_opening_a_panel_shows_its_code_and_it_stays_open_through_a_change() -> None:
    at = page_test("pages/equations.py", code_open=False).run()
    cell = _record(at).sheet.cells[0]
    assert not at.code
    at.session_state[key_of(0)] = True  # the learner opens the panel
    at.run()
    code, output = (block.value for block in at.code)
    assert code == cell.code
    assert output == cell.output == "2.0"  # x = 4 / 2, the notebook's numbers
    at.slider[0].set_value(4.0).run()  # a = 4: x = 1
    code, output = (block.value for block in at.code)
    assert "a = 4\n" in code
    assert output == "1.0"
