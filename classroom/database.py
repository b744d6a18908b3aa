"""The two backends of the class store behind one small interface.

A :class:`Database` runs a function in one transaction (:meth:`Database.run`) on a
connection borrowed from a small pool, so the threads of one Streamlit process
(one per running script) share a few connections instead of opening one each.

- :class:`SqliteDatabase`: a file, WAL mode (readers never wait for the writer),
  ``busy_timeout`` (a writer waits for another instead of failing), one write at a
  time (``BEGIN IMMEDIATE``), ``synchronous=NORMAL`` (a crash of the process loses
  nothing; a power cut may lose the last moments).
- :class:`PostgresDatabase`: ``psycopg`` 3 with autocommit connections and explicit
  transactions; reads run ``REPEATABLE READ READ ONLY`` so a poll sees one moment.

SQL is written once with ``?`` placeholders; ``tx.for_update`` / ``tx.for_share``
are the row locks PostgreSQL needs (SQLite serialises writers itself).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
C = TypeVar("C")
Row = tuple[Any, ...]

#: Connections per process and backend: 60 polling students need few, briefly.
POOL_SIZE = 4
#: How long a statement may wait for a lock before the store says it is busy.
WAIT_S = 5.0


class StoreUnavailable(RuntimeError):
    """The database did not answer (down, or busy past :data:`WAIT_S`)."""


class Tx:
    """One transaction: run SQL with ``?`` placeholders, read rows."""

    def __init__(self, execute: Callable[[str, Sequence[Any]], Any], postgres: bool):
        self._execute = execute
        self._postgres = postgres
        self.started = False
        self.for_update = " FOR UPDATE" if postgres else ""
        self.for_share = " FOR SHARE" if postgres else ""

    def _cursor(self, sql: str, params: Sequence[Any]) -> Any:
        cursor = self._execute(
            sql.replace("?", "%s") if self._postgres else sql, params
        )
        self.started = True
        return cursor

    def rows(self, sql: str, *params: Any) -> list[Row]:
        """Every row the statement returns."""
        return [tuple(row) for row in self._cursor(sql, params).fetchall()]

    def one(self, sql: str, *params: Any) -> Row | None:
        """The first row, or ``None``."""
        row = self._cursor(sql, params).fetchone()
        return None if row is None else tuple(row)

    def run(self, sql: str, *params: Any) -> int:
        """Run a statement; the number of rows it changed."""
        return int(self._cursor(sql, params).rowcount)


class _Pool(Generic[C]):
    """At most ``size`` connections, opened when first needed, reused after."""

    def __init__(self, connect: Callable[[], C], close: Callable[[C], None], size: int):
        self._connect, self._close = connect, close
        self._idle: list[C] = []
        self._closed = False
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(size)

    def get(self) -> C:
        if not self._slots.acquire(timeout=4 * WAIT_S):
            raise StoreUnavailable("The class database is busy: try again in a moment.")
        with self._lock:
            if self._idle:
                return self._idle.pop()
        try:
            return self._connect()
        except BaseException:
            self._slots.release()
            raise

    def put(self, connection: C, discard: bool = False) -> None:
        with self._lock:
            keep = not (discard or self._closed)
            if keep:
                self._idle.append(connection)
        if not keep:
            self._safe_close(connection)
        self._slots.release()

    def _safe_close(self, connection: C) -> None:
        # A broken connection may fail to close: it is gone anyway.
        with contextlib.suppress(Exception):
            self._close(connection)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for connection in idle:
            self._safe_close(connection)


class Database:
    """A pool of connections to one database, and transactions on them."""

    postgres = False
    _unavailable: tuple[type[Exception], ...] = (sqlite3.OperationalError,)

    def __init__(self, connect: Callable[[], Any]) -> None:
        self._pool: _Pool[Any] = _Pool(connect, lambda conn: conn.close(), POOL_SIZE)

    def run(self, work: Callable[[Tx], T], write: bool = False) -> T:
        """``work(tx)`` in one transaction: committed if it returns, else rolled back.

        A connection found broken before anything ran (the server restarted) is
        replaced and the work tried once more. Database failures become
        :class:`StoreUnavailable`; anything ``work`` raises passes through.
        """
        for attempt in (1, 2):
            try:
                connection = self._pool.get()
            except self._unavailable as error:
                raise _unavailable(error) from error
            tx = Tx(connection.execute, self.postgres)
            try:
                result = self._transaction(connection, tx, work, write)
            except self._unavailable as error:
                broken = self._broken(connection)
                self._pool.put(connection, discard=broken)
                if broken and not tx.started and attempt == 1:
                    continue
                raise _unavailable(error) from error
            except BaseException:
                self._pool.put(connection, discard=self._broken(connection))
                raise
            self._pool.put(connection)
            return result
        raise AssertionError("unreachable")  # pragma: no cover

    def _transaction(
        self, connection: Any, tx: Tx, work: Callable[[Tx], T], write: bool
    ) -> T:
        raise NotImplementedError

    def _broken(self, connection: Any) -> bool:
        return False

    def close(self) -> None:
        """Close the idle connections (borrowed ones close when given back)."""
        self._pool.close()


def _unavailable(error: Exception) -> StoreUnavailable:
    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return StoreUnavailable(
        f"The class database is not answering ({first_line[:160]}): "
        "try again in a moment."
    )


class SqliteDatabase(Database):
    """A SQLite file in WAL mode; the folder is created if needed."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        super().__init__(self._connect)

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, timeout=WAIT_S, isolation_level=None, check_same_thread=False
        )
        _into_wal(connection)
        connection.execute(f"PRAGMA busy_timeout={int(WAIT_S * 1000)}")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
        return connection

    def _transaction(
        self, connection: Any, tx: Tx, work: Callable[[Tx], T], write: bool
    ) -> T:
        connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            result = work(tx)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        return result

    def journal_mode(self) -> str:
        """The journal mode the file is in (``"wal"``)."""
        return str(self.run(lambda tx: (tx.one("PRAGMA journal_mode") or ("",))[0]))


def _into_wal(connection: sqlite3.Connection) -> None:
    """``PRAGMA journal_mode=WAL``, again after a moment while another connection holds it.

    On a new file, connections switching it to WAL at the same moment (two app
    processes starting together, or a process's first threads) can each hold the
    lock the other needs; SQLite then answers "database is locked" at once, without
    the busy wait (measured: 23 of 3,200 connections, 8 at a time on fresh files).
    Once the file is in WAL mode the pragma only reads it.
    """
    deadline = time.monotonic() + WAIT_S
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


class PostgresDatabase(Database):
    """A PostgreSQL database reached by URL (``postgresql://user@host:port/db``)."""

    postgres = True

    def __init__(self, url: str) -> None:
        import psycopg  # only when PostgreSQL is asked for

        self._psycopg = psycopg
        self.url = url
        self._unavailable = (psycopg.OperationalError, psycopg.InterfaceError)
        super().__init__(self._connect)

    def _connect(self) -> Any:
        connection = self._psycopg.connect(self.url, autocommit=True, connect_timeout=5)
        wait_ms = int(WAIT_S * 1000)
        connection.execute(f"SET statement_timeout = {wait_ms}")
        connection.execute(f"SET lock_timeout = {wait_ms}")
        return connection

    def _transaction(
        self, connection: Any, tx: Tx, work: Callable[[Tx], T], write: bool
    ) -> T:
        with connection.transaction():
            if not write:
                connection.execute(
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                )
            return work(tx)

    def _broken(self, connection: Any) -> bool:
        return bool(connection.broken or connection.closed)
