"""Reading the class store's rows inside a transaction, with the access checks.

Each reader raises the error a person can act on: :class:`UnknownClass` for a code
that names no class (or an expired one), :class:`NotTeacher` for a wrong secret,
:class:`UnknownClass` for a student token that is not in the class.
"""

from __future__ import annotations

import hmac
import time
from typing import Any, NamedTuple

from classroom import rules
from classroom.database import Tx
from classroom.records import ClassState, Question
from classroom.rules import NotTeacher, UnknownClass


class ClassRow(NamedTuple):
    """A row of ``classes``."""

    code: str
    secret_hash: str
    created_at: float
    expires_at: float
    paused: int
    controls_free: int
    page: str
    view: str
    query: str
    view_version: int
    students: int
    round_no: int


class StudentRow(NamedTuple):
    """The parts of a row of ``students`` an operation needs."""

    number: int
    nickname: str | None
    allowance: float
    allowance_at: float


_CLASS = (
    "SELECT code, secret_hash, created_at, expires_at, paused, controls_free, page, "
    "view_name, query, view_version, students, round_no FROM classes WHERE code = ?"
)
#: Columns in the order of :class:`Question`'s fields (``answer`` last).
_ROUND = (
    "SELECT round_no, question_id, prompt, unit, low, high, tolerance, page, "
    "view_name, status, opened_at, answer FROM rounds "
    "WHERE class_code = ? AND round_no = ?"
)
_STUDENT = (
    "SELECT student_no, nickname, allowance, allowance_at FROM students "
    "WHERE class_code = ? AND token_hash = ?"
)


def class_row(
    tx: Tx, code: Any, now: float, lock: str = "", expired: bool = False
) -> ClassRow:
    """The class ``code`` names; an expired one only with ``expired``."""
    code = rules.check_code(code)
    row = tx.one(_CLASS + lock, code)
    if row is None:
        raise UnknownClass(f"There is no class {code}: check the code.")
    found = ClassRow(*row)
    if not expired and found.expires_at <= now:
        ended = time.strftime("%H:%M on %d %b", time.localtime(found.expires_at))
        raise UnknownClass(
            f"Class {code} has ended (it expired at {ended}): start a new class."
        )
    return found


def teacher_row(
    tx: Tx, code: Any, secret: Any, now: float, lock: str = "", expired: bool = False
) -> ClassRow:
    """The class, if ``secret`` is its teacher secret."""
    found = class_row(tx, code, now, lock, expired)
    given = rules.digest(rules.check_secret(secret))
    if not hmac.compare_digest(given, found.secret_hash):
        raise NotTeacher(f"That is not the teacher secret of class {found.code}.")
    return found


def student_row(tx: Tx, code: str, token: Any, lock: str = "") -> StudentRow:
    """The student whose token this is, in class ``code``."""
    token = rules.check_secret(token, "a student token")
    row = tx.one(_STUDENT + lock, code, rules.digest(token))
    if row is None:
        raise UnknownClass(f"You are not in class {code} (any more): join again.")
    return StudentRow(*row)


def question(tx: Tx, code: str, round_no: int, teacher: bool) -> Question | None:
    """Round ``round_no``; its true answer only for the teacher or once revealed."""
    row = tx.one(_ROUND, code, round_no) if round_no else None
    if row is None:
        return None
    number, question_id, prompt, unit, low, high, tolerance, page, view = row[:9]
    status, opened_at, answer = row[9:]
    shown = teacher or status == "revealed"
    return Question(
        number, question_id, prompt, unit, low, high, tolerance, page, view,
        status, opened_at, float(answer) if shown else None,
    )  # fmt: skip


def state(tx: Tx, found: ClassRow, teacher: bool) -> ClassState:
    """What a page polls: the class row, its current question, how many answered."""
    counted = tx.one(
        "SELECT COUNT(*) FROM answers WHERE class_code = ? AND round_no = ?",
        found.code,
        found.round_no,
    )
    return ClassState(
        code=found.code,
        created_at=found.created_at,
        expires_at=found.expires_at,
        paused=bool(found.paused),
        controls_free=bool(found.controls_free),
        page=found.page,
        view=found.view,
        query=found.query,
        view_version=found.view_version,
        students=found.students,
        question=question(tx, found.code, found.round_no, teacher),
        answered=int(counted[0]) if counted else 0,
    )
