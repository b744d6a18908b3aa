"""Shared validation, parsing and formatting for every topic module.

Every public function in ``core`` calls these first, so a learner always gets a
``ValueError`` that names the bad value and says what would be right.
Text is never evaluated: numbers are read one token at a time with ``float``.

Examples
--------
>>> parse_vector("1, 2, 3")
array([1., 2., 3.])
>>> parse_matrix("[[2, 3], [4, 5]]")
array([[2., 3.],
       [4., 5.]])
>>> format_number(2.0), format_number(0.1)
('2', '0.1')
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

import numpy as np

from core.brackets import split_rows

#: Longest list a learner may type (keeps every page fast).
MAX_LIST_LENGTH = 1000
#: Largest number of rows or columns of a typed matrix.
MAX_MATRIX_SIDE = 6
#: Longest text accepted from a text box or a URL, in characters.
MAX_TEXT_LENGTH = 20_000
#: Every seed a page accepts: what ``numpy.random.default_rng`` takes as one 32-bit word.
SEED_LIMITS = (0, 2**32 - 1)

_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-"})  # − – —
_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_BRACKETS = "[]()"
#: Two commas with nothing but spaces between them: an entry was left out.
_EMPTY_ENTRY = re.compile(r",[ \t]*,")


def check_finite_number(value: Any, name: str) -> float:
    """Return ``value`` as a finite float or raise ``ValueError`` naming it."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, not {value!r}.") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, not {number}.")
    return number


def check_in_range(
    value: Any,
    name: str,
    low: float | None = None,
    high: float | None = None,
    *,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
) -> float:
    """Return ``value`` as a finite float inside ``[low, high]`` or raise."""
    number = check_finite_number(value, name)
    if low is not None and (number < low or (not low_inclusive and number == low)):
        sign = "at least" if low_inclusive else "greater than"
        raise ValueError(
            f"{name} must be {sign} {format_number(low)}, not {format_number(number)}."
        )
    if high is not None and (number > high or (not high_inclusive and number == high)):
        sign = "at most" if high_inclusive else "less than"
        raise ValueError(
            f"{name} must be {sign} {format_number(high)}, not {format_number(number)}."
        )
    return number


def check_probability(value: Any, name: str) -> float:
    """Return ``value`` as a probability in ``[0, 1]`` or raise."""
    return check_in_range(value, name, 0.0, 1.0)


def check_int(
    value: Any, name: str, low: int | None = None, high: int | None = None
) -> int:
    """Return ``value`` as an int inside ``[low, high]`` or raise."""
    number = check_finite_number(value, name)
    if number != int(number):
        raise ValueError(f"{name} must be a whole number, not {format_number(number)}.")
    check_in_range(number, name, low, high)
    return int(number)


def as_finite_array(
    values: Any, name: str, *, ndim: int | None = None, max_size: int | None = None
) -> np.ndarray:
    """Return ``values`` as a float array, checking shape, size and finiteness."""
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must contain only numbers.") from None
    if ndim is not None and array.ndim != ndim:
        shape = "a list of numbers" if ndim == 1 else f"a {ndim}-D array"
        raise ValueError(f"{name} must be {shape}, but it has shape {array.shape}.")
    if array.size == 0:
        raise ValueError(f"{name} is empty: enter at least one number.")
    if max_size is not None and array.size > max_size:
        raise ValueError(
            f"{name} has {array.size:,} values; the most this page takes is "
            f"{max_size:,}."
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf).")
    return array


def check_names(names: Any, count: int = 2) -> tuple[str, ...]:
    """Return ``names`` (labels such as ``("x", "y")``) as a tuple of ``count`` texts."""
    if (
        not isinstance(names, tuple | list)
        or len(names) != count
        or not all(isinstance(name, str) for name in names)
    ):
        raise ValueError(f"The names must be {count} pieces of text, not {names!r}.")
    return tuple(names)


def finite_result(values: Any, what: str) -> np.ndarray:
    """``values`` as a float array if every entry is finite, else a ``ValueError``.

    For results that overflow (``1e308 * 2``): compute under
    ``np.errstate(all="ignore")`` and pass the result here.

    >>> finite_result([1.0, 2.0], "The line").tolist()
    [1.0, 2.0]
    """
    array = np.asarray(values, dtype=float)
    if not np.all(np.isfinite(array)):
        raise ValueError(
            f"{what} is too large to compute with these numbers: use smaller ones."
        )
    return array


def parse_number(token: str, name: str = "value") -> float:
    """Read one number written by a learner: ``"2"``, ``"-0.5"``, ``"1e-3"``.

    Accepts a typographic minus sign. Rejects everything else, including
    ``nan`` and ``inf``, with a message that quotes the token.
    """
    if isinstance(token, bool) or not isinstance(token, str | int | float):
        raise ValueError(f"{name}: a number is missing (got {type(token).__name__}).")
    text = str(token).strip().translate(_MINUS_SIGNS).replace(" ", "")
    if not text:
        raise ValueError(f"{name}: a number is missing.")
    if not _NUMBER_RE.match(text):
        lowered = text.lower().lstrip("+-")
        if lowered in {"nan", "inf", "infinity"}:
            raise ValueError(f"{name}: {text!r} is not allowed; use a finite number.")
        raise ValueError(f"{name}: {text!r} is not a number.")
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{name}: {text!r} is too large to be a finite number.")
    return number


def _check_text(text: Any, name: str) -> str:
    if not isinstance(text, str):
        raise ValueError(f"{name} must be text, not {type(text).__name__}.")
    if len(text) > MAX_TEXT_LENGTH:
        raise ValueError(
            f"{name} is {len(text):,} characters long; the most accepted is "
            f"{MAX_TEXT_LENGTH:,}."
        )
    return text.translate(_MINUS_SIGNS)


def _split_numbers(text: str, name: str) -> list[str]:
    if _EMPTY_ENTRY.search(text):
        raise ValueError(
            f"{name}: an entry is missing between two commas (“, ,”): type a number "
            "there or remove one comma."
        )
    return [tok for tok in re.split(r"[,\s;]+", text.strip()) if tok]


def parse_vector(
    text: str,
    name: str = "vector",
    *,
    min_length: int = 1,
    max_length: int = MAX_LIST_LENGTH,
) -> np.ndarray:
    """Read a list of numbers such as ``"1, 2, 3"``, ``"[1 2 3]"`` or one per line.

    Parameters
    ----------
    text : str
        Numbers separated by commas, spaces, semicolons or new lines; one pair of
        brackets around the whole list is allowed.
    name : str
        What the learner calls this list; used in error messages.
    min_length, max_length : int
        How many numbers are allowed.

    Returns
    -------
    ndarray of shape (n,)
    """
    text = _check_text(text, name).strip()
    min_length = check_int(min_length, "min_length", 0)
    max_length = check_int(max_length, "max_length", 1)
    if text[:1] in "[(" and text[-1:] in "])":
        text = text[1:-1]
    if any(ch in text for ch in _BRACKETS):
        raise ValueError(f"{name}: brackets are only allowed around the whole list.")
    tokens = _split_numbers(text, name)
    if not tokens:
        raise ValueError(
            f"{name} is empty: enter numbers separated by commas, e.g. 1, 2, 3."
        )
    if len(tokens) > max_length:
        raise ValueError(
            f"{name} has {len(tokens):,} numbers; the most this page takes is "
            f"{max_length:,}."
        )
    values = np.array([parse_number(tok, name) for tok in tokens], dtype=float)
    if len(values) < min_length:
        raise ValueError(
            f"{name} needs at least {min_length} numbers, but has {len(values)}."
        )
    return values


def parse_matrix(
    text: str,
    name: str = "matrix",
    *,
    max_rows: int = MAX_MATRIX_SIDE,
    max_cols: int = MAX_MATRIX_SIDE,
) -> np.ndarray:
    r"""Read a matrix: rows separated by ``;`` or new lines, brackets allowed.

    ``"2 3; 4 5"``, ``"[[2, 3], [4, 5]]"`` and ``"2, 3\n4, 5"`` all give the
    same 2×2 matrix.

    Returns
    -------
    ndarray of shape (rows, cols)
    """
    text = _check_text(text, name).strip()
    max_rows = check_int(max_rows, "max_rows", 1)
    max_cols = check_int(max_cols, "max_cols", 1)
    if not text:
        raise ValueError(f"{name} is empty: enter rows such as 1, 2; 3, 4.")
    if text.count("[") != text.count("]") or text.count("(") != text.count(")"):
        raise ValueError(f"{name}: the brackets do not match.")
    raw_rows = [row for row in split_rows(text, name) if row.strip(" ,\t\r")]
    if not raw_rows:
        raise ValueError(f"{name} is empty: enter rows such as 1, 2; 3, 4.")
    if len(raw_rows) > max_rows:
        raise ValueError(
            f"{name} has {len(raw_rows)} rows; the most allowed is {max_rows}."
        )
    rows = [_split_numbers(row, name) for row in raw_rows]
    widths = [len(row) for row in rows]
    if len(set(widths)) != 1:
        listed = ", ".join(str(w) for w in widths)
        raise ValueError(
            f"{name}: every row needs the same number of entries, but the rows have "
            f"{listed}."
        )
    if widths[0] > max_cols:
        raise ValueError(
            f"{name} has {widths[0]} columns; the most allowed is {max_cols}."
        )
    return np.array(
        [[parse_number(tok, name) for tok in row] for row in rows], dtype=float
    )


def format_number(value: float, digits: int | None = None) -> str:
    """Write a number the way a learner would type it.

    Whole numbers lose their ``.0``; other floats use the shortest text that
    reads back to the same float (so pasted code reproduces the page exactly),
    or ``digits`` significant digits when given (for display only).
    """
    number = check_finite_number(value, "A number to write")
    if digits is not None:
        digits = check_int(digits, "digits", 1, 17)
    if number == 0:
        return "0"
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    if digits is not None:
        return f"{number:.{digits}g}"
    return repr(number)


def display_number(value: float, digits: int = 4) -> str:
    """Write a number for a sentence or a chart label.

    ``digits`` significant digits and a typographic minus sign (``−3.5``), which
    reads better than a hyphen. Very small or large numbers are written as a
    power of ten (``1.129 × 10⁻¹⁹``): a probability of 1e-19 written as ``0``
    would say it cannot happen, and ``1e-19`` is code, not a sentence.

    >>> display_number(-3.14159, 3)
    '−3.14'
    >>> display_number(1.129e-19)
    '1.129 × 10⁻¹⁹'
    """
    text = format_number(value, digits)
    if "e" not in text:
        return text.replace("-", "−")
    mantissa, exponent = text.split("e")
    power = str(int(exponent)).translate(_SUPERSCRIPTS)
    return f"{mantissa.replace('-', '−')} × 10{power}"


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def check_seed(value: Any, name: str = "The seed") -> int:
    """Return ``value`` as a seed for ``np.random.default_rng`` (see ``SEED_LIMITS``)."""
    return check_int(value, name, *SEED_LIMITS)


def format_vector(values: Iterable[float]) -> str:
    """Write a vector as ``"1, 2, 3"`` (inverse of :func:`parse_vector`)."""
    array = as_finite_array(values, "A vector to write", ndim=1)
    return ", ".join(format_number(v) for v in array)


def format_matrix(matrix: Any) -> str:
    """Write a matrix as ``"1, 2; 3, 4"`` (inverse of :func:`parse_matrix`)."""
    array = np.atleast_2d(as_finite_array(matrix, "A matrix to write"))
    if array.ndim != 2:
        raise ValueError(f"A matrix to write must be 2-D, not of shape {array.shape}.")
    return "; ".join(format_vector(row) for row in array)


def code_literal(values: Any) -> str:
    """Write numbers as a Python literal for the code panel: ``[1, 2, 3]``."""
    array = as_finite_array(values, "The numbers to write")
    if array.ndim == 0:
        return format_number(float(array))
    if array.ndim == 1:
        return "[" + ", ".join(format_number(v) for v in array) + "]"
    return "[" + ", ".join(code_literal(row) for row in array) + "]"
