"""One schema, created at the first start and migrated at every start."""

from __future__ import annotations

import threading

import pytest

from classroom import ClassStore, open_store
from classroom.schema import LATEST, migrate


def test_the_first_start_creates_every_table(store: ClassStore) -> None:
    tables = ("classes", "students", "rounds", "answers", "schema_version")
    counts = store.database.run(
        lambda tx: [tx.one(f"SELECT COUNT(*) FROM {table}") for table in tables]
    )
    assert counts == [(0,), (0,), (0,), (0,), (1,)]


def test_migrating_again_changes_nothing(database_url: str, store: ClassStore) -> None:
    store.start_class()
    assert migrate(store.database) == LATEST
    with open_store(database_url) as again:
        assert migrate(again.database) == LATEST
    versions = store.database.run(
        lambda tx: tx.rows("SELECT version FROM schema_version")
    )
    assert versions == [(LATEST,)]
    assert len(store.database.run(lambda tx: tx.rows("SELECT code FROM classes"))) == 1


def test_stores_opening_together_migrate_once(database_url: str) -> None:
    opened: list[ClassStore] = []
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            opened.append(open_store(database_url))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=open_one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    versions = opened[0].database.run(
        lambda tx: tx.rows("SELECT version FROM schema_version")
    )
    assert versions == [(LATEST,)]
    for one in opened:
        one.close()


def test_a_database_from_a_newer_program_is_refused(
    database_url: str, store: ClassStore
) -> None:
    store.database.run(
        lambda tx: tx.run(
            "INSERT INTO schema_version (version, applied_at) VALUES (?, 0)", LATEST + 1
        ),
        write=True,
    )
    with pytest.raises(RuntimeError, match=f"schema version {LATEST + 1}, newer"):
        open_store(database_url)
