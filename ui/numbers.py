"""Show the numbers: under every chart, the data it draws, as tables.

A chart is out of reach for the keyboard and for a screen reader; its sentence
says what it shows, and these tables hold its numbers (``viz.table``): one table
per trace, named by the trace, at most ``viz.table.MAX_ROWS`` rows each (a longer
trace is thinned evenly, and the note says so; the CSV download has every point).

The expander is built lazily: its tables are made and sent only while it is
open (``on_change="rerun"``), so a closed one costs a rerun nothing.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from text.safe import sentence
from viz.table import TraceTable, figure_tables

LABEL = "Show the numbers"
KEY_PREFIX = "numbers_"
_CELL_LIMIT = 80


def key_of(chart_key: str) -> str:
    """The expander's widget key for the chart ``chart_key``."""
    return KEY_PREFIX + chart_key


def note(table: TraceTable) -> str:
    """What a thinned table leaves out ("" when it shows every point)."""
    if table.complete:
        return ""
    return (
        f"{len(table.rows)} of {table.total} points: one in {table.step}, and the "
        "last. The CSV download below has every point."
    )


def show_numbers(fig: go.Figure, chart_key: str) -> None:
    """The expander under a chart with one table per trace (only while open)."""
    box = st.expander(LABEL, key=key_of(chart_key), on_change="rerun")
    if not box.open:
        return
    with box:
        tables = figure_tables(fig.to_dict())
        if not tables:
            st.caption("This chart draws no data points.")
        for table in tables:
            name = sentence(table.name, _CELL_LIMIT)
            st.markdown(f"**{name}**")
            st.table(
                {
                    sentence(column, _CELL_LIMIT): [
                        sentence(row[i], _CELL_LIMIT) for row in table.rows
                    ]
                    for i, column in enumerate(table.columns)
                },
                hide_index=True,
                alt=f"The numbers of {table.name}",
            )
            if text := note(table):
                st.caption(text)
