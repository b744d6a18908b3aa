"""Reading and checking the matrices and vectors a learner types, and their notation.

Every function of ``core.matrices`` checks its input here first, so a learner
always gets a ``ValueError`` that names the matrix and says what would fit.

Examples
--------
>>> matrix_from_text("2, 3; 4, 5", "A").tolist()
[[2.0, 3.0], [4.0, 5.0]]
>>> shape_text((2, 3))
'2×3'
>>> resize_matrix([[1, 2], [3, 4]], 1, 3).tolist()
[[1.0, 2.0, 0.0]]
>>> factor_text(-2), subscript(12)
('(-2)', '₁₂')
"""

from __future__ import annotations

from typing import Any

import numpy as np

from core.parsing import (
    MAX_MATRIX_SIDE,
    as_finite_array,
    check_int,
    format_number,
    parse_matrix,
    parse_vector,
)
from core.vectors import check_entries, is_whole

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def shape_text(shape: tuple[int, ...]) -> str:
    """Write a shape the way a learner reads it.

    Parameters
    ----------
    shape : tuple of int
        A NumPy shape, e.g. ``(2, 3)``.

    Returns
    -------
    str
        ``"2×3"``.
    """
    if not isinstance(shape, tuple | list) or not all(
        isinstance(n, int | np.integer) and n >= 0 for n in shape
    ):
        raise ValueError(f"A shape is a tuple of whole numbers, not {shape!r}.")
    return "×".join(str(n) for n in shape)


def subscript(index: int) -> str:
    """Write a whole number as subscript digits: ``12 -> "₁₂"``.

    Parameters
    ----------
    index : int
        A row or column number (1-based).

    Returns
    -------
    str
    """
    return str(check_int(index, "The index", 0)).translate(_SUBSCRIPTS)


def factor_text(value: float) -> str:
    """Write a number as a factor of a product: negative numbers in brackets.

    Parameters
    ----------
    value : float
        One factor, written with 4 significant digits.

    Returns
    -------
    str
        ``"3"`` or ``"(-2)"``.
    """
    text = format_number(value, 4)
    return f"({text})" if value < 0 else text


def array_key(values: np.ndarray) -> tuple[Any, ...]:
    """A hashable copy of an array: its shape, then its entries row by row.

    Parameters
    ----------
    values : ndarray
        Any array of numbers.

    Returns
    -------
    tuple
        ``(shape, *entries)``, usable as (part of) a cache key.
    """
    values = as_finite_array(values, "The array")
    return (values.shape, *values.ravel().tolist())


def check_matrix(
    values: Any, name: str, *, max_side: int = MAX_MATRIX_SIDE
) -> np.ndarray:
    """Return ``values`` as a finite float matrix of at most ``max_side`` × ``max_side``.

    Parameters
    ----------
    values : array_like of shape (rows, cols)
        The matrix.
    name : str
        What the learner calls it, for error messages.
    max_side : int
        The largest number of rows or columns allowed.

    Returns
    -------
    ndarray of shape (rows, cols)

    Raises
    ------
    ValueError
        If it is not a 2-D table of finite numbers, too large, or has an entry
        larger than ``core.vectors.MAX_ENTRY``.
    """
    max_side = check_int(max_side, "max_side", 1)
    matrix = as_finite_array(values, name, ndim=2)
    rows, cols = matrix.shape
    if rows > max_side or cols > max_side:
        raise ValueError(
            f"{name} is {shape_text(matrix.shape)}; the most this page takes is "
            f"{max_side}×{max_side}."
        )
    check_entries(matrix, name)
    return matrix


def matrix_from_text(text: str, name: str) -> np.ndarray:
    """Read a matrix typed by a learner (``"2, 3; 4, 5"`` or ``"[[2, 3], [4, 5]]"``).

    Parameters
    ----------
    text : str
        Rows separated by ``;`` or new lines, numbers by commas or spaces.
    name : str
        What the learner calls it, for error messages.

    Returns
    -------
    ndarray of shape (rows, cols)
    """
    return check_matrix(parse_matrix(text, name), name)


def vector_from_text(text: str, name: str) -> np.ndarray:
    """Read a vector typed by a learner (``"1, 2, 3"``), at most 6 numbers.

    Parameters
    ----------
    text : str
        Numbers separated by commas, spaces or semicolons.
    name : str
        What the learner calls it, for error messages.

    Returns
    -------
    ndarray of shape (n,)
    """
    vector = parse_vector(text, name, max_length=MAX_MATRIX_SIDE)
    check_entries(vector, name)
    return vector


def validate_matrix_text(text: str) -> np.ndarray:
    """Check a matrix written in a link (decides whether a URL value is kept).

    Parameters
    ----------
    text : str

    Returns
    -------
    ndarray of shape (rows, cols)
    """
    return matrix_from_text(text, "the matrix")


def validate_vector_text(text: str) -> np.ndarray:
    """Check a vector written in a link (decides whether a URL value is kept).

    Parameters
    ----------
    text : str

    Returns
    -------
    ndarray of shape (n,)
    """
    return vector_from_text(text, "the vector")


def resize_matrix(matrix: Any, rows: int, cols: int) -> np.ndarray:
    """Cut ``matrix`` or pad it with zeros to ``rows × cols`` (for the size pickers).

    Parameters
    ----------
    matrix : array_like
        The matrix as it is.
    rows, cols : int
        The size it should have.

    Returns
    -------
    ndarray of shape (rows, cols)
    """
    rows = check_int(rows, "The number of rows", 1, MAX_MATRIX_SIDE)
    cols = check_int(cols, "The number of columns", 1, MAX_MATRIX_SIDE)
    source = np.atleast_2d(as_finite_array(matrix, "The matrix"))
    if source.ndim != 2:
        raise ValueError("The matrix must be a table of rows and columns.")
    out = np.zeros((rows, cols))
    keep_r, keep_c = min(rows, source.shape[0]), min(cols, source.shape[1])
    out[:keep_r, :keep_c] = source[:keep_r, :keep_c]
    return out


def numpy_like(values: np.ndarray, *inputs: np.ndarray) -> np.ndarray:
    """``values`` with the dtype NumPy would give for code built from ``inputs``.

    The code panel writes whole numbers as ``2`` (not ``2.0``), so NumPy keeps
    integer arrays and prints ``array([[26, 36], [46, 64]])`` like the notebook.
    Entries are at most 10⁶ and sides at most 6, so int64 never overflows.

    Parameters
    ----------
    values : ndarray
        A result computed in floats.
    *inputs : ndarray
        The arrays the learner's code starts from.

    Returns
    -------
    ndarray
        ``values`` as int64 when every input is whole, else ``values``.
    """
    values = as_finite_array(values, "The result")
    if all(is_whole(array) for array in inputs) and np.all(np.abs(values) < 2**62):
        return np.rint(values).astype(np.int64)
    return values
