r"""A pasted or uploaded table: read rows of numbers, choose columns, sample big tables.

The separator (tab, ``;`` or ``,``) is read from the first line; with ``;`` or a
tab a comma inside a number is a decimal comma (``1,5`` is 1.5). The first row is
a header when one of its cells is not a number while the cells below it are.
Empty cells (and ``NA``, ``nan``, ``?``) are missing: a row missing a value in a
chosen column is dropped, and counted. Columns that hold text are named and
left out. An uploaded file (:func:`parse_upload`) is read the same way once its
bytes are known to be text (UTF-8, or Windows-1252 as older spreadsheets write).

Examples
--------
>>> table = parse_table("hours;score;name\n1;2,5;Ann\n2;;Bo\n3;4,5;Cy")
>>> table.names, table.text_columns, table.rows
(('hours', 'score'), ('name',), 3)
>>> chosen = pick_columns(table, ("hours", "score"))
>>> chosen.columns[1].tolist(), chosen.dropped
([2.5, 4.5], 1)
>>> parse_upload(b"x,y\n1,2\n3,5\n").values.tolist()
[[1.0, 2.0], [3.0, 5.0]]
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
#: Largest file a learner may upload (bytes), and the most rows read from it.
MAX_UPLOAD_BYTES = 256 * 1024
MAX_UPLOAD_ROWS = 100_000
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


def _rows(
    text: str, max_chars: int = MAX_TABLE_CHARS, max_rows: int = MAX_ROWS
) -> tuple[list[list[str]], list[int], str]:
    if not isinstance(text, str) or not text.strip():
        raise ValueError(
            "The table is empty: paste rows of numbers, one row per line, "
            "cells separated by commas, semicolons or tabs."
        )
    if len(text) > max_chars:
        raise ValueError(
            f"The table has {len(text):,} characters; at most "
            f"{max_chars:,} can be pasted. Paste fewer rows."
        )
    if "\x00" in text:
        raise ValueError("The table holds a NUL byte: paste text, not a binary file.")
    numbered = [(i + 1, line) for i, line in enumerate(text.splitlines())]
    numbered = [(i, line) for i, line in numbered if line.strip()]
    if len(numbered) > max_rows + 1:
        raise ValueError(
            f"The table has {len(numbered):,} lines; at most {max_rows:,} rows "
            "can be read. Use fewer rows."
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


def parse_table(
    text: str, *, max_chars: int = MAX_TABLE_CHARS, max_rows: int = MAX_ROWS
) -> Table:
    """Read a pasted table; raise ``ValueError`` saying what to fix (line, cell).

    Parameters
    ----------
    text : str
        At most ``max_chars`` characters, ``max_rows`` rows (and a header) and
        :data:`MAX_COLUMNS` columns.
    max_chars, max_rows : int
        The caps (a pasted table's by default; an upload's are larger).

    Returns
    -------
    Table
        The numeric columns (shape (rows, k), with a mask of the cells present), the
        names of the text columns left out, and whether a header was found.
    """
    max_chars = check_int(max_chars, "The character limit", 1, MAX_UPLOAD_BYTES)
    max_rows = check_int(max_rows, "The row limit", 1, MAX_UPLOAD_ROWS)
    rows, lines, sep = _rows(text, max_chars, max_rows)
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


def _decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without a BOM), else Windows-1252."""
    controls = sum(data.count(bytes([c])) for c in range(32) if c not in (9, 10, 13))
    if b"\x00" in data or controls > len(data) // 100:
        raise ValueError(
            "The file is not a text table (it holds binary data, like a spreadsheet "
            "workbook or an image): save it as CSV (comma or semicolon separated) "
            "and upload that file."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError(
        "The file's characters could not be read: save it as CSV in UTF-8 and "
        "upload it again."
    )


def parse_upload(data: bytes) -> Table:
    """Read an uploaded CSV file (at most :data:`MAX_UPLOAD_BYTES` bytes).

    Parameters
    ----------
    data : bytes
        The file's bytes: text in UTF-8 or Windows-1252, read as by
        :func:`parse_table` with up to :data:`MAX_UPLOAD_ROWS` rows.

    Returns
    -------
    Table
        The numeric columns, as for a pasted table.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ValueError(f"Upload a file, not {type(data).__name__}.")
    data = bytes(data)
    if not data.strip():
        raise ValueError(
            "The file is empty: upload a CSV file with rows of numbers, one row "
            "per line."
        )
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValueError(
            f"The file has {len(data) / 1024:,.0f} KB; at most "
            f"{MAX_UPLOAD_BYTES // 1024} KB can be uploaded. Keep fewer rows or "
            "columns (a sample of the rows is enough)."
        )
    text = _decode(data)
    return parse_table(text, max_chars=MAX_UPLOAD_BYTES, max_rows=MAX_UPLOAD_ROWS)


def require_columns(table: Table, count: int) -> Table:
    """``table`` itself, if it has at least ``count`` number columns."""
    count = check_int(count, "the number of columns", 1, MAX_COLUMNS)
    if len(table.names) < count:
        left_out = (
            f" ({', '.join(table.text_columns[:5])} hold text)"
            if table.text_columns
            else ""
        )
        raise ValueError(
            f"The table has {len(table.names)} number column"
            f"{'' if len(table.names) == 1 else 's'}{left_out}; this view needs "
            f"{count}: add a column of numbers."
        )
    return table


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
