"""Many students at once, and restarts: no answer is lost, on either backend."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import psycopg
import pytest

from classroom import ClassStore, NewClass, StoreUnavailable, open_store
from classroom.database import SqliteDatabase
from tests.classroom import workers
from tests.classroom.conftest import question
from tooling.postgres import Cluster


def test_sixty_threads_answer_at_once_and_none_is_lost(
    store: ClassStore, lesson: NewClass
) -> None:
    store.open_question(lesson.code, lesson.secret, question(low=-100, high=100))
    students = [store.join(lesson.code) for _ in range(60)]
    start = threading.Barrier(len(students))
    errors: list[BaseException] = []

    def answer(index: int) -> None:
        start.wait()
        try:
            for value in (index / 2, index / 4, index - 30.0):  # the last one counts
                store.submit(lesson.code, students[index].token, value)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=answer, args=(i,)) for i in range(60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    stored = store.answers(lesson.code, lesson.secret)
    assert stored.count == 60
    assert stored.values == tuple(i - 30.0 for i in range(60))


def test_four_processes_answer_at_once_and_none_is_lost(
    database_url: str, store: ClassStore, lesson: NewClass
) -> None:
    store.open_question(lesson.code, lesson.secret, question(low=-100, high=100))
    spawn = multiprocessing.get_context("spawn")
    processes = [
        spawn.Process(
            target=workers.answer, args=(database_url, lesson.code, 15, 20.0 * p)
        )
        for p in range(4)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [process.exitcode for process in processes] == [0, 0, 0, 0]
    stored = store.answers(lesson.code, lesson.secret)
    assert stored.count == 60
    expected = sorted(20.0 * p + k for p in range(4) for k in range(15))
    assert sorted(stored.values) == expected
    assert store.class_state(lesson.code).students == 60
    numbers = store.database.run(
        lambda tx: tx.rows("SELECT student_no FROM students ORDER BY student_no")
    )
    assert [n for (n,) in numbers] == list(range(1, 61))  # no number given twice


def test_closing_and_reopening_the_store_loses_nothing(
    database_url: str, store: ClassStore, lesson: NewClass
) -> None:
    ada = store.join(lesson.code, nickname="Ada")
    store.push_view(lesson.code, lesson.secret, "bayes", "tree", "p_a=0.3")
    store.set_controls_free(lesson.code, lesson.secret, False)
    store.open_question(lesson.code, lesson.secret, question())
    store.submit(lesson.code, ada.token, 0.5)
    before = store.teacher_state(lesson.code, lesson.secret)
    store.close()

    with open_store(database_url) as again:  # a new process would do the same
        assert again.teacher_state(lesson.code, lesson.secret) == before
        assert again.rejoin(lesson.code, ada.token).nickname == "Ada"
        assert (
            again.submit(lesson.code, ada.token, 0.75) == 0.75
        )  # same code, same token
        bob = again.join(lesson.code)
        assert bob.number == 2
        assert again.answers(lesson.code, lesson.secret).values == (0.75,)


def test_a_killed_process_loses_no_committed_answer(
    database_url: str, store: ClassStore, lesson: NewClass
) -> None:
    store.open_question(lesson.code, lesson.secret, question())
    student = store.join(lesson.code)
    spawn = multiprocessing.get_context("spawn")
    process = spawn.Process(
        target=workers.answer_and_die,
        args=(database_url, lesson.code, student.token, 1.5),
    )
    process.start()
    process.join(timeout=60)
    assert process.exitcode == 0
    assert store.answers(lesson.code, lesson.secret).values == (1.5,)


def test_the_store_reconnects_after_postgresql_restarts(postgres: Cluster) -> None:
    from tests.classroom.conftest import new_schema_url

    with open_store(new_schema_url(postgres)) as store:
        new = store.start_class()
        student = store.join(new.code)
        store.open_question(new.code, new.secret, question())
        postgres.restart()  # every pooled connection is now broken
        assert store.submit(new.code, student.token, 0.5) == 0.5
        assert store.answers(new.code, new.secret).values == (0.5,)


def test_an_unreachable_postgresql_is_a_clear_error(postgres: Cluster) -> None:
    with psycopg.connect(postgres.url) as probe:
        assert probe.execute("SELECT 1").fetchone() == (1,)
    url = postgres.url.replace(f":{postgres.port}/", ":1/")
    with pytest.raises(StoreUnavailable, match="class database is not answering"):
        open_store(url)


def test_stores_opening_a_new_file_at_the_same_moment_are_never_refused(
    tmp_path: Path,
) -> None:
    """Eight stores (as two app processes and their first threads) open a new SQLite
    file at once, 100 times: each switches it to WAL mode and answers. SQLite
    refuses such a switch at once, without its busy wait, when another holds the
    lock it needs (before the retry, 23 of 3,200 connections were refused)."""
    refused: list[BaseException] = []
    for attempt in range(100):
        path = tmp_path / f"class-{attempt}.db"
        barrier = threading.Barrier(8)

        def open_and_read(
            path: Path = path, barrier: threading.Barrier = barrier
        ) -> None:
            database = SqliteDatabase(path)
            barrier.wait()
            try:
                database.run(lambda tx: tx.one("SELECT 1"))
            except StoreUnavailable as error:
                refused.append(error)
            finally:
                database.close()

        threads = [threading.Thread(target=open_and_read) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert refused == []
    assert SqliteDatabase(tmp_path / "class-0.db").journal_mode() == "wal"
