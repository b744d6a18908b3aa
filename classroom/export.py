"""A session's answers as CSV, safe to open in a spreadsheet.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab
or carriage return) as a formula, so every *text* cell (the prompt, the question
id, the unit, a nickname) that starts with one gets a leading ``'``, which shows
the text as typed. Numbers are written by Python (digits, sign, point, exponent
only), so a negative answer stays a number the spreadsheet can average.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterable
from dataclasses import dataclass

from classroom.rules import alias, is_close

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HEADER = (
    "round",
    "question_id",
    "question",
    "unit",
    "true_answer",
    "tolerance",
    "student",
    "answer",
    "off_by",
    "close",
    "changes",
    "answered_at_utc",
)


@dataclass(frozen=True)
class AnswerRow:
    """One stored answer with its round's question, as the export reads it."""

    round: int
    question_id: str
    prompt: str
    unit: str
    true_answer: float
    tolerance: float
    student_no: int
    nickname: str | None
    value: float
    changes: int
    answered_at: float


def cell(text: str) -> str:
    """A text cell a spreadsheet shows as text: ``'=1+1`` for ``=1+1``.

    >>> cell("=HYPERLINK(\\"http://x\\")"), cell("Blue Fox")
    ('\\'=HYPERLINK("http://x")', 'Blue Fox')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(value: float) -> str:
    return repr(float(value))


def answers_csv(rows: Iterable[AnswerRow], names: bool = False) -> str:
    """The CSV text: a header, then one line per answer, in the order given.

    With ``names`` a ``nickname`` column follows ``student`` (the alias); without
    it no name a student typed appears anywhere in the file.
    """
    header = list(HEADER)
    if names:
        header.insert(header.index("student") + 1, "nickname")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        off_by = abs(row.value - row.true_answer)
        line = [
            str(row.round),
            cell(row.question_id),
            cell(row.prompt),
            cell(row.unit),
            _number(row.true_answer),
            _number(row.tolerance),
            alias(row.student_no),
            _number(row.value),
            _number(off_by),
            "yes" if is_close(row.value, row.true_answer, row.tolerance) else "no",
            str(row.changes),
            time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(row.answered_at)),
        ]
        if names:
            line.insert(header.index("nickname"), cell(row.nickname or ""))
        writer.writerow(line)
    return out.getvalue()
