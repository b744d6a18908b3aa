"""The live class: every operation a teacher or a student does, one transaction each.

All state is in the database, so any process (or a restarted one) serves the same
class. Teacher actions and joins take the class row exclusively (``FOR UPDATE``)
and answers take it shared (``FOR SHARE``), so an answer is either in before a
lock or refused after it; on SQLite every write holds the file's write lock instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from classroom import rows, rules
from classroom.database import Database, Tx
from classroom.export import AnswerRow, answers_csv
from classroom.records import (
    ClassState,
    NewClass,
    Question,
    RoundAnswers,
    Student,
    StudentState,
)
from classroom.rows import ClassRow
from classroom.rules import QuestionSpec, TooFast
from classroom.schema import migrate

T = TypeVar("T")


class ClassStore:
    """The class database: open it once per process and share it between sessions.

    Every method is one transaction and safe to call from many threads and
    processes at once. Bad input raises ``ValueError`` (or its subclasses
    :class:`~classroom.rules.UnknownClass`, :class:`~classroom.rules.NotTeacher`,
    :class:`~classroom.rules.TooFast`); a database that does not answer raises
    :class:`~classroom.database.StoreUnavailable`. ``clock`` gives the time in epoch
    seconds (``time.time``). The schema is created or migrated when the store opens.
    """

    def __init__(
        self, database: Database, clock: Callable[[], float] = time.time
    ) -> None:
        self.database = database
        self._now = clock
        migrate(database)

    def close(self) -> None:
        """Close the store's connections (the data stays in the database)."""
        self.database.close()

    def __enter__(self) -> ClassStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _write(self, code: Any, secret: Any, change: Callable[[Tx, ClassRow], T]) -> T:
        """Run ``change`` on the class row, locked, if ``secret`` is the teacher's."""

        def work(tx: Tx) -> T:
            found = rows.teacher_row(tx, code, secret, self._now(), tx.for_update)
            return change(tx, found)

        return self.database.run(work, write=True)

    # -- the teacher ---------------------------------------------------------------

    def start_class(self, lifetime_s: float = rules.LIFETIME_S) -> NewClass:
        """Start a class: a new code, a teacher secret, an expiry time.

        Classes that expired more than :data:`~classroom.rules.RETENTION_S` ago are
        purged. ``ValueError`` when :data:`~classroom.rules.MAX_OPEN_CLASSES` run.
        """
        lifetime = rules.check_lifetime(lifetime_s)
        secret = rules.new_secret()

        def work(tx: Tx) -> NewClass:
            now = self._now()
            tx.run("DELETE FROM classes WHERE expires_at < ?", now - rules.RETENTION_S)
            running = tx.one("SELECT COUNT(*) FROM classes WHERE expires_at > ?", now)
            if running and running[0] >= rules.MAX_OPEN_CLASSES:
                raise ValueError("Too many classes are running on this server.")
            code = rules.new_code()
            while tx.one("SELECT 1 FROM classes WHERE code = ?", code) is not None:
                code = rules.new_code()  # 1 in 10⁶ with 500 classes running
            tx.run(
                "INSERT INTO classes (code, secret_hash, created_at, expires_at) "
                "VALUES (?, ?, ?, ?)",
                code, rules.digest(secret), now, now + lifetime,
            )  # fmt: skip
            return NewClass(code, secret, now + lifetime)

        return self.database.run(work, write=True)

    def push_view(
        self, code: str, secret: str, page: str, view: str = "", query: str = ""
    ) -> int:
        """Send the class to ``page`` / ``view`` with the link's ``query``.

        Returns the new ``view_version`` (students follow when it changes).
        """
        page = rules.check_slug(page, "The page")
        view = rules.check_slug(view, "The view", empty=True)
        query = rules.check_query(query)

        def change(tx: Tx, found: ClassRow) -> int:
            tx.run(
                "UPDATE classes SET page = ?, view_name = ?, query = ?, "
                "view_version = view_version + 1 WHERE code = ?",
                page, view, query, found.code,
            )  # fmt: skip
            return found.view_version + 1

        return self._write(code, secret, change)

    def set_controls_free(self, code: str, secret: str, free: bool) -> None:
        """Whether students may move the controls themselves (else they follow)."""
        self._set_flag(code, secret, "controls_free", free)

    def set_paused(self, code: str, secret: str, paused: bool) -> None:
        """Pause the class (no answer is taken) or carry on."""
        self._set_flag(code, secret, "paused", paused)

    def _set_flag(self, code: str, secret: str, column: str, on: bool) -> None:
        if not isinstance(on, bool):
            raise ValueError(f"{column} is True or False, not {on!r}.")

        def change(tx: Tx, found: ClassRow) -> None:
            tx.run(
                f"UPDATE classes SET {column} = ? WHERE code = ?", int(on), found.code
            )

        self._write(code, secret, change)

    def open_question(self, code: str, secret: str, spec: QuestionSpec) -> Question:
        """Ask ``spec`` as the next round; earlier rounds are locked and kept."""
        spec = spec.checked()

        def change(tx: Tx, found: ClassRow) -> Question:
            number = found.round_no + 1
            tx.run(
                "UPDATE rounds SET status = 'locked' "
                "WHERE class_code = ? AND status = 'open'",
                found.code,
            )
            tx.run(
                "INSERT INTO rounds (class_code, round_no, question_id, prompt, "
                "answer, tolerance, low, high, unit, page, view_name, status, "
                "opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)",
                found.code, number, spec.question_id, spec.prompt, spec.answer,
                spec.tolerance, spec.low, spec.high, spec.unit, spec.page,
                spec.view, self._now(),
            )  # fmt: skip
            tx.run("UPDATE classes SET round_no = ? WHERE code = ?", number, found.code)
            asked = rows.question(tx, found.code, number, teacher=True)
            assert asked is not None  # inserted just above
            return asked

        return self._write(code, secret, change)

    def lock(self, code: str, secret: str) -> None:
        """Stop taking answers to the current question."""
        self._set_status(code, secret, "locked")

    def reveal(self, code: str, secret: str) -> None:
        """Lock the current question and show its true answer to everyone."""
        self._set_status(code, secret, "revealed")

    def _set_status(self, code: str, secret: str, status: str) -> None:
        def change(tx: Tx, found: ClassRow) -> None:
            if found.round_no == 0:
                raise ValueError("No question has been asked yet.")
            tx.run(
                "UPDATE rounds SET status = ? WHERE class_code = ? AND round_no = ? "
                "AND status <> 'revealed'",
                status, found.code, found.round_no,
            )  # fmt: skip

        self._write(code, secret, change)

    def class_state(self, code: str) -> ClassState:
        """The class as a student page polls it (no true answer before the reveal)."""

        def work(tx: Tx) -> ClassState:
            found = rows.class_row(tx, code, self._now())
            return rows.state(tx, found, teacher=False)

        return self.database.run(work)

    def teacher_state(self, code: str, secret: str) -> ClassState:
        """The class as the teacher's page polls it: the true answer shown."""

        def work(tx: Tx) -> ClassState:
            found = rows.teacher_row(tx, code, secret, self._now())
            return rows.state(tx, found, teacher=True)

        return self.database.run(work)

    def answers(
        self, code: str, secret: str, round_no: int | None = None, names: bool = False
    ) -> RoundAnswers:
        """One round's answers (the current one by default), in joining order.

        ``names`` adds each student's nickname, or alias when they gave none.
        """
        if round_no is not None and (
            isinstance(round_no, bool) or not isinstance(round_no, int) or round_no < 1
        ):
            raise ValueError(f"A round is a number from 1, not {round_no!r}.")

        def work(tx: Tx) -> RoundAnswers:
            found = rows.teacher_row(tx, code, secret, self._now())
            number = found.round_no if round_no is None else round_no
            stored = tx.rows(
                "SELECT a.value, s.student_no, s.nickname FROM answers a "
                "JOIN students s ON s.class_code = a.class_code "
                "AND s.student_no = a.student_no "
                "WHERE a.class_code = ? AND a.round_no = ? ORDER BY s.student_no",
                found.code, number,
            )  # fmt: skip
            values = tuple(float(value) for value, _, _ in stored)
            shown = tuple(nick or rules.alias(no) for _, no, nick in stored)
            return RoundAnswers(number, len(values), values, shown if names else None)

        return self.database.run(work)

    def export_csv(self, code: str, secret: str, names: bool = False) -> str:
        """Every answer of the session as CSV (see :mod:`classroom.export`).

        Works after the class expired too, until it is purged a week later.
        """

        def work(tx: Tx) -> list[AnswerRow]:
            found = rows.teacher_row(tx, code, secret, self._now(), expired=True)
            stored = tx.rows(
                "SELECT r.round_no, r.question_id, r.prompt, r.unit, r.answer, "
                "r.tolerance, s.student_no, s.nickname, a.value, a.changes, "
                "a.answered_at FROM answers a "
                "JOIN rounds r ON r.class_code = a.class_code "
                "AND r.round_no = a.round_no "
                "JOIN students s ON s.class_code = a.class_code "
                "AND s.student_no = a.student_no "
                "WHERE a.class_code = ? ORDER BY r.round_no, s.student_no",
                found.code,
            )
            return [AnswerRow(*line) for line in stored]

        return answers_csv(self.database.run(work), names=names)

    # -- the students --------------------------------------------------------------

    def join(self, code: str, nickname: str | None = None) -> Student:
        """Join a class as the next ``Student N``, with an optional nickname."""
        nickname = rules.clean_nickname(nickname)
        token = rules.new_secret()

        def work(tx: Tx) -> Student:
            found = rows.class_row(tx, code, self._now(), tx.for_update)
            number = found.students + 1
            if number > rules.MAX_STUDENTS:
                raise ValueError(
                    f"Class {found.code} is full ({rules.MAX_STUDENTS} students)."
                )
            now = self._now()
            tx.run(
                "INSERT INTO students (class_code, student_no, token_hash, nickname, "
                "joined_at, allowance, allowance_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                found.code, number, rules.digest(token), nickname, now,
                rules.ANSWER_BURST, now,
            )  # fmt: skip
            tx.run("UPDATE classes SET students = ? WHERE code = ?", number, found.code)
            return Student(found.code, number, rules.alias(number), nickname, token)

        return self.database.run(work, write=True)

    def rejoin(self, code: str, token: str) -> Student:
        """The student a token belongs to (e.g. after the app process restarted)."""

        def work(tx: Tx) -> Student:
            found = rows.class_row(tx, code, self._now())
            student = rows.student_row(tx, found.code, token)
            number, nickname = student.number, student.nickname
            return Student(found.code, number, rules.alias(number), nickname, token)

        return self.database.run(work)

    def student_state(self, code: str, token: str) -> StudentState:
        """A student's poll: the class state and their own current answer."""

        def work(tx: Tx) -> StudentState:
            found = rows.class_row(tx, code, self._now())
            student = rows.student_row(tx, found.code, token)
            mine = tx.one(
                "SELECT value FROM answers "
                "WHERE class_code = ? AND round_no = ? AND student_no = ?",
                found.code, found.round_no, student.number,
            )  # fmt: skip
            who = Student(
                found.code,
                student.number,
                rules.alias(student.number),
                student.nickname,
                token,
            )
            state = rows.state(tx, found, teacher=False)
            return StudentState(state, who, None if mine is None else float(mine[0]))

        return self.database.run(work)

    def submit(self, code: str, token: str, value: Any) -> float:
        """Store a student's answer to the current question; the number stored.

        A later answer replaces the earlier one. Refused with ``ValueError``: not a
        finite number or too long (before the database is asked), out of the
        question's range, no open question, a paused class; with
        :class:`~classroom.rules.TooFast` past the per-student rate limit (every
        answer that reaches the database counts toward it, taken or not).
        """
        number = rules.parse_answer(value)

        def work(tx: Tx) -> float | ValueError:
            found = rows.class_row(tx, code, self._now(), tx.for_share)
            student = rows.student_row(tx, found.code, token, tx.for_update)
            now = self._now()
            refill = max(0.0, now - student.allowance_at) * rules.ANSWERS_PER_S
            allowance = min(rules.ANSWER_BURST, student.allowance + refill)
            if allowance < 1.0:
                return TooFast("You are answering too fast: wait a second.")
            tx.run(
                "UPDATE students SET allowance = ?, allowance_at = ? "
                "WHERE class_code = ? AND student_no = ?",
                allowance - 1.0, now, found.code, student.number,
            )  # fmt: skip
            return _store_answer(tx, found, student.number, number, now)

        outcome = self.database.run(work, write=True)
        if isinstance(outcome, ValueError):
            raise outcome
        return outcome


def _store_answer(
    tx: Tx, found: ClassRow, student: int, number: float, now: float
) -> float | ValueError:
    """Upsert the answer, or the reason not to (returned, so the rate stays counted)."""
    if found.paused:
        return ValueError("The class is paused: wait for your teacher.")
    question = rows.question(tx, found.code, found.round_no, teacher=True)
    if question is None:
        return ValueError("There is no question to answer yet.")
    if not question.accepts_answers:
        return ValueError("Answers to this question are closed.")
    try:
        rules.check_in_range(number, question.low, question.high)
    except ValueError as error:
        return error
    tx.run(
        "INSERT INTO answers (class_code, round_no, student_no, value, answered_at) "
        "VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (class_code, round_no, student_no) DO UPDATE SET "
        "value = excluded.value, answered_at = excluded.answered_at, "
        "changes = answers.changes + 1",
        found.code, found.round_no, student, number, now,
    )  # fmt: skip
    return number
