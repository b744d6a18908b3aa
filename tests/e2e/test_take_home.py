"""Download a view as a notebook in a real browser: the file is a valid .ipynb."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import Server, open_page
from text import equations as words
from ui.notebook import PRINT_RESULT

pytestmark = pytest.mark.e2e


def test_download_as_notebook_gives_the_view_with_todays_numbers(
    server: Server, page: Page, tmp_path: Path
) -> None:
    open_page(page, f"{server.url}/equations?a=3&b=-6")
    button = page.locator('[data-testid="stDownloadButton"]').filter(
        has_text="Download as notebook"
    )
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "equations-one.ipynb"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    notebook = nbformat.read(saved, as_version=4)
    nbformat.validate(notebook)
    sources = [cell.source for cell in notebook.cells]
    assert sources[0].startswith("# Equations")
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code[0].source == words.solve_linear_code(3.0, -6.0)  # today's numbers
    assert code[1].source == PRINT_RESULT
    assert any("go.Figure(" in cell.source for cell in code)
    assert all(cell.outputs == [] for cell in code)


def test_chart_numbers_download_as_csv(server: Server, page: Page) -> None:
    open_page(page, f"{server.url}/equations?a=3&b=-6")
    button = page.locator('[data-testid="stDownloadButton"]').filter(
        has_text="Chart numbers"
    )
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "equations-one.csv"
    text = Path(download.path()).read_text()
    assert text.startswith("chart,trace,name,row,col,x,y,z\n")
    assert "linear," in text
