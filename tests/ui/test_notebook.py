"""The pure notebook and CSV builders behind "Download as notebook" (ui/notebook.py)."""

from __future__ import annotations

import csv
import io
import math
from typing import Any

import nbformat
import numpy as np
import plotly.graph_objects as go

from tests.helpers import run_snippet
from ui.notebook import (
    CSV_COLUMNS,
    PRINT_RESULT,
    Cell,
    Sheet,
    build,
    charts_csv,
    figure_code,
    notebook_bytes,
    plain,
)
from viz.style import figure, freeze

CODE = "import numpy as np\n\na, b = 2.0, -4.0\nx = -b / a\nx"


def _figure() -> dict[str, Any]:
    fig = figure(
        [
            {
                "type": "scatter",
                "name": "line",
                "x": np.array([0.0, 1.0, 2.0]),
                "y": np.array([1.0, math.nan, 3.0]),
            },
            {
                "type": "heatmap",
                "name": "grid",
                "x": ["a", "b"],
                "y": ["c", "d"],
                "z": np.array([[1.0, 0.5], [0.5, 1.0]]),
            },
        ],
        {"title": {"text": "T"}, "sliders": [{"steps": []}]},
        frames=[{"name": "0", "data": [{"x": [1]}]}],
    )
    return freeze(fig).to_dict()


def _sheet() -> Sheet:
    return Sheet(
        "Equations",
        "Solve **a·x + b = 0**.",
        "One equation",
        formulas=[r"2x - 4 = 0 \;\Rightarrow\; x = 2"],
        sentences=["The root is **x = 2**."],
        cells=[Cell(CODE, "2.0"), Cell("print(1)", None)],
        charts=[("linear", _figure())],
    )


def test_cells_in_order_with_their_kinds() -> None:
    notebook = build(_sheet())
    kinds = [(cell.cell_type, cell.source.splitlines()[0]) for cell in notebook.cells]
    assert kinds == [
        ("markdown", "# Equations — One equation"),
        ("markdown", "$$"),
        ("code", "import numpy as np"),
        ("code", PRINT_RESULT),
        ("code", "print(1)"),  # its result is printed by itself: no print cell
        ("markdown", "## The charts, drawn with Plotly"),
        ("code", "import plotly.graph_objects as go"),
    ]
    words = notebook.cells[0].source
    assert "Solve **a·x + b = 0**." in words
    assert "The root is **x = 2**." in words
    assert notebook.cells[1].source == "$$\n2x - 4 = 0 \\;\\Rightarrow\\; x = 2\n$$"
    assert notebook.cells[2].source == CODE  # exactly the code panel's code


def test_no_outputs_stored_and_the_schema_holds() -> None:
    data = notebook_bytes(_sheet())
    notebook = nbformat.reads(data.decode(), as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == []
            assert cell.execution_count is None


def test_a_sheet_with_only_words_is_a_notebook() -> None:
    notebook = build(Sheet("T", "", "V"))
    nbformat.validate(notebook)
    assert [cell.cell_type for cell in notebook.cells] == ["markdown"]


def test_plain_decodes_plotly_arrays() -> None:
    fig = _figure()
    data = plain(fig["data"])
    assert data[0]["x"] == [0.0, 1.0, 2.0]
    assert data[0]["y"] == [1.0, None, 3.0]  # NaN: a gap, as on the page
    assert data[1]["z"] == [[1.0, 0.5], [0.5, 1.0]]
    assert plain({"v": np.float64(math.inf), "w": np.int64(3)}) == {"v": None, "w": 3}


def test_figure_code_draws_the_same_figure_without_frames() -> None:
    fig = _figure()
    code = figure_code(fig).replace("fig.show()", "fig")
    drawn = run_snippet(code)
    assert isinstance(drawn, go.Figure)
    assert list(drawn.data[0].x) == [0.0, 1.0, 2.0]
    assert drawn.data[0].y[1] is None
    assert [list(row) for row in drawn.data[1].z] == [[1.0, 0.5], [0.5, 1.0]]
    assert drawn.layout.title.text == "T"
    assert not drawn.frames
    assert not drawn.layout.sliders


def test_charts_csv_lines_and_grids() -> None:
    rows = list(csv.reader(io.StringIO(charts_csv([("linear", _figure())]))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[1:4] == [
        ["linear", "0", "line", "0", "", "0.0", "1.0", ""],
        ["linear", "0", "line", "1", "", "1.0", "", ""],
        ["linear", "0", "line", "2", "", "2.0", "3.0", ""],
    ]
    assert rows[4:] == [
        ["linear", "1", "grid", "0", "0", "a", "c", "1.0"],
        ["linear", "1", "grid", "0", "1", "b", "c", "0.5"],
        ["linear", "1", "grid", "1", "0", "a", "d", "0.5"],
        ["linear", "1", "grid", "1", "1", "b", "d", "1.0"],
    ]


def test_csv_pads_short_columns_and_repeats_scalars() -> None:
    fig = {"data": [{"name": "p", "x": [1.0, 2.0], "y": 5}, {"name": "e"}]}
    rows = list(csv.reader(io.StringIO(charts_csv([("c", fig)]))))
    assert rows[1:] == [
        ["c", "0", "p", "0", "", "1.0", "5", ""],
        ["c", "0", "p", "1", "", "2.0", "5", ""],
    ]
