"""The cache every session shares: keyed by the arguments' hash, bounded, computed once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np
import pytest

from ui import shared_cache


def counted(
    max_entries: int,
) -> tuple[list[tuple[int, str]], Callable[[int, str], dict[str, int]]]:
    calls: list[tuple[int, str]] = []

    @shared_cache.shared(max_entries=max_entries)
    def square(x: int, _label: str) -> dict[str, int]:
        calls.append((x, _label))
        return {"square": x * x}

    return calls, square


def test_equal_arguments_get_the_same_object_and_underscored_ones_are_not_keyed() -> (
    None
):
    calls, square = counted(4)
    first = square(3, "first")
    again = square(3, "second")
    assert first is again
    assert first == {"square": 9}
    assert calls == [(3, "first")]
    assert square(4, "first") == {"square": 16}
    assert len(calls) == 2


def test_past_max_entries_the_least_recently_used_is_computed_again() -> None:
    calls, square = counted(2)
    for x in (1, 2, 1, 3):  # 1 used again after 2: 2 is the one dropped
        square(x, "")
    square(1, "")
    assert [x for x, _ in calls] == [1, 2, 3]
    square(2, "")
    assert [x for x, _ in calls] == [1, 2, 3, 2]


def test_sessions_asking_at_once_wait_for_one_computation() -> None:
    started: list[float] = []

    @shared_cache.shared(max_entries=4)
    def slow(x: int) -> list[int]:
        started.append(time.monotonic())
        time.sleep(0.2)
        return [x]

    results: list[list[int]] = []
    barrier = threading.Barrier(8)

    def ask() -> None:
        barrier.wait()
        results.append(slow(7))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(started) == 1
    assert len(results) == 8
    assert all(r is results[0] for r in results)


def test_an_error_is_not_kept_and_the_next_call_tries_again() -> None:
    tries: list[float] = []

    @shared_cache.shared(max_entries=4)
    def checked(p: float) -> float:
        tries.append(p)
        if len(tries) == 1:
            raise ValueError("The probability must be between 0 and 1")
        return p

    with pytest.raises(ValueError, match="between 0 and 1"):
        checked(0.5)
    assert checked(0.5) == 0.5
    assert tries == [0.5, 0.5]


def test_a_key_is_never_guessed() -> None:
    @shared_cache.shared(max_entries=4)
    def total(values: object) -> float:
        return float(np.sum(values))  # type: ignore[call-overload]

    with pytest.raises(TypeError, match="unhashable"):
        total(np.array([1.0, 2.0]))
    with pytest.raises(TypeError, match="by position"):
        total(values=(1.0, 2.0))
    with pytest.raises(ValueError, match="at least 1"):
        shared_cache.shared(max_entries=0)


def test_clear_all_empties_every_shared_cache() -> None:
    calls, square = counted(4)
    square(5, "")
    shared_cache.clear_all()
    square(5, "")
    assert [x for x, _ in calls] == [5, 5]
