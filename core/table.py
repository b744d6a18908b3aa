r"""A pasted table: read rows of numbers from text, choose columns, sample big tables.

The separator (tab, ``;`` or ``,``) is read from the first line; with ``;`` or a
tab a comma inside a number is a decimal comma (``1,5`` is 1.5). The first row is
a header when one of its cells is not a number while the cells below it are.
Empty cells (and ``NA``, ``nan``, ``?``) are missing: a row missing a value in a
chosen column is dropped, and counted. Columns that hold text are named and
left out.

Examples
--------
>>> table = parse_table("hours;score;name\n1;2,5;Ann\n2;;Bo\n3;4,5;Cy")
>>> table.names, table.text_columns, table.rows
(('hours', 'score'), ('name',), 3)
>>> chosen = pick_columns(table, ("hours", "score"))
>>> chosen.columns[1].tolist(), chosen.dropped
([2.5, 4.5], 1)
"""

from __future__ import annotations

import csv
import hashlib
import math
from dataclasses import dataclass

import numpy as np

from core.parsing import check_int, check_seed

#: Longest text a learner may paste (characters).
MAX_TABLE_CHARS = 20_000
#: Most columns and rows read from a pasted table.
MAX_COLUMNS = 50
MAX_ROWS = 5_000
#: Most rows a page shows; a longer table is sampled (with the page's seed).
SHOWN_ROWS = 1_000
#: Longest column name kept (a name is data: it is cut, never interpreted).
MAX_NAME_LENGTH = 40
#: Cells read as missing (compared in lower case, after trimming).
MISSING = frozenset({"", "na", "n/a", "nan", "null", "none", "?", "-"})


@dataclass(frozen=True)
class Table:
    """The numeric columns of a pasted table.

    ``values`` and ``present`` have shape (rows, len(names)); a missing cell is
    ``present == False`` (and 0.0 in ``values``).
    """

    names: tuple[str, ...]
    values: np.ndarray
    present: np.ndarray
    text_columns: tuple[str, ...]
    header: bool
    digest: str

    @property
    def rows(self) -> int:
        """The number of data rows read."""
        return int(self.values.shape[0])

    @property
    def key(self) -> tuple[str, str]:
        """What the table was read from (a cache key: the text's SHA-256)."""
        return ("table", self.digest)


@dataclass(frozen=True)
class Chosen:
    """Chosen columns, each of shape (n,), with no missing value left."""

    names: tuple[str, ...]
    columns: tuple[np.ndarray, ...]
    dropped: int
    sampled: bool
    total: int
    seed: int
    table_key: tuple[str, str]

    @property
    def n(self) -> int:
        """The number of rows kept."""
        return int(self.columns[0].size)

    @property
    def key(self) -> tuple[object, ...]:
        """The table, the columns, the seed and the cap they were chosen with."""
        return (self.table_key, self.names, self.seed, self.n, self.sampled)


def _separator(line: str) -> str:
    for sep in ("\t", ";"):
        if sep in line:
            return sep
    return ","


def _number(cell: str, decimal_comma: bool) -> float | None:
    """The cell's number, ``nan`` when missing, ``None`` when it is text."""
    word = cell.strip()
    if word.lower() in MISSING:
        return math.nan
    if decimal_comma:
        word = word.replace(",", ".")
    try:
        return float(word.replace("_", "!"))
    except ValueError:
        return None


def _rows(text: str) -> tuple[list[list[str]], list[int], str]:
    if not isinstance(text, str) or not text.strip():
        raise ValueError(
            "The table is empty: paste rows of numbers, one row per line, "
            "cells separated by commas, semicolons or tabs."
        )
    if len(text) > MAX_TABLE_CHARS:
        raise ValueError(
            f"The table has {len(text):,} characters; at most "
            f"{MAX_TABLE_CHARS:,} can be pasted. Paste fewer rows."
        )
    if "\x00" in text:
        raise ValueError("The table holds a NUL byte: paste text, not a binary file.")
    numbered = [(i + 1, line) for i, line in enumerate(text.splitlines())]
    numbered = [(i, line) for i, line in numbered if line.strip()]
    if len(numbered) > MAX_ROWS + 1:
        raise ValueError(
            f"The table has {len(numbered):,} lines; at most {MAX_ROWS:,} rows "
            "can be read. Paste fewer rows."
        )
    sep = _separator(numbered[0][1])
    reader = csv.reader((line for _, line in numbered), delimiter=sep)
    try:
        rows = [[cell.strip() for cell in row] for row in reader]
    except csv.Error as exc:
        raise ValueError(f"Line {numbered[reader.line_num - 1][0]}: {exc}.") from exc
    return rows, [i for i, _ in numbered], sep


def _is_header(rows: list[list[str]], decimal_comma: bool) -> bool:
    first = rows[0]
    for col, cell in enumerate(first):
        if _number(cell, decimal_comma) is not None:
            continue
        below = (row[col] for row in rows[1:] if col < len(row))
        if any(_number(c, decimal_comma) is not None for c in below):
            return True
    return len(rows) == 1 or all(_number(c, decimal_comma) is None for c in first)


def _names(first: list[str], width: int, header: bool) -> list[str]:
    names: list[str] = []
    for col in range(width):
        raw = " ".join(first[col].split()) if header and col < len(first) else ""
        if len(raw) > MAX_NAME_LENGTH:
            raw = raw[: MAX_NAME_LENGTH - 1] + "…"
        name = raw or f"column {col + 1}"
        while name in names:
            name = f"{name} ({col + 1})"
        names.append(name)
    return names


def parse_table(text: str) -> Table:
    """Read a pasted table; raise ``ValueError`` saying what to fix (line, cell).

    Parameters
    ----------
    text : str
        At most :data:`MAX_TABLE_CHARS` characters, :data:`MAX_ROWS` rows and
        :data:`MAX_COLUMNS` columns.

    Returns
    -------
    Table
        The numeric columns (shape (rows, k), with a mask of the cells present), the
        names of the text columns left out, and whether a header was found.
    """
    rows, lines, sep = _rows(text)
    decimal_comma = sep != ","
    width = max(len(row) for row in rows)
    if width > MAX_COLUMNS:
        wide = next(i for i, row in enumerate(rows) if len(row) == width)
        raise ValueError(
            f"Line {lines[wide]} has {width} cells; at most {MAX_COLUMNS} columns "
            "can be read."
        )
    header = _is_header(rows, decimal_comma)
    names = _names(rows[0], width, header)
    body, body_lines = (rows[1:], lines[1:]) if header else (rows, lines)
    if not body:
        raise ValueError(
            "The table has a header but no rows: paste the rows of numbers under it."
        )
    cells = np.full((len(body), width), np.nan)
    text_col = [False] * width
    for r, row in enumerate(body):
        for c, cell in enumerate(row):
            value = _number(cell, decimal_comma)
            if value is None:
                text_col[c] = True
            elif math.isinf(value):
                raise ValueError(
                    f"Line {body_lines[r]}, cell {c + 1} ({cell[:20]!r}) is too large "
                    "to be a number here: use a finite number."
                )
            else:
                cells[r, c] = value
    keep = [c for c in range(width) if not text_col[c]]
    if not keep:
        raise ValueError(
            "No column holds numbers (every column has text in it): paste columns "
            "of numbers, with an optional header line of names."
        )
    present = ~np.isnan(cells[:, keep])
    return Table(
        names=tuple(names[c] for c in keep),
        values=np.where(present, cells[:, keep], 0.0),
        present=present,
        text_columns=tuple(names[c] for c in range(width) if text_col[c]),
        header=header,
        digest=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
    )


def pick_columns(
    table: Table,
    names: tuple[str, ...],
    seed: int = 0,
    limit: int = SHOWN_ROWS,
) -> Chosen:
    """The chosen columns, rows with a missing cell among them dropped.

    More than ``limit`` complete rows are sampled (without replacement, order
    kept) with ``np.random.default_rng(seed)``: the same seed, the same rows.
    """
    if not isinstance(names, tuple | list) or not all(
        isinstance(name, str) for name in names
    ):
        raise ValueError(f"Choose columns by name, not {str(names)[:40]!r}.")
    if not names:
        raise ValueError("Choose at least one column.")
    seed = check_seed(seed)
    limit = check_int(limit, "the row limit", 1, MAX_ROWS)
    unknown = [name for name in names if name not in table.names]
    if unknown:
        raise ValueError(
            f"The table has no number column {unknown[0][:MAX_NAME_LENGTH]!r}; "
            f"choose one of: {', '.join(table.names)}."
        )
    index = [table.names.index(name) for name in names]
    complete = table.present[:, index].all(axis=1)
    kept = table.values[:, index][complete]
    if kept.shape[0] == 0:
        raise ValueError(
            "Every row misses a value in the chosen columns: choose other columns."
        )
    sampled = kept.shape[0] > limit
    if sampled:
        rows = np.random.default_rng(seed).choice(kept.shape[0], limit, replace=False)
        kept = kept[np.sort(rows)]
    return Chosen(
        names=tuple(names),
        columns=tuple(kept[:, i].copy() for i in range(len(names))),
        dropped=int((~complete).sum()),
        sampled=bool(sampled),
        total=int(complete.sum()),
        seed=seed,
        table_key=table.key,
    )
