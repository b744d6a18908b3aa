"""The class store's one schema, for SQLite and PostgreSQL, and its migrations.

``schema_version`` holds one row per migration applied. :func:`migrate` runs at
every start: in one transaction (under an advisory lock on PostgreSQL, the write
lock on SQLite, so two processes starting together do not both migrate) it applies
the migrations newer than the database and nothing else, so running it again does
nothing. A new migration is appended to :data:`MIGRATIONS`; an applied one is never
edited. The column types mean the same in both databases (``INTEGER`` for counts
and flags, ``DOUBLE PRECISION`` for numbers and epoch seconds, ``TEXT``).
"""

from __future__ import annotations

import time

from classroom.database import Database, Tx

#: Key of the PostgreSQL advisory lock taken while migrating ("mlmath" in ASCII).
_LOCK_KEY = 0x6D6C6D617468

_V1 = (
    """CREATE TABLE classes (
        code TEXT PRIMARY KEY,
        secret_hash TEXT NOT NULL,
        created_at DOUBLE PRECISION NOT NULL,
        expires_at DOUBLE PRECISION NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0,
        controls_free INTEGER NOT NULL DEFAULT 1,
        page TEXT NOT NULL DEFAULT '',
        view_name TEXT NOT NULL DEFAULT '',
        query TEXT NOT NULL DEFAULT '',
        view_version INTEGER NOT NULL DEFAULT 0,
        students INTEGER NOT NULL DEFAULT 0,
        round_no INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX classes_by_expiry ON classes (expires_at)",
    """CREATE TABLE students (
        class_code TEXT NOT NULL REFERENCES classes (code) ON DELETE CASCADE,
        student_no INTEGER NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        nickname TEXT,
        joined_at DOUBLE PRECISION NOT NULL,
        allowance DOUBLE PRECISION NOT NULL,
        allowance_at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (class_code, student_no)
    )""",
    """CREATE TABLE rounds (
        class_code TEXT NOT NULL REFERENCES classes (code) ON DELETE CASCADE,
        round_no INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        prompt TEXT NOT NULL,
        answer DOUBLE PRECISION NOT NULL,
        tolerance DOUBLE PRECISION NOT NULL,
        low DOUBLE PRECISION NOT NULL,
        high DOUBLE PRECISION NOT NULL,
        unit TEXT NOT NULL,
        page TEXT NOT NULL,
        view_name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'locked', 'revealed')),
        opened_at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (class_code, round_no)
    )""",
    """CREATE TABLE answers (
        class_code TEXT NOT NULL,
        round_no INTEGER NOT NULL,
        student_no INTEGER NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        answered_at DOUBLE PRECISION NOT NULL,
        changes INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (class_code, round_no, student_no),
        FOREIGN KEY (class_code, round_no)
            REFERENCES rounds (class_code, round_no) ON DELETE CASCADE,
        FOREIGN KEY (class_code, student_no)
            REFERENCES students (class_code, student_no) ON DELETE CASCADE
    )""",
)

#: (version, statements), oldest first.
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = ((1, _V1),)
LATEST = MIGRATIONS[-1][0]


def migrate(database: Database) -> int:
    """Bring the database to :data:`LATEST`; the version it is at afterwards.

    Raises ``RuntimeError`` when the database was made by a newer program.
    """

    def work(tx: Tx) -> int:
        if database.postgres:
            tx.one("SELECT pg_advisory_xact_lock(?)", _LOCK_KEY)
        tx.run(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)"
        )
        row = tx.one("SELECT MAX(version) FROM schema_version")
        current = int(row[0]) if row and row[0] is not None else 0
        if current > LATEST:
            raise RuntimeError(
                f"The class database has schema version {current}, newer than this "
                f"program's {LATEST}: update the program."
            )
        for version, statements in MIGRATIONS:
            if version > current:
                for statement in statements:
                    tx.run(statement)
                tx.run(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    version,
                    time.time(),
                )
        return LATEST

    return database.run(work, write=True)
