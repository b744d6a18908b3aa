"""Record what a view draws in this run; offer it as a notebook and a CSV.

:func:`ui.page.run` starts a record (:func:`begin`), ``page.formula``,
``page.explain``, ``page.chart`` and ``code_panel`` add to it, and after the view
:func:`buttons` draws the two downloads. The files are built only when clicked
(Streamlit calls ``data`` then), so a rerun costs two buttons, not a notebook.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from ui.notebook import Cell, Sheet, charts_csv, notebook_bytes
from ui.widgets import flex_row

_RECORD = "_take_home_"
NOTEBOOK_LABEL = "Download as notebook"
CSV_LABEL = "Download chart numbers (CSV)"


class Record:
    """One run of one view: the words, the code and the figures (as drawn, unencoded)."""

    def __init__(self, slug: str, view: str, sheet: Sheet) -> None:
        self.slug, self.view, self.sheet = slug, view, sheet
        self.figures: list[tuple[str, go.Figure]] = []

    @property
    def stem(self) -> str:
        return f"{self.slug}-{self.view}"

    def full_sheet(self) -> Sheet:
        """The sheet with each figure's dict (``to_dict`` is cached on frozen figures)."""
        sheet = self.sheet
        charts = [(key, fig.to_dict()) for key, fig in self.figures]
        return Sheet(
            sheet.title,
            sheet.intro,
            sheet.view,
            list(sheet.formulas),
            list(sheet.sentences),
            list(sheet.cells),
            charts,
        )

    def notebook(self) -> bytes:
        return notebook_bytes(self.full_sheet())

    def csv(self) -> str:
        return charts_csv(self.full_sheet().charts)


def begin(slug: str, title: str, intro: str, view: str, label: str) -> None:
    """Start this run's record for view ``view`` (shown as ``label``) of page ``slug``."""
    st.session_state[_RECORD] = Record(slug, view, Sheet(title, intro, label))


def current() -> Record | None:
    """This run's record (``None`` outside :func:`ui.page.run`)."""
    record = st.session_state.get(_RECORD)
    return record if isinstance(record, Record) else None


def add_formula(latex: str) -> None:
    if (record := current()) is not None:
        record.sheet.formulas.append(latex)


def add_sentence(text: str) -> None:
    if (record := current()) is not None and text not in record.sheet.sentences:
        record.sheet.sentences.append(text)


def add_figure(fig: go.Figure, key: str) -> None:
    if (record := current()) is not None:
        record.figures.append((key, fig))


def code_cells() -> int:
    """How many code cells this run's view has recorded so far."""
    record = current()
    return len(record.sheet.cells) if record is not None else 0


def add_code(code: str, output: str | None) -> None:
    if (record := current()) is not None:
        record.sheet.cells.append(Cell(code, output))


def buttons() -> None:
    """The two downloads, if the view drew code or a chart; built only when clicked."""
    record = current()
    if record is None or not (record.sheet.cells or record.figures):
        return
    notebook, table = f"{record.stem}.ipynb", f"{record.stem}.csv"
    row = flex_row()
    row.download_button(
        NOTEBOOK_LABEL,
        data=record.notebook,
        file_name=notebook,
        mime="application/x-ipynb+json",
        key="take_home_notebook",
        on_click="ignore",
        help=f"{notebook}: the words, the formula, this code with today's numbers "
        "and the chart, to run in Jupyter.",
    )
    if record.figures:
        row.download_button(
            CSV_LABEL,
            data=record.csv,
            file_name=table,
            mime="text/csv",
            key="take_home_csv",
            on_click="ignore",
            help=f"{table}: every chart's x, y (and z) values, one row a point.",
        )
