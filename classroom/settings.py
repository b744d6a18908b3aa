"""Where the class store lives: a SQLite file by default, PostgreSQL by URL.

- ``MLMATH_DATABASE_URL`` (or the ``url`` argument): ``postgresql://user:pw@host:port/db``
  for several app processes (behind HAProxy), or ``sqlite:///path/to/class.db``.
- Otherwise a SQLite file ``class.db`` in the data directory: ``MLMATH_DATA_DIR``,
  else ``$XDG_DATA_HOME/ml-math-explorer``, else ``~/.local/share/ml-math-explorer``.
  Nothing to set up: the folder and the schema are created on first use.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from classroom.database import Database, PostgresDatabase, SqliteDatabase
from classroom.store import ClassStore

DATABASE_URL_ENV = "MLMATH_DATABASE_URL"
DATA_DIR_ENV = "MLMATH_DATA_DIR"
FILE_NAME = "class.db"


def data_dir() -> Path:
    """The folder of the default SQLite file (see the module's docstring)."""
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "ml-math-explorer"


def database_for(url: str | None = None) -> Database:
    """The database ``url`` names (``MLMATH_DATABASE_URL`` when ``None``).

    An empty URL means the default SQLite file. Raises ``ValueError`` for a URL of
    another kind.
    """
    if url is None:
        url = os.environ.get(DATABASE_URL_ENV, "")
    url = url.strip()
    if not url:
        return SqliteDatabase(data_dir() / FILE_NAME)
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresDatabase(url)
    if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
        return SqliteDatabase(Path(url.removeprefix("sqlite:///")).expanduser())
    raise ValueError(
        f"The class database URL must start with postgresql:// or sqlite:/// "
        f"(set {DATABASE_URL_ENV}, or leave it empty for the default SQLite file)."
    )


def open_store(
    url: str | None = None, clock: Callable[[], float] = time.time
) -> ClassStore:
    """Open (and create or migrate) the class store; share it within a process."""
    return ClassStore(database_for(url), clock)
