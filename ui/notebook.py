"""Take a view home: a Jupyter notebook and a CSV of the numbers behind its charts.

Pure builders from plain inputs (no Streamlit): :class:`Sheet` is what a view drew
in one run (recorded by ``ui.notebook_download``), :func:`notebook_bytes` writes it as an
``.ipynb`` with no outputs stored, and :func:`charts_csv` the charts' numbers.

>>> sheet = Sheet("Equations", "Solve a·x + b = 0.", "One equation")
>>> sheet.formulas.append("2x - 4 = 0")
>>> sheet.cells.append(Cell("import numpy as np\\nx = 4 / 2\\nx", "2.0"))
>>> [cell.cell_type for cell in build(sheet).cells]
['markdown', 'markdown', 'code', 'code']
"""

from __future__ import annotations

import base64
import csv
import io
import math
import pprint
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import nbformat
import numpy as np
from nbformat import v4

#: Printed by the cell after each code cell: the value the code panel shows.
PRINT_RESULT = "print(repr(_))  # the value of the last line above, as on the page"
#: Animation controls that only make sense with the frames, which stay on the page.
_PLAY_KEYS = ("updatemenus", "sliders")
CSV_COLUMNS = ("chart", "trace", "name", "row", "col", "x", "y", "z")


@dataclass(frozen=True)
class Cell:
    """One code panel: its code, and the text of its output (``None``: printed by the code)."""

    code: str
    output: str | None


@dataclass
class Sheet:
    """What one view drew in one run, in order."""

    title: str
    intro: str
    view: str
    formulas: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    charts: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def plain(obj: Any) -> Any:
    """A figure's dict with Plotly's base64 arrays decoded to lists and non-finite numbers as None."""
    if isinstance(obj, dict):
        if "bdata" in obj and "dtype" in obj:
            array = np.frombuffer(base64.b64decode(obj["bdata"]), dtype=obj["dtype"])
            if "shape" in obj:
                array = array.reshape([int(n) for n in str(obj["shape"]).split(",")])
            return plain(array.tolist())
        return {key: plain(value) for key, value in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [plain(item) for item in obj]
    if isinstance(obj, np.ndarray):
        return plain(obj.tolist())
    if isinstance(obj, np.generic):
        return plain(obj.item())
    if isinstance(obj, float) and not math.isfinite(obj):
        return None  # a gap in the line, as NaN is on the page
    return obj


def figure_code(figure: dict[str, Any]) -> str:
    """Python that draws ``figure`` (data and layout; animation frames stay on the page)."""
    layout = {k: v for k, v in plain(figure.get("layout", {})).items()}
    for key in _PLAY_KEYS:
        layout.pop(key, None)
    data = plain(figure.get("data", []))
    return (
        "import plotly.graph_objects as go\n\n"
        f"data = {pprint.pformat(data, width=88, compact=True, sort_dicts=False)}\n"
        f"layout = {pprint.pformat(layout, width=88, compact=True, sort_dicts=False)}\n"
        "fig = go.Figure(data=data, layout=layout)\n"
        "fig.show()"
    )


def build(sheet: Sheet) -> nbformat.NotebookNode:
    """The notebook: title and words, formulas, each code cell and its printed result, charts."""
    words = [f"# {sheet.title} — {sheet.view}", sheet.intro, *sheet.sentences]
    cells = [v4.new_markdown_cell("\n\n".join(part for part in words if part))]
    if sheet.formulas:
        cells.append(
            v4.new_markdown_cell(
                "\n\n".join(f"$$\n{latex}\n$$" for latex in sheet.formulas)
            )
        )
    for cell in sheet.cells:
        cells.append(v4.new_code_cell(cell.code))
        if cell.output is not None:
            cells.append(v4.new_code_cell(PRINT_RESULT))
    if sheet.charts:
        cells.append(v4.new_markdown_cell("## The charts, drawn with Plotly"))
    cells += [v4.new_code_cell(figure_code(figure)) for _, figure in sheet.charts]
    notebook = v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


def notebook_bytes(sheet: Sheet) -> bytes:
    """The ``.ipynb`` file's bytes (checked against the notebook schema)."""
    notebook = build(sheet)
    nbformat.validate(notebook)
    return nbformat.writes(notebook).encode()


def _column(values: Any, size: int) -> list[Any]:
    if values is None:
        return [None] * size
    if not isinstance(values, list):
        return [values] * size
    return values + [None] * (size - len(values))


def _rows(chart: str, index: int, trace: dict[str, Any]) -> Iterator[list[Any]]:
    name = trace.get("name", "")
    x, y, z = (trace.get(axis) for axis in "xyz")
    if isinstance(z, list) and z and isinstance(z[0], list):  # a grid: heatmap, surface
        for i, row in enumerate(z):
            for j, value in enumerate(row):
                xj = x[i][j] if x and isinstance(x[0], list) else _at(x, j)
                yi = y[i][j] if y and isinstance(y[0], list) else _at(y, i)
                yield [chart, index, name, i, j, xj, yi, value]
        return
    lists = [v for v in (x, y, z) if isinstance(v, list)]
    size = max((len(v) for v in lists), default=1 if (x, y, z) != (None,) * 3 else 0)
    columns = [_column(v, size) for v in (x, y, z)]
    for i in range(size):
        yield [chart, index, name, i, "", *(column[i] for column in columns)]


def _at(values: Any, i: int) -> Any:
    return values[i] if isinstance(values, list) and i < len(values) else i


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def charts_csv(charts: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """One CSV of every chart's traces: chart, trace, name, row, col, x, y, z.

    ``row``/``col`` index a grid (``z`` of a heatmap or surface); for a line or
    markers ``row`` is the point's index.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for chart, figure in charts:
        for index, trace in enumerate(plain(figure.get("data", []))):
            for row in _rows(chart, index, trace):
                writer.writerow([_cell(value) for value in row])
    return out.getvalue()
