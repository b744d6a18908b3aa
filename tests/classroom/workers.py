"""Students in other processes (``multiprocessing``, spawned): importable targets."""

from __future__ import annotations

import os
import threading

from classroom import open_store


def answer(url: str, code: str, students: int, first_value: float) -> None:
    """``students`` threads each join, answer three times, and keep the last answer.

    Student ``k`` of this process ends on ``first_value + k``.
    """
    store = open_store(url)
    barrier = threading.Barrier(students)

    def one(k: int) -> None:
        student = store.join(code)
        barrier.wait()  # every thread submits at the same moment
        for offset in (0.25, 0.5, 0.0):
            store.submit(code, student.token, first_value + k + offset)

    threads = [threading.Thread(target=one, args=(k,)) for k in range(students)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    store.close()


def answer_and_die(url: str, code: str, token: str, value: float) -> None:
    """Submit one answer, then end the process at once: no close, no clean-up."""
    store = open_store(url)
    store.submit(code, token, value)
    os._exit(0)
