"""Where the store lives: a SQLite file by default, PostgreSQL by URL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from classroom import open_store
from classroom.database import PostgresDatabase, SqliteDatabase
from classroom.settings import data_dir, database_for
from tooling.postgres import Cluster


def test_the_default_is_a_sqlite_file_in_the_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MLMATH_DATABASE_URL", raising=False)
    monkeypatch.setenv("MLMATH_DATA_DIR", str(tmp_path / "data"))
    with open_store() as store:
        new = store.start_class()
        assert isinstance(store.database, SqliteDatabase)
        assert store.database.journal_mode() == "wal"
    path = tmp_path / "data" / "class.db"
    with sqlite3.connect(path) as raw:  # a plain sqlite3 sees the class
        assert raw.execute("SELECT code FROM classes").fetchall() == [(new.code,)]
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_without_settings_the_data_lives_in_the_users_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("MLMATH_DATA_DIR", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert data_dir() == Path.home() / ".local" / "share" / "ml-math-explorer"
    monkeypatch.setenv("XDG_DATA_HOME", "/srv/data")
    assert data_dir() == Path("/srv/data/ml-math-explorer")


def test_a_url_chooses_the_backend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, postgres: Cluster
) -> None:
    assert isinstance(database_for(f"sqlite:///{tmp_path}/x.db"), SqliteDatabase)
    monkeypatch.setenv("MLMATH_DATABASE_URL", postgres.url)
    chosen = database_for()
    assert isinstance(chosen, PostgresDatabase)
    chosen.close()


@pytest.mark.parametrize("url", ["mysql://x", "sqlite://", "/tmp/x.db", "sqlite:///"])
def test_another_url_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="must start with postgresql:// or sqlite:///"):
        database_for(url)
