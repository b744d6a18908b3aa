"""The learner's words for a pasted or uploaded table or a classic data set."""

from __future__ import annotations

from core.table import MAX_TABLE_CHARS, MAX_UPLOAD_BYTES, Chosen, Table
from text.safe import echo

TABLE_LABEL = "Paste a table (a header line of names is optional)"
TABLE_HELP = (
    f"Rows on lines, cells separated by commas, semicolons or tabs (up to "
    f"{MAX_TABLE_CHARS:,} characters). With semicolons or tabs, 1,5 means 1.5. "
    "Paste straight from a spreadsheet."
)
#: The table in the box when the page opens.
TABLE_EXAMPLE = (
    "hours, score, sleep, name\n1, 52, 8, Ann\n2, 55, 7, Bo\n3, 61, 7, Cy\n"
    "4, 60, 6, Di\n5, 68, 6, Ed\n6, 71, , Flo\n7, 75, 5, Gus\n"
)
UPLOAD_LABEL = "Upload a CSV file"
UPLOAD_HELP = (
    f"A .csv or .txt file of up to {MAX_UPLOAD_BYTES // 1024} KB: rows on lines, "
    "cells separated by commas, semicolons or tabs, a header line of names if you "
    "like. From a spreadsheet: Save as → CSV."
)
#: Said beside the uploader, always: what a shared link carries.
UPLOAD_NOT_IN_LINK = (
    f"Up to {MAX_UPLOAD_BYTES // 1024} KB (a bigger file gets a note saying so: keep "
    "fewer rows). Your file stays on this page: a "
    "link cannot carry a file, so the page's link does not hold your table (a pasted "
    "table travels in the link)."
)
UPLOAD_WAITING = (
    "Choose a CSV file above (or drag it onto the box): the charts appear as soon "
    "as it is read. A link cannot carry a file, so a shared link opens here empty."
)
DATASETS = {
    "paste": "My table (paste it)",
    "upload": "My file (upload a CSV)",
    "iris": "Iris: 150 flowers (Fisher, 1936)",
    "anscombe": "Anscombe's quartet (1973)",
}
MATRIX_DATA = {"houses": "Made-up houses", "table": "A table"}
TARGET_LABEL = "Target: the column a model would predict"
MATRIX_TABLE_INTRO = (
    "**Your table**: every number column against the **target** you pick, the "
    "column a model would predict. Which columns would you feed it?"
)


def matrix_note(fm_columns: int, shown: int, constant: tuple[str, ...]) -> str:
    """Which columns of the table the matrix leaves out, and why ("" if none)."""
    notes = []
    if fm_columns > shown:
        notes.append(
            f"The matrix shows the target and the first {shown - 1} of the table's "
            f"{fm_columns - 1} other number columns."
        )
    if constant:
        names = ", ".join(echo(name) for name in constant[:10])
        notes.append(f"Left out (the same value in every row, so no r): {names}.")
    return " ".join(notes)


def describe_upload(name: str, size: int, table: Table) -> str:
    """Which file the page shows, its size and its shape (the name is data)."""
    columns = len(table.names)
    shown = f"{size / 1024:,.1f} KB" if size >= 1024 else f"{size} bytes"
    return (
        f"Showing {echo(name[:60]) or 'your file'} ({shown}): "
        f"{table.rows:,} rows, {columns} number column{'' if columns == 1 else 's'}."
    )


def describe_rows(table: Table, chosen: Chosen) -> str:
    """How many rows were read, dropped and sampled; which columns were left out."""
    parts = [f"{table.rows:,} rows read, **{chosen.n:,} used**"]
    if chosen.dropped:
        parts.append(
            f"{chosen.dropped:,} dropped (a missing cell in the chosen columns)"
        )
    if chosen.sampled:
        parts.append(
            f"{chosen.n:,} of {chosen.total:,} complete rows sampled at random "
            f"with seed {chosen.seed} (change the seed for another sample)"
        )
    sentence = "; ".join(parts) + "."
    if table.text_columns:
        names = ", ".join(echo(name) for name in table.text_columns[:10])
        sentence += f" Left out (not numbers): {names}."
    return sentence


def column_note(asked: str, used: str) -> str:
    """Say that a column asked for (by a link or an old table) is not there."""
    return f"The table has no number column {echo(asked)}: showing {echo(used)}."
