"""Matrix multiplication cell by cell, and the two orders ``A @ B`` and ``B @ A``.

Notebook cell 3::

    A_mat = np.array([[2, 3], [4, 5]])
    B_mat = np.array([[4, 6], [6, 8]])
    A_mat @ B_mat                 # array([[26, 36], [46, 64]])

Examples
--------
>>> product = matrix_product([[2, 3], [4, 5]], [[4, 6], [6, 8]])
>>> product.c.tolist()
[[26.0, 36.0], [46.0, 64.0]]
>>> cell_sum_text(product, 0, 1)
'2·6 + 3·8 = 36'
>>> compare_orders(product).ba.tolist()
[[32.0, 42.0], [44.0, 58.0]]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from core.matrices.checks import (
    array_key,
    check_matrix,
    factor_text,
    matrix_from_text,
    shape_text,
)
from core.parsing import check_int, check_names, format_number


@dataclass(frozen=True)
class MatrixProduct:
    """``C = A @ B`` with ``A`` of shape (m, n), ``B`` of shape (n, p), ``C`` (m, p)."""

    a: np.ndarray
    b: np.ndarray
    c: np.ndarray

    @property
    def key(self) -> tuple[Any, ...]:
        """The inputs this product was computed from (a cache key)."""
        return (array_key(self.a), array_key(self.b))

    @property
    def shapes(self) -> str:
        """The shape rule with these shapes: ``(2×3)·(3×2) → (2×2)``."""
        return (
            f"({shape_text(self.a.shape)})·({shape_text(self.b.shape)}) → "
            f"({shape_text(self.c.shape)})"
        )

    @property
    def cells(self) -> int:
        """How many cells ``C`` has: ``m·p``."""
        return int(self.c.size)

    def cell_index(self, step: int) -> tuple[int, int]:
        """Row and column of the ``step``-th cell (1-based, row by row), clamped.

        Parameters
        ----------
        step : int
            1 is ``C[0, 0]``, 2 the cell to its right, and so on.

        Returns
        -------
        tuple of int
            ``(i, j)``, 0-based.
        """
        step = min(max(int(step), 1), self.cells)
        i, j = divmod(step - 1, self.c.shape[1])
        return i, j


def matrix_product(
    a: Any, b: Any, names: tuple[str, str] = ("A", "B")
) -> MatrixProduct:
    """The product ``C = A B``, where ``C[i, j] = Σₖ A[i, k]·B[k, j]``.

    Parameters
    ----------
    a : array_like of shape (m, n)
        The left factor.
    b : array_like of shape (n, p)
        The right factor: as many rows as ``a`` has columns.
    names : tuple of str
        What the learner calls the two matrices, for error messages.

    Returns
    -------
    MatrixProduct
        With ``c`` of shape (m, p).

    Examples
    --------
    >>> matrix_product([[1, 2]], [[3], [4]]).c.tolist()
    [[11.0]]
    """
    name_a, name_b = check_names(names)
    ma = check_matrix(a, name_a)
    mb = check_matrix(b, name_b)
    if ma.shape[1] != mb.shape[0]:
        raise ValueError(
            f"{name_a} is {shape_text(ma.shape)} and {name_b} is "
            f"{shape_text(mb.shape)}: {name_a} @ {name_b} needs as many columns in "
            f"{name_a} ({ma.shape[1]}) as rows in {name_b} ({mb.shape[0]}), because "
            f"each row of {name_a} is paired term by term with each column of "
            f"{name_b}."
        )
    return MatrixProduct(ma, mb, ma @ mb)


def multiply_from_text(a: str, b: str) -> MatrixProduct:
    """Read ``A`` and ``B`` as typed and multiply them.

    Parameters
    ----------
    a, b : str
        The matrices as the learner typed them (``"2, 3; 4, 5"``).

    Returns
    -------
    MatrixProduct
    """
    return matrix_product(matrix_from_text(a, "A"), matrix_from_text(b, "B"))


def cell_terms(product: MatrixProduct, i: int, j: int) -> np.ndarray:
    """The terms ``A[i, k]·B[k, j]`` whose sum is ``C[i, j]``.

    Parameters
    ----------
    product : MatrixProduct
    i, j : int
        Row and column of the cell, 0-based.

    Returns
    -------
    ndarray of shape (n,)
    """
    i, j = _check_cell(product, i, j)
    return product.a[i, :] * product.b[:, j]


def _check_cell(product: MatrixProduct, i: int, j: int) -> tuple[int, int]:
    """``(i, j)`` as 0-based indices of a cell of ``C``, or a ``ValueError``."""
    rows, cols = product.c.shape
    return check_int(i, "The row", 0, rows - 1), check_int(j, "The column", 0, cols - 1)


def cell_sum_text(product: MatrixProduct, i: int, j: int) -> str:
    """One cell of the product written out: ``2·6 + 3·8 = 36``.

    Parameters
    ----------
    product : MatrixProduct
    i, j : int
        Row and column of the cell, 0-based.

    Returns
    -------
    str
    """
    i, j = _check_cell(product, i, j)
    pairs = [
        f"{factor_text(x)}·{factor_text(y)}"
        for x, y in zip(product.a[i, :], product.b[:, j], strict=True)
    ]
    return " + ".join(pairs) + f" = {format_number(product.c[i, j], 6)}"


@dataclass(frozen=True)
class OrderComparison:
    """``A @ B`` next to ``B @ A``: ``ba`` is ``None`` when the shapes do not allow it."""

    ab: np.ndarray
    ba: np.ndarray | None
    reason: str

    @property
    def same(self) -> bool:
        """Whether ``B @ A`` exists, has the shape of ``A @ B`` and equals it."""
        if self.ba is None or self.ab.shape != self.ba.shape:
            return False
        return bool(np.allclose(self.ab, self.ba, rtol=1e-12, atol=1e-12))


def compare_orders(product: MatrixProduct) -> OrderComparison:
    """Compute ``B @ A`` when it exists and say how it compares with ``A @ B``.

    Parameters
    ----------
    product : MatrixProduct
        ``A @ B``.

    Returns
    -------
    OrderComparison
        With a sentence (``reason``) saying whether the orders agree.
    """
    a, b, ab = product.a, product.b, product.c
    if b.shape[1] != a.shape[0]:
        return OrderComparison(
            ab,
            None,
            f"B @ A does not exist: B is {shape_text(b.shape)} and A is "
            f"{shape_text(a.shape)}, and B has {b.shape[1]} columns but A has "
            f"{a.shape[0]} rows. Order matters so much that swapping can make the "
            "product impossible.",
        )
    ba = b @ a
    if ba.shape != ab.shape:
        reason = (
            f"B @ A is {shape_text(ba.shape)} but A @ B is {shape_text(ab.shape)}: "
            "not even the same shape."
        )
    elif np.allclose(ab, ba, rtol=1e-12, atol=1e-12):
        reason = (
            "Here A @ B equals B @ A: these two matrices commute. That is the "
            "exception (the identity, diagonal matrices, a matrix and its powers), "
            "not the rule."
        )
    else:
        differ = int(np.sum(~np.isclose(ab, ba, rtol=1e-12, atol=1e-12)))
        reason = (
            f"A @ B and B @ A differ in {differ} of {ab.size} cells: matrix "
            "multiplication is not commutative, so the order of layers matters."
        )
    return OrderComparison(ab, ba, reason)
