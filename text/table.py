"""The learner's words for a pasted table or a classic data set."""

from __future__ import annotations

from core.table import MAX_TABLE_CHARS, Chosen, Table
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
DATASETS = {
    "paste": "My table (paste it)",
    "iris": "Iris: 150 flowers (Fisher, 1936)",
    "anscombe": "Anscombe's quartet (1973)",
}
NO_FEATURES = (
    "The feature-selection view works on its generated house data; to compare "
    "your table's columns, pick them two at a time in **Your data**."
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
    return f"⚠️ The table has no number column {echo(asked)}: showing {echo(used)}."
