"""Typed paired data: two lists (``"1, 2, 3"``) or two pasted columns (``x, y`` per line).

Examples
--------
>>> x, y = parse_lists("1, 2, 3", "10 20 30")
>>> x.tolist(), y.tolist()
([1.0, 2.0, 3.0], [10.0, 20.0, 30.0])
>>> print(columns_text(x, y))
1, 10
2, 20
3, 30
"""

from __future__ import annotations

import re
from typing import Literal

import numpy as np

from core.correlation.pairs import PairStats, check_pairs, pair_stats
from core.parsing import (
    MAX_LIST_LENGTH,
    check_names,
    format_number,
    format_vector,
    parse_number,
    parse_vector,
)

Entry = Literal["lists", "columns"]
#: Longest column name kept from a header line (a name is learner text).
MAX_NAME_LENGTH = 30
_COLUMN_SPLIT = re.compile(r"[,;\t ]+")


def parse_lists(x_text: str, y_text: str) -> tuple[np.ndarray, np.ndarray]:
    """Read two typed lists, e.g. ``"1, 2, 3"`` and ``"10 20 30"``.

    Returns
    -------
    x, y : ndarray of shape (n,)
    """
    xs = parse_vector(x_text, "x")
    ys = parse_vector(y_text, "y")
    check_pairs(xs, ys)
    return xs, ys


def _header_names(line: str) -> tuple[str, str] | None:
    """The two column names of a header line, or ``None`` if it holds numbers."""
    header = [tok for tok in _COLUMN_SPLIT.split(line) if tok]
    if len(header) != 2 or any(_looks_numeric(tok) for tok in header):
        return None
    names = (header[0][:MAX_NAME_LENGTH], header[1][:MAX_NAME_LENGTH])
    if names[0] == names[1]:
        names = (names[0] + " (1)", names[1] + " (2)")
    return names


def _split_lines(text: object) -> list[str]:
    if not isinstance(text, str):
        raise ValueError("The columns must be text.")
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        raise ValueError(
            "The columns are empty: enter one pair per line, x then y, e.g. 1, 10."
        )
    if len(lines) > MAX_LIST_LENGTH + 1:
        raise ValueError(
            f"There are {len(lines):,} lines; the most this page takes is "
            f"{MAX_LIST_LENGTH:,} pairs."
        )
    return lines


def parse_columns(text: str) -> tuple[np.ndarray, np.ndarray, tuple[str, str]]:
    r"""Read two pasted columns: one ``x, y`` pair per line.

    Commas, semicolons, tabs (a spreadsheet paste) or spaces separate the two
    numbers. An optional first line of two words names the columns.

    Returns
    -------
    x, y : ndarray of shape (n,)
    names : (str, str)
        The header's names (at most 30 characters each), or ``("x", "y")``.

    Examples
    --------
    >>> x, y, names = parse_columns("hours\tscore\n1\t50\n2\t60")
    >>> names, x.tolist(), y.tolist()
    (('hours', 'score'), [1.0, 2.0], [50.0, 60.0])
    """
    lines = _split_lines(text)
    header = _header_names(lines[0])
    names = header or ("x", "y")
    if header is not None:
        lines = lines[1:]
    xs, ys = [], []
    # a header counts as line 1 unless it merely says "x, y"
    for number, line in enumerate(lines, start=1 + (names != ("x", "y"))):
        tokens = [tok for tok in _COLUMN_SPLIT.split(line) if tok]
        if len(tokens) != 2:
            raise ValueError(
                f"Line {number} ({line[:40]!r}) has {len(tokens)} "
                f"{'entry' if len(tokens) == 1 else 'entries'}; each line needs "
                "exactly two numbers: x, then y."
            )
        xs.append(parse_number(tokens[0], f"Line {number}, x"))
        ys.append(parse_number(tokens[1], f"Line {number}, y"))
    x, y = np.array(xs, dtype=float), np.array(ys, dtype=float)
    if x.size < 2:
        raise ValueError(
            f"Correlation needs at least 2 points (x, y), but there is only {x.size}."
        )
    check_pairs(x, y, names)
    return x, y, names


def pairs_from_lists(x: str, y: str) -> PairStats:
    """Statistics of two typed lists (the "two lists" entry)."""
    return pair_stats(*parse_lists(x, y))


def pairs_from_columns(xy: str) -> PairStats:
    """Statistics of two pasted columns (the "two columns" entry)."""
    xs, ys, names = parse_columns(xy)
    return pair_stats(xs, ys, names)


def _looks_numeric(token: str) -> bool:
    try:
        parse_number(token)
    except ValueError:
        return token.strip().lower().lstrip("+-") in {"nan", "inf", "infinity"}
    return True


def columns_text(
    x: np.ndarray, y: np.ndarray, names: tuple[str, str] = ("x", "y")
) -> str:
    """Write paired data as two columns (inverse of :func:`parse_columns`)."""
    name_x, name_y = check_names(names)
    names = (name_x, name_y)
    xs, ys = check_pairs(x, y, ("x", "y"))
    header = "" if names == ("x", "y") else f"{names[0]}, {names[1]}\n"
    return header + "\n".join(
        f"{format_number(a)}, {format_number(b)}" for a, b in zip(xs, ys, strict=True)
    )


def lists_text(values: np.ndarray) -> str:
    """Write one list as ``"1, 2, 3"`` (inverse of ``parse_vector``)."""
    return format_vector(values)


def convert_entry(entry: Entry, x: str, y: str, xy: str) -> dict[str, str]:
    r"""The other entry's text when the learner switches lists ↔ columns.

    Switching to ``"columns"`` writes the two lists as ``xy``; switching to
    ``"lists"`` writes the columns as ``x`` and ``y``. Returns ``{}`` when the
    data being left does not parse (the other box keeps its text).

    Examples
    --------
    >>> convert_entry("columns", "1, 2", "3, 4", "")
    {'xy': '1, 3\n2, 4'}
    """
    try:
        if entry == "columns":
            xs, ys = parse_lists(x, y)
            return {"xy": columns_text(xs, ys)}
        xs, ys, _ = parse_columns(xy)
    except ValueError:
        return {}
    return {"x": lists_text(xs), "y": lists_text(ys)}
