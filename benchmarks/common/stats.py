"""Small statistics and number formatting for the benchmarks' tables."""

from __future__ import annotations

from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-quantile (0..1) by linear interpolation; nan when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def cell(value: float, spec: str) -> str:
    """``value`` formatted with ``spec`` for a table cell; a dash for nan."""
    return "—" if value != value else format(value, spec)
