"""Where the rows of a typed matrix are: brackets checked pair by pair.

``[[1, 2], [3, 4]]``, ``[1, 2] [3, 4]``, ``[1, 2; 3, 4]`` and ``1, 2; 3, 4`` all
hold two rows. Brackets must pair up (``[`` with ``]``, ``(`` with ``)``), nest at
most twice, and hold every number once rows are bracketed; two bracketed rows are
separated by at most one comma, semicolon or line break.

Examples
--------
>>> split_rows("[[1, 2], [3, 4]]", "A")
['1, 2', '3, 4']
>>> split_rows("[[1, 2],, [3, 4]]", "A")
Traceback (most recent call last):
...
ValueError: A: between two bracketed rows there must be one comma, semicolon or line break, not ',,'.
"""

from __future__ import annotations

import re

_OPENERS = {"[": "]", "(": ")"}
_ROW_SEPARATOR = re.compile(r"\s*[,;]?\s*")


def _bracket_groups(text: str, name: str) -> list[tuple[int, int, int]]:
    """``(depth, start, end)`` of every bracket pair; raise if they do not match."""
    stack: list[tuple[str, int]] = []
    groups = []
    for index, char in enumerate(text):
        if char in _OPENERS:
            stack.append((char, index))
            if len(stack) > 2:
                raise ValueError(
                    f"{name}: brackets nest too deep; write a matrix as "
                    "[[1, 2], [3, 4]]."
                )
        elif char in _OPENERS.values():
            if not stack:
                raise ValueError(
                    f"{name}: the brackets do not match (a {char!r} closes nothing)."
                )
            opener, start = stack.pop()
            if _OPENERS[opener] != char:
                raise ValueError(
                    f"{name}: the brackets do not match ({opener!r} is closed by "
                    f"{char!r})."
                )
            groups.append((len(stack), start, index))
    if stack:
        raise ValueError(
            f"{name}: the brackets do not match (a {stack[-1][0]!r} is never closed)."
        )
    return sorted(groups, key=lambda group: group[1])


def _between(text: str, groups: list[tuple[int, int, int]], low: int, high: int) -> str:
    """The text from ``low`` to ``high`` outside every group (what separates them)."""
    parts, at = [], low
    for _, start, end in groups:
        parts.append(text[at:start])
        at = end + 1
    parts.append(text[at:high])
    return "|".join(parts)


def split_rows(text: str, name: str) -> list[str]:
    """The rows of a typed matrix, each as the text of its numbers (not yet read)."""
    if not isinstance(text, str):
        raise ValueError(f"{name} must be text, not {type(text).__name__}.")
    groups = _bracket_groups(text, name)
    if not groups:
        return re.split(r"[;\n]+", text)
    low, high = 0, len(text)
    outer = [g for g in groups if g[0] == 0]
    inner = [g for g in groups if g[0] == 1]
    if inner or (len(outer) == 1 and (outer[0][1], outer[0][2]) == (0, high - 1)):
        if len(outer) != 1 or (outer[0][1], outer[0][2]) != (0, high - 1):
            raise ValueError(
                f"{name}: with brackets inside brackets, one pair must hold the whole "
                "matrix, as in [[1, 2], [3, 4]]."
            )
        if not inner:  # "[1, 2; 3, 4]": one pair around the plain form
            return re.split(r"[;\n]+", text[1:-1])
        low, high, outer = 1, high - 1, inner
    separators = _between(text, outer, low, high)
    if separators.replace("|", "").strip(" ,;\t\r\n"):
        raise ValueError(
            f"{name}: when rows are in brackets, every number must be inside them."
        )
    for separator in separators.split("|"):
        if not _ROW_SEPARATOR.fullmatch(separator):
            raise ValueError(
                f"{name}: between two bracketed rows there must be one comma, "
                f"semicolon or line break, not {separator.strip()!r}."
            )
    rows = [text[start + 1 : end] for _, start, end in outer]
    if any(";" in row or "\n" in row for row in rows):
        raise ValueError(f"{name}: a row in brackets holds one row only (no ';').")
    return rows
