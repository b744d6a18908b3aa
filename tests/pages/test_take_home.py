"""Every view offers itself as a notebook and its charts' numbers as a CSV (AppTest)."""

from __future__ import annotations

import csv
import io

import nbformat
import pytest

from tests.helpers import figures
from tests.pages.notebook_cases import every_view, panel_outputs, run_view
from ui.notebook import CSV_COLUMNS, PRINT_RESULT
from ui.notebook_download import CSV_LABEL, NOTEBOOK_LABEL
from ui.topics import available_topics


@pytest.mark.parametrize("slug", [t.slug for t in available_topics()])
def test_default_view_has_a_notebook_download(slug: str) -> None:
    at, record = run_view(slug)
    buttons = {b.proto.label: b.proto for b in at.get("download_button")}
    assert NOTEBOOK_LABEL in buttons, f"no notebook download on {slug}"
    assert buttons[NOTEBOOK_LABEL].help.startswith(f"{slug}-{record.view}.ipynb")
    assert buttons[CSV_LABEL].help.startswith(f"{slug}-{record.view}.csv")


@pytest.mark.parametrize(("slug", "view"), every_view())
def test_every_view_builds_a_valid_notebook_and_csv(slug: str, view: str) -> None:
    at, record = run_view(slug, view)
    assert record.view == view
    labels = [b.proto.label for b in at.get("download_button")]
    assert NOTEBOOK_LABEL in labels
    notebook = nbformat.reads(record.notebook().decode(), as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    sources = [cell.source for cell in code]
    # exactly the code the panels show, each followed by the cell printing its value
    shown = [block.value for block in at.code if block.language == "python"]
    assert [s for s in sources if s != PRINT_RESULT][: len(shown)] == shown
    assert sources.count(PRINT_RESULT) == len(panel_outputs(at))
    assert sum("go.Figure(" in s for s in sources) == len(record.figures)
    assert len(figures(at)) == len(record.figures)  # live charts included
    rows = list(csv.reader(io.StringIO(record.csv())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) > 1, "a chart with no numbers"
