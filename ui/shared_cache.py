"""Results shared by every session of the process, keyed by the arguments' own hash.

:func:`shared` is ``st.cache_resource(max_entries=n)`` for the functions a rerun
calls every time (a view's result, its figure, a live chart's frames): the same
object back for equal arguments, least recently used dropped past ``n``, each
result computed once while other sessions asking for it wait. What differs is the
key. Streamlit hashes every argument with its own hasher, which walks the value
(0.25 ms for a live chart's control and its fixed values), on every call, hit or
miss; here the key is the arguments' Python hash (under 1 µs): they are tuples of
numbers and words, frozen dataclasses, and the ``key`` of a ``core`` result. As
with Streamlit, a parameter whose name starts with ``_`` is not part of the key;
it carries the value that the keyed arguments name.

Built on ``cachetools`` (its ``cached`` with a condition: a caller waits while
another thread computes the same key).
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

import cachetools
import cachetools.keys

F = TypeVar("F", bound=Callable[..., Any])

#: Every shared function of the process, so that tests can empty them all.
_ALL: list[Any] = []


def _unkeyed(fn: Callable[..., Any]) -> frozenset[int]:
    """Positions of ``fn``'s parameters that are not part of the key (``_name``)."""
    names = list(inspect.signature(fn).parameters)
    return frozenset(i for i, name in enumerate(names) if name.startswith("_"))


def shared(max_entries: int) -> Callable[[F], F]:
    """Cache ``fn``'s results for every session, at most ``max_entries`` of them.

    Call the wrapped function with positional arguments only: the key leaves out
    those in the ``_name`` parameters' places. An argument that cannot be hashed
    raises ``TypeError``, as a key must never be guessed.

    >>> calls = []
    >>> @shared(max_entries=2)
    ... def square(x, _note):
    ...     calls.append(x)
    ...     return x * x
    >>> square(3, "a"), square(3, "b"), calls
    (9, 9, [3])
    """
    if max_entries < 1:
        raise ValueError(f"max_entries must be at least 1, not {max_entries}")

    def wrap(fn: F) -> F:
        skip = _unkeyed(fn)

        def key(*args: Any, **kwargs: Any) -> Hashable:
            if kwargs:
                raise TypeError(f"{fn.__qualname__}: pass arguments by position")
            return cachetools.keys.hashkey(
                *(a for i, a in enumerate(args) if i not in skip)
            )

        cache: cachetools.LRUCache[Hashable, Any] = cachetools.LRUCache(max_entries)
        lock = threading.Lock()
        condition = threading.Condition(lock)
        cached = cachetools.cached(cache, key=key, lock=lock, condition=condition)(fn)
        _ALL.append(cached)
        return cast(F, cached)

    return wrap


def clear_all() -> None:
    """Empty every shared cache (tests start from a cold process this way)."""
    for cached in _ALL:
        cached.cache_clear()
